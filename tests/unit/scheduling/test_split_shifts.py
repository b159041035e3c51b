"""Split shifts end to end: a worker with 07:00-11:00 and 17:00-22:00 on the same day.

Each half is its own route from home and back; the solver and the independent checker must agree
on every rule that spans the two halves (the day's maximum, rest between days) and on visits that
fall in the gap between them.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st
from tests.unit.scheduling.roster_cases import problem, task, worker

from careweave.scheduling import (
    BreakRule,
    Problem,
    ProblemError,
    Roster,
    Route,
    Shift,
    Stop,
    Worker,
    check,
    roster_from_json,
    roster_to_json,
)
from careweave.scheduling.solve import Result, solve
from careweave.scheduling.stop import MaxIterations

MORNING, EVENING = Shift(0, 420, 660), Shift(0, 1020, 1320)


def split(ident: str = "sam", **changes: Any) -> Worker:
    """A worker at the office (location 0) with a split shift on day 0."""
    return worker(ident, shifts=(MORNING, EVENING), **changes)


def solved(prob: Problem, iterations: int = 400) -> Result:
    result = solve(prob, MaxIterations(iterations), seed=0)
    report = check(prob, result.roster)
    assert report.feasible == result.feasible, report.violations
    if result.feasible:
        assert result.cost == pytest.approx(report.figures.weighted_total)
    return result


def test_visits_in_both_halves_make_two_routes_that_the_checker_accepts() -> None:
    prob = problem((split(),), (task("breakfast", 1, 480), task("tea", 2, 1080)))
    result = solved(prob)
    assert result.feasible
    routes = sorted(result.roster.routes, key=lambda r: r.shift)
    assert [(r.worker_id, r.day, r.shift, r.task_ids) for r in routes] == [
        ("sam", 0, 0, ("breakfast",)),
        ("sam", 0, 1, ("tea",)),
    ]
    figures = check(prob, result.roster).figures
    # Home between the halves: 10 + 30 + 10 in the morning, 20 + 30 + 20 in the evening.
    assert figures.paid_minutes == 120
    assert figures.travel_minutes == 60
    # The roster survives its JSON form, shift and all.
    again = roster_from_json(roster_to_json(prob, result.roster, hhcrsp=False), prob)
    assert again == result.roster


def test_a_lunchtime_visit_in_the_gap_is_left_out_naming_availability() -> None:
    prob = problem((split(),), (task("breakfast", 1, 480), task("lunch", 1, 780, width=30)))
    result = solved(prob)
    assert result.feasible
    assert result.roster.unassigned == ("lunch",)
    assert "available (on shift)" in result.unassigned["lunch"]
    assert "13:00 and 13:30" in result.unassigned["lunch"]
    # Forced onto either half, the checker says it lies outside that route's shift.
    for shift in (0, 1):
        forced = Roster((Route("sam", 0, (Stop("breakfast", 480), Stop("lunch", 780)), shift),))
        outside = [v for v in check(prob, forced).violations if v.item == "visit lunch"]
        assert [v.rule for v in outside] == ["shift"]
        assert "outside the shift of worker sam's route" in outside[0].message


def test_the_daily_maximum_covers_both_halves_in_the_solver_and_the_checker() -> None:
    # Each half alone takes 50 paid minutes; the day may have 80, so only one half is worked.
    prob = problem(
        (split(max_day_minutes=80),),
        (task("breakfast", 1, 480), task("tea", 1, 1080)),
    )
    result = solved(prob)
    assert result.feasible
    assert len(result.roster.unassigned) == 1
    (left_out,) = result.roster.unassigned
    assert "working-time limit" in result.unassigned[left_out]
    both = Roster(
        (
            Route("sam", 0, (Stop("breakfast", 480),)),
            Route("sam", 0, (Stop("tea", 1080),), shift=1),
        )
    )
    assert [v.rule for v in check(prob, both).violations] == ["max_day"]


def test_rest_runs_from_the_evening_half_to_the_next_mornings_first_visit() -> None:
    # Back at 21:40 on day 0 (1300), out at 06:50 on day 1 (410): 550 minutes, not 660.
    late_then_early = (MORNING, EVENING, Shift(1, 360, 660))
    prob = problem(
        (worker("sam", shifts=late_then_early, min_rest_minutes=660),),
        (task("night", 1, 1260, width=0), task("early", 1, 420, width=0, day=1)),
    )
    result = solved(prob)
    assert result.feasible
    assert len(result.roster.unassigned) == 1
    (left_out,) = result.roster.unassigned
    assert "minimum rest" in result.unassigned[left_out]


def test_two_routes_in_one_shift_are_refused_and_a_split_shift_is_not() -> None:
    prob = problem((split(),), (task("a", 1, 480), task("b", 2, 540)))
    same_half = Roster((Route("sam", 0, (Stop("a", 480),)), Route("sam", 0, (Stop("b", 540),))))
    assert [v.rule for v in check(prob, same_half).violations] == ["two_routes"]


@st.composite
def split_problems(draw: st.DrawFn) -> Problem:
    """Up to three workers, some with split shifts over one or two days, and up to eight visits."""
    days = draw(st.integers(1, 2))

    def shifts() -> tuple[Shift, ...]:
        found: list[Shift] = []
        for day in range(days):
            if draw(st.booleans()):
                found += [
                    Shift(day, 420, draw(st.sampled_from([600, 660]))),
                    Shift(day, 1020, 1320),
                ]
            else:
                found.append(Shift(day, 420, draw(st.sampled_from([840, 1320]))))
        return tuple(found)

    workers = tuple(
        worker(
            f"w{i}",
            shifts=shifts(),
            start_location=draw(st.integers(0, 5)),
            end_location=draw(st.integers(0, 5)),
            max_day_minutes=draw(st.sampled_from([math.inf, 120, 300])),
            min_rest_minutes=draw(st.sampled_from([0, 660])),
            break_rule=draw(st.sampled_from([None, BreakRule(90, 20)])),
        )
        for i in range(draw(st.integers(1, 3)))
    )
    tasks = tuple(
        task(
            f"t{i}",
            draw(st.integers(1, 5)),
            draw(st.sampled_from([420, 480, 600, 720, 780, 1020, 1140, 1260])),
            width=draw(st.sampled_from([0, 30, 120])),
            day=draw(st.integers(0, days - 1)),
            priority=draw(st.sampled_from([1, 2, 3])),
        )
        for i in range(draw(st.integers(1, 8)))
    )
    try:
        return problem(workers, tasks)
    except ProblemError:
        reject()
        raise  # pragma: no cover - reject() does not return


@settings(max_examples=40, deadline=None)
@given(split_problems(), st.integers(0, 3))
def test_every_roster_with_split_shifts_passes_the_independent_checker(
    prob: Problem, seed: int
) -> None:
    result = solve(prob, MaxIterations(150), seed=seed)
    report = check(prob, result.roster)
    # No visit must be done, so leaving any out is always allowed: the roster is feasible.
    assert result.feasible, report.violations
    assert report.feasible, report.violations
    assert result.cost == pytest.approx(report.figures.weighted_total)
    assert set(result.unassigned) == set(result.roster.unassigned)
    for route in result.roster.routes:
        assert route.shift < len(prob.worker(route.worker_id).shifts_on(route.day))
