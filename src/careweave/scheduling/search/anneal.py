"""Simulated annealing over relocate, swap and ruin-and-recreate moves, run by the compiled kernel.

The temperature falls geometrically with the stopping criterion's progress, from
``initial_temperature`` to ``final_temperature`` times the average cost per task, so a longer budget
means a slower cooling rather than more of the same. The kernel (:mod:`.kernel`) runs the moves in
batches of ``BATCH`` iterations at one temperature; between batches the stopping criterion is read
once per iteration of the coming batch, so iteration counts stay exact. The best roster seen is kept.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

import numpy as np

from careweave.scheduling.params import SolveParams
from careweave.scheduling.search.kernel.arrays import best_of, pack_dynamic, pack_static
from careweave.scheduling.search.kernel.loop import run_batch, seed_kernel
from careweave.scheduling.search.model import HARD
from careweave.scheduling.search.state import State
from careweave.scheduling.stop import StoppingCriterion

BATCH = 256
"""Iterations per call of the compiled loop: long enough to hide the call, short enough (a few
milliseconds) that a time limit is kept closely and the temperature follows it smoothly."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the annealing found: the best routes per lane with their start times (absolute
    minutes per task), their cost and how much they break hard rules, the iterations run, and
    when (``time.perf_counter``) the best roster first broke no hard rule, if it ever did.

    The start times are kept rather than recomputed because with breaks the earliest consistent
    times are not unique: recomputing from scratch may settle on later (worse) ones.
    """

    routes: tuple[tuple[int, ...], ...]
    starts: tuple[float, ...]
    cost: float
    hard: float
    iterations: int
    first_feasible_at: float | None


FEASIBLE = 1e-6
"""Hard units at or below which a roster breaks no rule (what is left is rounding)."""


def _allowed(stop: StoppingCriterion, best: float) -> int:
    """How many of the next ``BATCH`` iterations the criterion allows (called once for each)."""
    allowed = 0
    while allowed < BATCH and not stop(best):
        allowed += 1
    return allowed


def anneal(
    state: State, stop: StoppingCriterion, rng: random.Random, params: SolveParams
) -> Outcome:
    """Improve the roster in ``state`` until ``stop`` says so; return the best routes seen.

    ``state`` itself is not changed: the search runs on a compiled copy.
    """
    inst = state.inst
    best, best_hard = state.cost(), state.hard_units()
    static, static_arrays = pack_static(inst, state)
    dynamic, arrays = pack_dynamic(static_arrays, state)
    seed_kernel(rng.getrandbits(31))
    soft = best - HARD * best_hard
    scale = max(1.0, soft) / max(1, inst.n_tasks)
    hot, cold = params.initial_temperature * scale, params.final_temperature * scale
    shares = np.array(
        [params.ruin_share, params.swap_share, params.random_share, params.neighbour_share]
    )
    ruin = np.array([params.ruin_min, params.ruin_max], dtype=np.int64)
    iterations = 0
    first_feasible = time.perf_counter() if best_hard <= FEASIBLE else None
    while inst.n_tasks and inst.lanes:
        allowed = _allowed(stop, best)
        if not allowed:
            break
        temperature = hot * (cold / hot) ** stop.progress()
        best, best_hard = run_batch(
            static,
            dynamic,
            allowed,
            temperature,
            params.estimate_slack * scale,
            best,
            best_hard,
            shares,
            params.regret,
            ruin,
        )
        iterations += allowed
        if first_feasible is None and best_hard <= FEASIBLE:
            first_feasible = time.perf_counter()
    routes, starts = best_of(arrays)
    return Outcome(routes, starts, best, best_hard, iterations, first_feasible)
