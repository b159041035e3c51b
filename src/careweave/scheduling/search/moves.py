"""Moves of the local search and the greedy construction that starts it.

Every move only changes routes (``State.remove``/``State.insert``) inside a transaction opened by the
caller; the caller then evaluates the exact cost and keeps or undoes the move. A move returns
``False`` when it found nothing to change.
"""

from __future__ import annotations

import random

from careweave.scheduling.search.insertion import best_in_lane, candidates
from careweave.scheduling.search.state import INFEASIBLE, State

EXACT_TRIES = 3
"""How many of the best estimated insertion places the construction evaluates exactly."""


def insert_best(state: State, task: int, lanes: list[int] | None = None) -> bool:
    """Insert unassigned ``task`` at the best place found; keep it off if that costs more.

    Opens and closes its own transactions. Returns ``True`` when the task was placed.
    """
    for estimate, lane, pos in candidates(state, task, lanes)[:EXACT_TRIES]:
        if estimate >= 0.0:
            break
        before = state.cost()
        state.begin()
        state.insert(task, lane, pos)
        after = state.evaluate()
        if after < before and after < INFEASIBLE:
            state.commit()
            return True
        state.rollback()
    return False


def construct(state: State) -> None:
    """Fill an empty roster greedily, tasks by deadline, each linked group together."""
    inst = state.inst
    order = sorted(range(inst.n_tasks), key=lambda t: (inst.latest[t], inst.earliest[t], t))
    done = [False] * inst.n_tasks
    for task in order:
        group = [task, *inst.partners[task]] if not done[task] else []
        for member in group:
            if not done[member]:
                done[member] = True
                insert_best(state, member)


def relocate(state: State, rng: random.Random, anywhere: bool) -> bool:
    """Move a random task to a random lane it may use (or place it there if it was off).

    With ``anywhere`` the position in that lane is random too; otherwise it is the best estimated.
    """
    task = rng.randrange(state.inst.n_tasks)
    allowed = state.inst.allowed[task]
    if not allowed:
        return False
    lane = allowed[rng.randrange(len(allowed))]
    if state.lane_of[task] >= 0:
        state.remove(task)
    if anywhere:
        if _barred(state, task, lane, task):
            return False
        state.insert(task, lane, rng.randint(0, len(state.routes[lane])))
        return True
    best = best_in_lane(state, task, lane)
    if best is None:
        return False
    state.insert(task, lane, best[2])
    return True


def _barred(state: State, task: int, lane: int, leaving: int) -> bool:
    """Whether a partner that must be apart from ``task`` works ``lane``'s worker (bar ``leaving``)."""
    lanes, lane_of = state.inst.lanes, state.lane_of
    worker = lanes[lane].worker
    return any(
        o != leaving and lane_of[o] >= 0 and lanes[lane_of[o]].worker == worker
        for o in state.inst.apart[task]
    )


def swap(state: State, rng: random.Random, allowed_sets: list[set[int]]) -> bool:
    """Exchange two tasks of different lanes, each taking the other's place."""
    first = rng.randrange(state.inst.n_tasks)
    second = rng.randrange(state.inst.n_tasks)
    lane1, lane2 = state.lane_of[first], state.lane_of[second]
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


def ruin_recreate(state: State, rng: random.Random, size: int) -> bool:
    """Remove ``size`` tasks close to a random one (and their linked partners); reinsert greedily."""
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
                state.remove(member)
                removed.append(member)
    removed.sort(key=lambda t: inst.latest[t])
    if state.evaluate() == INFEASIBLE:
        return True
    for task in removed:
        found = candidates(state, task)
        if found and found[0][0] < 0.0:
            _, lane, pos = found[0]
            state.insert(task, lane, pos)
            if state.evaluate() == INFEASIBLE:
                break
    return bool(removed)
