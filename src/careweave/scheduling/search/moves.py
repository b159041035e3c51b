"""The greedy construction that starts the search, and the insertions repair and cover reuse.

Each step changes routes (``State.remove``/``State.insert``) inside a transaction, evaluates the
exact cost and keeps or undoes the change. The annealing moves themselves are compiled
(:mod:`careweave.scheduling.search.kernel.moves`).
"""

from __future__ import annotations

from careweave.scheduling.search.constants import INFEASIBLE
from careweave.scheduling.search.insertion import best_in_lane, candidates
from careweave.scheduling.search.state import State
from careweave.scheduling.stop import StoppingCriterion

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
