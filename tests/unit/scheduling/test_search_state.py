"""Start-time propagation, cycle detection and transactions of the search state."""

from __future__ import annotations

from itertools import pairwise

from tests.unit.scheduling.roster_cases import problem, task, worker

from careweave.scheduling import BreakRule, Link, Shift
from careweave.scheduling.search.compile import compile_problem
from careweave.scheduling.search.constants import INFEASIBLE
from careweave.scheduling.search.state import State


def placed(prob, lanes: list[list[int]]) -> State:
    state = State(compile_problem(prob))
    state.begin()
    for lane, seq in enumerate(lanes):
        for pos, t in enumerate(seq):
            state.insert(t, lane, pos)
    state.evaluate()
    state.commit()
    return state


def test_simultaneous_halves_start_when_the_later_worker_arrives() -> None:
    # w1 lives at the office (0), w2 three stops away: both reach home 2 at different times.
    prob = problem(
        (
            worker("w1", shifts=(Shift(0, 480, 1200),)),
            worker("w2", start_location=5, end_location=5),
        ),
        (task("a", 2, 480), task("b", 2, 480)),
        links=(Link("a", "b"),),
    )
    state = placed(prob, [[0], [1]])
    # w1 arrives at 480 + 20 = 500, w2 at 480 + 30 = 510: both start at 510.
    assert state.start[0] == state.start[1] == 510.0


def test_precedence_gap_delays_the_second_visit() -> None:
    prob = problem(
        (worker("w1"), worker("w2")),
        (task("pill1", 1, 480, width=300), task("pill2", 1, 480, width=300)),
        links=(Link("pill1", "pill2", 120, 180, distinct_workers=False),),
    )
    state = placed(prob, [[0, 1], []])
    assert state.start[1] - state.start[0] == 120.0


def test_crossed_synchronised_pairs_are_refused() -> None:
    # w1 does a then c, w2 does d then b, with a = b and c = d: a < c = d < b = a is impossible.
    prob = problem(
        (worker("w1"), worker("w2")),
        tuple(task(n, i + 1, 480) for i, n in enumerate("abcd")),
        links=(Link("a", "b"), Link("c", "d")),
    )
    state = State(compile_problem(prob))
    state.begin()
    for t, lane, pos in ((0, 0, 0), (2, 0, 1), (3, 1, 0), (1, 1, 1)):
        state.insert(t, lane, pos)
    assert state.evaluate() == INFEASIBLE


def test_rollback_restores_routes_times_and_cost() -> None:
    prob = problem((worker("w1"), worker("w2")), (task("a", 1, 500), task("b", 3, 520)))
    state = placed(prob, [[0, 1], []])
    before = (state.cost(), list(state.start), [list(r) for r in state.routes])
    state.begin()
    state.remove(1)
    state.insert(1, 1, 0)
    assert state.evaluate() != before[0]
    state.rollback()
    assert (state.cost(), list(state.start), [list(r) for r in state.routes]) == before


def test_a_long_day_gets_a_break_before_it_would_run_past_six_hours() -> None:
    rule = BreakRule(after=360, length=20)
    visits = tuple(task(f"v{i}", 1, 480, width=900) for i in range(12))
    prob = problem((worker("w1", break_rule=rule),), visits)
    state = placed(prob, [list(range(12))])
    starts = sorted(state.start)
    gaps = [b - (a + 30) for a, b in pairwise(starts)]
    assert max(gaps) >= 20
    assert state.hard_units() == 0
