"""The baselines emit routes careweave's checker accepts (toy instance, tiny time limits)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from benchmarks.baselines import ortools_routing, pyvrp_relaxed
from benchmarks.hhcrsp_data import earliest_starts, parse_instance

from careweave.scheduling.checker import CheckReport, check
from careweave.scheduling.formats.hhcrsp import hhcrsp_problem
from careweave.scheduling.formats.roster_json import roster_from_json

# The 6-patient example of ../shared/benchmarks/hhcrsp/toy.json, inlined so the test reads no file.
TOY = {
    "patients": [
        {
            "id": "p1",
            "time_window": [240, 360],
            "required_caregivers": [{"service": "s2", "duration": 30}],
        },
        {
            "id": "p2",
            "time_window": [120, 180],
            "required_caregivers": [{"service": "s3", "duration": 20}],
        },
        {
            "id": "p3",
            "time_window": [0, 60],
            "required_caregivers": [{"service": "s2", "duration": 45}],
        },
        {
            "id": "p4",
            "time_window": [120, 210],
            "required_caregivers": [
                {"service": "s2", "duration": 30},
                {"service": "s3", "duration": 30},
            ],
            "synchronization": {"type": "simultaneous"},
        },
        {
            "id": "p5",
            "time_window": [270, 420],
            "required_caregivers": [
                {"service": "s1", "duration": 15},
                {"service": "s3", "duration": 30},
            ],
            "synchronization": {"type": "sequential", "distance": [30, 45]},
        },
        {
            "id": "p6",
            "time_window": [360, 420],
            "required_caregivers": [
                {"service": "s1", "duration": 45},
                {"service": "s3", "duration": 20},
            ],
            "synchronization": {"type": "sequential", "distance": [60, 90]},
        },
    ],
    "services": [{"id": s, "default_duration": 30} for s in ("s1", "s2", "s3")],
    "caregivers": [
        {"id": "c1", "abilities": ["s1", "s2"]},
        {"id": "c2", "abilities": ["s3"]},
        {"id": "c3", "abilities": ["s2", "s3"]},
    ],
    "central_offices": [{"id": "d", "location": [46.1, 13.2]}],
    "distances": [
        [0, 38, 34, 56, 7, 13, 26],
        [39, 0, 23, 22, 32, 50, 58],
        [35, 23, 0, 44, 28, 47, 43],
        [56, 22, 44, 0, 54, 59, 78],
        [7, 32, 28, 51, 0, 19, 28],
        [13, 45, 47, 59, 19, 0, 35],
        [27, 57, 42, 77, 28, 35, 0],
    ],
}


def checked(routes: list[dict[str, Any]]) -> CheckReport:
    problem = hhcrsp_problem(copy.deepcopy(TOY), name="toy.json")
    return check(problem, roster_from_json({"routes": routes}, problem))


@pytest.fixture(scope="module")
def ortools_answer() -> dict[str, Any]:
    return ortools_routing.solve(parse_instance(TOY), seconds=0.2, seed=0)


def test_ortools_routes_for_toy_pass_the_checker(ortools_answer: dict[str, Any]) -> None:
    answer = ortools_answer
    report = checked(answer["routes"])
    assert answer["found"]
    assert report.feasible, report.violations
    figures = report.figures
    expected = (figures.distance + figures.total_tardiness + figures.max_tardiness) / 3
    assert figures.total_cost == pytest.approx(expected)


def test_ortools_starts_double_handed_visit_together_with_two_caregivers(
    ortools_answer: dict[str, Any],
) -> None:
    answer = ortools_answer
    p4 = [
        (route["caregiver"], visit["start"])
        for route in answer["routes"]
        for visit in route["visits"]
        if visit["patient"] == "p4"
    ]
    assert len(p4) == 2
    assert p4[0][0] != p4[1][0]
    assert p4[0][1] == p4[1][1]


def test_pyvrp_routes_keep_abilities_and_break_only_synchronisation() -> None:
    answer = pyvrp_relaxed.solve(parse_instance(TOY), seconds=0.2, seed=0)
    report = checked(answer["routes"])
    assert {v.rule for v in report.violations} <= {"link", "same_worker"}
    assert report.figures.unassigned == 0


def test_earliest_starts_wait_for_the_window_and_travel() -> None:
    instance = parse_instance(TOY)
    # p3 (task 2, window 0..60) is 56 minutes from the office; p1 (task 0) opens at 240.
    assert earliest_starts(instance, [2, 0]) == [56.0, 240.0]


def test_reader_names_what_is_missing() -> None:
    broken = {key: value for key, value in TOY.items() if key != "caregivers"}
    with pytest.raises(ValueError, match="caregivers"):
        parse_instance(broken)
