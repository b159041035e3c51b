"""Care workers: list, read, add, change, remove; staff records are audited like people's."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.workforce.workers import Skill, Worker
from careweave.services.accounts.access import (
    Actor,
    check_can_manage_team,
    check_can_see_worker,
    staff_team_filter,
)
from careweave.services.accounts.audit import AuditTrail
from careweave.services.accounts.idempotency import Idempotency, already_done, remember
from careweave.services.listing import Paged, empty_page, require_team, team_filter
from careweave.services.workforce.unit_of_work import WorkforceUnitOfWork

KIND = "worker"


class WorkerService:
    """Use cases of workers; each checks access, audits and owns its transaction."""

    def __init__(self, uow_factory: Callable[[], WorkforceUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def list(
        self,
        actor: Actor,
        *,
        team_id: str | None = None,
        active: bool | None = None,
        skill: Skill | None = None,
        limit: int,
        offset: int,
    ) -> Paged[Worker]:
        """Workers of the teams ``actor`` belongs to (care workers and coordinators)."""
        scope = team_filter(staff_team_filter(actor), team_id)
        if scope is None:
            return empty_page(limit, offset)
        filters: dict[str, Any] = {**scope, "active": active, "skill": skill}
        with self._uow_factory() as uow:
            items = uow.workers.list(**filters, limit=limit, offset=offset)
            total = uow.workers.count(**filters)
            for worker in items:
                self._audit.record(
                    uow, actor, AuditAction.LIST, KIND, worker.id, team_id=worker.team_id
                )
            uow.commit()
        return Paged(items, total, limit, offset)

    def get(self, actor: Actor, worker_id: str) -> Worker:
        """One worker (NotFoundError when ``actor`` may not see them)."""
        with self._uow_factory() as uow:
            worker = uow.workers.get(worker_id)
            check_can_see_worker(actor, worker)
            self._audit.record(
                uow, actor, AuditAction.READ, KIND, worker.id, team_id=worker.team_id
            )
            uow.commit()
        return worker

    def create(self, actor: Actor, worker: Worker, idem: Idempotency | None = None) -> Worker:
        """Add a worker to a team ``actor`` coordinates; a retry with ``idem`` returns the first."""
        check_can_manage_team(actor, worker.team_id)
        with self._uow_factory() as uow:
            earlier = already_done(uow, actor, idem, KIND)
            if earlier is not None:
                return uow.workers.get(earlier)
            require_team(uow.teams, worker.team_id)
            uow.workers.add(worker)
            remember(uow, actor, idem, KIND, worker.id, at=self._clock.now())
            self._audit.record(
                uow, actor, AuditAction.CREATE, KIND, worker.id, team_id=worker.team_id
            )
            uow.commit()
        return worker

    def update(self, actor: Actor, worker_id: str, changes: Mapping[str, Any]) -> Worker:
        """Change a worker (their team's coordinator; a move needs both teams)."""
        with self._uow_factory() as uow:
            current = uow.workers.get(worker_id)
            check_can_see_worker(actor, current)
            check_can_manage_team(actor, current.team_id)
            worker = dataclasses.replace(current, **changes)
            if worker.team_id != current.team_id:
                check_can_manage_team(actor, worker.team_id)
                require_team(uow.teams, worker.team_id)
            uow.workers.update(worker)
            self._audit.record(
                uow, actor, AuditAction.UPDATE, KIND, worker.id, team_id=worker.team_id
            )
            uow.commit()
        return worker

    def delete(self, actor: Actor, worker_id: str) -> None:
        """Remove a worker (refused while visits are assigned to them: deactivate instead)."""
        with self._uow_factory() as uow:
            worker = uow.workers.get(worker_id)
            check_can_see_worker(actor, worker)
            check_can_manage_team(actor, worker.team_id)
            uow.workers.remove(worker_id)
            self._audit.record(
                uow, actor, AuditAction.DELETE, KIND, worker_id, team_id=worker.team_id
            )
            uow.commit()
