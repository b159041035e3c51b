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
from careweave.services.family_support.bundle import FamilySupportServices
from careweave.services.family_support.ports import FamilySupportUnitOfWork
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
    family_support: FamilySupportServices

    @classmethod
    def build(
        cls,
        settings: Settings,
        uow_factory: Callable[[], AccountsUnitOfWork],
        password_hasher: PasswordHasher | None = None,
        clock: Clock | None = None,
    ) -> WebServices:
        """Wire every service on ``uow_factory`` (and ``clock``, the system's by default)."""
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
            # The composition root gives the app units of work carrying every area's repositories.
            family_support=FamilySupportServices.build(
                cast(Callable[[], FamilySupportUnitOfWork], uow_factory), clock or SystemClock()
            ),
        )
