"""A roster under search, held in the compiled kernel's arrays: Python's handle on the one search.

Start times are the earliest ones that satisfy everything: a worker waits only until a window opens,
for a linked partner (``start[y] >= start[x] + w`` for every link edge) or for a legal break. The
rules (timing, estimates, running totals) live once, compiled, in
:mod:`careweave.scheduling.search.kernel`; this class only forwards to them, for the construction,
repair, cover and explanations. A move is made in a transaction: ``begin``, any number of
``remove``/``insert``, ``evaluate``, then ``commit`` or ``rollback``.

The kernel imports nothing of this module, so editing it keeps numba's compiled cache.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

import numpy as np
from numpy.typing import NDArray

from careweave.scheduling.search.kernel.arrays import (
    ALONE,
    WEEK_HARD,
    Floats,
    Ints,
    Static,
)
from careweave.scheduling.search.kernel.change import begin, commit, insert, remove, rollback
from careweave.scheduling.search.kernel.construct import load
from careweave.scheduling.search.kernel.estimate import best_places
from careweave.scheduling.search.kernel.timing import evaluate
from careweave.scheduling.search.kernel.totals import hard_units, total_cost
from careweave.scheduling.search.model import Instance
from careweave.scheduling.search.pack import pack_empty, pack_static

Candidate = tuple[float, int, int]
"""(estimated cost change, lane, position)."""


class State:
    """Routes, start times and objective of one roster for one :class:`Instance`.

    Parameters
    ----------
    inst
        The compiled problem.
    room
        Routes (task positions per lane) the arrays must have room for; the roster starts empty.
    static
        The instance's arrays, when another state of the same instance already made them.
    """

    def __init__(
        self,
        inst: Instance,
        room: Sequence[Sequence[int]] = (),
        static: tuple[Static, Mapping[str, Any]] | None = None,
    ) -> None:
        self.inst = inst
        self.static, self.static_arrays = static or pack_static(inst, room)
        self.dynamic, self.arrays = pack_empty(self.static_arrays, inst)

    # ----------------------------------------------------------------- the roster
    @property
    def routes(self) -> list[list[int]]:
        """Task positions per lane, in route order (a copy)."""
        routes, lengths = self.arrays["routes"], self.arrays["length"].tolist()
        return [routes[k, :n].tolist() for k, n in enumerate(lengths)]

    @property
    def start(self) -> Floats:
        """Each task's start in minutes from the start of day 0 (very negative when left out)."""
        return self._floats("start")

    @property
    def lane_of(self) -> Ints:
        """Each task's lane, -1 when it is left out."""
        return self._ints("lane_of")

    @property
    def lane_begin(self) -> Floats:
        """When each lane's worker leaves their start location (the shift's start when idle)."""
        return self._floats("lane_begin")

    @property
    def lane_end(self) -> Floats:
        """When each lane's worker is back at their end location (the shift's start when idle)."""
        return self._floats("lane_end")

    @property
    def lane_hard(self) -> Floats:
        """Hard units each lane breaks on its own (lateness of critical visits, shift, breaks)."""
        return self._floats("lane_hard")

    @property
    def rest_short(self) -> float:
        """Minutes (plus one per shortfall) of rest missing between working days, all workers."""
        return float(self.arrays["short"].sum())

    @property
    def week_hard(self) -> float:
        """Hard units of daily and weekly working-time limits and rest, all workers."""
        return float(self.arrays["sc"][WEEK_HARD])

    @property
    def alone(self) -> int:
        """Double-handed visits with one half on a route and the other left out."""
        return round(float(self.arrays["sc"][ALONE]))

    def _floats(self, name: str) -> Floats:
        return cast(Floats, self._read_only(name))

    def _ints(self, name: str) -> Ints:
        return cast(Ints, self._read_only(name))

    def _read_only(self, name: str) -> NDArray[Any]:
        # A view that cannot be written: the kernel's running totals depend on these arrays.
        view: NDArray[Any] = self.arrays[name].view()
        view.flags.writeable = False
        return view

    # ----------------------------------------------------------------- objective
    def cost(self) -> float:
        """Return the objective of the current roster (hard breaks priced at ``HARD`` each)."""
        return total_cost(self.static, self.dynamic)

    def hard_units(self) -> float:
        """Return how much hard constraints are broken (0 means the routes are feasible)."""
        return hard_units(self.dynamic)

    def candidates(self, task: int, keep: int) -> list[Candidate]:
        """The ``keep`` best estimated places for unassigned ``task`` on its nearest lanes.

        Best first, ties going to the lower lane and position. Lanes of a worker who already does
        a partner that must have another worker (the other half of a double-handed visit), and
        full lanes, are skipped.
        """
        near = self.static_arrays["near"]
        ptr = self.static_arrays["near_ptr"]
        lanes = near[ptr[task] : ptr[task + 1]]
        deltas, at_lane, at_pos, found = best_places(self.static, self.dynamic, task, lanes, keep)
        return list(
            zip(
                deltas[:found].tolist(),
                at_lane[:found].tolist(),
                at_pos[:found].tolist(),
                strict=True,
            )
        )

    # ----------------------------------------------------------------- transactions
    def begin(self) -> None:
        """Open a transaction; every change until ``commit``/``rollback`` can be undone."""
        begin(self.dynamic)

    def remove(self, task: int) -> None:
        """Take ``task`` off its route (it must be on one)."""
        if not 0 <= task < self.inst.n_tasks or self.arrays["lane_of"][task] < 0:
            raise ValueError(f"task {task} is on no route")
        remove(self.static, self.dynamic, task)

    def insert(self, task: int, lane: int, pos: int) -> None:
        """Put unassigned ``task`` on ``lane`` at position ``pos``."""
        # The compiled code trusts its input (no bounds checks), so a wrong index is caught here.
        if not 0 <= task < self.inst.n_tasks or self.arrays["lane_of"][task] >= 0:
            raise ValueError(f"task {task} is not an unassigned task")
        length = int(self.arrays["length"][lane]) if 0 <= lane < len(self.inst.lanes) else -1
        if not 0 <= pos <= length or length + 1 >= self.static_arrays["capacity"]:
            raise ValueError(f"lane {lane} has no position {pos} for another task")
        insert(self.static, self.dynamic, task, lane, pos)

    def evaluate(self) -> float:
        """Recompute times of everything the changes can reach; return the new cost (inf if stuck)."""
        return evaluate(self.static, self.dynamic)

    def commit(self) -> None:
        """Keep the changes."""
        commit(self.dynamic)

    def rollback(self) -> None:
        """Undo every change since ``begin``."""
        rollback(self.static, self.dynamic)

    def holding(self, routes: Sequence[Sequence[int]]) -> State:
        """A fresh state of the same instance holding ``routes``, every time computed.

        The instance's arrays are shared, so the routes must fit the room this state has.
        """
        return _filled(State(self.inst, static=(self.static, self.static_arrays)), routes)


def _filled(state: State, routes: Sequence[Sequence[int]]) -> State:
    lengths = np.asarray([len(seq) for seq in routes], dtype=np.int64)
    tasks = [t for seq in routes for t in seq]
    if (
        len(lengths) != len(state.inst.lanes)
        or lengths.max(initial=0) + 1 > state.static_arrays["capacity"]
    ):
        raise ValueError("routes: one route per lane, each within the lanes' room")
    # The compiled code trusts its input: a task twice, or none at all, would corrupt its arrays.
    if len(set(tasks)) != len(tasks) or not all(0 <= t < state.inst.n_tasks for t in tasks):
        raise ValueError("routes: each task at most once, and only tasks of the instance")
    table = np.full((len(lengths), max(1, int(lengths.max(initial=0)))), -1, dtype=np.int64)
    for k, seq in enumerate(routes):
        table[k, : len(seq)] = seq
    if not load(state.static, state.dynamic, table, lengths):
        raise ValueError("routes: linked visits are in an order no start times can satisfy")
    return state


def rebuild(inst: Instance, routes: Sequence[Sequence[int]]) -> State:
    """Return a fresh state holding ``routes`` (task positions per lane), every time computed.

    Raises
    ------
    ValueError
        When the routes order linked visits so that no start times can satisfy the links.
    """
    return _filled(State(inst, room=routes), routes)
