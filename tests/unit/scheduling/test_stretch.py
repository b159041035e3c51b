"""stretch(): visits grow into the worker's idle time, up to their maximum and the person's bank."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.unit.scheduling.roster_cases import problem, task, worker
from tests.unit.scheduling.test_checker import random_case

from careweave.scheduling import BreakRule, Link, Mode, Person, Problem, Task, Worker, check
from careweave.scheduling.formats.careweave_json import problem_from_json, problem_to_json
from careweave.scheduling.formats.roster_json import roster_from_json, roster_to_json
from careweave.scheduling.solution import Roster, Route, Stop
from careweave.scheduling.stretch import stretch


def outcome(workers: tuple[Worker, ...], tasks: tuple[Task, ...], **changes: Any) -> Problem:
    """An outcome-based problem (time-and-task ones refuse duration ranges)."""
    fixed = tuple(fixed_duration(t) for t in tasks)
    return replace(problem(workers, fixed, **changes), tasks=tasks, mode=Mode.OUTCOME_BASED)


def fixed_duration(visit: Task) -> Task:
    return replace(visit, duration_max=visit.duration_min)


def durations(roster: Roster) -> dict[str, float | None]:
    return {stop.task_id: stop.duration for _, stop in roster.stops()}


def starts(roster: Roster) -> dict[str, float]:
    return {stop.task_id: stop.start for _, stop in roster.stops()}


# Ann (p1) at 09:00 and 11:40, Bob (p2) at 11:00 and 15:00; each visit may run 30 to 60 minutes.
FLEX = {"duration_max": 60}
DAY = (
    task("a", 1, 540, **FLEX),
    task("b", 2, 660, **FLEX),
    task("c", 1, 760, **FLEX),
    task("d", 2, 900, **FLEX),
)
ROUTE = Roster((Route("w1", 0, tuple(Stop(t.id, t.earliest) for t in DAY)),))


def test_idle_time_is_filled_up_to_the_maximum_and_nothing_else_moves() -> None:
    prob = outcome((worker("w1"),), DAY)
    before = check(prob, ROUTE)
    stretched = stretch(prob, ROUTE)
    # a ends 570 and b is 10 min away at 660: 80 idle minutes, of which a may use 30.
    # b: 690 + 10 -> c at 760, 60 idle: 30 usable. c: 790 + 10 -> d at 900: 30 usable.
    # d is the last visit: growing it would bring the worker home later, so it stays.
    assert durations(stretched) == {"a": 60, "b": 60, "c": 60, "d": 30}
    assert starts(stretched) == starts(ROUTE)
    after = check(prob, stretched)
    assert after.feasible, after.violations
    assert after.figures.weighted_total == before.figures.weighted_total
    assert after.figures.paid_minutes == before.figures.paid_minutes
    assert after.figures.service_minutes == before.figures.service_minutes + 90


def test_a_visit_only_grows_into_the_idle_time_it_has() -> None:
    tight = (task("a", 1, 540, **FLEX), task("b", 3, 600, **FLEX))
    roster = Roster((Route("w1", 0, (Stop("a", 540), Stop("b", 600))),))
    # a ends 570, 20 min of travel to b at 600: 10 idle minutes.
    stretched = stretch(outcome((worker("w1"),), tight), roster)
    assert durations(stretched) == {"a": 40, "b": 30}


def test_the_time_bank_caps_the_growth_and_is_shared_equally() -> None:
    people = (Person("p1", time_bank_minutes=80), Person("p2", time_bank_minutes=61))
    prob = outcome((worker("w1"),), DAY, people=people)
    stretched = stretch(prob, ROUTE)
    # Ann has 80 - 60 = 20 minutes left: 10 more at each of her visits. Bob has 1 left.
    assert durations(stretched) == {"a": 40, "b": 31, "c": 40, "d": 30}
    report = check(prob, stretched)
    assert report.feasible, report.violations


def test_a_spent_bank_leaves_every_visit_at_its_minimum() -> None:
    people = (Person("p1", time_bank_minutes=60), Person("p2", time_bank_minutes=60))
    prob = outcome((worker("w1"),), DAY, people=people)
    assert durations(stretch(prob, ROUTE)) == {"a": 30, "b": 30, "c": 30, "d": 30}


def test_a_route_that_needs_a_break_keeps_one() -> None:
    # Paid 420 min (leaves 530, back 950): the longest idle gap, 100 min after c, is the break.
    roomy = worker("w1", break_rule=BreakRule(after=300, length=45))
    assert durations(stretch(outcome((roomy,), DAY), ROUTE))["c"] == 60
    tight = worker("w1", break_rule=BreakRule(after=300, length=80))
    prob = outcome((tight,), DAY)
    stretched = stretch(prob, ROUTE)
    assert durations(stretched) == {"a": 60, "b": 60, "c": 50, "d": 30}  # c leaves 80 for it
    report = check(prob, stretched)
    assert report.feasible, report.violations


def test_the_halves_of_a_double_handed_visit_grow_together() -> None:
    visits = (
        task("lift-a", 1, 540, **FLEX),
        task("lift-b", 1, 540, **FLEX),
        task("x", 2, 600),
        task("y", 4, 700),
    )
    prob = outcome((worker("w1"), worker("w2")), visits, links=(Link("lift-a", "lift-b"),))
    roster = Roster(
        (
            Route("w1", 0, (Stop("lift-a", 540), Stop("x", 600))),  # 20 idle after the lift
            Route("w2", 0, (Stop("lift-b", 540), Stop("y", 700))),  # 100 idle after the lift
        )
    )
    stretched = stretch(prob, roster)
    assert durations(stretched) == {"lift-a": 50, "lift-b": 50, "x": None, "y": None}
    report = check(prob, stretched)
    assert report.feasible, report.violations


def test_fixed_durations_and_time_and_task_care_change_nothing() -> None:
    fixed = tuple(fixed_duration(t) for t in DAY)
    assert stretch(outcome((worker("w1"),), fixed), ROUTE) == ROUTE
    time_and_task = problem((worker("w1"),), fixed)
    assert time_and_task.mode is Mode.TIME_AND_TASK
    assert stretch(time_and_task, ROUTE) is ROUTE


def test_routes_naming_unknown_workers_or_visits_are_left_as_they_are() -> None:
    prob = outcome((worker("w1"),), DAY)
    odd = Roster(
        (Route("w9", 0, (Stop("a", 540), Stop("b", 660))), Route("w1", 0, (Stop("zz", 1),)))
    )
    assert stretch(prob, odd) == odd


def test_a_stretched_roster_round_trips_through_the_careweave_json_format() -> None:
    prob = problem_from_json(json.loads(json.dumps(problem_to_json(outcome((worker("w1"),), DAY)))))
    assert prob.mode is Mode.OUTCOME_BASED
    assert [(t.duration_min, t.duration_max) for t in prob.tasks] == [(30, 60)] * 4
    stretched = stretch(prob, ROUTE)
    text = json.dumps(roster_to_json(prob, stretched, hhcrsp=False))
    assert '"duration": 60' in text
    reread = roster_from_json(json.loads(text), prob)
    assert reread == stretched
    assert check(prob, reread).figures == check(prob, stretched).figures


@settings(max_examples=60, deadline=None)
@given(random_case(), st.data())
def test_any_stretch_keeps_the_roster_feasible_its_cost_and_the_bank(
    case: tuple[Problem, Roster, float], data: st.DataObject
) -> None:
    fixed, roster, _ = case
    longer = [
        replace(t, duration_max=t.duration_min + data.draw(st.integers(0, 60))) for t in fixed.tasks
    ]
    bank = sum(t.duration_min for t in fixed.tasks) + data.draw(st.integers(0, 120))
    rule = data.draw(st.sampled_from([None, BreakRule(after=60, length=20)]))
    prob = replace(
        fixed,
        tasks=tuple(longer),
        workers=tuple(replace(w, break_rule=rule) for w in fixed.workers),
        people=(Person("p", time_bank_minutes=bank),),
        mode=Mode.OUTCOME_BASED,
    )
    before = check(prob, roster)
    stretched = stretch(prob, roster)
    after = check(prob, stretched)
    assert starts(stretched) == starts(roster)
    assert {v.rule for v in after.violations} <= {v.rule for v in before.violations}
    assert after.figures.weighted_total == pytest.approx(before.figures.weighted_total)
    assert after.figures.service_minutes <= bank + 1e-6
    for _, stop in stretched.stops():
        task = prob.task(stop.task_id)
        assert task.duration_min <= stop.minutes(task) <= task.duration_max
