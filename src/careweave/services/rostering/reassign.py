"""Reassigning one visit by hand: check the change first, then save it if the coordinator agrees.

First the domain's own checks: the workers belong to the team and are active, hold the skills the
visit needs, are not excluded by the person, are available then, and are not on another visit at
the same time. When those pass, the roster optimiser's independent checker judges the whole week
with the change (:mod:`.reassign_check`) and adds any rule it newly breaks: travel between visits,
shifts, working time, rest, double-handed pairs. A change that breaks a rule is refused; the
verdict says why in plain words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import ConflictError, DomainValidationError
from careweave.domain.people.person import Person
from careweave.domain.rostering.staffing import skill_gaps
from careweave.domain.visits.visit import Visit, minutes_of
from careweave.domain.workforce.workers import Worker
from careweave.services.accounts.access import Actor, check_can_manage_team
from careweave.services.accounts.audit import AuditTrail
from careweave.services.rostering.reassign_check import TeamWeekRecords, new_violations
from careweave.services.rostering.team_week import DAYS_IN_WEEK, monday_of
from careweave.services.rostering.unit_of_work import RosteringUnitOfWork

CHECKED_BY = (
    "careweave's visit rules (skills, exclusions, availability, overlaps) and the roster "
    "checker (shifts, travel, working time, rest, double-handed visits)"
)


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a change is allowed, and every reason it is not, in plain words."""

    feasible: bool
    violations: tuple[str, ...]
    checked_by: str = CHECKED_BY


@dataclass(frozen=True, slots=True)
class ReassignOptions:
    """What the reassign form offers: the visit, its person and the team's active workers."""

    visit: Visit
    person: Person
    workers: tuple[Worker, ...]


class ReassignService:
    """Checking and saving a reassignment by hand; each use case is one transaction."""

    def __init__(self, uow_factory: Callable[[], RosteringUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._audit = AuditTrail(clock)

    def check_reassignment(
        self,
        actor: Actor,
        visit_id: str,
        worker_ids: Sequence[str],
        start: time | None,
    ) -> Verdict:
        """What would happen if ``visit_id`` went to ``worker_ids`` at ``start`` (nothing is saved)."""
        with self._uow_factory() as uow:
            visit, workers = _load(uow, actor, visit_id, worker_ids)
            problems = _violations(uow, visit, workers, start)
            if not problems:
                problems = new_violations(_week_records(uow, visit), visit, worker_ids, start)
        return Verdict(feasible=not problems, violations=tuple(problems))

    def reassign(
        self,
        actor: Actor,
        visit_id: str,
        worker_ids: Sequence[str],
        start: time | None,
        expected_version: int,
    ) -> Visit:
        """Give the visit to ``worker_ids`` at ``start`` if the checks pass.

        Raises ConflictError when the visit changed since the form was drawn (``expected_version``),
        DomainValidationError naming the first broken rule otherwise.
        """
        with self._uow_factory() as uow:
            visit, workers = _load(uow, actor, visit_id, worker_ids)
            if visit.version != expected_version:
                raise ConflictError(
                    "the visit was changed by someone else since you opened it; reload to see it now",
                    field="visit.version",
                )
            problems = _violations(uow, visit, workers, start)
            if not problems:
                problems = new_violations(_week_records(uow, visit), visit, worker_ids, start)
            if problems:
                raise DomainValidationError("worker_ids", "; ".join(problems))
            # Another worker does the visit for as long as it was planned.
            visit.assign(tuple(worker_ids), start, visit.planned_minutes)
            uow.visits.update(visit)
            team_id = workers[0].team_id
            self._audit.record(
                uow,
                actor,
                AuditAction.UPDATE,
                "visit",
                visit.id,
                team_id=team_id,
                detail=f"reassigned to {len(workers)} worker(s)",
            )
            uow.commit()
            return visit

    def reassign_options(self, actor: Actor, visit_id: str) -> ReassignOptions:
        """The visit and who could take it, for the team's coordinator."""
        with self._uow_factory() as uow:
            visit = uow.visits.get(visit_id)
            person = uow.people.get(visit.person_id)
            if person.team_id is None:
                raise DomainValidationError("visit", "the person belongs to no team")
            check_can_manage_team(actor, person.team_id)
            workers = uow.workers.list(team_id=person.team_id, active=True)
        return ReassignOptions(visit, person, tuple(workers))


def _load(
    uow: RosteringUnitOfWork, actor: Actor, visit_id: str, worker_ids: Sequence[str]
) -> tuple[Visit, list[Worker]]:
    visit = uow.visits.get(visit_id)
    person = uow.people.get(visit.person_id)
    if person.team_id is None:
        raise DomainValidationError("visit", "the person belongs to no team")
    check_can_manage_team(actor, person.team_id)
    if not worker_ids:
        raise DomainValidationError("worker_ids", "choose who should make the visit")
    if len(set(worker_ids)) != len(worker_ids):
        raise DomainValidationError("worker_ids", "lists a worker twice")
    workers = list(uow.workers.list(ids=set(worker_ids)))
    found = {w.id: w for w in workers}
    missing = [w for w in worker_ids if w not in found or found[w].team_id != person.team_id]
    if missing:
        raise DomainValidationError("worker_ids", "choose workers of the person's team")
    return visit, [found[w] for w in worker_ids]


def _week_records(uow: RosteringUnitOfWork, visit: Visit) -> TeamWeekRecords:
    person = uow.people.get(visit.person_id)
    team_id = person.team_id or ""
    monday = monday_of(visit.day)
    return TeamWeekRecords(
        team=uow.teams.get(team_id),
        people=uow.people.list(team_id=team_id),
        workers=uow.workers.list(team_id=team_id),
        visits=uow.visits.list(
            team_id=team_id, day_from=monday, day_to=monday + timedelta(days=DAYS_IN_WEEK - 1)
        ),
    )


def _violations(
    uow: RosteringUnitOfWork, visit: Visit, workers: Sequence[Worker], start: time | None
) -> list[str]:
    problems: list[str] = []
    if not visit.is_pending:
        problems.append(f"the visit is {visit.status.value.replace('_', ' ')} and cannot move")
    if len(workers) != visit.workers_needed:
        problems.append(f"the visit needs {visit.workers_needed} worker(s), {len(workers)} chosen")
    begin = start or visit.planned_start or visit.window_start
    if not visit.window_start <= begin <= visit.window_end:
        problems.append(
            f"{begin:%H:%M} is outside the visit's window "
            f"{visit.window_start:%H:%M}-{visit.window_end:%H:%M}"
        )
    problems += skill_gaps(visit, workers)
    for worker in workers:
        problems += _worker_problems(uow, visit, worker, begin)
    return problems


def _worker_problems(
    uow: RosteringUnitOfWork, visit: Visit, worker: Worker, begin: time
) -> list[str]:
    name = worker.display_name
    problems: list[str] = []
    if not worker.active:
        problems.append(f"{name} is not working at present")
    if worker.id in visit.excluded_worker_ids:
        problems.append(f"the person has asked that {name} does not visit")
    start_min = minutes_of(begin)
    end_min = start_min + visit.planned_length
    slots = [a for a in worker.availability if a.weekday == visit.day.weekday()]
    if worker.availability and not any(
        minutes_of(a.start) <= start_min and end_min <= minutes_of(a.end) for a in slots
    ):
        problems.append(f"{name} is not available {begin:%H:%M}-{_clock(visit, end_min)} that day")
    for other in uow.visits.list(worker_id=worker.id, day_from=visit.day, day_to=visit.day):
        if other.id == visit.id or other.is_cancelled:
            continue
        other_start = minutes_of(other.planned_start or other.window_start)
        if start_min < other_start + other.planned_length and other_start < end_min:
            problems.append(
                f"{name} has another visit at {other_start // 60:02d}:{other_start % 60:02d}"
            )
    return problems


def _clock(visit: Visit, minute: int) -> str:
    moment = datetime.combine(visit.day, time(0, 0)) + timedelta(minutes=minute)
    return moment.strftime("%H:%M")
