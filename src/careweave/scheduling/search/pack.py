"""Copy the compiled problem into the kernel's arrays, make an empty roster, and read rosters back.

This is the bridge between :class:`~careweave.scheduling.search.model.Instance` and the compiled
kernel (:mod:`careweave.scheduling.search.kernel`). It lives outside the kernel package: what
runs here is plain Python, no part of the kernel's machine code, and changing it leaves numba's
compiled cache in place.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from careweave.scheduling.search.constants import CLEAN, NEG
from careweave.scheduling.search.kernel.arrays import (
    ASSIGN_COST,
    MUST_OUT,
    SCALARS,
    Dynamic,
    Floats,
    Ints,
    Static,
)
from careweave.scheduling.search.model import Instance


def _csr(rows: list[list[int]]) -> tuple[Ints, Ints]:
    ptr = np.zeros(len(rows) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(r) for r in rows])
    flat = np.fromiter((x for r in rows for x in r), dtype=np.int64, count=int(ptr[-1]))
    return ptr, flat


def _edges(rows: list[list[tuple[int, float]]]) -> tuple[Ints, Ints, Floats]:
    ptr, to = _csr([[x for x, _ in r] for r in rows])
    gap = np.fromiter((g for r in rows for _, g in r), dtype=np.float64, count=len(to))
    return ptr, to, gap


def _floats(values: object) -> Floats:
    return np.asarray(values, dtype=np.float64)


def _modes(inst: Instance) -> tuple[Ints, Floats, Floats]:
    """Each lane's travel mode index, and the travel and leg-cost matrices stacked by mode."""
    index: dict[int, int] = {}
    travels: list[list[list[float]]] = []
    legs: list[list[list[float]]] = []
    modes = []
    for lane in inst.lanes:
        key = id(lane.travel) ^ (id(lane.leg_cost) << 1)
        if key not in index:
            index[key] = len(travels)
            travels.append(lane.travel)
            legs.append(lane.leg_cost)
        modes.append(index[key])
    if not travels:
        travels, legs = [[[0.0]]], [[[0.0]]]
    return np.asarray(modes, dtype=np.int64), _floats(travels), _floats(legs)


NEIGHBOURS = 12
"""Tasks closest in place and time kept per task: a relocation tries the lanes serving them."""

NEIGHBOUR_ROWS = 512
"""Tasks whose distances are computed at once (bounds the memory of the computation)."""


def _neighbours(inst: Instance) -> list[list[int]]:
    """Each task's ``NEIGHBOURS`` nearest tasks: travel between them plus the idle time their
    windows force between them (so visits hours apart, or on other days, are far)."""
    n = inst.n_tasks
    if n < 2 or not inst.lanes:
        return [[] for _ in range(n)]
    travel = np.asarray(inst.lanes[0].travel)
    loc = np.asarray(inst.loc)
    early, late = np.asarray(inst.earliest), np.asarray(inst.latest)
    finish = late + np.asarray(inst.duration)
    keep = min(NEIGHBOURS, n - 1)
    found: list[list[int]] = []
    for low in range(0, n, NEIGHBOUR_ROWS):
        rows = np.arange(low, min(n, low + NEIGHBOUR_ROWS))
        wait = np.maximum(early[None, :] - finish[rows, None], early[rows, None] - finish[None, :])
        key = travel[loc[rows, None], loc[None, :]] + np.maximum(0.0, wait)
        key[np.arange(len(rows)), rows] = np.inf
        nearest = np.argpartition(key, keep - 1, axis=1)[:, :keep]
        found.extend(row.tolist() for row in nearest)
    return found


def _capacity(inst: Instance, routes: Sequence[Sequence[int]]) -> int:
    """The most visits any route can hold: what a lane may serve, or fit end to end in its shift.

    Visits that take no time fit anywhere, so each lane counts all those it may serve.
    """
    fits = 1
    shortest = min((d for d in inst.duration if d > 0), default=1.0)
    serves, instant = [0] * len(inst.lanes), [0] * len(inst.lanes)
    for task, lanes in enumerate(inst.allowed):
        counts = serves if inst.duration[task] > 0 else instant
        for k in lanes:
            counts[k] += 1
    for k, lane in enumerate(inst.lanes):
        span = (lane.shift_end - lane.shift_start) / shortest + 1
        timed = serves[k] if math.isinf(span) else min(serves[k], int(span))
        fits = max(fits, timed + instant[k])
    return max(fits, max((len(seq) for seq in routes), default=0)) + 2


def pack_static(
    inst: Instance, routes: Sequence[Sequence[int]] = ()
) -> tuple[Static, Mapping[str, Any]]:
    """Copy the instance into arrays; return the compiled code's view and the arrays by name.

    Routes are sized to hold every route of ``routes`` (task positions per lane) as well as the
    longest any lane could need.
    """
    lanes = inst.lanes
    n_workers = len(inst.contracted)
    lane_int = np.asarray(
        [[x.worker, x.day, x.week, x.start_loc, x.end_loc] for x in lanes], dtype=np.int64
    ).reshape(len(lanes), 5)
    lane_float = _floats(
        [
            [x.shift_start, x.shift_end, x.max_work, x.break_after, x.break_minutes, x.paid_cost]
            for x in lanes
        ]
    ).reshape(len(lanes), 6)
    modes, travel, legs = _modes(inst)
    by_worker: list[list[int]] = [[] for _ in range(n_workers)]
    for k, lane in sorted(enumerate(lanes), key=lambda kl: (kl[1].day, kl[1].shift)):
        by_worker[lane.worker].append(k)
    costs = [sorted(c.items()) for c in inst.assign_cost]
    weights = [
        inst.w_continuity,
        inst.w_stranger,
        inst.w_tardiness,
        inst.w_max_tardiness,
        inst.w_overtime,
        inst.w_imbalance,
    ]
    limited = any(m < float("inf") for m in inst.max_week + inst.max_day)
    resting = any(m > 0 for m in inst.min_rest)
    values = (
        np.asarray(inst.loc, dtype=np.int64),
        _floats(inst.earliest),
        _floats(inst.latest),
        _floats(inst.duration),
        np.asarray(inst.critical, dtype=np.bool_),
        np.asarray(inst.must, dtype=np.bool_),
        _floats(inst.drop_cost),
        np.asarray(inst.person, dtype=np.int64),
        *_csr([sorted(a) for a in inst.allowed]),
        *_csr(inst.near),
        *_edges(inst.out_edges),
        *_edges(inst.in_edges),
        *_csr(inst.apart),
        *_csr(inst.together),
        *_csr(inst.partners),
        *_csr(_neighbours(inst)),
        *_csr([[w for w, _ in c] for c in costs]),
        _floats([v for c in costs for _, v in c]),
        *_csr([sorted(r) for r in inst.regular]),
        np.asarray(inst.continuity_target, dtype=np.int64),
        *(lane_int[:, i].copy() for i in range(5)),
        modes,
        *(lane_float[:, i].copy() for i in range(6)),
        travel,
        legs,
        _floats(inst.contracted),
        _floats(inst.max_week),
        _floats(inst.max_day),
        _floats(inst.min_rest),
        np.asarray(inst.rostered, dtype=np.bool_),
        *_csr(by_worker),
        _floats(weights),
        bool(inst.w_overtime or inst.w_imbalance or limited or resting),
        resting,
        _capacity(inst, routes),
    )
    static = Static(*values)  # type: ignore[no-untyped-call]
    return static, dict(zip(Static.__annotations__, values, strict=True))


def pack_empty(static: Mapping[str, Any], inst: Instance) -> tuple[Dynamic, Mapping[str, Any]]:
    """An empty roster for the instance, with its running totals and room to search.

    Every task is left out (costing what leaving it out costs), every lane is empty and starts
    and ends at its shift's start. Returns the compiled code's view and the arrays by name.
    """
    n, n_lanes, cap = inst.n_tasks, len(inst.lanes), static["capacity"]
    routes = {
        "routes": np.full((n_lanes, cap), -1, dtype=np.int64),
        "length": np.zeros(n_lanes, dtype=np.int64),
        "lane_of": np.full(n, -1, dtype=np.int64),
        "pos_of": np.full(n, -1, dtype=np.int64),
        "start": np.full(n, NEG),
        "best_routes": np.full((n_lanes, cap), -1, dtype=np.int64),
        "best_length": np.zeros(n_lanes, dtype=np.int64),
        "best_start": np.full(n, NEG),
    }
    return _view(routes | _empty_totals(static, inst) | _scratch(n, n_lanes, cap))


def _empty_totals(static: Mapping[str, Any], inst: Instance) -> dict[str, Any]:
    """Per lane, worker and person, the running totals of a roster with every task left out."""
    n_lanes = len(inst.lanes)
    n_workers, n_people = max(1, len(inst.contracted)), max(1, len(inst.regular))
    weeks = int(static["lane_week"].max(initial=0)) + 1
    days = int(static["lane_day"].max(initial=0)) + 1
    scalars = np.zeros(SCALARS)
    scalars[ASSIGN_COST] = float(sum(inst.drop_cost))
    scalars[MUST_OUT] = float(sum(inst.must))
    return {
        "lane_cost": np.zeros(n_lanes),
        "lane_tmax": np.zeros(n_lanes),
        "lane_hard": np.zeros(n_lanes),
        "lane_begin": static["shift_start"].copy(),
        "lane_end": static["shift_start"].copy(),
        "lane_paid": np.zeros(n_lanes),
        "counts": np.zeros((n_people, n_workers), dtype=np.int32),
        "distinct": np.zeros(n_people, dtype=np.int64),
        "by_worker": np.zeros(n_workers),
        "by_week": np.zeros((n_workers, weeks)),
        "by_day": np.zeros((n_workers, days)),
        "span_on": np.zeros(n_lanes, dtype=np.bool_),
        "span_begin": np.zeros(n_lanes),
        "span_end": np.zeros(n_lanes),
        "short": np.zeros(n_workers),
        "sc": scalars,
    }


def _scratch(n: int, n_lanes: int, cap: int) -> dict[str, Any]:
    """The undo record of a transaction and the compiled code's working space."""
    return {
        "saved_at": np.full(n_lanes, -1, dtype=np.int64),
        "saved_lanes": np.zeros(n_lanes, dtype=np.int64),
        "saved_count": np.zeros(1, dtype=np.int64),
        "saved_routes": np.zeros((n_lanes, cap), dtype=np.int64),
        "saved_length": np.zeros(n_lanes, dtype=np.int64),
        "saved_start": np.zeros((n_lanes, cap)),
        "saved_lane": np.zeros((n_lanes, 5)),
        "saved_sc": np.zeros(SCALARS),
        "journal": np.zeros((4 * n + 16, 4), dtype=np.int64),
        "journal_count": np.zeros(1, dtype=np.int64),
        "dirty": np.full(n_lanes, CLEAN, dtype=np.int64),
        "dirty_lanes": np.zeros(n_lanes, dtype=np.int64),
        "dirty_count": np.zeros(1, dtype=np.int64),
        "first": np.full(n_lanes, CLEAN, dtype=np.int64),
        "closure": np.zeros(n_lanes, dtype=np.int64),
        "stack": np.zeros(n + 2 * n_lanes + 4, dtype=np.int64),
        "queue": np.zeros(n_lanes + 1, dtype=np.int64),
        "queued": np.zeros(n_lanes, dtype=np.bool_),
        "shifted": np.zeros(n + 1, dtype=np.int64),
        "picked": np.zeros(n + n_lanes + 1, dtype=np.int64),
        "keys": np.zeros(n + n_lanes + 1),
    }


def clone(fields: Mapping[str, Any]) -> tuple[Dynamic, Mapping[str, Any]]:
    """A copy of a roster's arrays to search on, its current roster kept as the best so far."""
    copied = {name: np.copy(array) for name, array in fields.items()}
    copied["best_routes"][:] = copied["routes"]
    copied["best_length"][:] = copied["length"]
    copied["best_start"][:] = copied["start"]
    return _view(copied)


def _view(fields: dict[str, Any]) -> tuple[Dynamic, Mapping[str, Any]]:
    dynamic = Dynamic(*(fields[name] for name in Dynamic.__annotations__))  # type: ignore[no-untyped-call]
    return dynamic, fields


def best_of(fields: Mapping[str, Any]) -> tuple[tuple[tuple[int, ...], ...], tuple[float, ...]]:
    """The best roster kept by the search: task positions per lane, and every task's start."""
    best = fields["best_routes"]
    routes = tuple(
        tuple(best[k, :length].tolist()) for k, length in enumerate(fields["best_length"].tolist())
    )
    return routes, tuple(fields["best_start"].tolist())
