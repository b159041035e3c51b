"""The annealing's moves, compiled: relocate, swap, and ruin-and-recreate.

Each move changes routes inside the transaction its caller opened and returns its estimated cost
change, ``UNKNOWN`` when only an exact evaluation can tell, or ``NOTHING`` when it changed nothing
worth evaluating (the caller rolls back either way if the move is not kept).
"""

from __future__ import annotations

import math

import numpy as np

from careweave.scheduling.search.constants import INFEASIBLE
from careweave.scheduling.search.kernel.arrays import Dynamic, Static
from careweave.scheduling.search.kernel.change import insert, remove
from careweave.scheduling.search.kernel.estimate import (
    best_in_lane,
    best_near,
    blocked,
    insertion_delta,
    removal_delta,
)
from careweave.scheduling.search.kernel.jit import compiled
from careweave.scheduling.search.kernel.timing import evaluate

UNKNOWN = -math.inf
NOTHING = math.inf
RUIN_LANES = 3
"""Lanes, besides the seed task's own, whose tasks a ruin may remove."""


@compiled
def place_group(s: Static, d: Dynamic, task: int) -> bool:
    """Put unassigned ``task`` and its unassigned other halves at their best places."""
    if not _place_one(s, d, task):
        return False
    for e in range(s.together_ptr[task], s.together_ptr[task + 1]):
        other = s.together[e]
        if d.lane_of[other] < 0 and not _place_one(s, d, other):
            return False
    return True


@compiled
def _place_one(s: Static, d: Dynamic, task: int) -> bool:
    _, lane, pos = best_near(s, d, task)
    if lane < 0:
        return False
    insert(s, d, task, lane, pos)
    return evaluate(s, d) < INFEASIBLE


@compiled
def _target_lane(s: Static, d: Dynamic, task: int, neighbourly: bool) -> int:
    """A lane ``task`` may use: one serving a nearby task when ``neighbourly``, else any."""
    low, high = s.allowed_ptr[task], s.allowed_ptr[task + 1]
    first, last = s.neighbours_ptr[task], s.neighbours_ptr[task + 1]
    if neighbourly and first < last:
        lane = d.lane_of[s.neighbours[np.random.randint(first, last)]]
        if lane >= 0 and allows(s, task, lane):
            return int(lane)
    return int(s.allowed[np.random.randint(low, high)])


@compiled
def relocate(s: Static, d: Dynamic, anywhere: bool, neighbourly: bool) -> float:
    """Move a random task to a lane it may use (or place it, with its other halves).

    With ``neighbourly`` the lane is one that serves a task near it, when there is one.
    """
    task = np.random.randint(0, len(s.loc))
    if s.allowed_ptr[task] == s.allowed_ptr[task + 1]:
        return NOTHING
    lane = _target_lane(s, d, task, neighbourly)
    if d.lane_of[task] < 0:
        return UNKNOWN if place_group(s, d, task) else NOTHING
    gain = removal_delta(s, d, task)
    remove(s, d, task)
    if anywhere:
        if d.length[lane] + 1 >= s.capacity or blocked(s, d, task, s.lane_worker[lane], task):
            return NOTHING
        pos = np.random.randint(0, d.length[lane] + 1)
        estimate = insertion_delta(s, d, task, lane, pos)
    else:
        estimate, pos = best_in_lane(s, d, task, lane, -1)
        if pos < 0:
            return NOTHING
    insert(s, d, task, lane, pos)
    return gain + estimate


@compiled
def allows(s: Static, task: int, lane: int) -> bool:
    low, high = s.allowed_ptr[task], s.allowed_ptr[task + 1]
    i = np.searchsorted(s.allowed[low:high], lane)
    return bool(i < high - low and s.allowed[low + i] == lane)


@compiled
def swap(s: Static, d: Dynamic) -> float:
    """Exchange a random task with the task closest in time on another lane it may use."""
    first = np.random.randint(0, len(s.loc))
    low, high = s.allowed_ptr[first], s.allowed_ptr[first + 1]
    lane1 = d.lane_of[first]
    if lane1 < 0 or low == high:
        return NOTHING
    lane2 = s.allowed[np.random.randint(low, high)]
    if lane2 == lane1 or d.length[lane2] == 0:
        return NOTHING
    when, second, gap = d.start[first], -1, INFEASIBLE
    for p in range(d.length[lane2]):
        t = d.routes[lane2, p]
        if abs(d.start[t] - when) < gap:
            second, gap = t, abs(d.start[t] - when)
    if not allows(s, second, lane1):
        return NOTHING
    if blocked(s, d, first, s.lane_worker[lane2], second) or blocked(
        s, d, second, s.lane_worker[lane1], first
    ):
        return NOTHING
    pos1, pos2 = d.pos_of[first], d.pos_of[second]
    remove(s, d, first)
    remove(s, d, second)
    insert(s, d, second, lane1, pos1)
    insert(s, d, first, lane2, pos2)
    return UNKNOWN
