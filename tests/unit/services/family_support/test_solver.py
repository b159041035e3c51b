"""The whole-list matcher: small cases solved by hand, and properties against brute force and
against the hard rules (Hypothesis)."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.family_support_builders import (
    ATTIC,
    BLUE_ROOM,
    TODAY,
    WIGAN,
    a_household,
    a_referral,
    an_approval,
    an_offer,
    training,
)
from tests.unit.services.family_support.matching_strategies import brute_force_best, small_problems

from careweave.domain.family_support.factors import Compatibility, Factor, FactorScore, Weights
from careweave.domain.family_support.homeshare import HelpTask, Homesharer, Householder
from careweave.domain.family_support.households import CarerHousehold, DbsCheck, Reference
from careweave.domain.family_support.matching import (
    Candidate,
    Host,
    MatchProblem,
    check_assignment,
    homeshare_problem,
    shared_lives_problem,
)
from careweave.domain.family_support.occupancy import Occupancy
from careweave.domain.family_support.referrals import Limits, Referral, Wishes
from careweave.domain.family_support.rules import breaches
from careweave.domain.family_support.stability import blocking_pairs
from careweave.domain.family_support.vocab import (
    AccessFeature,
    ArrangementType,
    Lifestyle,
    PetKind,
    PetWish,
    Skill,
    SupportGroup,
)
from careweave.services.family_support.solver import solve_whole_list


def fit(points: float) -> Compatibility:
    return Compatibility((FactorScore(Factor.PETS, points, 1, ""),))


def test_the_best_total_is_not_everyone_s_first_choice() -> None:
    # Ann and Bo both like H1 best, but Ann fits H2 nearly as well and Bo fits nowhere else:
    # the best total puts Bo in H1 and Ann in H2.
    problem = MatchProblem(
        ("ann", "bo"),
        (Host("h1", 1, ("r",)), Host("h2", 1, ("r",))),
        (
            Candidate("ann", "h1", fit(0.9), ("r",)),
            Candidate("ann", "h2", fit(0.8), ("r",)),
            Candidate("bo", "h1", fit(0.6), ("r",)),
        ),
    )
    assignment = solve_whole_list(problem)
    assert [(m.seeker_id, m.host_id) for m in assignment.matches] == [("ann", "h2"), ("bo", "h1")]
    assert assignment.total == 1400


def test_a_household_s_places_can_be_fewer_than_its_rooms() -> None:
    problem = MatchProblem(
        ("ann", "bo"),
        (Host("h1", 1, ("blue", "attic")),),
        (Candidate("ann", "h1", fit(0.5), ("blue",)), Candidate("bo", "h1", fit(0.7), ("attic",))),
    )
    assignment = solve_whole_list(problem)
    assert [(m.seeker_id, m.room) for m in assignment.matches] == [("bo", "attic")]


def test_two_people_who_need_the_one_accessible_room() -> None:
    problem = MatchProblem(
        ("ann", "bo", "cy"),
        (Host("h1", 3, ("blue", "attic")),),
        (
            Candidate("ann", "h1", fit(0.9), ("blue",)),
            Candidate("bo", "h1", fit(0.8), ("blue",)),
            Candidate("cy", "h1", fit(0.1), ("blue", "attic")),
        ),
    )
    assignment = solve_whole_list(problem)
    assert [(m.seeker_id, m.room) for m in assignment.matches] == [("ann", "blue"), ("cy", "attic")]


def test_day_places_are_separate_from_overnight_places() -> None:
    problem = MatchProblem(
        ("ann", "bo"),
        (Host("h1", 1, ("r",), day_places=1),),
        (Candidate("ann", "h1", fit(0.5), ("r",)), Candidate("bo", "h1", fit(0.5))),
    )
    assignment = solve_whole_list(problem)
    assert [(m.seeker_id, m.room) for m in assignment.matches] == [("ann", "r"), ("bo", None)]


def test_nobody_to_match() -> None:
    assert solve_whole_list(MatchProblem((), (), ())).matches == ()
    assert solve_whole_list(MatchProblem(("ann",), (Host("h1", 0, ("r",)),), ())).matches == ()


@settings(max_examples=150, deadline=None)
@given(small_problems())
def test_the_match_is_feasible_and_optimal_against_brute_force(problem: MatchProblem) -> None:
    assignment = solve_whole_list(problem)
    check_assignment(problem, assignment)
    assert assignment.total == brute_force_best(problem)


@settings(max_examples=100, deadline=None)
@given(small_problems())
def test_nobody_waits_while_a_place_and_room_that_fit_them_stand_empty(
    problem: MatchProblem,
) -> None:
    # Leaving someone waiting beside a free place and room that fit them could only add points,
    # so the optimum never does (unless the pair scores nothing at all).
    assignment = solve_whole_list(problem)
    free_blocks = [b for b in blocking_pairs(problem, assignment) if b.displaces is None]
    for b in free_blocks:
        candidate = problem.candidate(b.seeker_id, b.host_id)
        assert candidate is not None
        assert assignment.of(b.seeker_id) is not None or candidate.points == 0


households = st.builds(
    lambda places, pets, groups, epilepsy, shower, kind: a_household(
        f"h{places}{pets}{len(groups)}{epilepsy}{shower}{kind}",
        offer=an_offer(
            places=places,
            pets={PetKind.DOG} if pets else set(),
            arrangement_types={kind, ArrangementType.DAY_SUPPORT},
            rooms=(BLUE_ROOM, ATTIC) if shower else (ATTIC,),
        ),
        approval=an_approval(max_people=2, support_groups=groups),
        training=training(
            Skill.SAFEGUARDING, Skill.FIRST_AID, *([Skill.EPILEPSY] if epilepsy else [])
        ),
    ),
    st.integers(1, 2),
    st.booleans(),
    st.sets(st.sampled_from(SupportGroup), min_size=1, max_size=3),
    st.booleans(),
    st.booleans(),
    st.sampled_from([ArrangementType.LONG_TERM, ArrangementType.DAY_SUPPORT]),
)
referrals = st.builds(
    lambda i, group, epilepsy, shower, no_pets, lively, kind, later: a_referral(
        f"r{i}",
        arrangement_type=kind,
        support_group=group,
        skills_needed={Skill.EPILEPSY} if epilepsy else set(),
        access_needs={AccessFeature.LEVEL_ACCESS_SHOWER} if shower else set(),
        wishes=Wishes(
            pets=PetWish.NO_PETS if no_pets else PetWish.LOVES_PETS,
            lifestyle=Lifestyle.LIVELY if lively else Lifestyle.QUIET,
        ),
        limits=Limits(smoke_free_home=no_pets),
        wanted_from=TODAY + timedelta(days=later),
    ),
    st.integers(0, 10_000),
    st.sampled_from(SupportGroup),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.sampled_from([ArrangementType.LONG_TERM, ArrangementType.DAY_SUPPORT]),
    st.integers(0, 30),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(referrals, min_size=1, max_size=6, unique_by=lambda r: r.id),
    st.lists(households, min_size=1, max_size=4, unique_by=lambda h: h.id),
)
def test_no_match_of_a_real_scheme_breaks_a_hard_rule(
    referral_list: list[Referral], household_list: list[CarerHousehold]
) -> None:
    occupancies = {h.id: Occupancy(h) for h in household_list}
    problem, _ = shared_lives_problem(referral_list, list(occupancies.values()), Weights(), TODAY)
    assignment = solve_whole_list(problem)
    check_assignment(problem, assignment)
    by_id = {r.id: r for r in referral_list}
    for m in assignment.matches:
        assert breaches(by_id[m.seeker_id], occupancies[m.host_id], TODAY) == ()
    assert assignment.total == brute_force_best(problem)


def test_homeshare_pairs_each_householder_with_one_homesharer() -> None:
    def householder(ident: str, wants: set[HelpTask]) -> Householder:
        return Householder(ident, "s", "1 Park Road", "WN1 1AA", WIGAN, frozenset(wants), id=ident)

    def sharer(ident: str, offers: set[HelpTask], **changes: object) -> Homesharer:
        checks = {
            "dbs": DbsCheck(TODAY),
            "references": (Reference("a", TODAY), Reference("b", TODAY)),
        }
        return Homesharer(ident, "s", frozenset(offers), id=ident, **{**checks, **changes})  # type: ignore[arg-type]

    joan = householder("joan", {HelpTask.SHOPPING, HelpTask.GARDENING})
    ted = householder("ted", {HelpTask.COOKING})
    priya = sharer("priya", {HelpTask.SHOPPING, HelpTask.GARDENING})
    sam = sharer("sam", {HelpTask.COOKING, HelpTask.SHOPPING})
    unchecked = sharer("lee", {HelpTask.COOKING}, dbs=None)
    problem = homeshare_problem([joan, ted], [priya, sam, unchecked], Weights(), TODAY)
    assert {c.seeker_id for c in problem.candidates} == {"priya", "sam"}
    assignment = solve_whole_list(problem)
    check_assignment(problem, assignment)
    assert {(m.seeker_id, m.host_id) for m in assignment.matches} == {
        ("priya", "joan"),
        ("sam", "ted"),
    }
