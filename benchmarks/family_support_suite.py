"""The family-support matching benchmark: the whole-list match of a synthetic scheme against
first come first served and plain deferred acceptance, with the time, the people matched, the
total compatibility and the blocking pairs; and the flow's optimum checked against CP-SAT on
small schemes."""

from __future__ import annotations

import time
from collections.abc import Callable

from benchmarks.family_support_baselines import (
    cp_sat_best,
    deferred_acceptance,
    first_come_first_served,
)
from benchmarks.family_support_scheme import DAY, scheme
from benchmarks.registry import RunOptions
from benchmarks.tables import header, table
from careweave.domain.family_support.factors import Weights
from careweave.domain.family_support.matching import (
    Assignment,
    MatchProblem,
    check_assignment,
    shared_lives_problem,
)
from careweave.domain.family_support.occupancy import Occupancy
from careweave.domain.family_support.stability import blocking_pairs
from careweave.services.family_support.solver import solve_whole_list

FULL = (500, 300)
QUICK = (120, 70)
SMALL_CASES = 20
SMALL = (14, 8)


def _problem(people: int, households: int, seed: int) -> tuple[MatchProblem, float]:
    waiting, homes = scheme(people, households, seed)
    started = time.process_time()
    problem, _ = shared_lives_problem(waiting, [Occupancy(h) for h in homes], Weights(), DAY)
    return problem, time.process_time() - started


def _row(
    name: str, problem: MatchProblem, solve: Callable[[MatchProblem], Assignment], build: float
) -> list[str]:
    # Processor time, not wall time: the machine is shared, and waiting for a core is not work.
    started = time.process_time()
    assignment = solve(problem)
    solving = time.process_time() - started
    check_assignment(problem, assignment)
    started = time.process_time()
    blocking = blocking_pairs(problem, assignment)
    checking = time.process_time() - started
    return [
        name,
        f"{assignment.total:,}",
        f"{len(assignment.matches)} of {len(problem.seekers)}",
        str(len(blocking)),
        f"{solving:.2f}",
        f"{build + solving + checking:.2f}",
    ]


def _optimality(seed: int) -> str:
    equal = 0
    for case in range(SMALL_CASES):
        problem, _ = _problem(*SMALL, seed + 1 + case)
        equal += solve_whole_list(problem).total == cp_sat_best(problem)
    return f"{equal} of {SMALL_CASES}"


def run(options: RunOptions) -> str:
    """The markdown of the matching benchmark."""
    people, households = QUICK if options.quick else FULL
    problem, build = _problem(people, households, options.seed)
    rows = [
        _row("min-cost flow (careweave)", problem, solve_whole_list, build),
        _row("first come first served", problem, first_come_first_served, build),
        _row("deferred acceptance (people propose)", problem, deferred_acceptance, build),
    ]
    extra = [
        f"scheme: {people} people waiting, {households} households, {len(problem.candidates):,} "
        f"pairs that break no hard rule (seed {options.seed}); building the problem from the records took "
        f"{build:.2f} s of processor time",
        f"optimality: the flow's total equals CP-SAT's proved optimum on {_optimality(options.seed)} "
        f"small schemes of {SMALL[0]} people and {SMALL[1]} households",
        "total: the sum of the matched pairs' compatibility points (0 to 1000 each); blocking "
        "pairs: a person and a household who would both rather have each other (stability.py)",
    ]
    columns = [
        "matcher",
        "total compatibility",
        "people matched",
        "blocking pairs",
        "solve s (CPU)",
        "build + solve + stability s (CPU)",
    ]
    return (
        header("Family support: whole-list matching", options, "none (each runs to its end)", extra)
        + "\n"
        + table(columns, rows)
    )
