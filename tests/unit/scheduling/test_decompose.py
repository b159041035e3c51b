"""solve_by_team(): a two-team problem solved team by team, merged, covered and checked."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.unit.scheduling.roster_cases import problem, task, worker

from careweave.scheduling import CRITICAL, Link, Problem
from careweave.scheduling.checker import check
from careweave.scheduling.decompose import solve_by_team
from careweave.scheduling.solve import Result, solve
from careweave.scheduling.stop import FirstOf, MaxIterations, MaxRuntime

ITERATIONS = 600


def two_teams(*extra_tasks, links=()) -> Problem:  # type: ignore[no-untyped-def]
    """Team north (office 0, homes 1-2) and team south (office 5, homes 3-4), one visit a home."""
    north = replace(worker("n1"), team="north")
    south = replace(worker("s1", "care", "hoist"), team="south", start_location=5, end_location=5)
    tasks = (
        task("n-a", 1, 480, team="north"),
        task("n-b", 2, 600, team="north"),
        task("s-a", 4, 480, team="south"),
        task("s-b", 3, 600, team="south"),
        *extra_tasks,
    )
    return problem((north, south), tasks, links=links)


def by_team(prob: Problem, iterations: int = ITERATIONS, jobs: int = 1) -> Result:
    result = solve_by_team(prob, MaxIterations(iterations), jobs=jobs)
    report = check(prob, result.roster)
    assert report.feasible == result.feasible, report.violations
    assert result.cost == pytest.approx(report.figures.weighted_total)
    assert set(result.unassigned) == set(result.roster.unassigned)
    return result


def worker_of(result: Result, task_id: str) -> str:
    route, _ = result.roster.assigned()[task_id]
    return route.worker_id


def test_each_team_does_its_own_visits_and_the_merged_roster_passes_the_checker() -> None:
    result = by_team(two_teams())
    assert result.feasible
    assert not result.roster.unassigned
    assert {worker_of(result, t) for t in ("n-a", "n-b")} == {"n1"}
    assert {worker_of(result, t) for t in ("s-a", "s-b")} == {"s1"}
    assert 0 < result.iterations <= ITERATIONS


def test_a_critical_visit_only_another_team_can_do_gets_cover() -> None:
    # North's person needs a hoist; only south's worker has the skill.
    hoist = task("n-hoist", 2, 720, team="north", priority=CRITICAL, skills=frozenset({"hoist"}))
    result = by_team(two_teams(hoist))
    assert result.feasible
    assert not result.roster.unassigned
    assert worker_of(result, "n-hoist") == "s1"
    assert check(two_teams(hoist), result.roster).figures.cross_team_visits == 1


def test_a_critical_visit_its_own_team_has_no_time_for_is_covered_by_the_other_team() -> None:
    # North's one worker cannot be at home 1 by 08:10 and at home 2 by 08:30; south's can be.
    first = task("n-a", 1, 480, width=10, team="north", priority=CRITICAL)
    clash = task("n-clash", 2, 500, width=10, team="north", priority=CRITICAL)
    base = two_teams(clash)
    prob = replace(base, tasks=(first, *base.tasks[1:]))
    result = by_team(prob)
    assert result.feasible
    assert not result.roster.unassigned
    assert {worker_of(result, "n-a"), worker_of(result, "n-clash")} == {"n1", "s1"}


def test_a_double_handed_visit_stays_in_one_team_and_starts_together() -> None:
    halves = (task("n-2a", 1, 900, team="north"), task("n-2b", 1, 900, team="north"))
    north2 = replace(worker("n2"), team="north")
    base = two_teams(*halves, links=(Link("n-2a", "n-2b"),))
    prob = replace(base, workers=(*base.workers, north2))
    result = by_team(prob)
    assert result.feasible
    assert not result.roster.unassigned
    assert {worker_of(result, "n-2a"), worker_of(result, "n-2b")} == {"n1", "n2"}


def test_what_nobody_can_do_is_left_out_with_a_reason() -> None:
    # An ordinary visit needing a skill nobody has: well formed, left out, and said why.
    odd = task("n-odd", 2, 720, team="north", skills=frozenset({"dialysis"}))
    result = by_team(two_teams(odd))
    assert result.feasible
    assert result.roster.unassigned == ("n-odd",)
    assert result.unassigned["n-odd"]


def test_two_processes_give_the_same_roster_as_one() -> None:
    prob = two_teams()
    assert by_team(prob, jobs=2).roster == by_team(prob, jobs=1).roster


def test_a_problem_without_teams_is_solved_whole() -> None:
    prob = problem((worker("w1"),), (task("a", 1, 480), task("b", 2, 600)))
    result = solve_by_team(prob, MaxIterations(ITERATIONS), jobs=2)
    assert result.roster == solve(prob, MaxIterations(ITERATIONS)).roster


def test_a_time_budget_is_kept() -> None:
    result = solve_by_team(two_teams(), FirstOf(MaxRuntime(0.3), MaxIterations(10**9)))
    assert result.feasible
    assert result.seconds < 1.5


def test_jobs_must_be_at_least_one() -> None:
    with pytest.raises(ValueError, match="jobs"):
        solve_by_team(two_teams(), MaxIterations(10), jobs=0)
