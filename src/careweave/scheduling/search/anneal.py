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
from careweave.scheduling.search.constants import HARD, MIN_GAIN
from careweave.scheduling.search.kernel.arrays import Dynamic, Static
from careweave.scheduling.search.kernel.loop import run_batch, seed_kernel
from careweave.scheduling.search.pack import best_of, pack_dynamic, pack_static
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


@dataclass(slots=True)
class _Chain:
    """One annealing run from the constructed roster, over its share of the budget."""

    best: float
    hard: float
    routes: tuple[tuple[int, ...], ...] = ()
    starts: tuple[float, ...] = ()
    iterations: int = 0
    first_feasible: float | None = None


def anneal(
    state: State, stop: StoppingCriterion, rng: random.Random, params: SolveParams
) -> Outcome:
    """Improve the roster in ``state`` until ``stop`` says so; return the best routes seen.

    The budget is split into ``params.chains`` equal runs, each from the constructed roster with
    its own random moves and a full cooling; the best roster of any run is returned. ``state``
    itself is not changed: the search runs on compiled copies.
    """
    inst = state.inst
    cost, hard = state.cost(), state.hard_units()
    static, static_arrays = pack_static(inst, state)
    scale = max(1.0, cost - HARD * hard) / max(1, inst.n_tasks)
    found = _Chain(cost, hard, tuple(tuple(seq) for seq in state.routes), tuple(state.start))
    if hard <= FEASIBLE:
        found.first_feasible = time.perf_counter()
    if not (inst.n_tasks and inst.lanes):
        return _outcome(found)
    for number in range(params.chains):
        dynamic, arrays = pack_dynamic(static_arrays, state)
        seed_kernel(rng.getrandbits(31))
        chain = _Chain(cost, hard)
        share = (number / params.chains, (number + 1) / params.chains)
        stopped = _run_chain(static, dynamic, stop, params, scale, share, chain)
        chain.routes, chain.starts = best_of(arrays)
        found.iterations += chain.iterations
        found.first_feasible = found.first_feasible or chain.first_feasible
        if chain.best < found.best - MIN_GAIN:
            found.best, found.hard = chain.best, chain.hard
            found.routes, found.starts = chain.routes, chain.starts
        if stopped:
            break
    return _outcome(found)


def _outcome(found: _Chain) -> Outcome:
    return Outcome(
        found.routes,
        found.starts,
        found.best,
        found.hard,
        found.iterations,
        found.first_feasible,
    )


def _run_chain(
    static: Static,
    dynamic: Dynamic,
    stop: StoppingCriterion,
    params: SolveParams,
    scale: float,
    share: tuple[float, float],
    chain: _Chain,
) -> bool:
    """Anneal until the chain's share of the budget is used; True if ``stop`` said stop."""
    hot, cold = params.initial_temperature * scale, params.final_temperature * scale
    shares = np.array(
        [params.ruin_share, params.swap_share, params.random_share, params.neighbour_share]
    )
    ruin = np.array([params.ruin_min, params.ruin_max], dtype=np.int64)
    begin, end = share
    while True:
        used = stop.progress()
        if end < 1.0 and used >= end:
            return False
        allowed = _allowed(stop, chain.best)
        if not allowed:
            return True
        # The temperature falls over the chain's own share of the budget.
        local = min(1.0, max(0.0, (used - begin) / (end - begin)))
        chain.best, chain.hard = run_batch(
            static,
            dynamic,
            allowed,
            hot * (cold / hot) ** local,
            params.estimate_slack * scale,
            chain.best,
            chain.hard,
            shares,
            params.regret,
            ruin,
        )
        chain.iterations += allowed
        if chain.first_feasible is None and chain.hard <= FEASIBLE:
            chain.first_feasible = time.perf_counter()
