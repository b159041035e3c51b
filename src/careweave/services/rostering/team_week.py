"""A team's week as the roster pages show it: each worker's visits by day, their routes, and the
continuity and travel figures beside them.

Travel is careweave's one estimate (:mod:`careweave.domain.rostering.travel`), the same the optimiser
plans with, so the figures here agree with the roster it made.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import Person
from careweave.domain.rostering.travel import travel_minutes
from careweave.domain.values import Location
from careweave.domain.workforce.workers import Team, TravelMode, Worker
from careweave.services.accounts.access import Actor
from careweave.services.accounts.audit import AuditTrail
from careweave.services.rostering.unit_of_work import RosteringUnitOfWork
from careweave.services.visits.team_day import VisitLine, check_team_access, visit_lines

DAYS_IN_WEEK = 7


def monday_of(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def route_minutes(points: Sequence[Location], mode: TravelMode) -> float:
    """Estimated minutes to travel through ``points`` in order by ``mode``."""
    return sum(travel_minutes(a, b, mode) for a, b in itertools.pairwise(points))


@dataclass(frozen=True, slots=True)
class WorkerDay:
    """One worker's visits of one day in visiting order, and their round trip from home."""

    worker: Worker
    day: date
    lines: tuple[VisitLine, ...]

    @property
    def route(self) -> tuple[Location, ...]:
        """Home, each visited home in order, and home again (empty when there are no visits)."""
        if not self.lines:
            return ()
        return (self.worker.home, *(line.person.location for line in self.lines), self.worker.home)

    @property
    def travel_minutes(self) -> float:
        """Estimated travel of the day."""
        return route_minutes(self.route, self.worker.travel_mode)

    @property
    def visit_minutes(self) -> int:
        """Minutes of care planned (each visit's planned length)."""
        return sum(line.visit.planned_length for line in self.lines)


@dataclass(frozen=True, slots=True)
class Continuity:
    """How many different workers visit a person this week, against the person's target."""

    person: Person
    distinct_workers: int
    visits: int

    @property
    def within_target(self) -> bool:
        """True when no more workers came than the person's continuity target."""
        return self.distinct_workers <= self.person.continuity_target


@dataclass(frozen=True, slots=True)
class TeamWeek:
    """A team's week from ``monday``."""

    team: Team
    monday: date
    workers: tuple[Worker, ...]
    lines: tuple[VisitLine, ...]

    @property
    def days(self) -> tuple[date, ...]:
        """The seven days of the week."""
        return tuple(self.monday + timedelta(days=i) for i in range(DAYS_IN_WEEK))

    @property
    def unassigned(self) -> tuple[VisitLine, ...]:
        """Visits nobody is given yet."""
        return tuple(line for line in self.lines if not line.visit.assigned_worker_ids)

    def worker_day(self, worker: Worker, day: date) -> WorkerDay:
        """``worker``'s visits on ``day`` in order of start."""
        mine = tuple(
            line
            for line in self.lines
            if line.visit.day == day and worker.id in line.visit.assigned_worker_ids
        )
        return WorkerDay(worker, day, mine)

    def travel_share(self, worker: Worker) -> tuple[float, int, float]:
        """``(travel minutes, visit minutes, travel share of paid time)`` of ``worker``'s week."""
        days = [self.worker_day(worker, day) for day in self.days]
        travel = sum(d.travel_minutes for d in days)
        care = sum(d.visit_minutes for d in days)
        paid = travel + care
        return travel, care, (travel / paid if paid else 0.0)

    def continuity(self) -> tuple[Continuity, ...]:
        """Distinct workers per person this week, fewest-continuity first."""
        seen: dict[str, tuple[Person, set[str], int]] = {}
        for line in self.lines:
            person, workers, count = seen.get(line.person.id, (line.person, set(), 0))
            seen[line.person.id] = (
                person,
                workers | set(line.visit.assigned_worker_ids),
                count + 1,
            )
        figures = [Continuity(p, len(w), n) for p, w, n in seen.values()]
        return tuple(sorted(figures, key=lambda c: (-c.distinct_workers, c.person.family_name)))


class TeamWeekService:
    """A team's week as the roster pages show it, read in one audited transaction."""

    def __init__(self, uow_factory: Callable[[], RosteringUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._audit = AuditTrail(clock)

    def team_week(self, actor: Actor, team_id: str, monday: date, now: datetime) -> TeamWeek:
        """The week of ``team_id`` starting on ``monday`` (which must be a Monday)."""
        if monday.weekday() != 0:
            raise DomainValidationError("week", f"{monday.isoformat()} is not a Monday")
        check_team_access(actor, team_id)
        with self._uow_factory() as uow:
            team = uow.teams.get(team_id)
            workers = uow.workers.list(team_id=team_id, active=True)
            last = monday + timedelta(days=DAYS_IN_WEEK - 1)
            lines = visit_lines(uow, team_id, monday, last, now)
            self._audit.record(
                uow, actor, AuditAction.LIST, "visit", "", team_id=team_id, detail="roster"
            )
            uow.commit()
        return TeamWeek(team=team, monday=monday, workers=tuple(workers), lines=tuple(lines))
