"""repair(): a worker off sick, an urgent visit, a cancellation, each with the fewest changes."""

from __future__ import annotations

from tests.unit.scheduling.roster_cases import problem, task, worker

from careweave.scheduling import Link
from careweave.scheduling.checker import check
from careweave.scheduling.repair import Cancellation, UrgentVisit, WorkerOff, repair
from careweave.scheduling.solution import Roster, Route, Stop
from careweave.scheduling.stop import MaxIterations

# w1 and w2 both start at the office; four visits along the line.
TEAM = (worker("w1"), worker("w2"))
VISITS = (task("a", 1, 540), task("b", 2, 660), task("c", 3, 540), task("d", 4, 660))
PUBLISHED = Roster(
    (
        Route("w1", 0, (Stop("a", 540.0), Stop("b", 660.0))),
        Route("w2", 0, (Stop("c", 540.0), Stop("d", 660.0))),
    )
)


def assigned(roster: Roster) -> dict[str, tuple[str, float]]:
    return {stop.task_id: (route.worker_id, stop.start) for route, stop in roster.stops()}


def test_a_worker_off_from_ten_keeps_the_morning_and_hands_on_the_rest() -> None:
    prob = problem(TEAM, VISITS)
    assert check(prob, PUBLISHED).feasible
    result = repair(prob, PUBLISHED, WorkerOff("w1", 0, 600.0), MaxIterations(300))
    assert result.feasible
    assert check(result.problem, result.roster).feasible
    now = assigned(result.roster)
    assert now["a"] == ("w1", 540.0)
    assert now["b"][0] == "w2"
    assert now["c"] == ("w2", 540.0)
    assert [c.task_id for c in result.changes if c.new_worker != c.old_worker] == ["b"]
    assert result.moved == 1


def test_an_urgent_visit_is_fitted_without_moving_anyone_else() -> None:
    prob = problem(TEAM, VISITS)
    urgent = task("insulin", 1, 600, width=15, priority=4)
    result = repair(prob, PUBLISHED, UrgentVisit(urgent), MaxIterations(300))
    assert result.feasible
    assert check(result.problem, result.roster).feasible
    assert "insulin" in assigned(result.roster)
    assert result.moved == 0
    assert {c.task_id for c in result.changes} == {"insulin"}


def test_cancelling_one_half_cancels_the_double_handed_visit_and_nothing_else_moves() -> None:
    visits = (*VISITS, task("lift-a", 5, 780), task("lift-b", 5, 780))
    prob = problem(TEAM, visits, links=(Link("lift-a", "lift-b"),))
    published = Roster(
        (
            Route("w1", 0, (Stop("a", 540.0), Stop("b", 660.0), Stop("lift-a", 780.0))),
            Route("w2", 0, (Stop("c", 540.0), Stop("d", 660.0), Stop("lift-b", 780.0))),
        )
    )
    assert check(prob, published).feasible
    result = repair(prob, published, Cancellation("lift-b"), MaxIterations(300))
    assert result.feasible
    assert not result.problem.has_task("lift-a")
    assert assigned(result.roster) == assigned(PUBLISHED)
    assert {c.task_id for c in result.changes} == {"lift-a", "lift-b"}
