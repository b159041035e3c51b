"""hold_starts(): repaired visits go back to their published times only where nothing breaks."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from tests.unit.scheduling.roster_cases import problem, task, worker
from tests.unit.scheduling.test_checker import random_case

from careweave.scheduling import BreakRule, Link, Mode, Person, Problem, check
from careweave.scheduling.hold import hold_starts
from careweave.scheduling.solution import Roster, Route, Stop

TEAM = (worker("w1"), worker("w2"))


def starts(roster: Roster) -> dict[str, float]:
    return {stop.task_id: stop.start for _, stop in roster.stops()}


def test_a_visit_goes_back_to_its_published_start_when_the_next_one_is_still_reached() -> None:
    prob = problem(TEAM, (task("a", 1, 540, width=240), task("b", 2, 540, width=240)))
    published = Roster((Route("w1", 0, (Stop("a", 540), Stop("b", 650))),))
    repaired = Roster((Route("w1", 0, (Stop("a", 540), Stop("b", 580))),))
    held, kept = hold_starts(prob, published, repaired)
    assert starts(held) == {"a": 540, "b": 650}
    assert kept == {"b"}
    assert check(prob, held).feasible


def test_a_hold_that_would_make_the_worker_late_for_the_next_visit_is_refused() -> None:
    visits = (task("a", 1, 540, width=240), task("b", 2, 540, width=240), task("u", 3, 600))
    prob = problem(TEAM, visits)
    published = Roster((Route("w1", 0, (Stop("a", 540), Stop("b", 650))),), ("u",))
    # The repair fitted u after b: b must end by 610 - 10 of travel, so it cannot wait till 650.
    repaired = Roster((Route("w1", 0, (Stop("a", 540), Stop("b", 580), Stop("u", 620))),))
    held, kept = hold_starts(prob, published, repaired)
    assert held == repaired
    assert kept == set()


def test_the_halves_of_a_double_handed_visit_are_held_together_or_not_at_all() -> None:
    visits = (
        task("x", 1, 540),
        task("y", 2, 540),
        task("lift-a", 3, 540, width=240),
        task("lift-b", 3, 540, width=240),
    )
    prob = problem(TEAM, visits, links=(Link("lift-a", "lift-b"),))
    published = Roster(
        (
            Route("w1", 0, (Stop("x", 540), Stop("lift-a", 620))),
            Route("w2", 0, (Stop("y", 540), Stop("lift-b", 620))),
        )
    )
    earliest = Roster(
        (
            Route("w1", 0, (Stop("x", 540), Stop("lift-a", 590))),
            Route("w2", 0, (Stop("y", 540), Stop("lift-b", 590))),
        )
    )
    held, kept = hold_starts(prob, published, earliest)
    assert starts(held) == starts(published)
    assert kept == {"lift-a", "lift-b"}
    # When the other half changed worker it is not held, so neither half moves.
    swapped = Roster(
        (
            Route("w1", 0, (Stop("x", 540), Stop("lift-a", 590))),
            Route("w2", 0, (Stop("y", 540),)),
            Route("w3", 0, (Stop("lift-b", 590),)),
        )
    )
    three = problem((*TEAM, worker("w3")), visits, links=(Link("lift-a", "lift-b"),))
    assert hold_starts(three, published, swapped) == (swapped, set())


def test_a_visit_published_late_is_held_no_later_than_its_window_allows() -> None:
    prob = problem(TEAM, (task("a", 1, 540, width=60),))
    published = Roster((Route("w1", 0, (Stop("a", 700),)),))
    repaired = Roster((Route("w1", 0, (Stop("a", 540),)),))
    held, _ = hold_starts(prob, published, repaired)
    assert starts(held) == {"a": 600}  # its latest start: on time, as close to 700 as it gets


def test_a_hold_that_would_split_the_only_break_is_refused() -> None:
    breaks = worker("w1", break_rule=BreakRule(after=200, length=100))
    visits = (task("z", 1, 490, width=0), task("a", 1, 530, width=400), task("b", 1, 710))
    prob = problem((breaks,), visits)
    # Paid 270 min (480 to 750): the break is the 150 idle minutes between a (ends 560) and b.
    # Held at 600, a would split them into 80 and 80: no 100-minute break any more.
    published = Roster((Route("w1", 0, (Stop("z", 490), Stop("a", 600), Stop("b", 710))),))
    repaired = Roster((Route("w1", 0, (Stop("z", 490), Stop("a", 530), Stop("b", 710))),))
    assert check(prob, repaired).feasible
    assert hold_starts(prob, published, repaired) == (repaired, set())
    roomy = problem((replace(breaks, break_rule=BreakRule(after=200, length=80)),), visits)
    assert hold_starts(roomy, published, repaired) == (published, {"a"})


def test_published_durations_come_back_within_the_time_bank() -> None:
    visits = (task("a", 1, 540, width=240, duration_max=60), task("b", 2, 540, width=240))
    fixed = problem(TEAM, tuple(replace(t, duration_max=t.duration_min) for t in visits))
    prob = replace(fixed, tasks=visits, mode=Mode.OUTCOME_BASED)
    published = Roster((Route("w1", 0, (Stop("a", 540, 50), Stop("b", 650))),))
    repaired = Roster((Route("w1", 0, (Stop("a", 540), Stop("b", 580))),))
    held, kept = hold_starts(prob, published, repaired)
    assert held == published
    assert kept == {"a", "b"}
    # With 45 minutes in Ann's bank the 50-minute visit cannot come back (b still can).
    banked = replace(prob, people=(Person("p1", time_bank_minutes=45), Person("p2")))
    held, kept = hold_starts(banked, published, repaired)
    assert kept == {"b"}
    assert check(banked, held).feasible


def earliest_timing(prob: Problem, roster: Roster) -> Roster:
    """``roster`` with every visit as early as its window and the travel from the last allow."""
    routes = []
    for route in roster.routes:
        worker_ = prob.worker(route.worker_id)
        minutes = prob.travel_for(worker_).minutes
        free, here, stops = -1e9, worker_.start_location, []
        for stop in route.stops:
            visit = prob.task(stop.task_id)
            start = max(visit.earliest, free + minutes[here, visit.location])
            stops.append(Stop(stop.task_id, float(start)))
            free, here = start + visit.duration_min, visit.location
        routes.append(replace(route, stops=tuple(stops)))
    return Roster(tuple(routes), roster.unassigned)


@settings(max_examples=60, deadline=None)
@given(random_case())
def test_a_feasible_published_roster_comes_back_whole_from_its_earliest_timing(
    case: tuple[Problem, Roster, float],
) -> None:
    prob, published, _ = case
    repaired = earliest_timing(prob, published)
    assert check(prob, repaired).feasible
    held, _ = hold_starts(prob, published, repaired)
    assert starts(held) == pytest.approx(starts(published))
