"""careweave's JSON problem format and the roster JSON forms: round trips and bad input."""

from __future__ import annotations

import contextlib
import copy
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.unit.scheduling.junk import JUNK, paths, replaced

from careweave.scheduling import (
    BreakRule,
    Link,
    Mode,
    Person,
    Problem,
    ProblemError,
    ProblemFormat,
    Roster,
    Route,
    Shift,
    Stop,
    Task,
    TravelMatrix,
    Weights,
    Worker,
    check,
    hhcrsp_problem,
    load_problem,
    problem_from_json,
    problem_to_json,
    read_careweave,
    read_roster,
    roster_from_json,
    roster_to_json,
    write_careweave,
)


def rich_problem() -> Problem:
    """A week with everything the format covers: two travel modes, ranges, links, history."""
    walk = TravelMatrix(
        np.array([[0, 20, 30], [20, 0, 25], [30, 25, 0]]),
        np.array([[0, 1.5, 2], [1.5, 0, 1.8], [2, 1.8, 0]]),
        mode="walk",
    )
    drive = TravelMatrix(np.array([[0, 8, 10], [9, 0, 7], [10, 7, 0]]), mode="drive")
    workers = (
        Worker(
            "amy",
            frozenset({"care", "insulin"}),
            # Day 1 is a split shift whose second half has no end.
            (Shift(0, 420, 900), Shift(1, 420, 660), Shift(1, 1020, math.inf)),
            start_location=1,
            end_location=2,
            travel_mode="walk",
            gender="female",
            languages=frozenset({"en", "pl"}),
            team="north",
            max_day_minutes=480,
            max_week_minutes=2400,
            contracted_week_minutes=1800,
            min_rest_minutes=660,
            break_rule=BreakRule(360, 20),
            cost_per_hour=13.5,
        ),
        Worker("ben", frozenset({"care"}), (Shift(0, 480, 1020),), team="south"),
    )
    tasks = (
        Task(
            "v1",
            "ann",
            1,
            0,
            480,
            540,
            30,
            60,
            frozenset({"care"}),
            priority=4,
            preferred=frozenset({"amy"}),
            gender="female",
            language="pl",
            team="north",
        ),
        Task(
            "v2a",
            "bob",
            2,
            0,
            600,
            630,
            45,
            45,
            frozenset({"care"}),
            mandatory=True,
            excluded=frozenset({"zed"}),
        ),
        Task("v2b", "bob", 2, 0, 600, 630, 45, 45, frozenset({"care"}), priority=1),
        Task("v3", "ann", 1, 1, 480, 600, 15, 15, frozenset({"insulin"}), pinned="amy"),
    )
    return Problem(
        workers=workers,
        tasks=tasks,
        travel={"walk": walk, "drive": drive},
        links=(Link("v2a", "v2b", -5, 5), Link("v1", "v3", 1380, 1500, distinct_workers=False)),
        people=(Person("ann", 2, {"amy": 12, "old": 3}, 600.0), Person("bob")),
        weights=Weights(travel=0.5, unassigned=(1, 2, 3), divisor=2),
        mode=Mode.OUTCOME_BASED,
        skills=frozenset({"care", "insulin", "hoist"}),
        name="rich week",
    )


def test_a_problem_round_trips_through_json(tmp_path: Path) -> None:
    problem = rich_problem()
    path = tmp_path / "week.json"
    write_careweave(problem, path)
    assert read_careweave(path) == problem
    assert load_problem(path) == (problem, ProblemFormat.CAREWEAVE)
    text = json.loads(path.read_text(encoding="utf-8"))
    assert text["workers"][0]["shifts"][2] == {"day": 1, "start": 1020, "end": None}  # null: no end
    assert text["workers"][1]["max_day_minutes"] is None


def test_an_hhcrsp_problem_round_trips_through_careweave_json() -> None:
    data = {
        "patients": [
            {
                "id": "p1",
                "time_window": [0, 60],
                "required_caregivers": [{"service": "s1", "duration": 10}],
            }
        ],
        "services": [{"id": "s1", "default_duration": 10}],
        "caregivers": [{"id": "c1", "abilities": ["s1"]}],
        "central_offices": [{"id": "d"}],
        "distances": [[0, 3], [4, 0]],
    }
    problem = hhcrsp_problem(data, name="tiny")
    again = problem_from_json(json.loads(json.dumps(problem_to_json(problem))))
    assert again == problem
    assert again.weights == Weights.hhcrsp()


def test_a_minimal_problem_takes_the_documented_defaults() -> None:
    problem = problem_from_json(
        {
            "format": "careweave-roster-problem",
            "travel": {"drive": {"minutes": [[0, 5], [5, 0]]}},
            "workers": [{"id": "w1", "shifts": [{"day": 0, "start": 480, "end": 1020}]}],
            "visits": [
                {"id": "v1", "person": "ann", "location": 1, "window": [540, 600], "duration": 30}
            ],
            "people": [{"id": "ann"}],
        }
    )
    (task,) = problem.tasks
    assert (task.day, task.priority, task.mandatory, task.duration_max) == (0, 2, False, 30)
    assert problem.mode is Mode.TIME_AND_TASK
    assert problem.weights == Weights()
    assert problem.worker("w1").travel_mode == "drive"


def _mutated(path: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(problem_to_json(rich_problem()))
    target: Any = data
    *parents, last = path.split(".")
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is KeyError:
        del target[last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("format", "other", 'problem: format must be "careweave-roster-problem"'),
        ("version", 9, "problem: version 9 is not supported"),
        ("mode", "chaos", "problem: mode must be one of"),
        ("visits.0.windw", [1, 2], "visit v1: unknown field windw"),
        ("visits.0.window", [600, 500], "visit v1: window ends (500) before it starts (600)"),
        ("visits.0.duration", [-5, 10], "visit v1: duration must be at least 0, not -5"),
        ("visits.0.skills", ["cooking"], "visit v1: unknown skill cooking"),
        ("visits.0.person", KeyError, "visit v1: person is missing"),
        ("visits.0.location", 1.5, "visit v1: location must be a whole number"),
        ("visits.3.pinned", "ben", "visit v3: pinned worker ben lacks skill insulin"),
        ("links.0.second", "v9", "link v2a -> v9: visit v9 is not in the problem"),
        ("workers.0.shifts.0.end", 100, "shift on day 0: ends (100) before it starts (420)"),
        (
            "workers.0.shifts.2.start",
            600,
            "worker amy: has overlapping shifts on day 1: 420-660 and 600-inf",
        ),
        ("workers.1.travel_mode", "fly", "worker ben: no travel matrix for travel mode fly"),
        (
            "workers.0.break_rule",
            {"after": "six hours"},
            "worker amy: break_rule after must be a number",
        ),
        (
            "travel.drive.minutes",
            [[0, 1, 2], [1, 0, 2]],
            "travel mode drive: travel time matrix must be square",
        ),
        (
            "travel.walk.distance",
            [[0, -1, 2], [1, 0, 2], [2, 2, 0]],
            "travel mode walk: distance matrix has a negative entry at [0][1]",
        ),
        (
            "people.0.history",
            {"amy": -2},
            "person ann: history count for amy must be a whole number",
        ),
        ("weights.overtime", -1, "weights: overtime must not be negative"),
        ("weights.speed", 1, "weights: unknown field speed"),
    ],
)
def test_bad_problems_are_rejected_naming_the_item(path: str, value: Any, expected: str) -> None:
    with pytest.raises(ProblemError) as caught:
        problem_from_json(_mutated(path, value))
    assert str(caught.value).startswith(expected)


def test_a_file_of_neither_format_is_named(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(ProblemError, match="is neither a careweave problem"):
        load_problem(path)


def test_a_careweave_roster_round_trips() -> None:
    problem = rich_problem()
    roster = Roster(
        (
            Route("amy", 0, (Stop("v1", 480, 45), Stop("v2a", 600))),
            Route("ben", 0, (Stop("v2b", 601),)),
            Route("amy", 1, (Stop("v3", 1440),), shift=1),  # the evening half of a split shift
        ),
    )
    data = json.loads(json.dumps(roster_to_json(problem, roster, hhcrsp=False)))
    assert data["routes"][0] == {
        "worker": "amy",
        "day": 0,
        "stops": [{"task": "v1", "start": 480, "duration": 45}, {"task": "v2a", "start": 600}],
    }
    assert data["routes"][2] == {
        "worker": "amy",
        "day": 1,
        "shift": 1,
        "stops": [{"task": "v3", "start": 1440}],
    }
    assert roster_from_json(data, problem) == roster


def test_an_hhcrsp_roster_round_trips_with_repeated_services(tmp_path: Path) -> None:
    data = {
        "patients": [
            {
                "id": "p1",
                "time_window": [0, 60],
                "required_caregivers": [{"service": "s1"}, {"service": "s1"}],
                "synchronization": {"type": "simultaneous"},
            }
        ],
        "services": [{"id": "s1", "default_duration": 10}],
        "caregivers": [{"id": "c1", "abilities": ["s1"]}, {"id": "c2", "abilities": ["s1"]}],
        "central_offices": [{"id": "d"}],
        "distances": [[0, 3], [4, 0]],
    }
    problem = hhcrsp_problem(data)
    roster = Roster(
        (Route("c1", 0, (Stop("p1/s1", 3.0),)), Route("c2", 0, (Stop("p1/s1#2", 3.0),)))
    )
    written = roster_to_json(problem, roster, hhcrsp=True)
    assert written["routes"][1] == {
        "caregiver": "c2",
        "visits": [{"patient": "p1", "service": "s1", "start": 3.0}],
    }
    path = tmp_path / "solution.json"
    path.write_text(json.dumps(written), encoding="utf-8")
    assert read_roster(path, problem) == roster
    assert roster_from_json(written["routes"], problem) == roster  # a bare list of routes
    # Listed the other way round, the earlier start is still the first task of the pair.
    later = Roster((Route("c2", 0, (Stop("p1/s1#2", 9.0),)), Route("c1", 0, (Stop("p1/s1", 3.0),))))
    reread = roster_from_json(roster_to_json(problem, later, hhcrsp=True), problem)
    assert reread == later


def test_bad_rosters_are_rejected_naming_the_item() -> None:
    problem = rich_problem()
    with pytest.raises(ProblemError, match="route of amy: stops is missing"):
        roster_from_json({"routes": [{"worker": "amy"}]}, problem)
    with pytest.raises(ProblemError, match="route of amy: v1: start must be a number"):
        roster_from_json([{"worker": "amy", "stops": [{"task": "v1", "start": "9am"}]}], problem)
    with pytest.raises(ProblemError, match=r"route of amy: shift must be a whole number, not 0\.5"):
        roster_from_json([{"worker": "amy", "shift": 0.5, "stops": []}], problem)
    with pytest.raises(ProblemError, match="route amy: shift must be a whole number >= 0, not -1"):
        roster_from_json([{"worker": "amy", "shift": -1, "stops": []}], problem)
    with pytest.raises(ProblemError, match="route of c1: patient p7 does not need service s1"):
        roster_from_json(
            [{"caregiver": "c1", "visits": [{"patient": "p7", "service": "s1", "start": 1}]}],
            problem,
        )
    with pytest.raises(ProblemError, match="roster: routes is missing"):
        roster_from_json({}, problem)


@st.composite
def day_shifts(draw: st.DrawFn) -> tuple[Shift, ...]:
    """One shift on day 0, or a split shift (two that do not overlap), in either order."""
    first_end = draw(st.floats(1, 700))
    if not draw(st.booleans()):
        return (Shift(0, 0, draw(st.one_of(st.just(math.inf), st.just(first_end)))),)
    second_start = first_end + draw(st.floats(0, 100))
    second = Shift(0, second_start, draw(st.one_of(st.just(math.inf), st.floats(1441, 1600))))
    return (
        (second, Shift(0, 0, first_end))
        if draw(st.booleans())
        else (Shift(0, 0, first_end), second)
    )


@st.composite
def random_problem(draw: st.DrawFn) -> Problem:
    """A small well-formed problem with random values in every field the format covers."""
    size = draw(st.integers(1, 4))
    cell = st.floats(0, 500, allow_nan=False)
    matrix = np.array([[draw(cell) for _ in range(size)] for _ in range(size)])
    location = st.integers(0, size - 1)
    minutes = st.floats(0, 1400, allow_nan=False)
    skills = st.frozensets(st.sampled_from(["care", "hoist", "meds"]), max_size=2)
    workers = tuple(
        Worker(
            f"w{i}",
            draw(skills) | {"care"},
            draw(day_shifts()),
            draw(location),
            draw(location),
            gender=draw(st.one_of(st.none(), st.sampled_from(["female", "male"]))),
            max_week_minutes=draw(st.one_of(st.just(math.inf), minutes)),
            break_rule=draw(st.one_of(st.none(), st.just(BreakRule()))),
            cost_per_hour=draw(st.floats(0, 40, allow_nan=False)),
        )
        for i in range(draw(st.integers(2, 3)))
    )
    tasks = []
    for k in range(draw(st.integers(1, 4))):
        earliest, length, shortest = (
            draw(minutes),
            draw(minutes),
            draw(st.floats(0, 90, allow_nan=False)),
        )
        tasks.append(
            Task(
                f"t{k}",
                "ann",
                draw(location),
                0,
                earliest,
                earliest + length,
                shortest,
                shortest + draw(st.floats(0, 30, allow_nan=False)),
                frozenset({"care"}),
                priority=draw(st.integers(1, 4)),
                preferred=frozenset(draw(st.sets(st.sampled_from(["w0", "w1"]), max_size=1))),
            )
        )
    links = (
        (Link("t0", f"t{len(tasks) - 1}", -draw(minutes), draw(minutes)),) if len(tasks) > 1 else ()
    )
    return Problem(
        workers=workers,
        tasks=tuple(tasks),
        travel={"drive": TravelMatrix(matrix)},
        links=links,
        people=(
            Person(
                "ann",
                draw(st.one_of(st.none(), st.integers(1, 5))),
                {"w0": draw(st.integers(0, 9))},
                draw(st.one_of(st.none(), minutes)),
            ),
        ),
        weights=Weights(
            travel=draw(st.floats(0, 10, allow_nan=False)), divisor=draw(st.floats(0.5, 4))
        ),
        mode=Mode.OUTCOME_BASED,
    )


@settings(max_examples=40, deadline=None)
@given(random_problem())
def test_every_problem_round_trips_through_json_text(problem: Problem) -> None:
    text = json.dumps(problem_to_json(problem))
    assert problem_from_json(json.loads(text)) == problem


RICH_JSON = problem_to_json(rich_problem())


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(paths(RICH_JSON)), st.sampled_from(JUNK))
def test_any_junk_anywhere_is_a_problem_error_never_a_crash(
    path: tuple[Any, ...], junk: Any
) -> None:
    # Either the junk happens to be acceptable, or it is refused naming an item; nothing else.
    with contextlib.suppress(ProblemError):
        problem_from_json(replaced(RICH_JSON, path, junk))


ROSTER_JSON = {
    "routes": [
        {"worker": "amy", "day": 0, "stops": [{"task": "v1", "start": 480, "duration": 45}]},
        {"worker": "amy", "day": 1, "shift": 1, "stops": [{"task": "v3", "start": 1440}]},
        {"caregiver": "ben", "visits": [{"patient": "bob", "service": "care", "start": 600}]},
    ],
    "unassigned_visits": ["v3"],
}


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(paths(ROSTER_JSON)), st.sampled_from(JUNK))
def test_a_junk_roster_is_refused_or_checked_never_a_crash(
    path: tuple[Any, ...], junk: Any
) -> None:
    problem = rich_problem()
    with contextlib.suppress(ProblemError):
        check(problem, roster_from_json(replaced(ROSTER_JSON, path, junk), problem))
