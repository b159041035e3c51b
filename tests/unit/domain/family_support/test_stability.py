"""The matching problem and the stability check on small cases solved by hand."""

from __future__ import annotations

import pytest
from tests.family_support_builders import (
    TODAY,
    a_household,
    a_referral,
    an_arrangement,
    short_breaks,
)

from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.arrangements import ArrangementStatus
from careweave.domain.family_support.factors import Compatibility, Factor, FactorScore, Weights
from careweave.domain.family_support.matching import (
    Assignment,
    Candidate,
    Host,
    Match,
    MatchProblem,
    check_assignment,
    shared_lives_problem,
    shortlist,
)
from careweave.domain.family_support.occupancy import Occupancy
from careweave.domain.family_support.stability import blocking_pairs
from careweave.domain.family_support.vocab import AccessFeature, ArrangementType, Skill


def fit(person: float, household: float) -> Compatibility:
    """A compatibility whose person side is ``person`` and household side ``household``."""
    return Compatibility(
        (FactorScore(Factor.PETS, person, 1, ""), FactorScore(Factor.HELP, household, 1, ""))
    )


def pair(
    seeker: str, host: str, person: float, household: float, rooms: tuple[str, ...] = ("r",)
) -> Candidate:
    return Candidate(seeker, host, fit(person, household), rooms)


def match(problem: MatchProblem, seeker: str, host: str, room: str | None = "r") -> Match:
    candidate = problem.candidate(seeker, host)
    assert candidate is not None
    return Match(seeker, host, room, candidate.points)


# Two people, two one-room households. Ann and Bo both prefer H1; H1 prefers Bo.
TWO_BY_TWO = MatchProblem(
    ("ann", "bo"),
    (Host("h1", 1, ("r",)), Host("h2", 1, ("r",))),
    (
        pair("ann", "h1", 0.9, 0.2),
        pair("ann", "h2", 0.5, 0.9),
        pair("bo", "h1", 0.8, 0.9),
        pair("bo", "h2", 0.1, 0.1),
    ),
)


def test_the_stable_match_has_no_blocking_pair() -> None:
    stable = Assignment((match(TWO_BY_TWO, "ann", "h2"), match(TWO_BY_TWO, "bo", "h1")))
    check_assignment(TWO_BY_TWO, stable)
    assert blocking_pairs(TWO_BY_TWO, stable) == ()


def test_a_pair_who_both_prefer_each_other_blocks() -> None:
    unstable = Assignment((match(TWO_BY_TWO, "ann", "h1"), match(TWO_BY_TWO, "bo", "h2")))
    blocking = blocking_pairs(TWO_BY_TWO, unstable)
    assert [(b.seeker_id, b.host_id, b.displaces) for b in blocking] == [("bo", "h1", "ann")]
    assert "both prefer" in blocking[0].reason


def test_someone_waiting_blocks_with_a_household_that_has_a_free_room() -> None:
    waiting = Assignment((match(TWO_BY_TWO, "bo", "h1"),))
    blocking = blocking_pairs(TWO_BY_TWO, waiting)
    assert [(b.seeker_id, b.host_id, b.displaces) for b in blocking] == [("ann", "h2", None)]


def test_a_free_place_without_a_room_that_fits_does_not_block() -> None:
    problem = MatchProblem(
        ("ann", "bo"),
        (Host("h1", 2, ("blue", "attic")),),
        (pair("ann", "h1", 0.5, 0.5, ("blue",)), pair("bo", "h1", 0.5, 0.9, ("blue", "attic"))),
    )
    bo_in_blue = Assignment((match(problem, "bo", "h1", "blue"),))
    check_assignment(problem, bo_in_blue)
    # H1 prefers Bo, and Ann fits only the blue room: she waits, but that is stable.
    assert blocking_pairs(problem, bo_in_blue) == ()


def test_check_assignment_refuses_what_breaks_places_rooms_or_rules() -> None:
    problem = MatchProblem(
        ("ann", "bo"),
        (Host("h1", 1, ("blue", "attic")),),
        (pair("ann", "h1", 0.5, 0.5, ("blue",)), pair("bo", "h1", 0.5, 0.5, ("attic",))),
    )
    with pytest.raises(DomainValidationError, match="more people than places"):
        check_assignment(
            problem,
            Assignment((match(problem, "ann", "h1", "blue"), match(problem, "bo", "h1", "attic"))),
        )
    with pytest.raises(DomainValidationError, match="does not fit"):
        check_assignment(problem, Assignment((match(problem, "ann", "h1", "attic"),)))
    with pytest.raises(DomainValidationError, match="not allowed"):
        check_assignment(problem, Assignment((Match("ann", "h2", "blue", 1),)))


def test_the_problem_of_a_scheme_says_why_nobody_fits_someone() -> None:
    households = [a_household("h1"), a_household("h2", training=a_household().training[:2])]
    epilepsy = a_referral("r1", skills_needed={Skill.EPILEPSY})
    shower = a_referral("r2", access_needs={AccessFeature.LEVEL_ACCESS_SHOWER})
    hoist = a_referral("r3", access_needs={AccessFeature.CEILING_HOIST})
    taken = an_arrangement(
        a_referral("x"), households[0], room="Blue room", status=ArrangementStatus.ACTIVE
    )
    occupancies = [Occupancy(households[0], (taken,)), Occupancy(households[1])]
    problem, refused = shared_lives_problem(
        [epilepsy, shower, hoist, short_breaks()], occupancies, Weights(), TODAY
    )
    assert problem.seekers == ("r1", "r2", "r3")  # short breaks are fitted into calendars instead
    assert problem.host("h1") == Host("h1", 1, ("Attic room",), 1)
    assert {(c.seeker_id, c.host_id, c.rooms) for c in problem.candidates} == {
        ("r1", "h1", ("Attic room",)),
        ("r2", "h2", ("Blue room",)),
    }
    # Only for someone no household fits are the broken rules kept, household by household.
    assert set(refused) == {("r3", "h1"), ("r3", "h2")}
    assert [b.rule.value for b in refused[("r3", "h2")]] == ["accessibility"]


def test_day_support_uses_day_places_not_rooms() -> None:
    day = a_referral("d", arrangement_type=ArrangementType.DAY_SUPPORT)
    problem, _ = shared_lives_problem([day], [Occupancy(a_household())], Weights(), TODAY)
    (candidate,) = problem.candidates
    assert not candidate.overnight
    check_assignment(problem, Assignment((Match("d", "h1", None, candidate.points),)))


def test_the_shortlist_is_the_best_few_best_first() -> None:
    # By the whole compatibility, both sides' views: Ann likes H1 more, but H1 likes her little.
    assert [c.host_id for c in shortlist(TWO_BY_TWO.candidates, "ann", 5)] == ["h2", "h1"]
    assert [c.host_id for c in shortlist(TWO_BY_TWO.candidates, "bo", 1)] == ["h1"]
