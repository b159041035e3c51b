"""Translate a team's week between careweave's records and the roster optimiser's problem.

Pure functions, no I/O: records in, a :class:`~careweave.scheduling.Problem` out, and a solved
:class:`~careweave.scheduling.Roster` back into who does which visit when. Locations are the
workers' homes (where each route starts and ends) followed by the people's homes; days count from
the Monday of the week; times are minutes after midnight.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

import numpy as np

from careweave import scheduling as rs
from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import Person
from careweave.domain.rostering.staffing import skills_per_worker, staffing_gap
from careweave.domain.rostering.travel import minutes_for_km, road_km
from careweave.domain.values import Location
from careweave.domain.visits.visit import Visit, VisitStatus, minutes_of
from careweave.domain.workforce.workers import Skill, Team, TravelMode, Worker

# Two workers of a double-handed visit must arrive together; five minutes apart still counts.
DOUBLE_HANDED_TOLERANCE = 5.0
# Legal working time: at least a 20-minute break when working more than six hours.
BREAK_RULE = rs.BreakRule(after=360.0, length=20.0)
# Eleven hours between the end of one working day and the start of the next (Working Time Regs).
DAILY_REST_MINUTES = 11 * 60.0


@dataclass(frozen=True)
class WeekProblem:
    """A team's week as an optimiser problem, with the way back to careweave's records.

    Attributes
    ----------
    problem
        What the optimiser solves.
    team
        The team whose week it is.
    week_start
        The Monday the problem's day 0 stands for.
    visits
        The visits being planned, by id.
    task_visit
        For each task id, the visit it is part of and which half (0, or 0 and 1 when double-handed).
    unstaffable
        Visits left out of the problem because no worker of the team could ever make them, with
        the reason in plain words (they would otherwise stop the whole week from being planned).
    """

    problem: rs.Problem
    team: Team
    week_start: date
    visits: Mapping[str, Visit]
    task_visit: Mapping[str, tuple[str, int]]
    unstaffable: Mapping[str, str]


def task_ids(visit: Visit) -> tuple[str, ...]:
    """The optimiser's task ids for ``visit``: one per worker it needs."""
    if visit.workers_needed == 1:
        return (visit.id,)
    return tuple(f"{visit.id}/{half + 1}" for half in range(visit.workers_needed))


def build_week_problem(
    team: Team,
    people: Sequence[Person],
    workers: Sequence[Worker],
    visits: Iterable[Visit],
    history: Mapping[str, Counter[str]],
    week_start: date,
    weights: rs.Weights | None = None,
    time_banks: Mapping[str, int] | None = None,
) -> WeekProblem:
    """Build the optimiser's problem for ``team``'s week starting on Monday ``week_start``.

    Only planned and assigned visits are planned; ``history`` counts, per person, earlier visits
    by each worker, which makes those workers the person's regulars for continuity;
    ``time_banks`` holds the minutes left in the time bank of each person who has one, which
    caps the minutes of their visits in the week (never below zero).
    """
    active = [w for w in workers if w.active]
    places: list[Location] = [w.home for w in active] + [p.location for p in people]
    location_of = {p.id: len(active) + i for i, p in enumerate(people)}
    in_team = [v for v in visits if v.is_pending and v.person_id in location_of]
    gaps = {v.id: staffing_gap(v, active) for v in in_team}
    unstaffable = {visit_id: gap for visit_id, gap in gaps.items() if gap is not None}
    plannable = [v for v in in_team if v.id not in unstaffable]
    where = _Where(team, location_of, frozenset(w.id for w in active), week_start)
    tasks, links, task_visit = _tasks_and_links(plannable, where)
    by_id, banks = {p.id: p for p in people}, time_banks or {}
    flexible = any(t.duration_min != t.duration_max for t in tasks)
    problem = rs.Problem(
        workers=tuple(_worker(w, i, team) for i, w in enumerate(active)),
        tasks=tuple(tasks),
        travel=_travel(places, {w.travel_mode for w in active} or {TravelMode.DRIVE}),
        links=tuple(links),
        people=tuple(_person(by_id[p], history.get(p), banks.get(p)) for p in sorted(location_of)),
        weights=weights or rs.Weights(),
        mode=rs.Mode.OUTCOME_BASED if flexible else rs.Mode.TIME_AND_TASK,
        skills=frozenset(s.value for s in Skill),
        name=f"{team.name}, week of {week_start.isoformat()}",
    )
    return WeekProblem(
        problem, team, week_start, {v.id: v for v in plannable}, task_visit, unstaffable
    )


@dataclass(frozen=True, slots=True)
class _Where:
    """What every task of the week shares: its team, where people live, who works, which week."""

    team: Team
    location_of: Mapping[str, int]
    workers: frozenset[str]
    week_start: date


def _tasks_and_links(
    visits: Sequence[Visit], where: _Where
) -> tuple[list[rs.Task], list[rs.Link], dict[str, tuple[str, int]]]:
    tasks: list[rs.Task] = []
    links: list[rs.Link] = []
    task_visit: dict[str, tuple[str, int]] = {}
    for visit in visits:
        ids = task_ids(visit)
        for half, (task_id, skills) in enumerate(zip(ids, skills_per_worker(visit), strict=True)):
            tasks.append(_task(task_id, visit, skills, where))
            task_visit[task_id] = (visit.id, half)
        if len(ids) == 2:
            links.append(rs.Link(ids[0], ids[1], -DOUBLE_HANDED_TOLERANCE, DOUBLE_HANDED_TOLERANCE))
    return tasks, links, task_visit


def _task(task_id: str, visit: Visit, skills: frozenset[Skill], where: _Where) -> rs.Task:
    earliest, latest = visit.window_minutes
    return rs.Task(
        id=task_id,
        person=visit.person_id,
        location=where.location_of[visit.person_id],
        day=(visit.day - where.week_start).days,
        earliest=float(earliest),
        latest=float(latest),
        duration_min=float(visit.duration_min),
        duration_max=float(visit.longest),
        skills=frozenset(s.value for s in skills),
        priority=int(visit.priority),
        preferred=frozenset(visit.preferred_worker_ids & where.workers),
        excluded=frozenset(visit.excluded_worker_ids & where.workers),
        team=where.team.id,
    )


def _worker(worker: Worker, location: int, team: Team) -> rs.Worker:
    return rs.Worker(
        id=worker.id,
        skills=frozenset(s.value for s in worker.skills),
        shifts=_shifts(worker),
        start_location=location,
        end_location=location,
        travel_mode=worker.travel_mode.value,
        gender=worker.gender.value,
        languages=frozenset(worker.languages),
        team=team.id,
        max_day_minutes=float(worker.max_minutes_per_day),
        max_week_minutes=float(max(worker.contracted_minutes_per_week, 1)) * 1.25,
        contracted_week_minutes=float(worker.contracted_minutes_per_week),
        min_rest_minutes=DAILY_REST_MINUTES,
        break_rule=BREAK_RULE,
        cost_per_hour=worker.cost_per_hour,
    )


def _shifts(worker: Worker) -> tuple[rs.Shift, ...]:
    # Weekly availability repeats every week, so weekday n is day n of a Monday-based week.
    slots_by_day: dict[int, list[tuple[int, int]]] = {}
    for slot in worker.availability:
        slots_by_day.setdefault(slot.weekday, []).append(
            (minutes_of(slot.start), minutes_of(slot.start) + slot.minutes)
        )
    return tuple(
        rs.Shift(day, float(start), float(end))
        for day, slots in sorted(slots_by_day.items())
        for start, end in sorted(slots)
    )


def _person(person: Person, history: Counter[str] | None, bank: int | None) -> rs.Person:
    return rs.Person(
        id=person.id,
        continuity_target=person.continuity_target,
        history=dict(history or {}),
        time_bank_minutes=None if bank is None else float(max(bank, 0)),
    )


def _travel(places: Sequence[Location], modes: set[TravelMode]) -> dict[str, rs.TravelMatrix]:
    size = len(places)
    km = np.zeros((size, size))
    for i, origin in enumerate(places):
        for j in range(i + 1, size):
            km[i, j] = km[j, i] = road_km(origin, places[j])
    matrices = {}
    for mode in sorted(modes):
        minutes = minutes_for_km(1.0, mode) * km
        matrices[mode.value] = rs.TravelMatrix(minutes=minutes, distance=km, mode=mode.value)
    return matrices


# Floating-point slack when a planned length is rounded down to whole minutes: 44.9999999 is 45.
_ROUNDING = 1e-6


@dataclass(frozen=True, slots=True)
class Assignment:
    """Who does a visit, when, and for how many minutes, as the optimiser planned it."""

    visit_id: str
    worker_ids: tuple[str, ...]
    start: time
    minutes: int


def assignments_from(week: WeekProblem, roster: rs.Roster) -> dict[str, Assignment]:
    """Read the roster back as one assignment per fully covered visit.

    A double-handed visit counts only when both halves are on routes; it starts when the first
    half starts and lasts as long as its shorter half. Lengths are whole minutes, rounded down so
    that a stored visit never runs into the worker's next one.
    """
    halves: dict[str, dict[int, tuple[str, float, float]]] = {}
    for route in roster.routes:
        for stop in route.stops:
            visit_id, half = week.task_visit[stop.task_id]
            task = week.problem.task(stop.task_id)
            halves.setdefault(visit_id, {})[half] = (
                route.worker_id,
                stop.start,
                stop.minutes(task),
            )
    found: dict[str, Assignment] = {}
    for visit_id, parts in halves.items():
        visit = week.visits[visit_id]
        if len(parts) != visit.workers_needed:
            continue
        ordered = [parts[h] for h in sorted(parts)]
        start = min(s for _, s, _ in ordered)
        length = math.floor(min(m for _, _, m in ordered) + _ROUNDING)
        minutes = min(max(length, visit.duration_min), visit.longest)
        workers = tuple(w for w, _, _ in ordered)
        found[visit_id] = Assignment(visit_id, workers, _clock(start), minutes)
    return found


def roster_from_visits(week: WeekProblem, workers: Sequence[Worker]) -> rs.Roster:
    """The roster the stored assignments make (each worker's shift in order of planned start)."""
    known = {w.id for w in workers}
    stops: dict[tuple[str, int, int], list[rs.Stop]] = {}
    planned: set[str] = set()
    for visit in week.visits.values():
        if visit.status is not VisitStatus.ASSIGNED or not set(visit.assigned_worker_ids) <= known:
            continue
        start = float(minutes_of(visit.planned_start or visit.window_start))
        minutes = float(visit.planned_length)
        day = (visit.day - week.week_start).days
        for worker_id, task_id in zip(visit.assigned_worker_ids, task_ids(visit), strict=False):
            # Each half of a split shift is its own route (the worker goes home in between).
            shift = _shift_of(week.problem, worker_id, day, start)
            stops.setdefault((worker_id, day, shift), []).append(rs.Stop(task_id, start, minutes))
            planned.add(task_id)
    routes = tuple(
        rs.Route(worker_id, day, tuple(sorted(found, key=lambda s: s.start)), shift)
        for (worker_id, day, shift), found in sorted(stops.items())
    )
    unassigned = tuple(t.id for t in week.problem.tasks if t.id not in planned)
    return rs.Roster(routes=routes, unassigned=unassigned)


def _shift_of(problem: rs.Problem, worker_id: str, day: int, start: float) -> int:
    if not problem.has_worker(worker_id):
        return 0  # an inactive worker: the checker reports the route
    return problem.worker(worker_id).shift_index(day, start)


def _clock(minutes: float) -> time:
    whole = round(minutes)
    return time(whole // 60 % 24, whole % 60)


def week_of(iso_week: str) -> date:
    """The Monday of an ISO week written ``YYYY-Www`` (e.g. ``2026-W48``)."""
    try:
        year, week = iso_week.upper().split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        raise DomainValidationError(
            "week", f"{iso_week!r} is not an ISO week like 2026-W48"
        ) from None


def history_window(week_start: date, weeks: int = 4) -> tuple[date, date]:
    """The days whose visits count as a person's history for a week's plan."""
    return week_start - timedelta(weeks=weeks), week_start - timedelta(days=1)
