"""Copy the Python search's instance and roster into the kernel's arrays, and the best roster back.

This is the bridge between :class:`~careweave.scheduling.search.state.State` and the compiled
kernel (:mod:`careweave.scheduling.search.kernel`). It lives outside the kernel package so that the
kernel imports nothing of the Python state: what runs here is plain Python, no part of the
kernel's machine code, and changing it (or the state) leaves numba's compiled cache in place.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from careweave.scheduling.search.constants import CLEAN
from careweave.scheduling.search.kernel.arrays import SCALARS, Dynamic, Floats, Ints, Static
from careweave.scheduling.search.model import Instance
from careweave.scheduling.search.state import State


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


def _capacity(inst: Instance, state: State) -> int:
    """The most visits any route can hold: what a lane may serve, or fit end to end in its shift."""
    fits = 1
    shortest = min((d for d in inst.duration if d > 0), default=1.0)
    serves = [0] * len(inst.lanes)
    for lanes in inst.allowed:
        for k in lanes:
            serves[k] += 1
    for k, lane in enumerate(inst.lanes):
        span = (lane.shift_end - lane.shift_start) / shortest + 1
        fits = max(fits, serves[k] if math.isinf(span) else min(serves[k], int(span)))
    return max(fits, max((len(seq) for seq in state.routes), default=0)) + 2


def pack_static(inst: Instance, state: State) -> tuple[Static, Mapping[str, Any]]:
    """Copy the instance into arrays; return the compiled code's view and the arrays by name."""
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
        _capacity(inst, state),
    )
    static = Static(*values)  # type: ignore[no-untyped-call]
    return static, dict(zip(Static.__annotations__, values, strict=True))


def pack_dynamic(static: Mapping[str, Any], state: State) -> tuple[Dynamic, Mapping[str, Any]]:
    """Copy the state's roster and running totals into arrays, with room to search.

    Returns the compiled code's view and the same arrays by name, for Python to read.
    """
    inst, work, assignment = state.inst, state.workload, state.assignment
    n, n_lanes, cap = inst.n_tasks, len(inst.lanes), static["capacity"]
    n_workers, n_people = len(inst.contracted), max(1, len(inst.regular))
    routes = np.full((n_lanes, cap), -1, dtype=np.int64)
    for k, seq in enumerate(state.routes):
        routes[k, : len(seq)] = seq
    counts = np.zeros((n_people, max(1, n_workers)), dtype=np.int32)
    for person, seen in enumerate(assignment.counts):
        for worker, count in seen.items():
            counts[person, worker] = count
    weeks = int(static["lane_week"].max(initial=0)) + 1
    days = int(static["lane_day"].max(initial=0)) + 1
    by_week = np.zeros((max(1, n_workers), weeks))
    for (worker, week), minutes in work.by_week.items():
        by_week[worker, week] = minutes
    by_day = np.zeros((max(1, n_workers), days))
    for (worker, day), minutes in work.by_day.items():
        by_day[worker, day] = minutes
    must_out = sum(1 for t in range(n) if inst.must[t] and state.lane_of[t] < 0)
    scalars = [
        state.lane_sum,
        assignment.cost,
        assignment.alone,
        work.week_cost,
        work.week_hard,
        must_out,
    ]
    fields = {
        "routes": routes,
        "length": np.asarray([len(seq) for seq in state.routes], dtype=np.int64),
        "lane_of": np.asarray(state.lane_of, dtype=np.int64),
        "pos_of": np.asarray(state.pos_of, dtype=np.int64),
        "start": _floats(state.start),
        "lane_cost": _floats(state.lane_cost),
        "lane_tmax": _floats(state.lane_tmax),
        "lane_hard": _floats(state.lane_hard),
        "lane_begin": _floats(state.lane_begin),
        "lane_end": _floats(state.lane_end),
        "lane_paid": _floats(work.lane_paid),
        "counts": counts,
        "distinct": np.asarray([len(c) for c in assignment.counts] or [0], dtype=np.int64),
        "by_worker": _floats(work.by_worker or [0.0]),
        "by_week": by_week,
        "by_day": by_day,
        "span_on": np.asarray([s is not None for s in work.span], dtype=np.bool_),
        "span_begin": _floats([s[0] if s else 0.0 for s in work.span]),
        "span_end": _floats([s[1] if s else 0.0 for s in work.span]),
        "short": _floats(work.short or [0.0]),
        "sc": _floats(scalars),
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
        "best_routes": routes.copy(),
        "best_length": np.asarray([len(seq) for seq in state.routes], dtype=np.int64),
        "best_start": _floats(state.start),
    }
    dynamic = Dynamic(*(fields[name] for name in Dynamic.__annotations__))  # type: ignore[no-untyped-call]
    return dynamic, fields


def best_of(fields: Mapping[str, Any]) -> tuple[tuple[tuple[int, ...], ...], tuple[float, ...]]:
    """The best roster kept by the search: task positions per lane, and every task's start."""
    best = fields["best_routes"]
    routes = tuple(
        tuple(best[k, :length].tolist()) for k, length in enumerate(fields["best_length"].tolist())
    )
    return routes, tuple(fields["best_start"].tolist())
