"""The HHCRSP reader: every public instance loads, toy.json maps as documented, bad input is named."""

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
from tests.shared_data import HHCRSP, TOY, needs_shared_data
from tests.unit.scheduling.junk import JUNK, paths, replaced

from careweave.scheduling import Link, Mode, ProblemError, Shift, hhcrsp_problem, read_hhcrsp

needs_data = needs_shared_data


def toy() -> dict[str, Any]:
    return {
        "patients": [
            {
                "id": "p1",
                "time_window": [240, 360],
                "required_caregivers": [{"service": "s2", "duration": 30}],
            },
            {
                "id": "p2",
                "time_window": [120, 210],
                "required_caregivers": [{"service": "s1", "duration": 30}, {"service": "s2"}],
                "synchronization": {"type": "simultaneous"},
            },
        ],
        "services": [{"id": "s1", "default_duration": 30}, {"id": "s2", "default_duration": 25}],
        "caregivers": [{"id": "c1", "abilities": ["s1", "s2"]}, {"id": "c2", "abilities": ["s2"]}],
        "central_offices": [{"id": "d", "location": [0, 0]}],
        "distances": [[0, 5, 7], [5, 0, 3], [7, 3, 0]],
    }


def test_tasks_links_and_workers_follow_the_documented_mapping() -> None:
    problem = hhcrsp_problem(toy(), name="mini")
    assert [t.id for t in problem.tasks] == ["p1/s2", "p2/s1", "p2/s2"]
    second = problem.task("p2/s2")
    assert second.location == 2
    assert (second.earliest, second.latest) == (120.0, 210.0)
    assert second.duration_min == second.duration_max == 25.0  # the service's default duration
    assert second.skills == frozenset({"s2"})
    assert second.mandatory
    assert not second.critical
    assert problem.links == (Link("p2/s1", "p2/s2", 0.0, 0.0, distinct_workers=True),)
    assert problem.worker("c1").shifts_on(0) == (Shift(0, 0.0, math.inf),)
    assert problem.mode is Mode.TIME_AND_TASK
    assert problem.skills == frozenset({"s1", "s2"})
    assert problem.travel["drive"].minutes[1, 2] == 3.0
    assert problem.weights.divisor == 3.0
    assert [problem.workers[w].id for w in problem.eligible(problem.task_position("p2/s1"))] == [
        "c1"
    ]


def test_the_same_service_twice_gets_distinct_ids() -> None:
    data = toy()
    data["patients"][1]["required_caregivers"] = [{"service": "s2"}, {"service": "s2"}]
    problem = hhcrsp_problem(data)
    assert [t.id for t in problem.tasks] == ["p1/s2", "p2/s2", "p2/s2#2"]


def test_sequential_synchronisation_becomes_a_gap() -> None:
    data = toy()
    data["patients"][1]["synchronization"] = {"type": "sequential", "distance": [30, 45]}
    (link,) = hhcrsp_problem(data).links
    assert (link.min_gap, link.max_gap) == (30.0, 45.0)


def _broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(toy())
    patient = data["patients"][0]
    if change == "window":
        patient["time_window"] = [200, 100]
    elif change == "service":
        patient["required_caregivers"][0]["service"] = "s9"
    elif change == "duration":
        patient["required_caregivers"][0]["duration"] = -5
    elif change == "square":
        data["distances"][1] = [5, 0]
    elif change == "rows":
        data["distances"] = data["distances"][:2]
    elif change == "negative":
        data["distances"][2][1] = -1
    elif change == "ability":
        data["caregivers"][1]["abilities"] = ["s7"]
    elif change == "nobody":
        data["caregivers"][0]["abilities"] = ["s1"]
        data["caregivers"][1]["abilities"] = ["s1"]
    elif change == "sync":
        data["patients"][0]["synchronization"] = {"type": "simultaneous"}
    return data


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("window", "patient p1: window ends (100) before it starts (200)"),
        ("service", "patient p1: unknown service s9"),
        ("duration", "patient p1: s2 duration must not be negative (-5)"),
        ("square", "distances: must be a square matrix"),
        ("rows", "distances: needs 3 rows"),
        ("negative", "distances: distance matrix has a negative entry at [2][1]"),
        ("ability", "caregiver c2: unknown service s7"),
        ("nobody", "visit p1/s2: must be done but no worker can do it (needs s2 on day 0)"),
        ("sync", "patient p1: synchronization needs exactly two required caregivers"),
    ],
)
def test_malformed_instances_are_rejected_naming_the_item(change: str, expected: str) -> None:
    with pytest.raises(ProblemError) as caught:
        hhcrsp_problem(_broken(change))
    assert str(caught.value).startswith(expected)


def test_a_double_handed_visit_nobody_can_pair_on_is_rejected() -> None:
    data = toy()
    data["caregivers"] = [{"id": "c1", "abilities": ["s1", "s2"]}, {"id": "c2", "abilities": []}]
    data["patients"] = data["patients"][1:]
    data["distances"] = [[0, 5], [5, 0]]
    with pytest.raises(
        ProblemError, match="link p2/s1 -> p2/s2: must be done but no two different workers"
    ):
        hhcrsp_problem(data)


def test_a_missing_file_and_bad_json_are_named(tmp_path: Path) -> None:
    with pytest.raises(ProblemError, match="no such file"):
        read_hhcrsp(tmp_path / "absent.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ProblemError, match=r"bad\.json: is not valid JSON"):
        read_hhcrsp(bad)


@needs_data
def test_toy_json_loads_with_its_asymmetric_matrix() -> None:
    problem = read_hhcrsp(TOY)
    assert problem.name == "toy.json"
    assert len(problem.tasks) == 9
    assert len(problem.links) == 3
    matrix = problem.travel["drive"].minutes
    assert (matrix[0, 1], matrix[1, 0]) == (38, 39)
    assert not matrix.flags.writeable


@needs_data
@pytest.mark.parametrize("family", ["mankowska", "kummer"])
def test_every_public_instance_loads(family: str) -> None:
    files = sorted((HHCRSP / family).glob("*.json"))
    assert len(files) == {"mankowska": 70, "kummer": 98}[family]
    for path in files:
        problem = read_hhcrsp(path)
        raw = json.loads(path.read_text(encoding="utf-8"))
        needs = sum(len(p["required_caregivers"]) for p in raw["patients"])
        assert len(problem.tasks) == needs, path.name
        assert len(problem.workers) == len(raw["caregivers"]), path.name
        assert np.array_equal(problem.travel["drive"].minutes, np.array(raw["distances"])), (
            path.name
        )


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(paths(toy())), st.sampled_from(JUNK))
def test_any_junk_anywhere_is_a_problem_error_never_a_crash(
    path: tuple[Any, ...], junk: Any
) -> None:
    # Either the junk happens to be acceptable, or it is refused naming an item; nothing else.
    with contextlib.suppress(ProblemError):
        hhcrsp_problem(replaced(toy(), path, junk))
