"""The matching baselines: deferred acceptance is stable (which checks the stability check against
the theorem), and no baseline beats the flow's total."""

from __future__ import annotations

from benchmarks.family_support_baselines import (
    cp_sat_best,
    deferred_acceptance,
    first_come_first_served,
)
from hypothesis import given, settings
from tests.unit.services.family_support.matching_strategies import small_problems

from careweave.domain.family_support.matching import MatchProblem, check_assignment
from careweave.domain.family_support.stability import blocking_pairs
from careweave.services.family_support.solver import solve_whole_list


@settings(max_examples=80, deadline=None)
@given(small_problems())
def test_deferred_acceptance_is_stable_and_feasible(problem: MatchProblem) -> None:
    assignment = deferred_acceptance(problem)
    check_assignment(problem, assignment)
    assert blocking_pairs(problem, assignment) == ()


@settings(max_examples=60, deadline=None)
@given(small_problems())
def test_no_baseline_beats_the_flow_and_cp_sat_agrees_with_it(problem: MatchProblem) -> None:
    best = solve_whole_list(problem).total
    greedy = first_come_first_served(problem)
    check_assignment(problem, greedy)
    assert greedy.total <= best
    assert deferred_acceptance(problem).total <= best
    assert cp_sat_best(problem) == best
