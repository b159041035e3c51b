"""Short breaks fitted into calendars: hand-solved cases, and optimality against brute force."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.family_support_builders import (
    TODAY,
    a_household,
    an_approval,
    an_arrangement,
    an_offer,
    changed,
    short_breaks,
)

from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.arrangements import ArrangementStatus
from careweave.domain.family_support.calendar import Stay, Unavailability
from careweave.domain.family_support.factors import Compatibility, Factor, FactorScore, Weights
from careweave.domain.family_support.matching import Assignment, Candidate, Match
from careweave.domain.family_support.occupancy import Occupancy
from careweave.domain.family_support.referrals import Referral, Wishes
from careweave.domain.family_support.rules import Breach
from careweave.domain.family_support.short_breaks import (
    ShortBreakProblem,
    check_short_break_plan,
    short_break_problem,
)
from careweave.domain.family_support.vocab import Lifestyle
from careweave.services.family_support.short_break_planner import plan_short_breaks

D = TODAY + timedelta(days=10)


def stay(first: int, nights: int) -> Stay:
    return Stay(D + timedelta(days=first), D + timedelta(days=first + nights))


ONE_ROOM = a_household(
    "h1",
    offer=an_offer(places=1, rooms=(a_household().offer.rooms[1],)),
    approval=an_approval(max_people=1),
)


def plan(
    referrals: list[Referral], occupancies: list[Occupancy]
) -> tuple[Assignment, Mapping[tuple[str, str], tuple[Breach, ...]]]:
    problem, refused = short_break_problem(referrals, occupancies, Weights(), TODAY)
    assignment, optimal = plan_short_breaks(problem)
    check_short_break_plan(problem, assignment)
    assert optimal
    return assignment, refused


def test_breaks_that_share_no_night_share_the_room() -> None:
    ann = short_breaks("ann", stay(0, 2))
    bo = short_breaks("bo", stay(2, 3))
    assignment, _ = plan([ann, bo], [Occupancy(ONE_ROOM)])
    assert [(m.seeker_id, m.room) for m in assignment.matches] == [
        ("ann", "Attic room"),
        ("bo", "Attic room"),
    ]


def test_when_breaks_clash_the_better_fit_gets_the_room() -> None:
    quiet = short_breaks("ann", stay(0, 3))
    lively = short_breaks("bo", stay(1, 3), wishes=Wishes(lifestyle=Lifestyle.LIVELY))
    assignment, _ = plan([quiet, lively], [Occupancy(ONE_ROOM)])
    assert [m.seeker_id for m in assignment.matches] == ["ann"]


def test_a_booked_break_and_an_away_week_keep_their_nights() -> None:
    booked = an_arrangement(
        short_breaks("x", stay(0, 2)), ONE_ROOM, status=ArrangementStatus.AGREED
    )
    away = changed(
        ONE_ROOM, unavailable=(Unavailability(D + timedelta(days=5), D + timedelta(days=6)),)
    )
    _, refused = plan([short_breaks("ann", stay(1, 1))], [Occupancy(ONE_ROOM, (booked,))])
    assert {b.rule.value for b in refused[("ann", "h1")]} == {"capacity"}
    _, refused = plan([short_breaks("bo", stay(6, 2))], [Occupancy(away)])
    assert [b.rule.value for b in refused[("bo", "h1")]] == ["dates"]


def test_the_check_refuses_a_room_booked_twice_on_a_night() -> None:
    problem, _ = short_break_problem(
        [short_breaks("ann", stay(0, 2)), short_breaks("bo", stay(1, 2))],
        [Occupancy(a_household())],
        Weights(),
        TODAY,
    )
    twice = Assignment(tuple(Match(s, "h1", "Attic room", 1) for s in ("ann", "bo")))
    with pytest.raises(DomainValidationError) as err:
        check_short_break_plan(problem, twice)
    assert err.value.field == "match.room"


@st.composite
def problems(draw: st.DrawFn) -> ShortBreakProblem:
    seekers = [f"s{i}" for i in range(draw(st.integers(1, 5)))]
    hosts = [f"h{i}" for i in range(draw(st.integers(1, 2)))]
    nights = {}
    for seeker in seekers:
        first = draw(st.integers(0, 4))
        nights[seeker] = frozenset(
            D + timedelta(days=first + n) for n in range(draw(st.integers(1, 3)))
        )
    all_nights = frozenset().union(*nights.values())
    free = {(h, n): draw(st.integers(0, 2)) for h in hosts for n in all_nights}
    candidates = tuple(
        Candidate(
            s,
            h,
            Compatibility((FactorScore(Factor.PETS, draw(st.integers(1, 10)) / 10, 1, ""),)),
            tuple(r for r in ("a", "b") if draw(st.booleans())) or ("a",),
        )
        for s in seekers
        for h in hosts
        if draw(st.booleans())
    )
    return ShortBreakProblem(nights, candidates, free)


def brute_force(problem: ShortBreakProblem) -> int:
    options = {
        s: [None] + [(c, r) for c in problem.candidates if c.seeker_id == s for r in c.rooms]
        for s in problem.seekers
    }
    best = 0
    for choice in itertools.product(*options.values()):
        matches = tuple(
            Match(c.seeker_id, c.host_id, r, c.points) for item in choice if item for c, r in [item]
        )
        try:
            check_short_break_plan(problem, Assignment(matches))
        except DomainValidationError:
            continue
        best = max(best, sum(m.points for m in matches))
    return best


@settings(max_examples=80, deadline=None)
@given(problems())
def test_the_plan_is_feasible_and_optimal_against_brute_force(problem: ShortBreakProblem) -> None:
    assignment, optimal = plan_short_breaks(problem)
    assert optimal
    check_short_break_plan(problem, assignment)
    assert assignment.total == brute_force(problem)
