"""The kernel's data: an instance (never changed) and a state (changed move by move), as numpy arrays.

Lists of lists become CSR pairs: ``x_ptr[t]:x_ptr[t + 1]`` are task ``t``'s slice of ``x``. The
state's scalars live in one small array ``sc`` so compiled functions can change them in place.

Both are numba StructRefs, passed to compiled functions by reference: as tuples they would be
copied field by field (hundreds of machine words) into every call of every small function.

Filling them from the Python search is :mod:`careweave.scheduling.search.pack`'s work, outside
the kernel: this module is the layout the compiled code reads, and imports nothing of the search.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numba.core import types
from numba.experimental import structref
from numpy.typing import NDArray

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]
Flags = NDArray[np.bool_]

# Indexes into the state's scalar array ``sc``.
LANE_SUM, ASSIGN_COST, ALONE, WEEK_COST, WEEK_HARD, MUST_OUT = range(6)
SCALARS = 6

# Indexes into the instance's weight array.
W_CONTINUITY, W_STRANGER, W_TARDINESS, W_MAX_TARDINESS, W_OVERTIME, W_IMBALANCE = range(6)


class _Fields(types.StructRef):
    def preprocess_fields(self, fields: Any) -> Any:
        return tuple((name, types.unliteral(kind)) for name, kind in fields)  # type: ignore[no-untyped-call]


@structref.register
class StaticType(_Fields):
    """numba's type of :class:`Static`."""


@structref.register
class DynamicType(_Fields):
    """numba's type of :class:`Dynamic`."""


class Static(structref.StructRefProxy):
    """The instance (see :class:`~careweave.scheduling.search.model.Instance` for each meaning)."""

    loc: Ints
    earliest: Floats
    latest: Floats
    dur: Floats
    critical: Flags
    must: Flags
    drop: Floats
    person: Ints
    allowed_ptr: Ints
    allowed: Ints
    near_ptr: Ints
    near: Ints
    out_ptr: Ints
    out_to: Ints
    out_gap: Floats
    in_ptr: Ints
    in_from: Ints
    in_gap: Floats
    apart_ptr: Ints
    apart: Ints
    together_ptr: Ints
    together: Ints
    partners_ptr: Ints
    partners: Ints
    neighbours_ptr: Ints
    neighbours: Ints
    cost_ptr: Ints
    cost_worker: Ints
    cost_value: Floats
    regular_ptr: Ints
    regular: Ints
    target: Ints
    lane_worker: Ints
    lane_day: Ints
    lane_week: Ints
    lane_start: Ints
    lane_end: Ints
    lane_mode: Ints
    shift_start: Floats
    shift_end: Floats
    max_work: Floats
    break_after: Floats
    break_minutes: Floats
    paid_cost: Floats
    travel: Floats
    legs: Floats
    contracted: Floats
    max_week: Floats
    max_day: Floats
    min_rest: Floats
    rostered: Flags
    worker_lanes_ptr: Ints
    worker_lanes: Ints
    weights: Floats
    workload_active: bool
    resting: bool
    capacity: int


class Dynamic(structref.StructRefProxy):
    """The roster under search, its running totals, the undo record and scratch space."""

    routes: Ints
    length: Ints
    lane_of: Ints
    pos_of: Ints
    start: Floats
    lane_cost: Floats
    lane_tmax: Floats
    lane_hard: Floats
    lane_begin: Floats
    lane_end: Floats
    lane_paid: Floats
    counts: NDArray[np.int32]
    distinct: Ints
    by_worker: Floats
    by_week: Floats
    by_day: Floats
    span_on: Flags
    span_begin: Floats
    span_end: Floats
    short: Floats
    sc: Floats
    saved_at: Ints
    saved_lanes: Ints
    saved_count: Ints
    saved_routes: Ints
    saved_length: Ints
    saved_start: Floats
    saved_lane: Floats
    saved_sc: Floats
    journal: Ints
    journal_count: Ints
    dirty: Ints
    dirty_lanes: Ints
    dirty_count: Ints
    first: Ints
    closure: Ints
    stack: Ints
    queue: Ints
    queued: Flags
    shifted: Ints
    picked: Ints
    keys: Floats
    best_routes: Ints
    best_length: Ints
    best_start: Floats


structref.define_proxy(Static, StaticType, list(Static.__annotations__))  # type: ignore[no-untyped-call]
structref.define_proxy(Dynamic, DynamicType, list(Dynamic.__annotations__))  # type: ignore[no-untyped-call]
