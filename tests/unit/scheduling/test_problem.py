"""The problem model: items validate themselves and a Problem checks that they fit together."""

from __future__ import annotations

import ast
import math
import pickle
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import careweave.scheduling
from careweave.scheduling import (
    BreakRule,
    Link,
    Mode,
    Person,
    Problem,
    ProblemError,
    Shift,
    Task,
    TravelMatrix,
    Weights,
    Worker,
)

MATRIX = [[0, 10, 20], [10, 0, 15], [20, 15, 0]]


def worker(ident: str = "w1", **changes: Any) -> Worker:
    base = Worker(ident, skills=frozenset({"care"}), shifts=(Shift(0, 480, 1020),))
    return replace(base, **changes)


def task(ident: str = "t1", **changes: Any) -> Task:
    base = Task(ident, "ann", 1, 0, 540, 600, 30, 30, skills=frozenset({"care"}))
    return replace(base, **changes)


def problem(**changes: Any) -> Problem:
    fields: dict[str, Any] = {
        "workers": (worker("w1"), worker("w2")),
        "tasks": (task("t1"), task("t2", location=2)),
        "travel": {"drive": TravelMatrix(np.array(MATRIX))},
        "people": (Person("ann"),),
        "skills": frozenset({"care", "hoist"}),
    }
    fields.update(changes)
    return Problem(**fields)


def test_a_small_problem_indexes_its_items() -> None:
    built = problem(links=(Link("t1", "t2", -5, 5),))
    assert built.task("t2").location == 2
    assert built.worker_position("w2") == 1
    assert built.eligible(built.task_position("t1")) == (0, 1)
    assert built.can_do("w1", "t1")
    assert not built.can_do("nobody", "t1")
    assert built.links_of("t2") == (Link("t1", "t2", -5, 5),)
    assert built.num_locations == 3
    assert built.days == (0,)
    assert built.travel_for(built.worker("w1")).distances[0, 2] == 20


def test_a_split_shift_is_several_shifts_a_day_kept_in_time_order() -> None:
    evening, morning, next_day = Shift(0, 1020, 1320), Shift(0, 420, 660), Shift(1, 420, 900)
    split = worker(shifts=(evening, next_day, morning))
    assert split.shifts == (morning, evening, next_day)
    assert split.shifts_on(0) == (morning, evening)
    assert split.shifts_on(1) == (next_day,)
    assert split.shifts_on(2) == ()
    # Stops go with the shift they start in; one in the gap with the earlier half.
    assert [split.shift_index(0, m) for m in (400, 420, 540, 780, 1020, 1300)] == [0, 0, 0, 0, 1, 1]
    assert split.shift_index(2, 600) == 0
    # Shifts that touch do not overlap.
    assert worker(shifts=(Shift(0, 660, 900), morning)).shifts_on(0)[1].start == 660
    # Eligibility is a shift that day: whether one can hold a visit at its time is for the
    # solver and the checker, so a 13:00 visit still lists the split-shift worker.
    lunch = problem(workers=(split,), tasks=(task(earliest=780, latest=810),))
    assert lunch.eligible(0) == (0,)


def test_matrices_are_read_only_copies() -> None:
    source = np.array(MATRIX, dtype=float)
    matrix = TravelMatrix(source)
    source[0, 1] = 99
    assert matrix.minutes[0, 1] == 10
    with pytest.raises(ValueError, match="read-only"):
        matrix.minutes[0, 1] = 5


def test_eligibility_honours_skills_shifts_exclusions_and_pins() -> None:
    built = problem(
        workers=(
            worker("w1"),
            worker("w2", skills=frozenset({"care", "hoist"})),
            worker("w3", shifts=(Shift(1, 480, 1020),)),
        ),
        tasks=(
            task("t1", excluded=frozenset({"w1"})),
            task("t2", skills=frozenset({"care", "hoist"})),
            task("t3", pinned="w1"),
        ),
    )
    names = [[built.workers[w].id for w in built.eligible(i)] for i in range(3)]
    assert names == [["w2"], ["w2"], ["w1"]]


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (
            lambda: task(earliest=200, latest=100),
            "visit t1: window ends (100) before it starts (200)",
        ),
        (lambda: task(duration_min=-1), "visit t1: duration must be at least 0, not -1"),
        (lambda: task(duration_max=10), "visit t1: maximum duration is shorter"),
        (lambda: task(priority=5), "visit t1: priority must be 1, 2, 3 or 4"),
        (lambda: task(earliest=math.nan), "visit t1: window start must be a number"),
        (
            lambda: task(preferred=frozenset({"w1"}), excluded=frozenset({"w1"})),
            "visit t1: worker(s) w1 both preferred and excluded",
        ),
        (lambda: task(location=-1), "visit t1: location must be a location index"),
        (lambda: Shift(0, 600, 500), "shift on day 0: ends (500) before it starts (600)"),
        (
            lambda: worker(shifts=(Shift(0, 1, 5), Shift(0, 3, 8))),
            "worker w1: has overlapping shifts on day 0: 1-5 and 3-8",
        ),
        (lambda: worker(cost_per_hour=-3), "worker w1: cost_per_hour must be at least 0"),
        (lambda: Link("a", "a"), "link a -> a: links a visit to itself"),
        (lambda: Link("a", "b", 10, 5), "link a -> b: max_gap (5) is below min_gap (10)"),
        (lambda: Person("ann", continuity_target=0), "person ann: continuity target must be"),
        (lambda: Person("ann", history={"w1": -1}), "person ann: history count for w1"),
        (lambda: BreakRule(length=0), "break rule: length must be at least"),
        (lambda: Weights(travel=-1), "weights: travel must not be negative"),
        (lambda: Weights(unassigned=(1.0, 2.0)), "weights: unassigned needs one weight"),  # type: ignore[arg-type]
        (
            lambda: TravelMatrix(np.ones((2, 3))),
            "travel mode drive: travel time matrix must be square",
        ),
        (
            lambda: TravelMatrix(np.array([[0, math.nan], [1, 0]])),
            "travel mode drive: travel time matrix holds a missing",
        ),
        (
            lambda: TravelMatrix(np.array([[0, -1], [1, 0]])),
            "travel mode drive: travel time matrix has a negative entry at [0][1]",
        ),
        (
            lambda: TravelMatrix(np.eye(2), distance=np.eye(3)),
            "travel mode drive: distance and travel time",
        ),
    ],
)
def test_items_reject_bad_values_naming_the_item(build: Any, expected: str) -> None:
    with pytest.raises(ProblemError) as caught:
        build()
    assert str(caught.value).startswith(expected)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"tasks": (task("t1"), task("t1"))}, "visit t1: id is used twice"),
        ({"tasks": (task(skills=frozenset({"cooking"})),)}, "visit t1: unknown skill cooking"),
        ({"workers": (worker(skills=frozenset({"x"})),)}, "worker w1: unknown skill x"),
        ({"tasks": (task(location=3),)}, "visit t1: location is not in the travel matrix (size 3)"),
        ({"tasks": (task(person="bob"),)}, "visit t1: person bob is not in the problem"),
        (
            {"tasks": (task(duration_max=45),)},
            "visit t1: time and task visits need a fixed duration",
        ),
        ({"tasks": (task(pinned="w9"),)}, "visit t1: pinned worker w9 is not in the problem"),
        (
            {"tasks": (task(pinned="w1", skills=frozenset({"care", "hoist"})),)},
            "visit t1: pinned worker w1 lacks skill hoist",
        ),
        (
            {"tasks": (task(pinned="w1", day=2),)},
            "visit t1: pinned worker w1 has no shift on day 2",
        ),
        (
            {"tasks": (task(priority=4, skills=frozenset({"hoist"})),)},
            "visit t1: must be done but no worker can do it (needs hoist on day 0)",
        ),
        ({"links": (Link("t1", "t9"),)}, "link t1 -> t9: visit t9 is not in the problem"),
        (
            {
                "workers": (worker("w1"),),
                "tasks": (task("t1", mandatory=True), task("t2")),
                "links": (Link("t1", "t2"),),
            },
            "link t1 -> t2: must be done but no two different workers can do this double-handed",
        ),
        (
            {"workers": (worker(travel_mode="walk"),)},
            "worker w1: no travel matrix for travel mode walk",
        ),
        (
            {"workers": (worker(end_location=7),)},
            "worker w1: end_location is not in the travel matrix",
        ),
        ({"travel": {}}, "travel: at least one travel mode"),
        (
            {
                "travel": {
                    "drive": TravelMatrix(np.eye(3)),
                    "walk": TravelMatrix(np.eye(4), mode="walk"),
                }
            },
            "travel: every travel mode must cover the same locations",
        ),
        (
            {"travel": {"walk": TravelMatrix(np.eye(3))}},
            "travel mode walk: needs a TravelMatrix of that mode",
        ),
    ],
)
def test_problems_whose_items_do_not_fit_are_rejected(
    changes: dict[str, Any], expected: str
) -> None:
    with pytest.raises(ProblemError) as caught:
        problem(**changes)
    assert str(caught.value).startswith(expected)


def test_problem_error_is_a_value_error_naming_the_item() -> None:
    error = ProblemError("visit p4/s2", "window ends (100) before it starts (200)")
    assert isinstance(error, ValueError)
    assert error.item == "visit p4/s2"
    assert str(error) == "visit p4/s2: window ends (100) before it starts (200)"


def test_an_optional_double_handed_visit_nobody_can_staff_is_allowed() -> None:
    # Like an optional single visit nobody can do: the solver leaves it out and says why.
    built = problem(workers=(worker("w1"),), links=(Link("t1", "t2"),))
    assert built.eligible(0) == built.eligible(1) == (0,)


def test_outcome_based_visits_may_have_a_duration_range() -> None:
    built = problem(mode=Mode.OUTCOME_BASED, tasks=(task(duration_max=60),))
    assert built.task("t1").duration_max == 60


def test_an_infeasible_but_well_formed_problem_is_allowed() -> None:
    # A normal-priority visit nobody can do is simply left unassigned by the solver.
    built = problem(tasks=(task(skills=frozenset({"hoist"})),))
    assert built.eligible(0) == ()


def test_regulars_and_equality() -> None:
    person = Person("ann", continuity_target=2, history={"w1": 3, "w2": 0})
    assert person.regulars == frozenset({"w1"})
    assert problem() == problem()
    assert problem() != problem(name="other")


def test_scheduling_imports_nothing_else_of_careweave() -> None:
    package = Path(careweave.scheduling.__file__).parent
    offenders = []
    for source in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [
                f"{source.name}: {name}"
                for name in names
                if name.startswith("careweave") and not name.startswith("careweave.scheduling")
            ]
    assert offenders == []


def test_a_problem_survives_pickling_for_another_process() -> None:
    built = problem(people=(Person("ann", 2, {"w1": 4}, 300.0),), links=(Link("t1", "t2", -5, 5),))
    again = pickle.loads(pickle.dumps(built))
    assert again == built
    assert again.eligible(1) == built.eligible(1)
    assert again.person("ann").history == {"w1": 4}
