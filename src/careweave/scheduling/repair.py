"""Repair a published roster after an event, changing as little as possible.

``repair(problem, roster, event, stop)`` applies the event to the problem (a worker off from a
time, an urgent visit, a cancellation), starts the search from the published routes, and prices
every visit that leaves its published worker, so the search only moves visits when that pays.
The search times visits as early as they can start; afterwards every visit that stayed with its
worker goes back to its published start and duration wherever nothing breaks (:mod:`.hold`), and
in outcome-based care the visits that did change grow into idle time (:mod:`.stretch`). Of the
two candidates, the published routes with the event's visits fitted in and the searched ones,
the better (with shifted starts priced too) is taken, then blended day by day and route group by
route group with the other (:mod:`.blend`), so days the event never touched stay as published.
The result says what changed: visits that moved to another worker, start times (or durations) that
shifted, visits newly left out or newly placed.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from careweave.scheduling.blend import ChangePrices, blend_days, priced
from careweave.scheduling.changes import Change, changes_between, unchanged_visits
from careweave.scheduling.checker import Violation, check
from careweave.scheduling.hold import hold_starts
from careweave.scheduling.items import Shift, Task
from careweave.scheduling.params import SolveParams
from careweave.scheduling.problem import Problem
from careweave.scheduling.search.anneal import anneal
from careweave.scheduling.search.compile import compile_problem, routes_of, to_roster
from careweave.scheduling.search.constants import INFEASIBLE
from careweave.scheduling.search.model import Instance
from careweave.scheduling.search.moves import insert_group, make_room
from careweave.scheduling.search.state import State, rebuild
from careweave.scheduling.search.warm import ensure_compiled
from careweave.scheduling.solution import Roster
from careweave.scheduling.solve import left_out_reasons
from careweave.scheduling.stop import StoppingCriterion
from careweave.scheduling.stretch import stretch

EXACT_REASONS = 10
"""Left-out visits whose blocking rule a repair finds by exact trial (it must be quick)."""

SEARCH_SHARE = 0.8
"""Share of the budget the repair searches for; the rest settles the roster and its reasons."""

MOVE_COST = 50.0
"""Cost (before the objective's divisor) of giving a published visit to another worker."""

SHIFT_COST = 10.0
"""Cost (before the divisor) of a visit that keeps its worker but changes its start or duration.

The search does not price it; the repair weighs it when choosing between the published routes
with the event's visits fitted in and the searched ones, so re-ordering a route to save a few
minutes of travel does not move every visit on it.
"""

FEASIBLE = 1e-6
"""Hard-rule units at or below which a roster counts as feasible."""


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

    @property
    def shifted(self) -> int:
        """How many visits kept their worker but start at another time."""
        return sum(
            1
            for c in self.changes
            if c.old_worker is not None
            and c.new_worker == c.old_worker
            and c.old_start != c.new_start
        )


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
                stop.start + stop.minutes(task) + float(matrix[task.location, worker.end_location])
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


def _least_change(problem: Problem, published: Roster, repaired: Roster) -> tuple[Roster, float]:
    """``repaired`` held at published times and stretched, and the change in its weighted total.

    Holding only makes changes it has checked rule by rule; the independent checker confirms it
    broke no rule the timed roster kept, else the repaired roster is kept as the search timed it.
    """
    held, kept = hold_starts(problem, published, repaired)
    settled = stretch(problem, held, keep=kept | unchanged_visits(problem, published, held))
    if settled == repaired:
        return repaired, 0.0
    now, timed = check(problem, settled), check(problem, repaired)
    if not _broken(now.violations) <= _broken(timed.violations):
        return repaired, 0.0
    return settled, now.figures.weighted_total - timed.figures.weighted_total


def _broken(violations: tuple[Violation, ...]) -> set[tuple[str, str]]:
    return {(v.rule, v.item) for v in violations}


@dataclass(frozen=True)
class _Found:
    """A roster as the search holds it: task positions per lane, absolute starts, cost, hard units."""

    routes: tuple[tuple[int, ...], ...]
    starts: tuple[float, ...]
    cost: float
    hard: float


@dataclass(frozen=True)
class _Answer:
    """A candidate repair: its roster, cost (without the price of changes) and that price added."""

    roster: Roster
    cost: float
    hard: float
    price: float

    @property
    def preference(self) -> tuple[bool, float, float]:
        """Feasible first, then the least broken, then the cheapest with its changes priced."""
        broken = self.hard > FEASIBLE
        return broken, self.hard if broken else 0.0, self.price


def _snapshot(state: State) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(seq) for seq in state.routes)


def _settle(
    problem: Problem, published: Roster, inst: Instance, keep: dict[int, int], found: _Found
) -> _Answer:
    """The repair ``found`` as a roster held at published times, priced with its changes."""
    routes = [list(seq) for seq in found.routes]
    timed = to_roster(problem, inst, routes, list(found.starts))
    roster, cost_change = _least_change(problem, published, timed)
    moved = sum(
        1
        for lane, seq in zip(inst.lanes, routes, strict=True)
        for t in seq
        if t in keep and keep[t] != lane.worker
    )
    changes = changes_between(problem, published, roster)
    shifted = sum(1 for c in changes if c.old_worker is not None and c.old_worker == c.new_worker)
    cost = found.cost - moved * MOVE_COST / problem.weights.divisor + cost_change
    price = cost + (moved * MOVE_COST + shifted * SHIFT_COST) / problem.weights.divisor
    return _Answer(roster, cost, found.hard, price)


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
    # Loading the compiled search is a one-off per process (see ensure_compiled), not repairing.
    ensure_compiled()
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
    untouched = _Found(_snapshot(state), tuple(state.start), state.cost(), state.hard_units())
    cool = params or SolveParams(initial_temperature=0.002, final_temperature=0.0001)
    outcome = anneal(state, _Portion(stop, SEARCH_SHARE), random.Random(seed), cool)
    searched = _Found(outcome.routes, outcome.starts, outcome.cost, outcome.hard)
    best, other = sorted(
        (_settle(after, roster, inst, keep, found) for found in (untouched, searched)),
        key=lambda answer: answer.preference,
    )
    prices = ChangePrices(moved=MOVE_COST, shifted=SHIFT_COST)
    base = priced(after, roster, best.roster, prices)
    final = blend_days(after, roster, base, other.roster, prices)
    plain_inst = compile_problem(after)
    plain = rebuild(plain_inst, routes_of(after, plain_inst, final.roster))
    return RepairResult(
        problem=after,
        roster=final.roster,
        feasible=best.hard <= FEASIBLE,
        cost=best.cost + final.total - base.total,
        changes=final.changes,
        unassigned=left_out_reasons(after, plain, final.roster.unassigned, exact=EXACT_REASONS),
        seconds=time.perf_counter() - began,
    )
