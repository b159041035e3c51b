"""Moves of the local search and the greedy construction that starts it.

Every move only changes routes (``State.remove``/``State.insert``) inside a transaction opened by the
caller; the caller then evaluates the exact cost and keeps or undoes the move. A move returns
``False`` when it found nothing to change.
"""

from __future__ import annotations

import math
import random

from careweave.scheduling.search.insertion import (
    best_in_lane,
    candidates,
    insertion_delta,
    removal_delta,
)
from careweave.scheduling.search.state import INFEASIBLE, State
from careweave.scheduling.stop import StoppingCriterion

UNKNOWN = -math.inf
"""Estimate of a move whose effect is not estimated (it is always evaluated exactly)."""

HURRY_AFTER = 0.3
"""Share of the stopping budget after which the construction hurries."""

HURRIED_LANES = 4
"""Lanes a hurried construction tries per task."""

ROOM_LANES = 4
"""Lanes :func:`make_room` tries for a must-do task."""

ROOM_MARGIN = 90.0
"""Minutes around a must-do task's window within which optional visits may be moved away."""

EXACT_TRIES = 3
"""How many of the best estimated insertion places the construction evaluates exactly."""


def _place_rest(state: State, rest: list[int], optional: bool = False) -> bool:
    """Put each of ``rest`` at its best estimated place, refreshing times after each.

    With ``optional``, a task whose best place costs more than leaving it out stays out.
    """
    for task in rest:
        found = candidates(state, task)
        if optional and (not found or found[0][0] >= 0.0):
            continue
        if not found:
            return False
        _, lane, pos = found[0]
        state.insert(task, lane, pos)
        if state.evaluate() == INFEASIBLE:
            return False
    return True


def insert_group(state: State, group: list[int], hurry: bool = False) -> bool:
    """Insert unassigned tasks that go together (e.g. double-handed halves) if that pays.

    The first task goes to its best estimated place, the others follow greedily; if the whole
    costs more than leaving the group out, the next few places of the first task are tried.
    Opens and closes its own transactions; returns ``True`` when the group was placed. In a
    ``hurry`` only the first task's few nearest lanes and its single best place are tried.
    """
    before = state.cost()
    lanes = state.inst.near[group[0]][:HURRIED_LANES] if hurry else None
    for estimate, lane, pos in candidates(state, group[0], lanes)[: 1 if hurry else EXACT_TRIES]:
        if estimate >= 0.0 and len(group) == 1:
            break
        state.begin()
        state.insert(group[0], lane, pos)
        placed = state.evaluate() < INFEASIBLE and _place_rest(state, group[1:])
        if placed and state.cost() < before:
            state.commit()
            return True
        state.rollback()
    return False


def make_room(state: State, task: int) -> bool:
    """Place a must-do ``task`` by taking the optional visits around its time off a lane.

    Tried on the task's nearest lanes in turn: the lane's unlinked optional visits that start
    near the task's window come off, the task goes in at its best place, and the visits that came
    off go back wherever they fit best (or stay out). Kept when the whole costs less.
    """
    inst = state.inst
    before = state.cost()
    opens, closes = inst.earliest[task] - ROOM_MARGIN, inst.latest[task] + ROOM_MARGIN
    for lane in inst.near[task][:ROOM_LANES]:
        state.begin()
        removed = [
            t
            for t in state.routes[lane]
            if not inst.must[t] and not inst.partners[t] and opens <= state.start[t] <= closes
        ]
        for t in removed:
            state.remove(t)
        best = best_in_lane(state, task, lane) if state.evaluate() < INFEASIBLE else None
        if best is not None:
            state.insert(task, lane, best[2])
            fits = state.evaluate() < INFEASIBLE and _place_rest(state, removed, optional=True)
            if fits and state.cost() < before:
                state.commit()
                return True
        state.rollback()
    return False


def construct(state: State, stop: StoppingCriterion | None = None) -> None:
    """Fill an empty roster greedily: must-do tasks first, then by deadline, linked groups together.

    When ``stop`` reports that more than ``HURRY_AFTER`` of its budget is gone, the remaining
    tasks are placed in a hurry (see :func:`insert_group`), so that a huge problem still leaves
    time to improve the roster.
    """
    inst = state.inst
    # Tasks that must be done go first, while every worker's day is still open.
    order = sorted(
        range(inst.n_tasks), key=lambda t: (not inst.must[t], inst.latest[t], inst.earliest[t], t)
    )
    done = [False] * inst.n_tasks
    hurry = False
    for count, task in enumerate(order):
        if done[task]:
            continue
        if stop is not None and not hurry and count % 64 == 0:
            hurry = stop.progress() > HURRY_AFTER
        group = [task, *(t for t in inst.together[task] if not done[t])]
        for member in group:
            done[member] = True
        if not insert_group(state, group, hurry) and len(group) == 1 and inst.must[task]:
            make_room(state, task)


def relocate(state: State, rng: random.Random, anywhere: bool) -> float | None:
    """Move a random task to a random lane it may use (or place it, with its other halves).

    With ``anywhere`` the position in that lane is random too; otherwise it is the best estimated.
    Returns the estimated cost change (linked partners' reactions left out), or None if nothing
    was changed.
    """
    inst = state.inst
    task = rng.randrange(inst.n_tasks)
    allowed = inst.allowed[task]
    if not allowed:
        return None
    lane = allowed[rng.randrange(len(allowed))]
    if state.lane_of[task] < 0:
        group = [task, *(t for t in inst.together[task] if state.lane_of[t] < 0)]
        return UNKNOWN if _place_rest(state, group) else None
    gain = removal_delta(state, task)
    state.remove(task)
    if anywhere:
        if _barred(state, task, lane, task):
            return None
        pos = rng.randint(0, len(state.routes[lane]))
        estimate = insertion_delta(state, task, lane, pos)
    else:
        best = best_in_lane(state, task, lane)
        if best is None:
            return None
        estimate, _, pos = best
    state.insert(task, lane, pos)
    return gain + estimate


def _barred(state: State, task: int, lane: int, leaving: int) -> bool:
    """Whether a partner that must be apart from ``task`` works ``lane``'s worker (bar ``leaving``)."""
    lanes, lane_of = state.inst.lanes, state.lane_of
    worker = lanes[lane].worker
    return any(
        o != leaving and lane_of[o] >= 0 and lanes[lane_of[o]].worker == worker
        for o in state.inst.apart[task]
    )


def swap(state: State, rng: random.Random, allowed_sets: list[set[int]]) -> float | None:
    """Exchange a random task with the task closest in time on another lane it may use.

    Returns the estimated cost change, or None if the two cannot be exchanged.
    """
    first = rng.randrange(state.inst.n_tasks)
    allowed = state.inst.allowed[first]
    lane2 = allowed[rng.randrange(len(allowed))] if allowed else -1
    if state.lane_of[first] < 0 or lane2 < 0 or not state.routes[lane2]:
        return None
    when = state.start[first]
    second = min(state.routes[lane2], key=lambda t: abs(state.start[t] - when))
    lane1 = state.lane_of[first]
    if (
        lane1 < 0
        or lane2 < 0
        or lane1 == lane2
        or lane2 not in allowed_sets[first]
        or lane1 not in allowed_sets[second]
    ):
        return False
    if _barred(state, first, lane2, second) or _barred(state, second, lane1, first):
        return False
    pos1, pos2 = state.pos_of[first], state.pos_of[second]
    state.remove(first)
    state.remove(second)
    state.insert(second, lane1, pos1)
    state.insert(first, lane2, pos2)
    return True


def _regret(state: State, task: int, lanes: list[int]) -> float:
    """How much worse the task's best place on a second lane is than on its best lane."""
    best: dict[int, float] = {}
    for estimate, lane, _ in candidates(state, task, lanes):
        best.setdefault(lane, estimate)
    ranked = sorted(best.values())
    return ranked[1] - ranked[0] if len(ranked) > 1 else math.inf


def ruin_recreate(
    state: State,
    rng: random.Random,
    size: int,
    allowed_sets: list[set[int]],
    regret: bool = False,
) -> bool:
    """Remove ``size`` tasks close to a random one (and their linked partners); reinsert greedily.

    With ``regret`` the hardest to place go back first; otherwise the earliest deadlines do.
    """
    inst = state.inst
    seed = rng.randrange(inst.n_tasks)
    allowed = inst.allowed[seed]
    if state.lane_of[seed] < 0:
        return False
    lanes = {state.lane_of[seed], *(allowed[rng.randrange(len(allowed))] for _ in range(3))}
    pool = [t for k in lanes for t in state.routes[k]]
    dist = inst.lanes[state.lane_of[seed]].travel
    here, when = inst.loc[seed], state.start[seed]
    pool.sort(key=lambda t: dist[here][inst.loc[t]] + abs(state.start[t] - when))
    removed: list[int] = []
    for task in pool[:size]:
        for member in (task, *inst.partners[task]):
            if state.lane_of[member] >= 0:
                lanes.add(state.lane_of[member])
                state.remove(member)
                removed.append(member)
    removed.sort(key=lambda t: inst.latest[t])
    if state.evaluate() == INFEASIBLE:
        return True
    nearby = sorted(lanes)
    options = {t: [k for k in nearby if k in allowed_sets[t]] for t in removed}
    if regret:
        # Hardest first: the task that loses most if its best lane goes to another.
        removed.sort(key=lambda t: -_regret(state, t, options[t]))
    for task in removed:
        if state.lane_of[task] >= 0:
            continue
        found = candidates(state, task, options[task])
        if found and found[0][0] < 0.0:
            _, lane, pos = found[0]
            state.insert(task, lane, pos)
            if state.evaluate() == INFEASIBLE:
                break
    return bool(removed)
