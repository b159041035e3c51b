"""The greedy construction that starts the search, and the insertions repair and cover reuse.

The steps themselves are compiled (:mod:`careweave.scheduling.search.kernel.construct`); here the
construction is cut into parts so that the stopping criterion is read between them, and a state's
tasks are handed to the compiled insertions.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from careweave.scheduling.search.kernel import construct as compiled
from careweave.scheduling.search.state import State
from careweave.scheduling.stop import StoppingCriterion

HURRY_AFTER = 0.3
"""Share of the stopping budget after which the construction hurries."""

PART = 64
"""Tasks (in the construction's order) placed between two readings of the stopping criterion."""


def insert_group(state: State, group: Sequence[int]) -> bool:
    """Insert unassigned tasks that go together (e.g. double-handed halves) if that pays.

    The first task goes to its best estimated place, the others follow greedily; if the whole
    costs more than leaving the group out, the next few places of the first task are tried.
    Opens and closes its own transactions; returns ``True`` when the group was placed.
    """
    tasks = np.asarray(group, dtype=np.int64)
    return bool(compiled.insert_group(state.static, state.dynamic, tasks, False))


def make_room(state: State, task: int) -> bool:
    """Place a must-do ``task`` by taking the optional visits around its time off a lane.

    Tried on the task's nearest lanes in turn: the lane's unlinked optional visits that start
    near the task's window come off, the task goes in at its best place, and the visits that came
    off go back wherever they fit best (or stay out). Kept when the whole costs less.
    """
    return bool(compiled.make_room(state.static, state.dynamic, task))


def construct(state: State, stop: StoppingCriterion | None = None) -> None:
    """Fill an empty roster greedily: must-do tasks first, then by deadline, linked groups together.

    When ``stop`` reports that more than ``HURRY_AFTER`` of its budget is gone, the remaining
    tasks are placed in a hurry (only the first task's few nearest lanes, and its single best
    place), so that a huge problem still leaves time to improve the roster.
    """
    inst = state.inst
    n = inst.n_tasks
    # Tasks that must be done go first, while every worker's day is still open; then by deadline.
    order = np.lexsort(
        (
            np.arange(n),
            np.asarray(inst.earliest),
            np.asarray(inst.latest),
            ~np.asarray(inst.must, dtype=np.bool_),
        )
    ).astype(np.int64)
    done = np.zeros(n, dtype=np.bool_)
    hurry = False
    for first in range(0, n, PART):
        if stop is not None and not hurry:
            hurry = stop.progress() > HURRY_AFTER
        last = min(n, first + PART)
        compiled.construct_part(state.static, state.dynamic, order, done, first, last, hurry)
