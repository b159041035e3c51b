"""Simulated annealing over relocate, swap and ruin-and-recreate moves.

The temperature falls geometrically with the stopping criterion's progress, from
``initial_temperature`` to ``final_temperature`` times the average cost per task, so a longer budget
means a slower cooling rather than more of the same. The best roster seen is kept as its routes.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from careweave.scheduling.params import SolveParams
from careweave.scheduling.search.model import HARD
from careweave.scheduling.search.moves import UNKNOWN, relocate, ruin_recreate, swap
from careweave.scheduling.search.state import INFEASIBLE, State
from careweave.scheduling.stop import StoppingCriterion

COOLING_EVERY = 64
"""Iterations between two readings of the stopping criterion's progress (reading the clock costs)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the annealing found: the best routes per lane with their start times (absolute
    minutes per task), their cost and how much they break hard rules, and the iterations run.

    The start times are kept rather than recomputed because with breaks the earliest consistent
    times are not unique: recomputing from scratch may settle on later (worse) ones.
    """

    routes: tuple[tuple[int, ...], ...]
    starts: tuple[float, ...]
    cost: float
    hard: float
    iterations: int


def _snapshot(state: State) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(seq) for seq in state.routes)


def _move(
    state: State, rng: random.Random, params: SolveParams, sets: list[set[int]]
) -> float | None:
    """Make one random move; return its estimated cost change (None: nothing changed)."""
    draw = rng.random()
    if draw < params.ruin_share:
        size = rng.randint(params.ruin_min, params.ruin_max)
        return UNKNOWN if ruin_recreate(state, rng, size, sets, params.regret) else None
    if draw < params.ruin_share + params.swap_share:
        return swap(state, rng, sets)
    return relocate(state, rng, anywhere=draw > 1.0 - params.random_share)


def anneal(
    state: State, stop: StoppingCriterion, rng: random.Random, params: SolveParams
) -> Outcome:
    """Improve ``state`` until ``stop`` says so; return the best routes seen (state is left at the last)."""
    inst = state.inst
    sets = [set(lanes) for lanes in inst.allowed]
    current = best = state.cost()
    best_routes, best_starts, best_hard = _snapshot(state), tuple(state.start), state.hard_units()
    soft = current - HARD * state.hard_units()
    scale = max(1.0, soft) / max(1, inst.n_tasks)
    hot, cold = params.initial_temperature * scale, params.final_temperature * scale
    temperature = hot
    iterations = 0
    while not stop(best):
        iterations += 1
        if iterations % COOLING_EVERY == 0:
            temperature = hot * (cold / hot) ** stop.progress()
            state.resum()
            current = state.cost()
        # Accept when delta < limit: the same as exp(-delta / T) > u, but it also lets a move whose
        # estimate is far above the limit be dropped without computing its exact effect.
        draw = rng.random()
        limit = -temperature * math.log(draw) if draw > 0.0 else INFEASIBLE
        state.begin()
        estimate = _move(state, rng, params, sets)
        if estimate is None or estimate > limit + params.estimate_slack * scale:
            state.rollback()
            continue
        candidate = state.evaluate()
        delta = candidate - current
        if candidate < INFEASIBLE and delta < limit:
            state.commit()
            current = candidate
            if current < best - 1e-9:
                best = current
                best_routes, best_starts = _snapshot(state), tuple(state.start)
                best_hard = state.hard_units()
        else:
            state.rollback()
    return Outcome(best_routes, best_starts, best, best_hard, iterations)
