"""A slow, plain reference for the compiled search, used only by tests.

The kernel keeps its times and cost up to date move by move; this module works them out from
nothing, one rule at a time, for a whole roster (task positions per lane):

- :func:`earliest_starts`: the least start times, by raising every start until nothing moves
  (Bellman-Ford over route order, windows and links). It knows nothing of breaks, so compare it
  with the kernel on problems without a break rule, where the least times are unique.
- :func:`price`: the objective and the hard units of a roster at given start times, every part
  summed from scratch.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from careweave.scheduling.search.constants import HARD, NEG, excess
from careweave.scheduling.search.model import Instance

Routes = Sequence[Sequence[int]]

BREAK_ROUNDING = 1e-6
"""Minutes an idle gap may fall short of a break's length through rounding and still count."""


@dataclass(frozen=True)
class Priced:
    """A roster's objective and how much it breaks hard rules."""

    cost: float
    hard: float


def earliest_starts(inst: Instance, routes: Routes) -> list[float]:
    """The least start times of ``routes`` (NEG for tasks left out), ignoring breaks.

    Raises
    ------
    ValueError
        When the links can only be met by times rising for ever.
    """
    start = [NEG] * inst.n_tasks
    on_route = {t for seq in routes for t in seq}
    for _ in range(inst.n_tasks + 2):
        changed = False
        for k, seq in enumerate(routes):
            lane = inst.lanes[k]
            place, free = lane.start_loc, lane.shift_start
            for task in seq:
                bounds = [free + lane.travel[place][inst.loc[task]], inst.earliest[task]]
                bounds += [start[x] + gap for x, gap in inst.in_edges[task] if x in on_route]
                if max(bounds) != start[task]:
                    start[task], changed = max(bounds), True
                place, free = inst.loc[task], start[task] + inst.duration[task]
        if not changed:
            return start
    raise ValueError("the links force start times up for ever")


def price(inst: Instance, routes: Routes, start: Sequence[float]) -> Priced:
    """The objective and hard units of ``routes`` with tasks starting at ``start``."""
    cost = hard = 0.0
    paid = [0.0] * len(inst.lanes)
    for k, seq in enumerate(routes):
        lane_cost, lane_hard, paid[k] = _lane(inst, k, seq, start)
        cost, hard = cost + lane_cost, hard + lane_hard
    worker_cost, worker_hard = _workers(inst, routes, start, paid)
    who_cost, who_hard = _who(inst, routes)
    late = [max(0.0, start[t] - inst.latest[t]) for seq in routes for t in seq]
    cost += inst.w_max_tardiness * max(late, default=0.0)
    return Priced(cost + worker_cost + HARD * worker_hard + who_cost, hard + worker_hard + who_hard)


def _lane(inst: Instance, k: int, seq: Sequence[int], start: Sequence[float]) -> tuple[float, ...]:
    """One lane's cost (hard units priced in), hard units and paid minutes."""
    lane = inst.lanes[k]
    if not seq:
        return 0.0, 0.0, 0.0
    legs = [lane.start_loc, *(inst.loc[t] for t in seq), lane.end_loc]
    leg_cost = sum(lane.leg_cost[a][b] for a, b in itertools.pairwise(legs))
    late = [max(0.0, start[t] - inst.latest[t]) for t in seq]
    hard = sum(excess(x) for t, x in zip(seq, late, strict=True) if inst.critical[t] and x > 0)
    begin = start[seq[0]] - lane.travel[lane.start_loc][inst.loc[seq[0]]]
    last = seq[-1]
    end = start[last] + inst.duration[last] + lane.travel[inst.loc[last]][lane.end_loc]
    hard += excess(end - lane.shift_end) + excess(end - begin - lane.max_work)
    idle = [
        start[b] - (start[a] + inst.duration[a] + lane.travel[inst.loc[a]][inst.loc[b]])
        for a, b in itertools.pairwise(seq)
    ]
    if (
        end - begin > lane.break_after
        and max(idle, default=0.0) < lane.break_minutes - BREAK_ROUNDING
    ):
        hard += lane.break_minutes
    cost = leg_cost + inst.w_tardiness * sum(late) + HARD * hard + lane.paid_cost * (end - begin)
    return cost, hard, end - begin


def _workers(
    inst: Instance, routes: Routes, start: Sequence[float], paid: Sequence[float]
) -> tuple[float, float]:
    """Overtime and imbalance cost, and hard units of weekly and daily limits and of rest."""
    week: dict[tuple[int, int], float] = defaultdict(float)
    day: dict[tuple[int, int], float] = defaultdict(float)
    total = [0.0] * len(inst.contracted)
    for k, lane in enumerate(inst.lanes):
        week[lane.worker, lane.week] += paid[k]
        day[lane.worker, lane.day] += paid[k]
        total[lane.worker] += paid[k]
    cost = sum(inst.w_overtime * max(0.0, m - inst.contracted[w]) for (w, _), m in week.items())
    hard = sum(excess(m - inst.max_week[w]) for (w, _), m in week.items())
    hard += sum(excess(m - inst.max_day[w]) for (w, _), m in day.items())
    hard += sum(_rest_missing(inst, routes, start, w) for w in range(len(inst.contracted)))
    rostered = [m for w, m in enumerate(total) if inst.rostered[w]]
    if rostered:
        cost += inst.w_imbalance * (max(rostered) - min(rostered))
    return cost, hard


def _rest_missing(inst: Instance, routes: Routes, start: Sequence[float], worker: int) -> float:
    """Hard units of rest missing between the worker's consecutive working days."""
    spans = []
    for k, lane in enumerate(inst.lanes):
        seq = routes[k]
        if lane.worker == worker and seq:
            first, last = seq[0], seq[-1]
            begin = start[first] - lane.travel[lane.start_loc][inst.loc[first]]
            end = start[last] + inst.duration[last] + lane.travel[inst.loc[last]][lane.end_loc]
            spans.append((lane.day, lane.shift, begin, end))
    spans.sort()
    return sum(
        excess(inst.min_rest[worker] - (after[2] - before[3]))
        for before, after in itertools.pairwise(spans)
        if after[0] != before[0] and inst.min_rest[worker] > 0
    )


def _who(inst: Instance, routes: Routes) -> tuple[float, float]:
    """Cost of who does each task, or of leaving it out (a must-do task's drop cost is already
    priced as hard), and of double-handed visits with one half only; and the hard units of both."""
    worker_of = {t: inst.lanes[k].worker for k, seq in enumerate(routes) for t in seq}
    cost = hard = 0.0
    seen: dict[int, set[int]] = defaultdict(set)
    for task in range(inst.n_tasks):
        worker = worker_of.get(task)
        if worker is None:
            cost += inst.drop_cost[task]
            hard += float(inst.must[task])
            continue
        cost += inst.assign_cost[task].get(worker, 0.0)
        person = inst.person[task]
        if person >= 0:
            seen[person].add(worker)
            regular = inst.regular[person]
            cost += inst.w_stranger if regular and worker not in regular else 0.0
        alone = sum(1.0 for other in inst.together[task] if other not in worker_of)
        cost, hard = cost + HARD * alone, hard + alone
    for person, workers in seen.items():
        cost += inst.w_continuity * max(0, len(workers) - inst.continuity_target[person])
    return cost, hard
