"""solve(): tiny care rosters whose best answer is known by hand, all judged by the checker."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.shared_data import TOY, needs_shared_data
from tests.unit.scheduling.roster_cases import problem, small_problems, task, worker

from careweave.scheduling import CRITICAL, BreakRule, Link, Person, Problem, Shift, Weights
from careweave.scheduling.checker import check
from careweave.scheduling.formats.hhcrsp import read_hhcrsp
from careweave.scheduling.params import SolveParams
from careweave.scheduling.solve import Result, solve
from careweave.scheduling.stop import MaxIterations, MaxRuntime


def solved(prob, iterations: int = 400, seed: int = 0) -> Result:
    result = solve(prob, MaxIterations(iterations), seed=seed)
    report = check(prob, result.roster)
    assert report.feasible == result.feasible, report.violations
    if result.feasible:
        assert result.cost == pytest.approx(report.figures.weighted_total)
    return result


def worker_of(result: Result, task_id: str) -> str:
    route, _ = result.roster.assigned()[task_id]
    return route.worker_id


def start_of(result: Result, task_id: str) -> float:
    _, stop = result.roster.assigned()[task_id]
    return stop.start


def test_a_double_handed_visit_gets_two_workers_who_start_together() -> None:
    # w2 lives at 5, so it reaches home 3 at 500 and w1 (office) at 510... both start at 540.
    prob = problem(
        (worker("w1"), worker("w2", start_location=5, end_location=5)),
        (task("hoist-a", 3, 540), task("hoist-b", 3, 540)),
        links=(Link("hoist-a", "hoist-b"),),
    )
    result = solved(prob)
    assert result.feasible
    assert {worker_of(result, "hoist-a"), worker_of(result, "hoist-b")} == {"w1", "w2"}
    assert start_of(result, "hoist-a") == start_of(result, "hoist-b") == 540.0


def test_medication_spacing_is_kept_and_the_cheapest_roster_is_found() -> None:
    # Two doses at home 1, at least 240 and at most 300 minutes apart; the second window is wide.
    prob = problem(
        (worker("w1"),),
        (task("dose1", 1, 480, width=30), task("dose2", 1, 480, width=600)),
        links=(Link("dose1", "dose2", 240, 300, distinct_workers=False),),
    )
    result = solved(prob)
    assert result.feasible
    assert start_of(result, "dose2") - start_of(result, "dose1") == 240.0
    # Travel 10 there and 10 back; the worker waits at home 1 between the doses.
    assert result.cost == pytest.approx(20.0)


@pytest.mark.parametrize(("regular_home", "expected"), [(2, "regular"), (5, "stranger")])
def test_continuity_keeps_the_regular_worker_unless_the_detour_is_too_long(
    regular_home: int, expected: str
) -> None:
    # One visit at home 1. "stranger" lives at 1; "regular" lives at regular_home. A visit by a
    # non-regular costs 30; the regular's extra travel is 2*10*(home-1): 20 (keep) or 80 (swap).
    prob = problem(
        (
            worker("regular", start_location=regular_home, end_location=regular_home),
            worker("stranger", start_location=1, end_location=1),
        ),
        (task("v", 1, 600),),
        people=(Person("p1", history={"regular": 12}),),
        weights=Weights(non_regular=30.0, imbalance=0.0),
    )
    result = solved(prob)
    assert worker_of(result, "v") == expected


def test_a_day_over_six_hours_gets_a_twenty_minute_break() -> None:
    visits = tuple(task(f"v{i}", 1, 480, width=900) for i in range(12))
    prob = problem((worker("w1", break_rule=BreakRule(after=360, length=20)),), visits)
    result = solved(prob)
    assert result.feasible
    starts = sorted(stop.start for _, stop in result.roster.stops())
    assert max(b - (a + 30) for a, b in itertools.pairwise(starts)) >= 20


def test_skills_exclusions_and_pins_are_obeyed_even_when_travel_says_otherwise() -> None:
    near = {"start_location": 1, "end_location": 1}
    prob = problem(
        (worker("far"), worker("near", **near), worker("hoister", "care", "hoist")),
        (
            task("needs-hoist", 1, 540, skills=frozenset({"care", "hoist"})),
            task("not-near", 1, 600, excluded=frozenset({"near"})),
            task("pinned-far", 1, 660, pinned="far"),
        ),
    )
    result = solved(prob)
    assert result.feasible
    assert worker_of(result, "needs-hoist") == "hoister"
    assert worker_of(result, "not-near") != "near"
    assert worker_of(result, "pinned-far") == "far"


def test_a_critical_visit_is_never_dropped_and_the_blocked_one_says_why() -> None:
    # One worker, two visits at the same time in the same place: only one fits on time.
    prob = problem(
        (worker("w1"),),
        (
            task("insulin", 1, 540, width=0, priority=4),
            task("chat", 1, 540, width=0, priority=1),
        ),
        weights=Weights(tardiness=1000.0, unassigned=(10.0, 300.0, 1000.0)),
    )
    result = solved(prob)
    assert result.feasible
    assert "insulin" in result.roster.assigned()
    assert result.roster.unassigned == ("chat",)
    assert "leaving it out" in result.unassigned["chat"]


def test_a_visit_nobody_can_do_is_reported_with_the_missing_skill() -> None:
    prob = problem(
        (worker("w1"),),
        (task("v", 1, 540), task("nurse", 2, 540, skills=frozenset({"nursing"}))),
    )
    result = solved(prob)
    assert result.roster.unassigned == ("nurse",)
    assert "nursing" in result.unassigned["nurse"]


def test_a_visit_that_cannot_fit_in_the_shift_is_reported_as_such() -> None:
    prob = problem(
        (worker("w1", shifts=(Shift(0, 480, 500),)),),
        (task("v", 5, 480, priority=3),),
        weights=Weights(unassigned=(1e6, 1e6, 1e6)),
    )
    result = solved(prob)
    assert result.roster.unassigned == ("v",)
    assert "shift" in result.unassigned["v"]


def test_the_same_seed_gives_the_same_roster() -> None:
    visits = tuple(task(f"v{i}", 1 + i % 5, 480 + 20 * i) for i in range(10))
    prob = problem((worker("w1"), worker("w2")), visits)
    first = solve(prob, MaxIterations(300), seed=7)
    again = solve(prob, MaxIterations(300), seed=7)
    assert first.roster == again.roster
    assert first.iterations == again.iterations == 299


@needs_shared_data
def test_the_hhcrsp_toy_is_solved_feasibly_with_the_checker_agreeing() -> None:
    prob = read_hhcrsp(TOY)
    result = solve(prob, MaxIterations(2000), params=SolveParams())
    report = check(prob, result.roster)
    assert report.feasible
    assert result.feasible
    assert result.cost == pytest.approx(report.figures.total_cost)


def test_parameters_check_themselves_naming_the_field() -> None:
    with pytest.raises(ValueError, match="final_temperature"):
        SolveParams(initial_temperature=0.01, final_temperature=0.1, regret=True)
    with pytest.raises(ValueError, match="ruin_min"):
        SolveParams(ruin_min=5, ruin_max=2)
    with pytest.raises(ValueError, match="swap_share"):
        SolveParams(ruin_share=0.5, swap_share=0.4, random_share=0.3)


@settings(max_examples=40, deadline=None)
@given(small_problems(), st.integers(0, 3))
def test_every_roster_passes_the_independent_checker(prob: Problem, seed: int) -> None:
    result = solve(prob, MaxIterations(150), seed=seed)
    report = check(prob, result.roster)
    assert report.feasible == result.feasible, report.violations
    if not any(t.must_assign for t in prob.tasks):
        assert result.feasible
    if result.feasible:
        assert result.cost == pytest.approx(report.figures.weighted_total)
    assert set(result.unassigned) == set(result.roster.unassigned)


def test_regret_recreation_also_gives_checked_rosters() -> None:
    visits = tuple(task(f"v{i}", 1 + i % 5, 480 + 20 * i) for i in range(10))
    prob = problem((worker("w1"), worker("w2")), visits)
    result = solve(
        prob,
        MaxIterations(300),
        params=SolveParams(ruin_share=1.0, swap_share=0.0, random_share=0.0, regret=True),
    )
    assert check(prob, result.roster).feasible
    assert result.roster.unassigned == ()


def test_the_time_to_the_first_feasible_roster_is_reported() -> None:
    visits = tuple(task(f"v{i}", 1 + i % 5, 480 + 20 * i) for i in range(6))
    result = solved(problem((worker("w1"), worker("w2")), visits))
    assert result.feasible
    assert result.first_feasible_seconds is not None
    assert 0.0 <= result.first_feasible_seconds <= result.seconds


def test_no_first_feasible_time_when_no_roster_meets_every_rule() -> None:
    # The only worker starts at 08:00, 40 minutes away from an insulin visit due at 08:00 sharp.
    insulin = task("insulin", 1, 480, width=0, priority=CRITICAL)
    result = solved(problem((worker("w1", start_location=5, end_location=5),), (insulin,)))
    assert not result.feasible
    assert result.first_feasible_seconds is None


def test_a_visit_is_left_out_rather_than_break_a_limit_by_a_sliver() -> None:
    # 10 min out, two 30-minute visits, 10 min back: 80 paid minutes where 79.999 are allowed.
    tired = worker("w1", max_day_minutes=79.999)
    result = solved(problem((tired,), (task("a", 1, 480), task("b", 1, 480, width=120))))
    assert result.feasible
    assert len(result.roster.unassigned) == 1


def test_several_annealing_chains_share_the_budget_exactly() -> None:
    visits = tuple(task(f"v{i}", 1 + i % 5, 480 + 20 * i) for i in range(10))
    prob = problem((worker("w1"), worker("w2")), visits)
    result = solve(prob, MaxIterations(900), params=SolveParams(chains=3))
    assert result.iterations == 899
    assert check(prob, result.roster).feasible
    with pytest.raises(ValueError, match="chains"):
        SolveParams(chains=0)


def test_a_feasible_first_roster_is_reported_at_once_not_when_a_chain_ends() -> None:
    # The construction alone is feasible here, long before the first of two chains ends.
    visits = tuple(task(f"v{i}", 1 + i % 5, 480 + 40 * i) for i in range(4))
    result = solve(problem((worker("w1"), worker("w2")), visits), MaxRuntime(1.0))
    assert result.first_feasible_seconds is not None
    assert result.first_feasible_seconds < 0.25 * result.seconds


def test_a_problem_with_no_shift_to_work_leaves_every_visit_out() -> None:
    idle = worker("w1", shifts=())
    result = solved(problem((idle,), (task("v", 1, 480),)))
    assert result.roster.unassigned == ("v",)
    assert result.iterations == 0
