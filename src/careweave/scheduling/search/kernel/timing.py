"""Start times: each lane's timing and cost, and the links between lanes settled after a change.

Start times are the least solution of the difference constraints (route order, windows, links,
breaks), found as :meth:`~careweave.scheduling.search.state.State._propagate` finds them: every
lane a change can reach through links is reset and raised from below until nothing moves. Compiled,
this plain method is fast enough that the Python state's shortcut for pairs is not needed.
"""

from __future__ import annotations

from careweave.scheduling.search.constants import (
    CLEAN,
    EPS,
    HARD,
    INFEASIBLE,
    NEG,
    NO_BREAK,
    SETTLE_RUNS,
    SETTLE_RUNS_PER_LANE,
    SETTLE_RUNS_PER_VISIT,
)
from careweave.scheduling.search.kernel.arrays import LANE_SUM, W_TARDINESS, Dynamic, Static
from careweave.scheduling.search.kernel.change import clear_dirty, save
from careweave.scheduling.search.kernel.jit import compiled
from careweave.scheduling.search.kernel.totals import over, total_cost, workload_set


@compiled
def run_lane(s: Static, d: Dynamic, k: int) -> int:
    """Recompute lane ``k``'s times and cost; return how many linked tasks' starts moved.

    Those tasks are written to ``d.shifted``.
    """
    m = s.lane_mode[k]
    end_loc, after, rest = s.lane_end[k], s.break_after[k], s.break_minutes[k]
    needs_break = after < NO_BREAK
    prev, t = s.lane_start[k], s.shift_start[k]
    leg = tard = tmax = hard = 0.0
    begin = -1.0
    rested = False
    moved = 0
    for p in range(d.length[k]):
        task = d.routes[k, p]
        here = s.loc[task]
        arrive = t + s.travel[m, prev, here]
        start = max(arrive, s.earliest[task])
        for e in range(s.in_ptr[task], s.in_ptr[task + 1]):
            bound = d.start[s.in_from[e]] + s.in_gap[e]
            if bound > start:
                start = bound
        if begin < 0.0:
            begin = start - s.travel[m, prev, here]
        elif needs_break and not rested:
            if start - arrive >= rest:
                rested = True
            elif start + s.dur[task] + s.travel[m, here, end_loc] - begin > after:
                start = max(start, arrive + rest)
                rested = True
        late = start - s.latest[task]
        if late > 0.0:
            tard += late
            tmax = max(tmax, late)
            if s.critical[task]:
                hard += over(late)
        if start != d.start[task]:
            d.start[task] = start
            if s.out_ptr[task + 1] > s.out_ptr[task]:
                d.shifted[moved] = task
                moved += 1
        leg += s.legs[m, prev, here]
        t = start + s.dur[task]
        prev = here
    paid = 0.0
    if begin >= 0.0:
        leg += s.legs[m, prev, end_loc]
        end = t + s.travel[m, prev, end_loc]
        paid = end - begin
        hard += over(end - s.shift_end[k]) + over(paid - s.max_work[k])
        if needs_break and not rested and paid > after:
            hard += rest
    else:
        begin = end = s.shift_start[k]
    cost = leg + s.weights[W_TARDINESS] * tard + HARD * hard + s.paid_cost[k] * paid
    d.sc[LANE_SUM] += cost - d.lane_cost[k]
    d.lane_cost[k] = cost
    d.lane_tmax[k] = tmax
    d.lane_hard[k] = hard
    d.lane_begin[k] = begin
    d.lane_end[k] = end
    workload_set(s, d, k, paid)
    return moved


@compiled
def _closure(s: Static, d: Dynamic) -> int:
    """Mark in ``d.first`` each lane's first position whose start may change; return the count.

    The lanes are listed in ``d.closure``.
    """
    count = top = 0
    for i in range(d.dirty_count[0]):
        k = d.dirty_lanes[i]
        d.first[k] = d.dirty[k]
        d.closure[count] = k
        count += 1
        d.stack[top] = k
        top += 1
    while top > 0:
        top -= 1
        k = d.stack[top]
        for p in range(d.first[k], d.length[k]):
            task = d.routes[k, p]
            for e in range(s.partners_ptr[task], s.partners_ptr[task + 1]):
                other = s.partners[e]
                lane = d.lane_of[other]
                if lane < 0:
                    continue
                q = d.pos_of[other]
                if q < d.first[lane]:
                    if d.first[lane] == CLEAN:
                        d.closure[count] = lane
                        count += 1
                    d.first[lane] = q
                    d.stack[top] = lane
                    top += 1
    return count


@compiled
def propagate(s: Static, d: Dynamic) -> bool:
    """Recompute the times of every lane the changes can reach; False if links form a cycle."""
    count = _closure(s, d)
    budget = SETTLE_RUNS
    for i in range(count):
        k = d.closure[i]
        save(d, k)
        budget += SETTLE_RUNS_PER_VISIT * (d.length[k] - d.first[k]) + SETTLE_RUNS_PER_LANE
        for p in range(d.first[k], d.length[k]):
            d.start[d.routes[k, p]] = NEG
        d.first[k] = CLEAN
    size = len(d.queue)
    head = tail = 0
    for i in range(count):
        k = d.closure[i]
        d.queue[tail] = k
        tail = (tail + 1) % size
        d.queued[k] = True
    settled = True
    while head != tail:
        k = d.queue[head]
        head = (head + 1) % size
        d.queued[k] = False
        budget -= 1
        if budget < 0:
            settled = False
            break
        for j in range(run_lane(s, d, k)):
            task = d.shifted[j]
            bound = d.start[task]
            for e in range(s.out_ptr[task], s.out_ptr[task + 1]):
                other = s.out_to[e]
                lane = d.lane_of[other]
                if lane >= 0 and not d.queued[lane] and d.start[other] < bound + s.out_gap[e] - EPS:
                    d.queue[tail] = lane
                    tail = (tail + 1) % size
                    d.queued[lane] = True
    while head != tail:
        d.queued[d.queue[head]] = False
        head = (head + 1) % size
    return settled


@compiled
def evaluate(s: Static, d: Dynamic) -> float:
    """Settle the times the changes can reach; return the new cost (``INFEASIBLE`` if stuck)."""
    if d.dirty_count[0] > 0:
        if not propagate(s, d):
            return INFEASIBLE
        clear_dirty(d)
    return total_cost(s, d)


@compiled
def resum(d: Dynamic) -> None:
    """Recompute the running sum of lane costs, shedding floating-point drift."""
    d.sc[LANE_SUM] = d.lane_cost.sum()
