"""The annealing loop, compiled: a batch of iterations at one temperature per call."""

from __future__ import annotations

import math

import numpy as np

from careweave.scheduling.search.constants import INFEASIBLE, MIN_GAIN
from careweave.scheduling.search.kernel.arrays import Dynamic, Static
from careweave.scheduling.search.kernel.change import begin, commit, rollback
from careweave.scheduling.search.kernel.jit import compiled
from careweave.scheduling.search.kernel.moves import NOTHING, relocate, swap
from careweave.scheduling.search.kernel.ruin import ruin_recreate
from careweave.scheduling.search.kernel.timing import evaluate, resum
from careweave.scheduling.search.kernel.totals import hard_units, total_cost


@compiled
def seed_kernel(seed: int) -> None:
    """Seed the compiled code's own random generator (separate from numpy's in Python)."""
    np.random.seed(seed)


@compiled
def _keep_best(d: Dynamic) -> None:
    for k in range(len(d.length)):
        n = d.length[k]
        d.best_length[k] = n
        d.best_routes[k, :n] = d.routes[k, :n]
    d.best_start[:] = d.start[:]


@compiled
def _move(s: Static, d: Dynamic, shares: np.ndarray, regret: bool, ruin: np.ndarray) -> float:
    """One random move; its estimated change.

    ``shares``: ruin, swap, random-position relocation, and relocation to a neighbour's lane.
    """
    draw = np.random.random()
    if draw < shares[0]:
        return ruin_recreate(s, d, np.random.randint(ruin[0], ruin[1] + 1), regret)
    if draw < shares[0] + shares[1]:
        return swap(s, d)
    return relocate(s, d, draw > 1.0 - shares[2], np.random.random() < shares[3])


@compiled
def run_batch(
    s: Static,
    d: Dynamic,
    iterations: int,
    temperature: float,
    slack: float,
    best: float,
    best_hard: float,
    shares: np.ndarray,
    regret: bool,
    ruin: np.ndarray,
) -> tuple[float, float]:
    """Run ``iterations`` annealing steps at ``temperature``; return the best cost and its hard units.

    A move is accepted when its cost change is below ``-temperature * log(u)`` (the Metropolis
    rule); a move whose estimate is more than ``slack`` above that is dropped unevaluated.
    """
    resum(d)
    current = total_cost(s, d)
    for _ in range(iterations):
        draw = np.random.random()
        limit = -temperature * math.log(draw) if draw > 0.0 else INFEASIBLE
        begin(d)
        estimate = _move(s, d, shares, regret, ruin)
        if estimate == NOTHING or estimate > limit + slack:
            rollback(s, d)
            continue
        candidate = evaluate(s, d)
        if candidate < INFEASIBLE and candidate - current < limit:
            commit(d)
            current = candidate
            if current < best - MIN_GAIN:
                best = current
                best_hard = hard_units(d)
                _keep_best(d)
        else:
            rollback(s, d)
    return best, best_hard
