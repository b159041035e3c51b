"""blend_days(): take the other repair's routes where they change less for their price."""

from __future__ import annotations

from dataclasses import replace

from tests.unit.scheduling.roster_cases import problem, task, worker

from careweave.scheduling import Shift, check
from careweave.scheduling.blend import ChangePrices, blend_days, priced
from careweave.scheduling.solution import Roster, Route, Stop

TWO_DAYS = (Shift(0, 480, 1200), Shift(1, 480, 1200))
TEAM = (worker("w1", shifts=TWO_DAYS), worker("w2", shifts=TWO_DAYS))
VISITS = (
    task("a", 1, 540, width=240),
    task("b", 2, 540, width=240),
    task("u", 3, 540, width=240),
    task("c", 4, 540, width=240),
    task("d", 5, 540, width=240),
    task("e", 1, 540, width=240, day=1),
    task("f", 3, 540, width=240, day=1),
)
PRICES = ChangePrices(moved=50, shifted=10)
PUBLISHED = Roster(
    (
        Route("w1", 0, (Stop("a", 540), Stop("b", 600))),
        Route("w2", 0, (Stop("c", 540), Stop("d", 600))),
        Route("w1", 1, (Stop("e", 540), Stop("f", 600))),
    ),
    ("u",),
)
# The published routes with u fitted in where it first went: at the end of w1's day.
FITTED = Roster(
    (
        Route("w1", 0, (Stop("a", 540), Stop("b", 600), Stop("u", 640))),
        *PUBLISHED.routes[1:],
    )
)
# The search put u between a and b, and also turned w2's day 0 and w1's day 1 round: the same
# travel (the line is symmetric), but every one of those visits now starts at another time.
SEARCHED = Roster(
    (
        Route("w1", 0, (Stop("a", 540), Stop("u", 590), Stop("b", 630))),
        Route("w2", 0, (Stop("d", 540), Stop("c", 580))),
        Route("w1", 1, (Stop("f", 540), Stop("e", 590))),
    )
)


def test_untouched_days_and_routes_go_back_to_the_published_ones() -> None:
    prob = problem(TEAM, VISITS)
    for roster in (PUBLISHED, FITTED, SEARCHED):
        assert check(prob, roster).feasible
    base = priced(prob, PUBLISHED, SEARCHED, PRICES)
    blended = blend_days(prob, PUBLISHED, base, FITTED, PRICES)
    routes = {(r.worker_id, r.day): r.stops for r in blended.roster.routes}
    # w1's day 0 holds u in both, so FITTED's (u at the end, no start moved) is taken too.
    assert routes == {(r.worker_id, r.day): r.stops for r in FITTED.routes}
    assert [c.task_id for c in blended.changes] == ["u"]
    assert blended.price < base.price
    assert check(prob, blended.roster).feasible


def test_a_route_group_with_other_visits_is_left_and_the_rest_is_blended() -> None:
    prob = problem(TEAM, VISITS)
    # Here the other candidate left u out: w1's day 0 differs in its visits and stays searched.
    left_out = Roster(PUBLISHED.routes, ("u",))
    base = priced(prob, PUBLISHED, SEARCHED, PRICES)
    blended = blend_days(prob, PUBLISHED, base, left_out, PRICES)
    routes = {(r.worker_id, r.day): r.stops for r in blended.roster.routes}
    assert routes[("w1", 0)] == SEARCHED.routes[0].stops
    assert routes[("w2", 0)] == PUBLISHED.routes[1].stops
    assert routes[("w1", 1)] == PUBLISHED.routes[2].stops
    assert blended.roster.unassigned == ()


def test_a_blend_that_would_break_a_rule_is_refused() -> None:
    prob = problem(TEAM, VISITS)
    # In this other roster w2's day 0 skips the travel between c and d.
    broken = Roster(
        (PUBLISHED.routes[0], Route("w2", 0, (Stop("c", 540), Stop("d", 575))), PUBLISHED.routes[2])
    )
    assert not check(prob, broken).feasible
    base = priced(prob, PUBLISHED, SEARCHED, PRICES)
    blended = blend_days(prob, PUBLISHED, base, replace(broken, unassigned=("u",)), PRICES)
    routes = {(r.worker_id, r.day): r.stops for r in blended.roster.routes}
    assert routes[("w2", 0)] == SEARCHED.routes[1].stops
    assert check(prob, blended.roster).feasible
