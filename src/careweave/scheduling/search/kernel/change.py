"""Changing routes inside a transaction: remove, insert, and undo everything since ``begin``.

A lane is copied the first time a transaction touches it; a journal records each task's lane
before each step, so that ``rollback`` puts every route, time and running total back.
"""

from __future__ import annotations

from careweave.scheduling.search.constants import CLEAN, NEG
from careweave.scheduling.search.kernel.arrays import (
    SCALARS,
    WEEK_COST,
    WEEK_HARD,
    Dynamic,
    Static,
)
from careweave.scheduling.search.kernel.jit import compiled
from careweave.scheduling.search.kernel.totals import assign_change, count_change, workload_set


@compiled
def commit(d: Dynamic) -> None:
    """Keep the changes since ``begin``."""
    d.journal_count[0] = 0
    for i in range(d.saved_count[0]):
        d.saved_at[d.saved_lanes[i]] = -1
    d.saved_count[0] = 0
    clear_dirty(d)


@compiled
def clear_dirty(d: Dynamic) -> None:
    """Forget which lanes changed (their times are up to date)."""
    for i in range(d.dirty_count[0]):
        d.dirty[d.dirty_lanes[i]] = CLEAN
    d.dirty_count[0] = 0


@compiled
def begin(d: Dynamic) -> None:
    """Open a transaction."""
    commit(d)
    d.saved_sc[:] = d.sc[:]


@compiled
def save(d: Dynamic, k: int) -> None:
    """Copy lane ``k`` (route, times, totals) the first time this transaction touches it."""
    if d.saved_at[k] >= 0:
        return
    slot = d.saved_count[0]
    d.saved_count[0] = slot + 1
    d.saved_at[k] = slot
    d.saved_lanes[slot] = k
    n = d.length[k]
    d.saved_length[slot] = n
    for p in range(n):
        task = d.routes[k, p]
        d.saved_routes[slot, p] = task
        d.saved_start[slot, p] = d.start[task]
    d.saved_lane[slot, 0] = d.lane_cost[k]
    d.saved_lane[slot, 1] = d.lane_tmax[k]
    d.saved_lane[slot, 2] = d.lane_hard[k]
    d.saved_lane[slot, 3] = d.lane_begin[k]
    d.saved_lane[slot, 4] = d.lane_end[k]


@compiled
def touch(d: Dynamic, k: int, pos: int) -> None:
    """Note that lane ``k`` changed from position ``pos`` on."""
    if d.dirty[k] == CLEAN:
        d.dirty_lanes[d.dirty_count[0]] = k
        d.dirty_count[0] += 1
    if pos < d.dirty[k]:
        d.dirty[k] = pos


@compiled
def _journal(d: Dynamic, task: int, restore: int, lane: int, sign: int) -> None:
    j = d.journal_count[0]
    d.journal[j, 0] = task
    d.journal[j, 1] = restore
    d.journal[j, 2] = lane
    d.journal[j, 3] = sign
    d.journal_count[0] = j + 1


@compiled
def remove(s: Static, d: Dynamic, task: int) -> None:
    """Take ``task`` off its route (it must be on one)."""
    k = d.lane_of[task]
    save(d, k)
    pos, n = d.pos_of[task], d.length[k]
    for q in range(pos, n - 1):
        moved = d.routes[k, q + 1]
        d.routes[k, q] = moved
        d.pos_of[moved] = q
    d.length[k] = n - 1
    _journal(d, task, k, k, -1)
    assign_change(s, d, task, s.lane_worker[k], -1)
    d.lane_of[task] = -1
    d.pos_of[task] = -1
    d.start[task] = NEG
    touch(d, k, pos)


@compiled
def insert(s: Static, d: Dynamic, task: int, k: int, pos: int) -> None:
    """Put unassigned ``task`` on lane ``k`` at position ``pos`` (the lane must have room)."""
    save(d, k)
    n = d.length[k]
    for q in range(n, pos, -1):
        moved = d.routes[k, q - 1]
        d.routes[k, q] = moved
        d.pos_of[moved] = q
    d.routes[k, pos] = task
    d.pos_of[task] = pos
    d.length[k] = n + 1
    _journal(d, task, -1, k, 1)
    d.lane_of[task] = k
    assign_change(s, d, task, s.lane_worker[k], 1)
    touch(d, k, pos)


@compiled
def rollback(s: Static, d: Dynamic) -> None:
    """Undo every change since ``begin``."""
    for j in range(d.journal_count[0] - 1, -1, -1):
        task, restore, lane, sign = (
            d.journal[j, 0],
            d.journal[j, 1],
            d.journal[j, 2],
            d.journal[j, 3],
        )
        person = s.person[task]
        if person >= 0:
            count_change(s, d, person, s.lane_worker[lane], -sign)
        d.lane_of[task] = restore
        if restore < 0:
            d.pos_of[task] = -1
            d.start[task] = NEG
    # The workload totals are put back by setting each saved lane's paid time again below.
    for i in range(SCALARS):
        if i != WEEK_COST and i != WEEK_HARD:
            d.sc[i] = d.saved_sc[i]
    for slot in range(d.saved_count[0]):
        k = d.saved_lanes[slot]
        n = d.saved_length[slot]
        d.length[k] = n
        for p in range(n):
            task = d.saved_routes[slot, p]
            d.routes[k, p] = task
            d.lane_of[task] = k
            d.pos_of[task] = p
            d.start[task] = d.saved_start[slot, p]
        d.lane_cost[k] = d.saved_lane[slot, 0]
        d.lane_tmax[k] = d.saved_lane[slot, 1]
        d.lane_hard[k] = d.saved_lane[slot, 2]
        d.lane_begin[k] = d.saved_lane[slot, 3]
        d.lane_end[k] = d.saved_lane[slot, 4]
        workload_set(s, d, k, d.lane_end[k] - d.lane_begin[k] if n else 0.0)
    commit(d)
