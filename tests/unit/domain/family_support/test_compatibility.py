"""Compatibility: each factor's value and reason, the weights, and the two sides' totals."""

from __future__ import annotations

import pytest
from tests.family_support_builders import BOLTON, NEAR_WIGAN, WIGAN, a_household, a_referral

from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.compatibility import (
    faith_score,
    help_score,
    interests_score,
    lifestyle_score,
    near_score,
    pets_score,
    routines_score,
    shared_lives_compatibility,
    smoking_score,
)
from careweave.domain.family_support.factors import (
    Compatibility,
    Factor,
    FactorScore,
    Weights,
    distance_value,
)
from careweave.domain.family_support.homeshare import HelpTask, Homesharer, Householder
from careweave.domain.family_support.referrals import Place, PlaceKind, Wishes
from careweave.domain.family_support.vocab import Lifestyle, PetKind, PetWish, Routine, SmokingRule

W = Weights()


def test_lifestyle() -> None:
    assert lifestyle_score(W, Lifestyle.QUIET, Lifestyle.QUIET).value == 1.0
    assert lifestyle_score(W, Lifestyle.QUIET, Lifestyle.LIVELY).value == 0.0
    assert lifestyle_score(W, Lifestyle.QUIET, Lifestyle.NO_PREFERENCE).value == 0.5
    assert lifestyle_score(W, Lifestyle.NO_PREFERENCE, Lifestyle.LIVELY).value == 0.5
    assert lifestyle_score(W, Lifestyle.QUIET, Lifestyle.LIVELY).reason == (
        "wants a quiet home; it is lively"
    )


def test_interests_are_full_at_three_shared() -> None:
    four = {"a", "b", "c", "d"}
    assert interests_score(W, four, {"a", "b", "c"}).value == 1.0
    assert interests_score(W, four, {"a"}).value == pytest.approx(1 / 3)
    assert interests_score(W, {"a"}, {"a"}).value == 1.0
    assert interests_score(W, set(), {"a"}).value == 0.5
    assert interests_score(W, four, {"a", "b"}).reason == "shares 2 of 4 interests: a, b"


def test_routines_that_clash_cost_half_a_routine() -> None:
    early = {Routine.EARLY_RISER, Routine.REGULAR_MEALTIMES}
    assert routines_score(W, early, early).value == 1.0
    clash = routines_score(W, early, {Routine.LATE_RISER, Routine.REGULAR_MEALTIMES})
    assert clash.value == 0.0
    assert clash.reason == "shares regular mealtimes; clash: early riser, late riser"


def test_pets() -> None:
    assert pets_score(W, PetWish.LOVES_PETS, {PetKind.DOG}).value == 1.0
    assert pets_score(W, PetWish.LOVES_PETS, set()).value == 0.2
    assert pets_score(W, PetWish.NO_PREFERENCE, {PetKind.DOG}).value == 0.5


def test_faith_counts_fully_only_when_it_matters() -> None:
    assert faith_score(W, "Catholic", True, "catholic").value == 1.0
    assert faith_score(W, "Catholic", True, "Muslim").value == 0.0
    assert faith_score(W, "Catholic", False, "Muslim").value == 0.5
    assert faith_score(W, "", False, "Muslim").value == 0.5


def test_smoking() -> None:
    assert smoking_score(W, False, SmokingRule.INDOORS).value == 0.2
    assert smoking_score(W, True, SmokingRule.OUTDOORS_ONLY).value == 1.0


def test_near_is_full_within_five_km_and_nothing_beyond_thirty() -> None:
    assert distance_value(5, 5, 30) == 1.0
    assert distance_value(17.5, 5, 30) == 0.5
    assert distance_value(31, 5, 30) == 0.0
    mum = Place("Mum", PlaceKind.FAMILY, NEAR_WIGAN)
    work = Place("Work", PlaceKind.WORK, BOLTON)
    near = near_score(W, [mum, work], WIGAN)
    assert near.value == pytest.approx((1 + (30 - 13.9) / 25) / 2, abs=0.01)
    assert near.reason == "2.7 km from Mum; 13.9 km from Work"


def test_the_total_is_the_weighted_mean_in_points() -> None:
    scores = (
        FactorScore(Factor.LIFESTYLE, 1.0, 3, ""),
        FactorScore(Factor.PETS, 0.0, 1, ""),
        FactorScore(Factor.HELP, 0.5, 2, ""),
    )
    compatibility = Compatibility(scores)
    assert compatibility.points == round(1000 * (3 + 1) / 6)
    assert compatibility.person_points == 750  # lifestyle and pets
    assert compatibility.household_points == round(1000 * 4 / 5)  # lifestyle and help
    assert compatibility.percent == pytest.approx(66.7)
    assert Compatibility((FactorScore(Factor.PETS, 1.0, 0, ""),)).points == 500


def test_weights_are_editable_and_checked() -> None:
    weights = Weights({Factor.PETS: 10, "faith": 0})
    assert weights.of(Factor.PETS) == 10
    assert weights.of(Factor.FAITH) == 0
    assert weights.of(Factor.NEAR) == 7
    with pytest.raises(DomainValidationError) as err:
        Weights({Factor.PETS: 11})
    assert err.value.field == "weights.pets"
    with pytest.raises(DomainValidationError):
        Weights({"colour": 1})


def test_a_weight_of_zero_removes_a_factor_from_the_total() -> None:
    referral = a_referral(wishes=Wishes(lifestyle=Lifestyle.LIVELY))
    household = a_household()
    before = shared_lives_compatibility(referral, household, W).points
    after = shared_lives_compatibility(referral, household, Weights({Factor.LIFESTYLE: 0})).points
    assert after > before


def test_every_factor_has_a_reason() -> None:
    compatibility = shared_lives_compatibility(a_referral(), a_household(), W)
    assert [s.factor for s in compatibility.factors] == [
        Factor.LIFESTYLE,
        Factor.INTERESTS,
        Factor.ROUTINES,
        Factor.LANGUAGE,
        Factor.PETS,
        Factor.FAITH,
        Factor.NEAR,
        Factor.SMOKING,
    ]
    assert all(s.reason and s.title for s in compatibility.factors)


def test_help_in_homeshare_counts_tasks_and_hours() -> None:
    householder = Householder(
        "Joan",
        "s",
        "1 Park Road",
        "WN1 1AA",
        WIGAN,
        frozenset({HelpTask.SHOPPING, HelpTask.GARDENING}),
        hours_wanted=10,
    )
    sharer = Homesharer("Priya", "s", frozenset({HelpTask.SHOPPING}), hours_offered=5)
    score = help_score(W, householder, sharer)
    assert score.value == pytest.approx(0.7 * 0.5 + 0.3 * 0.5)
    assert score.reason == "offers 1 of 2 kinds of help (not gardening); 5 of 10 hours a week"
