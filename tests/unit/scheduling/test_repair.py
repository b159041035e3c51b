"""repair(): a worker off sick, an urgent visit, a cancellation, each with the fewest changes."""

from __future__ import annotations

from dataclasses import replace

from tests.unit.scheduling.roster_cases import problem, task, worker

from careweave.scheduling import Link, Mode, Person
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


# Wide windows: each visit could start from 09:00, but the published roster spaces them out.
WIDE = (
    task("a", 1, 540, width=240),
    task("b", 2, 540, width=240),
    task("c", 3, 540, width=240),
    task("d", 4, 540, width=240),
)
SPACED = Roster(
    (
        Route("w1", 0, (Stop("a", 540.0), Stop("b", 630.0))),
        Route("w2", 0, (Stop("c", 560.0), Stop("d", 660.0))),
    )
)


def test_after_a_cancellation_the_other_visits_keep_their_published_starts() -> None:
    prob = problem(TEAM, WIDE)
    assert check(prob, SPACED).feasible
    # Without a, b could start at 09:20; it stays at 10:30 as published.
    result = repair(prob, SPACED, Cancellation("a"), MaxIterations(300))
    assert result.feasible
    assert check(result.problem, result.roster).feasible
    assert assigned(result.roster) == {k: v for k, v in assigned(SPACED).items() if k != "a"}
    assert [(c.task_id, c.old_worker, c.new_worker) for c in result.changes] == [("a", "w1", None)]
    assert result.shifted == 0
    assert result.cost == check(result.problem, result.roster).figures.weighted_total


def test_a_start_that_must_move_is_counted_as_a_shifted_start() -> None:
    visits = (task("a", 1, 540, width=240), task("b", 2, 540, width=240))
    prob = problem((worker("w1"),), visits, people=(Person("p3"),))
    published = Roster((Route("w1", 0, (Stop("a", 540.0), Stop("b", 600.0))),))
    # An urgent visit at b's home from 09:40 to 10:10 fits only between them: b now starts 10:10.
    urgent = task("urgent", 2, 580, width=0, priority=4, person="p3")
    result = repair(prob, published, UrgentVisit(urgent), MaxIterations(300))
    assert result.feasible
    now = assigned(result.roster)
    assert now["a"] == ("w1", 540.0)
    assert now["urgent"] == ("w1", 580.0)
    assert now["b"] == ("w1", 610.0)
    shifted = [c for c in result.changes if c.task_id == "b"]
    assert [(c.old_start, c.new_start) for c in shifted] == [(600.0, 610.0)]
    assert result.shifted == 1
    assert result.moved == 0


def test_in_outcome_based_care_published_durations_are_kept_too() -> None:
    flexible = tuple(replace(t, duration_max=60) for t in WIDE)
    prob = replace(problem(TEAM, WIDE), tasks=flexible, mode=Mode.OUTCOME_BASED)
    published = Roster(
        (
            Route("w1", 0, (Stop("a", 540.0, 50.0), Stop("b", 630.0, 30.0))),
            Route("w2", 0, (Stop("c", 560.0, 60.0), Stop("d", 660.0, 30.0))),
        )
    )
    assert check(prob, published).feasible
    result = repair(prob, published, Cancellation("c"), MaxIterations(300))
    assert result.feasible
    kept = {s.task_id: (r.worker_id, s.start, s.duration) for r, s in result.roster.stops()}
    assert kept == {"a": ("w1", 540.0, 50.0), "b": ("w1", 630.0, 30.0), "d": ("w2", 660.0, 30.0)}
    assert [c.task_id for c in result.changes] == ["c"]
