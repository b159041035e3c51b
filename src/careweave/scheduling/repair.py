"""Repair a published roster after an event, changing as little as possible.

``repair(problem, roster, event, stop)`` applies the event to the problem (a worker off from a
time, an urgent visit, a cancellation), starts the search from the published routes, and prices
every visit that leaves its published worker, so the search only moves visits when that pays.
The result says what changed: visits that moved to another worker, start times that shifted,
visits newly left out or newly placed.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from careweave.scheduling.items import Shift, Task
from careweave.scheduling.params import SolveParams
from careweave.scheduling.problem import Problem
from careweave.scheduling.search.anneal import anneal
from careweave.scheduling.search.compile import compile_problem, routes_of, to_roster
from careweave.scheduling.search.moves import insert_group, make_room
from careweave.scheduling.search.state import INFEASIBLE, State, rebuild
from careweave.scheduling.solution import Roster
from careweave.scheduling.solve import left_out_reasons
from careweave.scheduling.stop import StoppingCriterion

EXACT_REASONS = 10
"""Left-out visits whose blocking rule a repair finds by exact trial (it must be quick)."""

SEARCH_SHARE = 0.9
"""Share of the budget the repair searches for; the rest rebuilds the roster and its reasons."""

MOVE_COST = 50.0
"""Cost (before the objective's divisor) of giving a published visit to another worker."""


@dataclass(frozen=True)
class WorkerOff:
    """``worker_id`` cannot work on ``day`` from ``from_minute`` (e.g. off sick from 10:00)."""

    worker_id: str
    day: int
    from_minute: float = 0.0


@dataclass(frozen=True)
class UrgentVisit:
    """A new visit to fit in."""

    task: Task


@dataclass(frozen=True)
class Cancellation:
    """A visit that no longer happens (both halves, if it is double handed)."""

    task_id: str


Event = WorkerOff | UrgentVisit | Cancellation


@dataclass(frozen=True)
class Change:
    """One visit that changed: who did and does it, and when it started and starts."""

    task_id: str
    old_worker: str | None
    new_worker: str | None
    old_start: float | None
    new_start: float | None


@dataclass(frozen=True)
class RepairResult:
    """A repaired roster and what changed from the published one.

    Attributes
    ----------
    problem
        The problem after the event (the one ``roster`` answers).
    roster
        The repaired roster.
    feasible
        Whether every hard rule is met.
    cost
        Weighted objective of the repaired roster, without the price of the changes.
    changes
        Every visit whose worker or start changed, or that was newly left out or placed.
    unassigned
        Each visit left out, by id, with what blocked it.
    seconds
        Wall-clock time of the repair.
    """

    problem: Problem
    roster: Roster
    feasible: bool
    cost: float
    changes: tuple[Change, ...]
    unassigned: Mapping[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def moved(self) -> int:
        """How many visits changed worker."""
        return sum(1 for c in self.changes if c.old_worker and c.new_worker != c.old_worker)


def _worker_off(problem: Problem, roster: Roster, event: WorkerOff) -> Problem:
    """The problem with the worker's shifts that day cut at ``from_minute``.

    Visits already started before then are kept where they are: the shift is cut after the last
    of them ends and the worker is back at base.
    """
    worker = problem.worker(event.worker_id)
    matrix = problem.travel_for(worker).minutes
    keep_until = event.from_minute
    for route, stop in roster.stops():
        if (
            route.worker_id == worker.id
            and route.day == event.day
            and stop.start < event.from_minute
        ):
            task = problem.task(stop.task_id)
            back = (
                stop.start + task.duration_min + float(matrix[task.location, worker.end_location])
            )
            keep_until = max(keep_until, back)
    shifts = []
    for shift in worker.shifts:
        if shift.day != event.day or shift.end <= keep_until:
            shifts.append(shift)
        elif shift.start < keep_until:
            shifts.append(Shift(shift.day, shift.start, keep_until))
    workers = tuple(
        replace(w, shifts=tuple(shifts)) if w.id == worker.id else w for w in problem.workers
    )
    return replace(problem, workers=workers)


def apply_event(problem: Problem, roster: Roster, event: Event) -> Problem:
    """Return the problem as it is after ``event``."""
    if isinstance(event, WorkerOff):
        return _worker_off(problem, roster, event)
    if isinstance(event, UrgentVisit):
        return replace(problem, tasks=(*problem.tasks, event.task))
    gone = {event.task_id}
    for link in problem.links_of(event.task_id):
        if link.distinct_workers:
            gone |= {link.first, link.second}
    links = tuple(k for k in problem.links if k.first not in gone and k.second not in gone)
    tasks = tuple(t for t in problem.tasks if t.id not in gone)
    return replace(problem, tasks=tasks, links=links)


def _freed(event: Event, worker_id: str, day: int, start: float) -> bool:
    """Whether the event takes a published stop off its worker."""
    return (
        isinstance(event, WorkerOff)
        and worker_id == event.worker_id
        and day == event.day
        and start >= event.from_minute
    )


def _changes(before: Roster, after: Roster) -> tuple[Change, ...]:
    old = {stop.task_id: (route.worker_id, stop.start) for route, stop in before.stops()}
    new = {stop.task_id: (route.worker_id, stop.start) for route, stop in after.stops()}
    changes = []
    for task_id in sorted(old.keys() | new.keys() | set(after.unassigned)):
        was, now = old.get(task_id), new.get(task_id)
        if was is None and now is None and task_id not in before.unassigned:
            changes.append(Change(task_id, None, None, None, None))
        elif was is None or now is None or was[0] != now[0] or abs(was[1] - now[1]) > 1e-6:
            changes.append(
                Change(
                    task_id,
                    was[0] if was else None,
                    now[0] if now else None,
                    was[1] if was else None,
                    now[1] if now else None,
                )
            )
    return tuple(changes)


class _Portion:
    """Stop once ``share`` of ``criterion``'s budget is used (leaving the rest for the wrap-up)."""

    def __init__(self, criterion: StoppingCriterion, share: float) -> None:
        self.criterion = criterion
        self.share = share

    def __call__(self, best_cost: float) -> bool:
        return self.criterion(best_cost) or self.criterion.progress() >= self.share

    def progress(self) -> float:
        return min(1.0, self.criterion.progress() / self.share)


def _put_back(state: State, task: int) -> None:
    """Place a visit the event left out; a half that cannot rejoin its partner takes it out too."""
    inst = state.inst
    group = [task, *(t for t in inst.together[task] if state.lane_of[t] < 0)]
    placed = insert_group(state, group)
    if not placed and len(group) == 1 and inst.must[task]:
        placed = make_room(state, task)
    halves = [t for t in inst.together[task] if state.lane_of[t] >= 0]
    if not placed and halves:
        state.begin()
        for half in halves:
            state.remove(half)
        state.evaluate()
        state.commit()


def repair(
    problem: Problem,
    roster: Roster,
    event: Event,
    stop: StoppingCriterion,
    seed: int = 0,
    params: SolveParams | None = None,
) -> RepairResult:
    """Repair ``roster`` (published for ``problem``) after ``event`` with as few changes as pay.

    Parameters
    ----------
    problem, roster
        The problem and its published roster.
    event
        What happened: :class:`WorkerOff`, :class:`UrgentVisit` or :class:`Cancellation`.
    stop
        When to stop searching (e.g. ``MaxRuntime(2)``).
    seed, params
        As for :func:`careweave.scheduling.solve`; a cool search by default, since the published
        roster is already good.
    """
    began = time.perf_counter()
    stop(INFEASIBLE)  # start a time budget's clock now: the set-up counts against it
    after = apply_event(problem, roster, event)
    published = {s.task_id: r.worker_id for r, s in roster.stops() if after.has_task(s.task_id)}
    keep = {
        after.task_position(t): after.worker_position(w)
        for t, w in published.items()
        if after.has_worker(w)
    }
    inst = compile_problem(after, keep, MOVE_COST)
    kept = Roster(
        tuple(
            replace(
                r, stops=tuple(s for s in r.stops if not _freed(event, r.worker_id, r.day, s.start))
            )
            for r in roster.routes
        )
    )
    state = rebuild(inst, routes_of(after, inst, kept))
    for task in sorted(range(inst.n_tasks), key=lambda t: (not inst.must[t], inst.latest[t])):
        if state.lane_of[task] < 0:
            _put_back(state, task)
    cool = params or SolveParams(initial_temperature=0.002, final_temperature=0.0001)
    outcome = anneal(state, _Portion(stop, SEARCH_SHARE), random.Random(seed), cool)
    routes = [list(seq) for seq in outcome.routes]
    repaired = to_roster(after, inst, routes, list(outcome.starts))
    plain = rebuild(compile_problem(after), routes)
    moved_away = sum(
        1
        for lane, seq in zip(inst.lanes, routes, strict=True)
        for t in seq
        if t in keep and keep[t] != lane.worker
    )
    return RepairResult(
        problem=after,
        roster=repaired,
        feasible=outcome.hard <= 1e-6,
        cost=outcome.cost - moved_away * MOVE_COST / after.weights.divisor,
        changes=_changes(roster, repaired),
        unassigned=left_out_reasons(after, plain, repaired.unassigned, exact=EXACT_REASONS),
        seconds=time.perf_counter() - began,
    )
