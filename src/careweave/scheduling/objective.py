"""Every figure of a roster's objective, computed from what the checker saw on the routes.

The checker walks the routes and records, for each task done, who did it and when
(:class:`Served`) and, for each route, when it began and ended and how far it went
(:class:`RouteTimes`). :func:`figures` turns those records into the figures and the weighted total;
it never reads a solver's own bookkeeping.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from careweave.scheduling.items import CRITICAL, Task, Worker
from careweave.scheduling.problem import Problem

DAYS_PER_WEEK = 7


@dataclass(frozen=True, slots=True)
class Served:
    """One task as done on a route: by whom, on which day, from when and for how long."""

    task: Task
    worker: Worker
    day: int
    start: float
    duration: float

    @property
    def tardiness(self) -> float:
        """Minutes the start is after the window's latest start (0 when on time)."""
        return max(0.0, self.start - self.task.latest)


@dataclass(frozen=True, slots=True)
class RouteTimes:
    """One route (one shift of a worker's day): leaving base (``begin``) to arriving back (``end``).

    ``shift`` is the route's index among the worker's shifts that day; the other fields are the
    route's parts.
    """

    worker: Worker
    day: int
    begin: float
    end: float
    travel_minutes: float
    distance: float
    service_minutes: float
    shift: int = 0

    @property
    def paid_minutes(self) -> float:
        """Time from leaving base to getting back."""
        return self.end - self.begin


@dataclass(frozen=True)
class Figures:
    """The objective of a roster, part by part (see docs/problem-format.md for definitions)."""

    distance: float
    travel_minutes: float
    total_tardiness: float
    max_tardiness: float
    total_cost: float
    late_visits: int
    unassigned: int
    unassigned_by_priority: tuple[int, int, int, int]
    paid_minutes: float
    service_minutes: float
    waiting_minutes: float
    travel_share: float
    overtime_minutes: float
    imbalance_minutes: float
    distinct_workers: Mapping[str, int] = field(default_factory=dict)
    median_distinct_workers: float = 0.0
    continuity_excess: int = 0
    non_regular_visits: int = 0
    preference_misses: int = 0
    cross_team_visits: int = 0
    wage_cost: float = 0.0
    weighted_total: float = 0.0

    def __reduce__(self) -> tuple[Any, ...]:
        # A read-only mapping cannot be pickled; rebuild from plain values instead.
        values = {spec.name: getattr(self, spec.name) for spec in fields(self)}
        values["distinct_workers"] = dict(self.distinct_workers)
        return (Figures, tuple(values.values()))

    def as_dict(self) -> dict[str, Any]:
        """The figures as plain JSON-ready values."""
        values = {spec.name: getattr(self, spec.name) for spec in fields(self)}
        values["distinct_workers"] = dict(self.distinct_workers)
        values["unassigned_by_priority"] = {
            str(p): n for p, n in enumerate(self.unassigned_by_priority, start=1)
        }
        return values


def figures(
    problem: Problem,
    served: Sequence[Served],
    routes: Sequence[RouteTimes],
    unassigned: Sequence[Task],
) -> Figures:
    """Compute every figure and the weighted total from the checker's records.

    Parameters
    ----------
    problem
        The problem the roster answers.
    served
        Every task done, as found on the routes.
    routes
        The times and lengths of every non-empty route.
    unassigned
        Tasks not done (listed as unassigned, or missing from the roster).
    """
    distance = sum(r.distance for r in routes)
    travel = sum(r.travel_minutes for r in routes)
    paid = sum(r.paid_minutes for r in routes)
    service = sum(r.service_minutes for r in routes)
    tardiness = [s.tardiness for s in served]
    total_tardiness = sum(tardiness)
    max_tardiness = max(tardiness, default=0.0)
    by_priority = [0, 0, 0, 0]
    for task in unassigned:
        by_priority[task.priority - 1] += 1
    distinct = _distinct_workers(problem, served)
    parts = Figures(
        distance=distance,
        travel_minutes=travel,
        total_tardiness=total_tardiness,
        max_tardiness=max_tardiness,
        total_cost=(distance + total_tardiness + max_tardiness) / 3,
        late_visits=sum(1 for t in tardiness if t > 0),
        unassigned=len(unassigned),
        unassigned_by_priority=(by_priority[0], by_priority[1], by_priority[2], by_priority[3]),
        paid_minutes=paid,
        service_minutes=service,
        waiting_minutes=paid - travel - service,
        travel_share=travel / paid if paid > 0 else 0.0,
        overtime_minutes=_overtime(routes),
        imbalance_minutes=_imbalance(problem, routes),
        distinct_workers=MappingProxyType(distinct),
        median_distinct_workers=float(statistics.median(distinct.values())) if distinct else 0.0,
        continuity_excess=_continuity_excess(problem, distinct),
        non_regular_visits=sum(1 for s in served if _non_regular(problem, s)),
        preference_misses=sum(_preference_misses(s) for s in served),
        cross_team_visits=sum(1 for s in served if _cross_team(s)),
        wage_cost=sum(r.paid_minutes / 60 * r.worker.cost_per_hour for r in routes),
    )
    return _with_total(problem, parts)


def _with_total(problem: Problem, parts: Figures) -> Figures:
    weights = problem.weights
    unassigned_cost = sum(
        weights.for_unassigned(min(priority, CRITICAL - 1)) * count
        for priority, count in enumerate(parts.unassigned_by_priority, start=1)
    )
    # Distance, tardiness and max tardiness come first so that the HHCRSP weights give exactly
    # (distance + total_tardiness + max_tardiness) / 3: adding the zero terms changes nothing.
    total = (
        weights.distance * parts.distance
        + weights.tardiness * parts.total_tardiness
        + weights.max_tardiness * parts.max_tardiness
        + weights.travel * parts.travel_minutes
        + unassigned_cost
        + weights.continuity_excess * parts.continuity_excess
        + weights.non_regular * parts.non_regular_visits
        + weights.preference_miss * parts.preference_misses
        + weights.overtime * parts.overtime_minutes
        + weights.imbalance * parts.imbalance_minutes
        + weights.cross_team * parts.cross_team_visits
        + weights.wage * parts.wage_cost
    ) / weights.divisor
    return replace(parts, weighted_total=total)


def _distinct_workers(problem: Problem, served: Sequence[Served]) -> dict[str, int]:
    seen: dict[str, set[str]] = {person.id: set() for person in problem.people}
    for visit in served:
        seen.setdefault(visit.task.person, set()).add(visit.worker.id)
    return {person: len(workers) for person, workers in seen.items() if workers}


def _continuity_excess(problem: Problem, distinct: Mapping[str, int]) -> int:
    excess = 0
    for person in problem.people:
        if person.continuity_target is not None:
            excess += max(0, distinct.get(person.id, 0) - person.continuity_target)
    return excess


def _non_regular(problem: Problem, visit: Served) -> bool:
    # Only people with a history have regulars; for someone new every worker is a first.
    regulars = problem.person(visit.task.person).regulars
    return bool(regulars) and visit.worker.id not in regulars


def _preference_misses(visit: Served) -> int:
    task, worker = visit.task, visit.worker
    misses = 0
    if task.preferred and worker.id not in task.preferred:
        misses += 1
    if task.gender is not None and worker.gender != task.gender:
        misses += 1
    if task.language is not None and task.language not in worker.languages:
        misses += 1
    return misses


def _cross_team(visit: Served) -> bool:
    team = visit.task.team
    return team is not None and visit.worker.team is not None and visit.worker.team != team


def _paid_by_week(routes: Sequence[RouteTimes]) -> dict[tuple[str, int], tuple[Worker, float]]:
    paid: dict[tuple[str, int], tuple[Worker, float]] = {}
    for route in routes:
        week_key = (route.worker.id, route.day // DAYS_PER_WEEK)
        _, minutes = paid.get(week_key, (route.worker, 0.0))
        paid[week_key] = (route.worker, minutes + route.paid_minutes)
    return paid


def _overtime(routes: Sequence[RouteTimes]) -> float:
    return sum(
        max(0.0, minutes - worker.contracted_week_minutes)
        for worker, minutes in _paid_by_week(routes).values()
    )


def _imbalance(problem: Problem, routes: Sequence[RouteTimes]) -> float:
    # Everyone who could have worked counts, so an idle worker next to a busy one is imbalance.
    paid: dict[str, float] = defaultdict(float)
    for worker in problem.workers:
        if worker.shifts:
            paid[worker.id] = 0.0
    for route in routes:
        paid[route.worker.id] += route.paid_minutes
    return max(paid.values()) - min(paid.values()) if paid else 0.0
