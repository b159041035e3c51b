"""The services the web app uses, built once by :func:`careweave.adapters.web.app.create_app`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from argon2 import PasswordHasher

from careweave.clock import Clock, SystemClock
from careweave.config import Settings
from careweave.services.accounts.accounts import AccountService
from careweave.services.accounts.audit import AuditService
from careweave.services.accounts.ports import AccountsUnitOfWork
from careweave.services.community.bundle import CommunityServices
from careweave.services.community.ports import CommunityUnitOfWork
from careweave.services.people.people import PeopleService
from careweave.services.visits.visits import VisitService
from careweave.services.workforce.teams import TeamService
from careweave.services.workforce.workers import WorkerService


@dataclass(frozen=True, slots=True)
class WebServices:
    """Everything a route may call. Routes reach it through :data:`careweave.adapters.web.deps.Svc`."""

    settings: Settings
    uow_factory: Callable[[], AccountsUnitOfWork]
    accounts: AccountService
    audit: AuditService
    teams: TeamService
    workers: WorkerService
    people: PeopleService
    visits: VisitService
    community: CommunityServices
    clock: Clock

    @classmethod
    def build(
        cls,
        settings: Settings,
        uow_factory: Callable[[], AccountsUnitOfWork],
        password_hasher: PasswordHasher | None = None,
        clock: Clock | None = None,
    ) -> WebServices:
        """Wire every service on ``uow_factory`` (the composition root's units of work carry
        every area's repositories) and ``clock`` (the system's by default)."""
        clock = clock or SystemClock()
        community_uow = cast(Callable[[], CommunityUnitOfWork], uow_factory)
        return cls(
            settings=settings,
            uow_factory=uow_factory,
            accounts=AccountService(
                uow_factory,
                login_attempts_per_minute=settings.login_attempts_per_minute,
                hasher=password_hasher,
            ),
            audit=AuditService(uow_factory),
            teams=TeamService(uow_factory),
            workers=WorkerService(uow_factory),
            people=PeopleService(uow_factory),
            visits=VisitService(uow_factory),
            community=CommunityServices.build(community_uow, clock),
            clock=clock,
        )
