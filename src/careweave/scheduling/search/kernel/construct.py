"""The greedy construction, compiled, and the insertions repair and cover reuse.

Each step changes routes inside a transaction, evaluates the exact cost and keeps the change only
when it pays: a group of tasks that go together (the halves of a double-handed visit) is tried at
the first task's few best estimated places, the others following greedily; a must-do task that fits
nowhere takes the optional visits around its time off a lane (:func:`make_room`).
"""

from __future__ import annotations

import numpy as np

from careweave.scheduling.search.constants import INFEASIBLE
from careweave.scheduling.search.kernel.arrays import Dynamic, Flags, Ints, Static
from careweave.scheduling.search.kernel.change import begin, commit, insert, remove, rollback
from careweave.scheduling.search.kernel.estimate import best_in_lane, best_places, near_lanes
from careweave.scheduling.search.kernel.jit import compiled
from careweave.scheduling.search.kernel.timing import evaluate, resum
from careweave.scheduling.search.kernel.totals import total_cost

HURRIED_LANES = 4
"""Lanes a hurried construction tries per task."""

ROOM_LANES = 4
"""Lanes :func:`make_room` tries for a must-do task."""

ROOM_MARGIN = 90.0
"""Minutes around a must-do task's window within which optional visits may be moved away."""

EXACT_TRIES = 3
"""How many of the best estimated insertion places the construction evaluates exactly."""


@compiled
def place_rest(s: Static, d: Dynamic, rest: Ints, optional: bool) -> bool:
    """Put each of ``rest`` at its best estimated place, refreshing times after each.

    With ``optional``, a task whose best place costs more than leaving it out stays out.
    """
    for task in rest:
        deltas, lanes, places, found = best_places(s, d, task, near_lanes(s, task), 1)
        if optional and (found == 0 or deltas[0] >= 0.0):
            continue
        if found == 0:
            return False
        insert(s, d, task, lanes[0], places[0])
        if evaluate(s, d) == INFEASIBLE:
            return False
    return True


@compiled
def insert_group(s: Static, d: Dynamic, group: Ints, hurry: bool) -> bool:
    """Insert unassigned tasks that go together (e.g. double-handed halves) if that pays.

    The first task goes to its best estimated place, the others follow greedily; if the whole
    costs more than leaving the group out, the next few places of the first task are tried.
    Opens and closes its own transactions; returns True when the group was placed. In a
    ``hurry`` only the first task's few nearest lanes and its single best place are tried.
    """
    before = total_cost(s, d)
    lanes = near_lanes(s, group[0])
    if hurry:
        lanes = lanes[:HURRIED_LANES]
    deltas, at_lane, at_pos, found = best_places(s, d, group[0], lanes, 1 if hurry else EXACT_TRIES)
    for i in range(found):
        if deltas[i] >= 0.0 and len(group) == 1:
            break
        begin(d)
        insert(s, d, group[0], at_lane[i], at_pos[i])
        placed = evaluate(s, d) < INFEASIBLE and place_rest(s, d, group[1:], False)
        if _kept_if_cheaper(s, d, placed, before):
            return True
    return False


@compiled
def _kept_if_cheaper(s: Static, d: Dynamic, fits: bool, before: float) -> bool:
    """Close the open transaction: keep its changes when ``fits`` and they cost less than
    ``before``, undo them otherwise; return whether they were kept."""
    if fits and total_cost(s, d) < before:
        commit(d)
        return True
    rollback(s, d)
    return False


@compiled
def _movable_near(s: Static, d: Dynamic, k: int, opens: float, closes: float) -> Ints:
    """Lane ``k``'s unlinked optional tasks that start between ``opens`` and ``closes``."""
    found = np.empty(d.length[k], dtype=np.int64)
    count = 0
    for p in range(d.length[k]):
        task = d.routes[k, p]
        unlinked = s.partners_ptr[task] == s.partners_ptr[task + 1]
        if not s.must[task] and unlinked and opens <= d.start[task] <= closes:
            found[count] = task
            count += 1
    return found[:count]


@compiled
def make_room(s: Static, d: Dynamic, task: int) -> bool:
    """Place a must-do ``task`` by taking the optional visits around its time off a lane.

    Tried on the task's nearest lanes in turn: the lane's unlinked optional visits that start
    near the task's window come off, the task goes in at its best place, and the visits that came
    off go back wherever they fit best (or stay out). Kept when the whole costs less.
    """
    before = total_cost(s, d)
    opens, closes = s.earliest[task] - ROOM_MARGIN, s.latest[task] + ROOM_MARGIN
    for k in near_lanes(s, task)[:ROOM_LANES]:
        begin(d)
        removed = _movable_near(s, d, k, opens, closes)
        for other in removed:
            remove(s, d, other)
        pos = -1
        if evaluate(s, d) < INFEASIBLE:
            _, pos = best_in_lane(s, d, task, k, -1)
        fits = False
        if pos >= 0:
            insert(s, d, task, k, pos)
            fits = evaluate(s, d) < INFEASIBLE and place_rest(s, d, removed, True)
        if _kept_if_cheaper(s, d, fits, before):
            return True
    return False


@compiled
def construct_part(
    s: Static, d: Dynamic, order: Ints, done: Flags, first: int, last: int, hurry: bool
) -> None:
    """Place the tasks ``order[first:last]``, each with its other halves not yet placed.

    ``done`` marks the tasks already tried (placed or not); a must-do task that no group
    insertion fits gets :func:`make_room`.
    """
    for i in range(first, last):
        task = order[i]
        if done[task]:
            continue
        low, high = s.together_ptr[task], s.together_ptr[task + 1]
        group = np.empty(1 + high - low, dtype=np.int64)
        group[0] = task
        size = 1
        for e in range(low, high):
            other = s.together[e]
            if not done[other]:
                group[size] = other
                size += 1
        for member in group[:size]:
            done[member] = True
        placed = insert_group(s, d, group[:size], hurry)
        if not placed and size == 1 and s.must[task]:
            make_room(s, d, task)


@compiled
def load(s: Static, d: Dynamic, routes: Ints, lengths: Ints) -> bool:
    """Put every lane's route (``routes[k, :lengths[k]]``) on an empty roster and time it.

    Returns False when links order the visits so that no start times satisfy them.
    """
    begin(d)
    for k in range(len(lengths)):
        for pos in range(lengths[k]):
            insert(s, d, routes[k, pos], k, pos)
    if evaluate(s, d) == INFEASIBLE:
        return False
    commit(d)
    resum(d)
    return True
