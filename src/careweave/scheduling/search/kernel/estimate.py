"""Cheap estimates of inserting or removing one task, and the best places to insert it.

Compiled twins of :mod:`careweave.scheduling.search.insertion`: an estimate looks at one route only
and has only to rank candidates well; the exact effect is computed by ``evaluate`` afterwards.
"""

from __future__ import annotations

from careweave.scheduling.search.constants import HARD, INFEASIBLE, NEG, WINDOW_SLACK
from careweave.scheduling.search.kernel.arrays import W_TARDINESS, Dynamic, Static
from careweave.scheduling.search.kernel.jit import compiled
from careweave.scheduling.search.kernel.totals import assign_delta


@compiled
def _late(start: float, latest: float) -> float:
    return start - latest if start > latest else 0.0


@compiled
def _setting_off(s: Static, d: Dynamic, k: int, pos: int) -> tuple[int, float]:
    """Where and when lane ``k``'s worker sets off towards position ``pos``."""
    if pos > 0:
        before = d.routes[k, pos - 1]
        return int(s.loc[before]), float(d.start[before] + s.dur[before])
    return int(s.lane_start[k]), float(s.shift_start[k])


@compiled
def insertion_delta(s: Static, d: Dynamic, task: int, k: int, pos: int) -> float:
    """Estimate the cost change of inserting unassigned ``task`` into lane ``k`` at ``pos``."""
    m, n = s.lane_mode[k], d.length[k]
    prev, t = _setting_off(s, d, k, pos)
    here = s.loc[task]
    after = s.loc[d.routes[k, pos]] if pos < n else s.lane_end[k]
    leg = s.legs[m, prev, here] + s.legs[m, here, after] - (s.legs[m, prev, after] if n else 0.0)
    start = max(t + s.travel[m, prev, here], s.earliest[task])
    for e in range(s.in_ptr[task], s.in_ptr[task + 1]):
        start = max(start, d.start[s.in_from[e]] + s.in_gap[e])
    tard = _late(start, s.latest[task])
    hard = tard if s.critical[task] else 0.0
    for e in range(s.out_ptr[task], s.out_ptr[task + 1]):
        other = s.out_to[e]
        if d.start[other] > NEG and start + s.out_gap[e] > d.start[other]:
            pushed = start + s.out_gap[e]
            tard += _late(pushed, s.latest[other]) - _late(d.start[other], s.latest[other])
    t, prev = start + s.dur[task], here
    pushed_to_end = True
    for q in range(pos, n):
        nxt = d.routes[k, q]
        spot = s.loc[nxt]
        arrive = t + s.travel[m, prev, spot]
        old = d.start[nxt]
        if arrive <= old:
            pushed_to_end = False
            break
        # The visit is pushed from ``old`` to ``arrive``: only the part past ``latest`` is late.
        limit = s.latest[nxt]
        if arrive > limit:
            extra = arrive - (old if old > limit else limit)
            tard += extra
            if s.critical[nxt]:
                hard += extra
        t, prev = arrive + s.dur[nxt], spot
    if pushed_to_end:
        end = t + s.travel[m, prev, s.lane_end[k]]
        old_end, old_begin = d.lane_end[k], d.lane_begin[k]
        begin = old_begin if pos > 0 else start - s.travel[m, s.lane_start[k], here]
        paid, old_paid = end - begin, (old_end - old_begin if n else 0.0)
        hard += max(0.0, end - s.shift_end[k]) - max(0.0, old_end - s.shift_end[k])
        hard += max(0.0, paid - s.max_work[k]) - max(0.0, old_paid - s.max_work[k])
        leg += s.paid_cost[k] * (paid - old_paid)
    return float(
        leg
        + s.weights[W_TARDINESS] * tard
        + HARD * hard
        + assign_delta(s, d, task, s.lane_worker[k])
    )


@compiled
def removal_delta(s: Static, d: Dynamic, task: int) -> float:
    """Estimate the cost change of taking assigned ``task`` off its route.

    Linked visits later in the route keep the bound their partners set now, so a visit held up
    only by this task's partner is not credited: the estimate errs towards keeping things.
    """
    k, pos = d.lane_of[task], d.pos_of[task]
    m, n = s.lane_mode[k], d.length[k]
    prev, t = _setting_off(s, d, k, pos)
    here = s.loc[task]
    after = s.loc[d.routes[k, pos + 1]] if pos + 1 < n else s.lane_end[k]
    leg = (
        (s.legs[m, prev, after] if n > 1 else 0.0) - s.legs[m, prev, here] - s.legs[m, here, after]
    )
    tard = -_late(d.start[task], s.latest[task])
    for q in range(pos + 1, n):
        nxt = d.routes[k, q]
        start = max(t + s.travel[m, prev, s.loc[nxt]], s.earliest[nxt])
        for e in range(s.in_ptr[nxt], s.in_ptr[nxt + 1]):
            if s.in_from[e] != task:
                start = max(start, d.start[s.in_from[e]] + s.in_gap[e])
        if start >= d.start[nxt]:
            break
        tard += _late(start, s.latest[nxt]) - _late(d.start[nxt], s.latest[nxt])
        t, prev = start + s.dur[nxt], s.loc[nxt]
    return float(leg + s.weights[W_TARDINESS] * tard - assign_delta_of_assigned(s, d, task))


@compiled
def assign_delta_of_assigned(s: Static, d: Dynamic, task: int) -> float:
    """What giving assigned ``task`` to its own worker costs, as if it were unassigned now."""
    worker = s.lane_worker[d.lane_of[task]]
    person = s.person[task]
    if person < 0:
        return assign_delta(s, d, task, worker)
    # Take this task's own visit out of the person's count while pricing it.
    d.counts[person, worker] -= 1
    if d.counts[person, worker] == 0:
        d.distinct[person] -= 1
    delta = assign_delta(s, d, task, worker)
    if d.counts[person, worker] == 0:
        d.distinct[person] += 1
    d.counts[person, worker] += 1
    return delta


@compiled
def blocked(s: Static, d: Dynamic, task: int, worker: int, leaving: int) -> bool:
    """Whether a partner that must be apart from ``task`` works for ``worker`` (bar ``leaving``)."""
    for e in range(s.apart_ptr[task], s.apart_ptr[task + 1]):
        other = s.apart[e]
        lane = d.lane_of[other]
        if other != leaving and lane >= 0 and s.lane_worker[lane] == worker:
            return True
    return False


@compiled
def positions(s: Static, d: Dynamic, task: int, k: int) -> tuple[int, int]:
    """First and past-the-last positions of lane ``k`` worth trying for ``task``."""
    n = d.length[k]
    low = 0
    opens, closes = s.earliest[task] - WINDOW_SLACK, s.latest[task] + WINDOW_SLACK
    while low < n and d.start[d.routes[k, low]] < opens:
        low += 1
    end = low
    while end < n and d.start[d.routes[k, end]] <= closes:
        end += 1
    return max(0, low - 1), end + 1


@compiled
def best_in_lane(s: Static, d: Dynamic, task: int, k: int, leaving: int) -> tuple[float, int]:
    """The best (estimate, position) for unassigned ``task`` on lane ``k``; position -1 if barred."""
    if d.length[k] + 1 >= s.capacity or blocked(s, d, task, s.lane_worker[k], leaving):
        return INFEASIBLE, -1
    low, high = positions(s, d, task, k)
    best, where = INFEASIBLE, -1
    for pos in range(low, high):
        delta = insertion_delta(s, d, task, k, pos)
        if where < 0 or delta < best:
            best, where = delta, pos
    return best, where


@compiled
def best_near(s: Static, d: Dynamic, task: int) -> tuple[float, int, int]:
    """The best (estimate, lane, position) for unassigned ``task`` over its nearest lanes."""
    best, lane, where = INFEASIBLE, -1, -1
    for e in range(s.near_ptr[task], s.near_ptr[task + 1]):
        k = s.near[e]
        delta, pos = best_in_lane(s, d, task, k, -1)
        if pos >= 0 and (lane < 0 or delta < best):
            best, lane, where = delta, k, pos
    return best, lane, where
