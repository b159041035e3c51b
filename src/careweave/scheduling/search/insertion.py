"""Cheap estimates of what inserting one task costs, and the best place to insert it.

An estimate looks at one route only: it simulates the route from the insertion point until the
following visits are no longer pushed later, prices the extra travel, lateness and shift overrun, and
adds the knock-on lateness of linked partners that would have to move. The exact effect (linked
partners on other routes moving in turn) is computed afterwards by :meth:`State.evaluate`; the
estimate only has to rank the candidates well.
"""

from __future__ import annotations

from careweave.scheduling.search.constants import HARD, NEG, WINDOW_SLACK
from careweave.scheduling.search.state import State

Candidate = tuple[float, int, int]
"""(estimated cost change, lane, position)."""


def _late(start: float, latest: float) -> float:
    return start - latest if start > latest else 0.0


def insertion_delta(state: State, task: int, lane_index: int, pos: int) -> float:
    """Estimate the cost change of inserting unassigned ``task`` into a lane at ``pos``."""
    inst = state.inst
    lane = inst.lanes[lane_index]
    seq = state.routes[lane_index]
    travel, legs, loc, start, dur = lane.travel, lane.leg_cost, inst.loc, state.start, inst.duration
    latest, critical = inst.latest, inst.critical
    if pos:
        before = seq[pos - 1]
        prev, t = loc[before], start[before] + dur[before]
    else:
        prev, t = lane.start_loc, lane.shift_start
    here = loc[task]
    after = loc[seq[pos]] if pos < len(seq) else lane.end_loc
    leg = legs[prev][here] + legs[here][after] - (legs[prev][after] if seq else 0.0)
    s = t + travel[prev][here]
    if s < inst.earliest[task]:
        s = inst.earliest[task]
    for other, gap in inst.in_edges[task]:
        if start[other] + gap > s:
            s = start[other] + gap
    late = _late(s, latest[task])
    tard, hard = late, (late if critical[task] else 0.0)
    for other, gap in inst.out_edges[task]:
        if start[other] > NEG and s + gap > start[other]:
            tard += _late(s + gap, latest[other]) - _late(start[other], latest[other])
    t, prev = s + dur[task], here
    for q in range(pos, len(seq)):
        nxt = seq[q]
        spot = loc[nxt]
        arrive = t + travel[prev][spot]
        old = start[nxt]
        if arrive <= old:
            break
        # The visit is pushed from ``old`` to ``arrive``: only the part past ``latest`` is late.
        limit = latest[nxt]
        if arrive > limit:
            extra = arrive - (old if old > limit else limit)
            tard += extra
            if critical[nxt]:
                hard += extra
        t, prev = arrive + dur[nxt], spot
    else:
        end = t + travel[prev][lane.end_loc]
        old_end, old_begin = state.lane_end[lane_index], state.lane_begin[lane_index]
        begin = old_begin if pos else s - travel[lane.start_loc][here]
        paid, old_paid = end - begin, (old_end - old_begin if seq else 0.0)
        hard += max(0.0, end - lane.shift_end) - max(0.0, old_end - lane.shift_end)
        hard += max(0.0, paid - lane.max_work) - max(0.0, old_paid - lane.max_work)
        leg += lane.paid_cost * (paid - old_paid)
    return leg + inst.w_tardiness * tard + HARD * hard + state.assignment.delta(task, lane.worker)


def _blocked_workers(state: State, task: int) -> set[int]:
    lanes = state.inst.lanes
    return {lanes[state.lane_of[o]].worker for o in state.inst.apart[task] if state.lane_of[o] >= 0}


def positions(state: State, task: int, lane_index: int) -> range:
    """Positions of a lane worth trying for ``task``: not far before or after its window.

    A route's starts increase along it, so the places where the task would start long after its
    window closes, or make the next visit wait long before the task's window opens, are skipped.
    """
    seq, start, inst = state.routes[lane_index], state.start, state.inst
    low, high = 0, len(seq)
    opens, closes = inst.earliest[task] - WINDOW_SLACK, inst.latest[task] + WINDOW_SLACK
    while low < high and start[seq[low]] < opens:
        low += 1
    end = low
    while end < high and start[seq[end]] <= closes:
        end += 1
    return range(max(0, low - 1), end + 1)


def candidates(state: State, task: int, lanes: list[int] | None = None) -> list[Candidate]:
    """Return (estimate, lane, position) for unassigned ``task``, best first.

    Without ``lanes``, only the task's nearest lanes (:attr:`Instance.near`) are tried.
    """
    inst = state.inst
    blocked = _blocked_workers(state, task)
    found: list[Candidate] = []
    for k in inst.near[task] if lanes is None else lanes:
        if inst.lanes[k].worker in blocked:
            continue
        for pos in positions(state, task, k):
            found.append((insertion_delta(state, task, k, pos), k, pos))
    found.sort()
    return found


def best_in_lane(state: State, task: int, lane_index: int) -> Candidate | None:
    """Return the best (estimate, lane, position) for ``task`` on one lane, or None if barred."""
    inst = state.inst
    if inst.lanes[lane_index].worker in _blocked_workers(state, task):
        return None
    best: Candidate | None = None
    for pos in positions(state, task, lane_index):
        delta = insertion_delta(state, task, lane_index, pos)
        if best is None or delta < best[0]:
            best = (delta, lane_index, pos)
    return best
