"""The compiled annealing kernel agrees with the Python state it was copied from, move by move."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.unit.scheduling.roster_cases import small_problems

from careweave.scheduling import Problem
from careweave.scheduling.params import SolveParams
from careweave.scheduling.search.anneal import anneal
from careweave.scheduling.search.compile import compile_problem
from careweave.scheduling.search.kernel.change import begin, rollback
from careweave.scheduling.search.kernel.loop import run_batch, seed_kernel
from careweave.scheduling.search.kernel.moves import relocate, swap
from careweave.scheduling.search.kernel.ruin import ruin_recreate
from careweave.scheduling.search.kernel.timing import evaluate
from careweave.scheduling.search.kernel.totals import hard_units, total_cost
from careweave.scheduling.search.moves import construct
from careweave.scheduling.search.pack import pack_dynamic, pack_static
from careweave.scheduling.search.state import State, rebuild
from careweave.scheduling.stop import MaxIterations

# Arrays the kernel uses as scratch or undo space: their contents after a move do not matter.
SCRATCH = {
    "saved_at",
    "saved_lanes",
    "saved_count",
    "saved_routes",
    "saved_length",
    "saved_start",
    "saved_lane",
    "saved_sc",
    "journal",
    "journal_count",
    "dirty",
    "dirty_lanes",
    "dirty_count",
    "first",
    "closure",
    "stack",
    "queue",
    "queued",
    "shifted",
    "picked",
    "keys",
    "best_routes",
    "best_length",
    "best_start",
    "routes",  # compared up to each route's length below: the rest is spare room
}


def packed(prob: Problem) -> tuple[State, Any, Any, Any]:
    state = State(compile_problem(prob))
    construct(state)
    static, static_arrays = pack_static(state.inst, state)
    dynamic, arrays = pack_dynamic(static_arrays, state)
    return state, static, dynamic, arrays


def current_routes(arrays: Any) -> list[list[int]]:
    return [
        arrays["routes"][k, :length].tolist() for k, length in enumerate(arrays["length"].tolist())
    ]


def without_breaks(prob: Problem) -> Problem:
    # With breaks the earliest consistent start times are not unique, so a fresh rebuild may
    # settle on other (equally valid) times; everything else must agree exactly.
    return replace(prob, workers=tuple(replace(w, break_rule=None) for w in prob.workers))


@settings(max_examples=40, deadline=None)
@given(small_problems(), st.integers(0, 1000))
def test_the_kernels_running_cost_equals_a_fresh_rebuild_after_many_moves(
    prob: Problem, seed: int
) -> None:
    state, static, dynamic, arrays = packed(without_breaks(prob))
    assert total_cost(static, dynamic) == pytest.approx(state.cost())
    seed_kernel(seed)
    shares = np.array([0.2, 0.3, 0.3, 0.5])
    # A hot temperature accepts most moves, so the roster changes a lot.
    run_batch(static, dynamic, 300, 1.0e4, 1.0e9, 1.0e18, 0.0, shares, False, np.array([1, 3]))
    fresh = rebuild(state.inst, current_routes(arrays))
    assert total_cost(static, dynamic) == pytest.approx(fresh.cost())
    assert hard_units(dynamic) == pytest.approx(fresh.hard_units())
    assigned = arrays["lane_of"] >= 0
    assert np.allclose(arrays["start"][assigned], np.array(fresh.start)[assigned])


@settings(max_examples=30, deadline=None)
@given(small_problems(), st.integers(0, 1000), st.sampled_from(["relocate", "swap", "ruin"]))
def test_a_rolled_back_move_leaves_every_array_as_it_was(
    prob: Problem, seed: int, move: str
) -> None:
    _, static, dynamic, arrays = packed(prob)
    before = {name: np.copy(a) for name, a in arrays.items() if name not in SCRATCH}
    routes = current_routes(arrays)
    seed_kernel(seed)
    for _ in range(5):
        begin(dynamic)
        if move == "relocate":
            relocate(static, dynamic, False, True)
        elif move == "swap":
            swap(static, dynamic)
        else:
            ruin_recreate(static, dynamic, 3, True)
        evaluate(static, dynamic)
        rollback(static, dynamic)
    for name, old in before.items():
        assert np.allclose(arrays[name], old, equal_nan=True), name
    assert current_routes(arrays) == routes


@settings(max_examples=20, deadline=None)
@given(small_problems(), st.integers(0, 1000))
def test_the_best_roster_returned_costs_what_the_kernel_says(prob: Problem, seed: int) -> None:
    state, *_ = packed(without_breaks(prob))
    outcome = anneal(state, MaxIterations(500), random.Random(seed), SolveParams())
    fresh = rebuild(state.inst, [list(seq) for seq in outcome.routes])
    assert outcome.cost == pytest.approx(fresh.cost())
    assert outcome.hard == pytest.approx(fresh.hard_units())
    assert outcome.iterations == 500
