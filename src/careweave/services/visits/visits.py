"""Visits: list, read, plan, change (with the version a client read, so no write is lost), remove,
and a team's roster for a day."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.accounts.users import Role
from careweave.domain.errors import ConflictError, DomainValidationError, NotFoundError
from careweave.domain.people.person import Person
from careweave.domain.visits.visit import Visit, VisitStatus
from careweave.domain.workforce.workers import Worker
from careweave.services.accounts.access import (
    Actor,
    check_can_plan_visits,
    check_can_record_visit,
    check_can_see_team,
    check_can_see_visit,
    require_role,
    visit_team_filter,
)
from careweave.services.accounts.audit import AuditTrail
from careweave.services.accounts.idempotency import Idempotency, already_done, remember
from careweave.services.listing import Paged, empty_page, team_filter
from careweave.services.visits.unit_of_work import VisitsUnitOfWork

KIND = "visit"
# What a care worker may change on a visit they attend; planning fields are the coordinator's.
WORKER_FIELDS = frozenset({"status"})
PLANNING_FIELDS = frozenset({"assigned_worker_ids", "planned_start", "planned_minutes"})


@dataclass(frozen=True, slots=True)
class VisitFilter:
    """What a visit listing is narrowed to (``None``: any)."""

    team_id: str | None = None
    person_id: str | None = None
    worker_id: str | None = None
    day_from: date | None = None
    day_to: date | None = None
    status: Collection[VisitStatus] | None = None

    def __post_init__(self) -> None:
        if self.day_from and self.day_to and self.day_to < self.day_from:
            raise DomainValidationError("day_to", "must not be before day_from")


@dataclass(frozen=True, slots=True)
class WorkerDay:
    """One worker's visits on a day, in planned order."""

    worker: Worker
    visits: Sequence[Visit]


@dataclass(frozen=True, slots=True)
class Roster:
    """A team's day: each worker's visits, and the visits nobody has yet."""

    team_id: str
    day: date
    workers: Sequence[WorkerDay]
    unassigned: Sequence[Visit]


def _planned_order(visit: Visit) -> tuple[time, time, str]:
    return (visit.planned_start or visit.window_start, visit.window_start, visit.id)


class VisitService:
    """Use cases of visits; each checks access, audits and owns its transaction."""

    def __init__(self, uow_factory: Callable[[], VisitsUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def list(self, actor: Actor, where: VisitFilter, *, limit: int, offset: int) -> Paged[Visit]:
        """Visits to people of the teams ``actor`` works in, matching ``where``."""
        scope = team_filter(visit_team_filter(actor), where.team_id)
        if scope is None:
            return empty_page(limit, offset)
        filters: dict[str, Any] = {
            **scope,
            "person_id": where.person_id,
            "worker_id": where.worker_id,
            "day_from": where.day_from,
            "day_to": where.day_to,
            "status": where.status,
        }
        with self._uow_factory() as uow:
            items = uow.visits.list(**filters, limit=limit, offset=offset)
            total = uow.visits.count(**filters)
            people = uow.people.list(ids={visit.person_id for visit in items})
            team_of = {person.id: person.team_id for person in people}
            for visit in items:
                team = team_of.get(visit.person_id)
                self._audit.record(uow, actor, AuditAction.LIST, KIND, visit.id, team_id=team)
            uow.commit()
        return Paged(items, total, limit, offset)

    def get(self, actor: Actor, visit_id: str) -> Visit:
        """One visit (NotFoundError when ``actor`` may not see it)."""
        with self._uow_factory() as uow:
            visit = uow.visits.get(visit_id)
            person = uow.people.get(visit.person_id)
            check_can_see_visit(actor, visit, person)
            self._audit.record(uow, actor, AuditAction.READ, KIND, visit.id, team_id=person.team_id)
            uow.commit()
        return visit

    def create(self, actor: Actor, visit: Visit, idem: Idempotency | None = None) -> Visit:
        """Plan a visit to a person of a team ``actor`` coordinates; retries with ``idem`` are
        recorded once."""
        with self._uow_factory() as uow:
            person = _person_for(uow, visit.person_id)
            check_can_plan_visits(actor, person)
            earlier = already_done(uow, actor, idem, KIND)
            if earlier is not None:
                return uow.visits.get(earlier)
            _check_workers(uow, visit.assigned_worker_ids, person.team_id)
            uow.visits.add(visit)
            remember(uow, actor, idem, KIND, visit.id, at=self._clock.now())
            self._audit.record(
                uow, actor, AuditAction.CREATE, KIND, visit.id, team_id=person.team_id
            )
            uow.commit()
        return visit

    def update(
        self, actor: Actor, visit_id: str, version: int, changes: Mapping[str, Any]
    ) -> Visit:
        """Change a visit that the client read at ``version``.

        Raises ConflictError (naming ``version``) when someone saved the visit since; then nothing
        is written and the client should reload and redo its change.
        """
        with self._uow_factory() as uow:
            visit = uow.visits.get(visit_id)
            person = uow.people.get(visit.person_id)
            check_can_record_visit(actor, visit, person)
            if set(changes) - WORKER_FIELDS:
                require_role(actor, Role.COORDINATOR)
            if visit.version != version:
                raise ConflictError(
                    f"the visit was changed by someone else (now version {visit.version}); "
                    "reload it and try again",
                    field="version",
                )
            _apply(uow, visit, changes, person.team_id)
            uow.visits.update(visit)
            self._audit.record(
                uow, actor, AuditAction.UPDATE, KIND, visit.id, team_id=person.team_id
            )
            uow.commit()
            return uow.visits.get(visit_id)

    def delete(self, actor: Actor, visit_id: str) -> None:
        """Remove a visit (the team's coordinator; prefer cancelling, which keeps its history)."""
        with self._uow_factory() as uow:
            visit = uow.visits.get(visit_id)
            person = uow.people.get(visit.person_id)
            check_can_see_visit(actor, visit, person)
            check_can_plan_visits(actor, person)
            uow.visits.remove(visit_id)
            self._audit.record(
                uow, actor, AuditAction.DELETE, KIND, visit_id, team_id=person.team_id
            )
            uow.commit()

    def roster(self, actor: Actor, team_id: str, day: date) -> Roster:
        """The team's visits on ``day`` by worker (care workers and coordinators of the team)."""
        check_can_see_team(actor, team_id)
        if team_id not in (visit_team_filter(actor) or {team_id}):
            raise NotFoundError("team", team_id)
        with self._uow_factory() as uow:
            uow.teams.get(team_id)
            visits = uow.visits.list(team_id=team_id, day_from=day, day_to=day)
            workers = uow.workers.list(team_id=team_id)
            self._audit.record(
                uow, actor, AuditAction.READ, "roster", f"{team_id}:{day}", team_id=team_id
            )
            uow.commit()
        by_worker: dict[str, list[Visit]] = {w.id: [] for w in workers}
        unassigned: list[Visit] = []
        for visit in visits:
            known = [w for w in visit.assigned_worker_ids if w in by_worker]
            for worker_id in known:
                by_worker[worker_id].append(visit)
            if not known:
                unassigned.append(visit)
        days = [WorkerDay(w, sorted(by_worker[w.id], key=_planned_order)) for w in workers]
        return Roster(team_id, day, days, sorted(unassigned, key=_planned_order))


def _person_for(uow: VisitsUnitOfWork, person_id: str) -> Person:
    try:
        return uow.people.get(person_id)
    except NotFoundError:
        raise DomainValidationError("person_id", "no such person") from None


def _check_workers(uow: VisitsUnitOfWork, worker_ids: Collection[str], team_id: str | None) -> None:
    """Every assigned worker must exist and work in the person's team."""
    if not worker_ids:
        return
    found = {w.id: w for w in uow.workers.list(ids=worker_ids)}
    for worker_id in worker_ids:
        worker = found.get(worker_id)
        if worker is None or worker.team_id != team_id:
            raise DomainValidationError(
                "assigned_worker_ids", f"worker {worker_id!r} is not in the person's team"
            )


def _apply(
    uow: VisitsUnitOfWork, visit: Visit, changes: Mapping[str, Any], team_id: str | None
) -> None:
    """Apply ``changes`` through the visit's own rules (assignment first, then status)."""
    if PLANNING_FIELDS & set(changes):
        workers = tuple(changes.get("assigned_worker_ids", visit.assigned_worker_ids))
        start = changes.get("planned_start", visit.planned_start)
        minutes = changes.get("planned_minutes", visit.planned_minutes)
        _check_workers(uow, workers, team_id)
        if workers:
            visit.assign(workers, start, minutes)
        elif visit.status is VisitStatus.ASSIGNED:
            visit.unassign()
    if "status" in changes and changes["status"] != visit.status:
        visit.move_to(changes["status"])
