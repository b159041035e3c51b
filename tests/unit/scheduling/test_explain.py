"""explain(): reasons for each assignment, each late visit and each visit left out."""

from __future__ import annotations

from tests.unit.scheduling.roster_cases import problem, task, worker

from careweave.scheduling import Person, Shift
from careweave.scheduling.explain import explain
from careweave.scheduling.solution import Roster, Route, Stop


def test_each_assignment_says_skills_continuity_availability_and_travel() -> None:
    prob = problem(
        (worker("ann", "care", "hoist"), worker("bob")),
        (task("v", 2, 600, skills=frozenset({"care", "hoist"})),),
        people=(Person("p2", history={"ann": 5}),),
    )
    found = explain(prob, Roster((Route("ann", 0, (Stop("v", 600.0),)),)))
    (only,) = found.assignments
    assert (only.task_id, only.worker_id) == ("v", "ann")
    text = " | ".join(only.reasons)
    assert "skills it needs (care, hoist)" in text
    assert "knows p2: 5 earlier visit(s)" in text
    assert "0 other worker(s)" in text
    assert "comes from base, 20 min away" in text


def test_a_late_visit_names_the_journey_that_made_it_late() -> None:
    # "far" at home 5 ends at 530; "near" at home 1 closes at 540 but is 40 minutes away.
    prob = problem((worker("w1"),), (task("far", 5, 480, width=0), task("near", 1, 480, width=60)))
    roster = Roster((Route("w1", 0, (Stop("far", 480.0), Stop("near", 550.0))),))
    found = explain(prob, roster)
    assert found.late == {"near": "the worker cannot get there before 550 (coming from visit far)"}


def test_a_visit_left_out_says_what_blocked_it() -> None:
    prob = problem((worker("w1", shifts=(Shift(0, 480, 600),)),), (task("v", 1, 700),))
    found = explain(prob, Roster((), ("v",)))
    assert "no eligible worker is available" in found.unassigned["v"]
