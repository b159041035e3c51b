"""Running totals that span lanes: who serves each person, paid time per worker, rest, the objective.

Compiled twins of :class:`~careweave.scheduling.search.assignment.Assignment` and
:class:`~careweave.scheduling.search.workload.Workload`, with the same rules.
"""

from __future__ import annotations

from careweave.scheduling.search.constants import HARD, excess
from careweave.scheduling.search.kernel.arrays import (
    ALONE,
    ASSIGN_COST,
    LANE_SUM,
    MUST_OUT,
    W_CONTINUITY,
    W_IMBALANCE,
    W_MAX_TARDINESS,
    W_OVERTIME,
    W_STRANGER,
    WEEK_COST,
    WEEK_HARD,
    Dynamic,
    Static,
)
from careweave.scheduling.search.kernel.jit import compiled

over = compiled(excess)
"""The Python state's :func:`~careweave.scheduling.search.constants.excess`, compiled."""


@compiled
def assign_cost(s: Static, task: int, worker: int) -> float:
    """Extra cost of giving ``task`` to ``worker`` (preferences, team, a repair's published worker)."""
    for e in range(s.cost_ptr[task], s.cost_ptr[task + 1]):
        if s.cost_worker[e] == worker:
            return float(s.cost_value[e])
    return 0.0


@compiled
def is_stranger(s: Static, person: int, worker: int) -> bool:
    """Whether ``worker`` is not one of the person's regulars (never, when they have none)."""
    low, high = s.regular_ptr[person], s.regular_ptr[person + 1]
    if low == high:
        return False
    return not (s.regular[low:high] == worker).any()


@compiled
def count_change(s: Static, d: Dynamic, person: int, worker: int, sign: int) -> int:
    """Change the person's visit count for ``worker``; return the change in excess workers."""
    before = d.distinct[person]
    seen = d.counts[person, worker] + sign
    d.counts[person, worker] = seen
    if seen == 0:
        d.distinct[person] -= 1
    elif seen == sign:
        d.distinct[person] += 1
    target = s.target[person]
    return int(max(0, d.distinct[person] - target) - max(0, before - target))


@compiled
def assign_change(s: Static, d: Dynamic, task: int, worker: int, sign: int) -> None:
    """Record that ``task`` starts (sign +1) or stops (-1) being served by ``worker``."""
    cost = assign_cost(s, task, worker) - s.drop[task]
    person = s.person[task]
    if person >= 0:
        if is_stranger(s, person, worker):
            cost += s.weights[W_STRANGER]
        cost = sign * cost + s.weights[W_CONTINUITY] * count_change(s, d, person, worker, sign)
    else:
        cost = sign * cost
    for e in range(s.together_ptr[task], s.together_ptr[task + 1]):
        # Unassign runs before the lane is cleared, assign after it is set.
        d.sc[ALONE] += -sign if d.lane_of[s.together[e]] >= 0 else sign
    if s.must[task]:
        d.sc[MUST_OUT] -= sign
    d.sc[ASSIGN_COST] += cost


@compiled
def assign_delta(s: Static, d: Dynamic, task: int, worker: int) -> float:
    """Estimated cost change of giving unassigned ``task`` to ``worker``."""
    cost = assign_cost(s, task, worker) - s.drop[task]
    person = s.person[task]
    if person < 0:
        return float(cost)
    if is_stranger(s, person, worker):
        cost += s.weights[W_STRANGER]
    if d.counts[person, worker] == 0 and d.distinct[person] >= s.target[person]:
        cost += s.weights[W_CONTINUITY]
    return float(cost)


@compiled
def shortfall(s: Static, d: Dynamic, worker: int) -> float:
    """Minutes of rest missing between the worker's consecutive working days."""
    need = s.min_rest[worker]
    if need <= 0.0:
        return 0.0
    missing, last_day, last_end = 0.0, -1, 0.0
    for e in range(s.worker_lanes_ptr[worker], s.worker_lanes_ptr[worker + 1]):
        k = s.worker_lanes[e]
        if not d.span_on[k]:
            continue
        day = s.lane_day[k]
        if last_day >= 0 and day != last_day:
            missing += over(need - (d.span_begin[k] - last_end))
        last_day, last_end = day, d.span_end[k]
    return missing


@compiled
def rest_update(s: Static, d: Dynamic, k: int) -> None:
    """Refresh the worker's rest shortfall after lane ``k``'s times changed."""
    on = d.length[k] > 0
    begin, end = d.lane_begin[k], d.lane_end[k]
    if on == d.span_on[k] and (not on or (begin == d.span_begin[k] and end == d.span_end[k])):
        return
    d.span_on[k] = on
    d.span_begin[k] = begin if on else 0.0
    d.span_end[k] = end if on else 0.0
    worker = s.lane_worker[k]
    short = shortfall(s, d, worker)
    change = short - d.short[worker]
    d.short[worker] = short
    d.sc[WEEK_HARD] += change
    d.sc[WEEK_COST] += HARD * change


@compiled
def workload_set(s: Static, d: Dynamic, k: int, paid: float) -> None:
    """Record that lane ``k`` now has ``paid`` minutes (and its current times)."""
    if s.resting:
        rest_update(s, d, k)
    old = d.lane_paid[k]
    if old == paid:
        return
    d.lane_paid[k] = paid
    if not s.workload_active:
        return
    worker, week, day = s.lane_worker[k], s.lane_week[k], s.lane_day[k]
    d.by_worker[worker] += paid - old
    before = d.by_week[worker, week]
    after = before + paid - old
    d.by_week[worker, week] = after
    overtime = max(0.0, after - s.contracted[worker]) - max(0.0, before - s.contracted[worker])
    beyond = over(after - s.max_week[worker]) - over(before - s.max_week[worker])
    # A day of split shifts is limited as a whole (each lane alone checks its own part).
    day_before = d.by_day[worker, day]
    d.by_day[worker, day] = day_before + paid - old
    limit = s.max_day[worker]
    beyond += over(day_before + paid - old - limit) - over(day_before - limit)
    d.sc[WEEK_COST] += s.weights[W_OVERTIME] * overtime + HARD * beyond
    d.sc[WEEK_HARD] += beyond


@compiled
def total_cost(s: Static, d: Dynamic) -> float:
    """The objective of the current roster (hard breaks priced at ``HARD`` each)."""
    total = d.sc[LANE_SUM] + d.sc[ASSIGN_COST] + HARD * d.sc[ALONE]
    if s.workload_active:
        total += d.sc[WEEK_COST]
        if s.weights[W_IMBALANCE] > 0.0:
            high, low, seen = -1.0e300, 1.0e300, False
            for w in range(len(s.rostered)):
                if s.rostered[w]:
                    seen = True
                    high = max(high, d.by_worker[w])
                    low = min(low, d.by_worker[w])
            if seen:
                total += s.weights[W_IMBALANCE] * (high - low)
    if s.weights[W_MAX_TARDINESS] > 0.0:
        total += s.weights[W_MAX_TARDINESS] * max(0.0, d.lane_tmax.max())
    return float(total)


@compiled
def hard_units(d: Dynamic) -> float:
    """How much hard rules are broken (0 means feasible)."""
    return float(d.lane_hard.sum() + d.sc[MUST_OUT] + d.sc[ALONE] + d.sc[WEEK_HARD])
