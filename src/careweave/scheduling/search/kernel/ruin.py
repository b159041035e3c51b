"""Ruin and recreate, compiled: remove tasks close to a random one, put them back greedily."""

from __future__ import annotations

import numpy as np

from careweave.scheduling.search.constants import INFEASIBLE
from careweave.scheduling.search.kernel.arrays import Dynamic, Static
from careweave.scheduling.search.kernel.change import insert, remove
from careweave.scheduling.search.kernel.estimate import best_in_lane
from careweave.scheduling.search.kernel.jit import compiled
from careweave.scheduling.search.kernel.moves import NOTHING, RUIN_LANES, UNKNOWN, allows
from careweave.scheduling.search.kernel.timing import evaluate


@compiled
def _nearest_tasks(s: Static, d: Dynamic, seed: int, lanes: np.ndarray, size: int) -> np.ndarray:
    """Up to ``size`` tasks of ``lanes`` closest to ``seed`` in place and time."""
    count = 0
    for k in lanes:
        for p in range(d.length[k]):
            task = d.routes[k, p]
            d.picked[count] = task
            d.keys[count] = s.travel[s.lane_mode[d.lane_of[seed]], s.loc[seed], s.loc[task]] + abs(
                d.start[task] - d.start[seed]
            )
            count += 1
    order = np.argsort(d.keys[:count], kind="mergesort")
    return d.picked[:count][order[:size]].copy()


@compiled
def _remove_around(s: Static, d: Dynamic, seed: int, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Remove the tasks nearest ``seed`` and their linked partners; return them and the lanes seen."""
    low, high = s.allowed_ptr[seed], s.allowed_ptr[seed + 1]
    first = np.empty(RUIN_LANES + 1, dtype=np.int64)
    first[0] = d.lane_of[seed]
    for i in range(RUIN_LANES):
        first[i + 1] = s.allowed[np.random.randint(low, high)]
    first = np.unique(first)
    chosen = _nearest_tasks(s, d, seed, first, size)
    removed = np.empty(len(s.loc), dtype=np.int64)
    lanes = np.empty(len(s.loc) + len(first), dtype=np.int64)
    lanes[: len(first)] = first
    n_removed, n_lanes = 0, len(first)
    for task in chosen:
        for e in range(s.partners_ptr[task] - 1, s.partners_ptr[task + 1]):
            # The task itself first (e below its partners' slice), then each linked partner.
            member = task if e < s.partners_ptr[task] else s.partners[e]
            if d.lane_of[member] >= 0:
                lanes[n_lanes] = d.lane_of[member]
                n_lanes += 1
                remove(s, d, member)
                removed[n_removed] = member
                n_removed += 1
    return removed[:n_removed], np.unique(lanes[:n_lanes])


@compiled
def _regret(s: Static, d: Dynamic, task: int, lanes: np.ndarray) -> float:
    """How much worse the task's best place on a second lane is than on its best lane."""
    best = second = INFEASIBLE
    for k in lanes:
        if allows(s, task, k):
            delta, pos = best_in_lane(s, d, task, k, -1)
            if pos >= 0:
                if delta < best:
                    best, second = delta, best
                elif delta < second:
                    second = delta
    return second - best if second < INFEASIBLE else INFEASIBLE


@compiled
def ruin_recreate(s: Static, d: Dynamic, size: int, regret: bool) -> float:
    """Remove ``size`` tasks close to a random one (and their partners); reinsert greedily.

    With ``regret`` the hardest to place go back first; otherwise the earliest deadlines do.
    """
    seed = np.random.randint(0, len(s.loc))
    if d.lane_of[seed] < 0 or s.allowed_ptr[seed] == s.allowed_ptr[seed + 1]:
        return NOTHING
    removed, lanes = _remove_around(s, d, seed, size)
    if len(removed) == 0:
        return NOTHING
    if evaluate(s, d) == INFEASIBLE:
        return UNKNOWN
    keys = np.empty(len(removed))
    for i in range(len(removed)):
        keys[i] = -_regret(s, d, removed[i], lanes) if regret else s.latest[removed[i]]
    for task in removed[np.argsort(keys, kind="mergesort")]:
        if d.lane_of[task] >= 0:
            continue
        best, lane, where = INFEASIBLE, -1, -1
        for k in lanes:
            if allows(s, task, k):
                delta, pos = best_in_lane(s, d, task, k, -1)
                if pos >= 0 and delta < best:
                    best, lane, where = delta, k, pos
        if lane >= 0 and best < 0.0:
            insert(s, d, task, lane, where)
            if evaluate(s, d) == INFEASIBLE:
                break
    return UNKNOWN
