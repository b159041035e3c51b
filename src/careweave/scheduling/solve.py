"""The roster optimiser's entry point: ``solve(problem, stop, seed, params) -> Result``.

A greedy construction (tasks by deadline, double-handed halves together) is improved by simulated
annealing until the stopping criterion says stop; the best roster seen is returned, with
outcome-based visits lengthened into idle time (:func:`~careweave.scheduling.stretch.stretch`). With an
iteration-based criterion the answer is a pure function of the problem, the seed and the
parameters; with a time limit it also depends on how fast the machine is.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from careweave.scheduling.explain import blocking_reason
from careweave.scheduling.params import SolveParams
from careweave.scheduling.problem import Problem
from careweave.scheduling.search.anneal import FEASIBLE, anneal
from careweave.scheduling.search.compile import compile_problem, to_roster
from careweave.scheduling.search.constants import INFEASIBLE
from careweave.scheduling.search.moves import construct
from careweave.scheduling.search.state import State, rebuild
from careweave.scheduling.search.warm import ensure_compiled
from careweave.scheduling.solution import Roster
from careweave.scheduling.stop import StoppingCriterion
from careweave.scheduling.stretch import stretch

EXACT_REASONS = 50
"""Left-out tasks (most important first) whose blocking rule is found by exact trial."""


@dataclass(frozen=True)
class Result:
    """What :func:`solve` found.

    Attributes
    ----------
    roster
        The best roster found.
    cost
        Its weighted objective as the search sees it (equal to the checker's weighted total when
        ``feasible``; broken hard rules are priced very high).
    seconds
        Wall-clock time of the whole solve.
    iterations
        Search iterations run (moves tried).
    feasible
        Whether every hard rule is met (skills, shifts, hours, breaks, links, critical and
        mandatory visits assigned and critical ones on time).
    unassigned
        Each task left out, by id, with the rule that kept it out in plain words.
    first_feasible_seconds
        Seconds from the start of the solve until the search first held a roster that breaks no
        hard rule (measured between batches of moves, so to within a few milliseconds); None
        when it never did.
    """

    roster: Roster
    cost: float
    seconds: float
    iterations: int
    feasible: bool
    unassigned: Mapping[str, str] = field(default_factory=dict)
    first_feasible_seconds: float | None = None


def solve(
    problem: Problem,
    stop: StoppingCriterion,
    seed: int = 0,
    params: SolveParams | None = None,
) -> Result:
    """Find a good roster for ``problem``.

    Parameters
    ----------
    problem
        The problem (immutable; never changed).
    stop
        When to stop searching, e.g. ``MaxRuntime(10)`` or ``MaxIterations(50_000)``; it is
        called once per iteration.
    seed
        Seed of the random moves.
    params
        Search parameters; the defaults when None.

    Returns
    -------
    Result
        The best roster found, its cost, time, iterations, feasibility and the reasons for any
        task left out.
    """
    # Loading the compiled search is a one-off per process (see ensure_compiled), not solving.
    ensure_compiled()
    began = time.perf_counter()
    params = params or SolveParams()
    # The first call starts a time budget's clock, so that the set-up counts against it too.
    stop(INFEASIBLE)
    inst = compile_problem(problem)
    state = State(inst)
    construct(state, stop)
    outcome = anneal(state, stop, random.Random(seed), params)
    routes = [list(seq) for seq in outcome.routes]
    # Outcome-based visits grow into idle time within their range and the person's time bank.
    roster = stretch(problem, to_roster(problem, inst, routes, list(outcome.starts)))
    return Result(
        roster=roster,
        cost=outcome.cost,
        seconds=time.perf_counter() - began,
        iterations=outcome.iterations,
        feasible=outcome.hard <= FEASIBLE,
        unassigned=left_out_reasons(problem, rebuild(inst, routes), roster.unassigned),
        first_feasible_seconds=(
            None if outcome.first_feasible_at is None else outcome.first_feasible_at - began
        ),
    )


def left_out_reasons(
    problem: Problem, state: State, unassigned: tuple[str, ...], exact: int = EXACT_REASONS
) -> Mapping[str, str]:
    """Why each left-out task is out: exactly for the ``exact`` most important, else by estimate."""
    ranked = sorted(unassigned, key=lambda t: -problem.task(t).priority)
    reasons = {
        task_id: blocking_reason(problem, state, problem.task_position(task_id), exact=rank < exact)
        for rank, task_id in enumerate(ranked)
    }
    return MappingProxyType({t: reasons[t] for t in unassigned})
