"""Turn a :class:`Problem` into the search's flat :class:`Instance`, and search routes into a Roster.

Times become minutes from the start of day 0 (``day * 1440 + minute``) so that one number orders
every event of a multi-day horizon; they are turned back into minutes of the route's day on output.
Weights are divided by the objective's divisor here, once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from careweave.scheduling.items import MINUTES_PER_DAY, Task, Worker
from careweave.scheduling.problem import Problem
from careweave.scheduling.search.constants import HARD
from careweave.scheduling.search.model import Instance, Lane
from careweave.scheduling.solution import Roster, Route, Stop

DAYS_PER_WEEK = 7
NO_TARGET = 1 << 30


def _matrices(problem: Problem) -> dict[str, tuple[list[list[float]], list[list[float]]]]:
    weights = problem.weights
    found = {}
    for mode, matrix in problem.travel.items():
        minutes = matrix.minutes.tolist()
        if weights.distance == 0.0 and weights.travel == weights.divisor:
            legs = minutes
        else:
            cost = weights.travel * matrix.minutes + weights.distance * matrix.distances
            legs = (np.asarray(cost) / weights.divisor).tolist()
        found[mode] = (minutes, legs)
    return found


def _lanes(problem: Problem) -> tuple[list[Lane], dict[tuple[int, int], list[int]]]:
    """One lane per worker shift, and the lanes of each (worker, day)."""
    weights = problem.weights
    matrices = _matrices(problem)
    lanes: list[Lane] = []
    index: dict[tuple[int, int], list[int]] = {}
    for position, worker in enumerate(problem.workers):
        minutes, legs = matrices[worker.travel_mode]
        rule = worker.break_rule
        for day in sorted({s.day for s in worker.shifts}):
            for number, shift in enumerate(worker.shifts_on(day)):
                offset = day * MINUTES_PER_DAY
                index.setdefault((position, day), []).append(len(lanes))
                lanes.append(
                    Lane(
                        worker=position,
                        day=day,
                        shift=number,
                        week=day // DAYS_PER_WEEK,
                        start_loc=worker.start_location,
                        end_loc=worker.end_location,
                        shift_start=offset + shift.start,
                        shift_end=offset + shift.end,
                        travel=minutes,
                        leg_cost=legs,
                        max_work=worker.max_day_minutes,
                        break_after=rule.after if rule else math.inf,
                        break_minutes=rule.length if rule else 0.0,
                        paid_cost=weights.wage * worker.cost_per_hour / 60.0 / weights.divisor,
                    )
                )
    return lanes, index


def _preference_misses(task: Task, worker: Worker) -> int:
    misses = int(bool(task.preferred) and worker.id not in task.preferred)
    misses += int(task.gender is not None and worker.gender != task.gender)
    misses += int(task.language is not None and task.language not in worker.languages)
    return misses


def _assign_costs(
    problem: Problem, position: int, keep: int | None, move_cost: float
) -> dict[int, float]:
    weights, task = problem.weights, problem.tasks[position]
    costs: dict[int, float] = {}
    for w in problem.eligible(position):
        worker = problem.workers[w]
        cost = weights.preference_miss * _preference_misses(task, worker)
        if keep is not None and w != keep:
            cost += move_cost
        if task.team is not None and worker.team is not None and worker.team != task.team:
            cost += weights.cross_team
        if cost:
            costs[w] = cost / weights.divisor
    return costs


Edges = list[list[tuple[int, float]]]


def _links(problem: Problem) -> tuple[Edges, Edges, list[list[int]]]:
    """Return out-edges, in-edges and must-be-apart partners of every task."""
    out_edges: Edges = [[] for _ in problem.tasks]
    in_edges: Edges = [[] for _ in problem.tasks]
    apart: list[list[int]] = [[] for _ in problem.tasks]
    for link in problem.links:
        a, b = problem.task_position(link.first), problem.task_position(link.second)
        # start[b] >= start[a] + min_gap and start[a] >= start[b] - max_gap.
        out_edges[a].append((b, link.min_gap))
        in_edges[b].append((a, link.min_gap))
        out_edges[b].append((a, -link.max_gap))
        in_edges[a].append((b, -link.max_gap))
        if link.distinct_workers:
            apart[a].append(b)
            apart[b].append(a)
    return out_edges, in_edges, apart


MUST_DROP = HARD
"""Cost of leaving out a must-do visit: a broken hard rule, priced like a minute of one."""

NEAREST = 16
"""Lanes (by distance from the worker's base, ties kept) a construction tries for each task."""


def _nearest(problem: Problem, lanes: list[Lane], allowed: list[list[int]]) -> list[list[int]]:
    """Each task's ``NEAREST`` allowed lanes by distance from the worker's base (ties kept)."""
    ranking = next(iter(problem.travel.values())).distances
    bases = np.array([lane.start_loc for lane in lanes], dtype=np.int64)
    near = []
    for task, options in zip(problem.tasks, allowed, strict=True):
        if len(options) <= NEAREST:
            near.append(options)
            continue
        chosen = np.array(options, dtype=np.int64)
        far = ranking[bases[chosen], task.location]
        cutoff = np.partition(far, NEAREST - 1)[NEAREST - 1]
        tied = chosen[far <= cutoff]
        if len(tied) > 2 * NEAREST:
            tied = chosen[np.argsort(far, kind="stable")[:NEAREST]]
        near.append([int(k) for k in tied])
    return near


def compile_problem(
    problem: Problem, keep: Mapping[int, int] | None = None, move_cost: float = 0.0
) -> Instance:
    """Build the search's view of ``problem``.

    Parameters
    ----------
    problem
        The problem.
    keep
        Task position -> worker position of a published roster; giving such a task to anyone
        else costs ``move_cost`` (before the objective's divisor), so that a repair moves little.
    move_cost
        See ``keep``.
    """
    keep = keep or {}
    weights, div = problem.weights, problem.weights.divisor
    lanes, lane_index = _lanes(problem)
    tasks = problem.tasks
    out_edges, in_edges, apart = _links(problem)
    person_index = {p.id: i for i, p in enumerate(problem.people)}
    worker_index = {w.id: i for i, w in enumerate(problem.workers)}
    offsets = [t.day * MINUTES_PER_DAY for t in tasks]
    loc = [t.location for t in tasks]
    allowed = [
        [k for w in problem.eligible(i) for k in lane_index[(w, t.day)]]
        for i, t in enumerate(tasks)
    ]
    personal = bool(weights.continuity_excess or weights.non_regular)
    return Instance(
        loc=loc,
        earliest=[o + t.earliest for o, t in zip(offsets, tasks, strict=True)],
        latest=[o + t.latest for o, t in zip(offsets, tasks, strict=True)],
        duration=[t.duration_min for t in tasks],
        critical=[t.critical for t in tasks],
        must=[t.must_assign for t in tasks],
        lanes=lanes,
        allowed=allowed,
        near=_nearest(problem, lanes, allowed),
        out_edges=out_edges,
        in_edges=in_edges,
        apart=apart,
        together=[list(a) for a in apart],
        assign_cost=[_assign_costs(problem, i, keep.get(i), move_cost) for i in range(len(tasks))],
        drop_cost=[
            MUST_DROP if t.must_assign else weights.for_unassigned(t.priority) / div for t in tasks
        ],
        # Without continuity weights the person bookkeeping would cost time and change nothing.
        person=[person_index[t.person] if personal else -1 for t in tasks],
        regular=[
            frozenset(worker_index[w] for w in p.regulars if w in worker_index)
            for p in problem.people
        ],
        continuity_target=[
            NO_TARGET if p.continuity_target is None else p.continuity_target
            for p in problem.people
        ],
        w_continuity=weights.continuity_excess / div,
        w_stranger=weights.non_regular / div,
        w_tardiness=weights.tardiness / div,
        w_max_tardiness=weights.max_tardiness / div,
        w_overtime=weights.overtime / div,
        w_imbalance=weights.imbalance / div,
        contracted=[w.contracted_week_minutes for w in problem.workers],
        max_week=[w.max_week_minutes for w in problem.workers],
        max_day=[w.max_day_minutes for w in problem.workers],
        min_rest=[w.min_rest_minutes for w in problem.workers],
        rostered=[bool(w.shifts) for w in problem.workers],
    )


def to_roster(
    problem: Problem, inst: Instance, routes: list[list[int]], starts: list[float]
) -> Roster:
    """Turn lanes' task sequences and absolute start times into a :class:`Roster`."""
    found = []
    for lane, seq in zip(inst.lanes, routes, strict=True):
        if seq:
            offset = lane.day * MINUTES_PER_DAY
            stops = tuple(Stop(problem.tasks[t].id, starts[t] - offset) for t in seq)
            found.append(Route(problem.workers[lane.worker].id, lane.day, stops, lane.shift))
    done = {t for seq in routes for t in seq}
    unassigned = tuple(task.id for i, task in enumerate(problem.tasks) if i not in done)
    return Roster(tuple(found), unassigned)


def routes_of(problem: Problem, inst: Instance, roster: Roster) -> list[list[int]]:
    """The roster's routes as task positions per lane (routes with no matching shift dropped)."""
    lanes = {
        (problem.workers[lane.worker].id, lane.day, lane.shift): k
        for k, lane in enumerate(inst.lanes)
    }
    routes: list[list[int]] = [[] for _ in inst.lanes]
    for route in roster.routes:
        lane = lanes.get((route.worker_id, route.day, route.shift))
        if lane is not None:
            routes[lane] = [
                problem.task_position(s.task_id) for s in route.stops if problem.has_task(s.task_id)
            ]
    return routes
