"""How well a person and a household fit, factor by factor, with the reason for each.

The same factor rules serve Shared Lives (a referral and a carer household) and Homeshare (a
householder and a homesharer); each is written once, here.
"""

from __future__ import annotations

from collections.abc import Sequence, Set

from careweave.domain.family_support.factors import (
    NEUTRAL,
    Compatibility,
    Factor,
    FactorScore,
    Weights,
    distance_value,
    overlap_value,
    score,
)
from careweave.domain.family_support.homeshare import Homesharer, Householder
from careweave.domain.family_support.households import CarerHousehold
from careweave.domain.family_support.referrals import Place, Referral
from careweave.domain.family_support.vocab import (
    Lifestyle,
    PetKind,
    PetWish,
    Routine,
    SmokingRule,
)
from careweave.domain.values import Location

NEAR_KM = 5.0
FAR_KM = 30.0
INTERESTS_FULL_AT = 3
ROUTINES_FULL_AT = 2
# Routines that pull a day in opposite directions: each such pair costs half a shared routine.
CLASHING_ROUTINES = (
    frozenset({Routine.EARLY_RISER, Routine.LATE_RISER}),
    frozenset({Routine.OUT_MOST_DAYS, Routine.HOME_MOST_DAYS}),
)


def _listed(values: Set[str]) -> str:
    return ", ".join(sorted(v.replace("_", " ") for v in values))


def lifestyle_score(weights: Weights, wanted: Lifestyle, home: Lifestyle) -> FactorScore:
    """Whether the home is as quiet or lively as wanted."""
    if wanted is Lifestyle.NO_PREFERENCE:
        return score(Factor.LIFESTYLE, weights, NEUTRAL, "no preference for a quiet or lively home")
    if home is wanted:
        return score(Factor.LIFESTYLE, weights, 1.0, f"a {home.value} home, as wanted")
    if home is Lifestyle.NO_PREFERENCE:
        return score(Factor.LIFESTYLE, weights, NEUTRAL, f"wants a {wanted.value} home; it varies")
    return score(Factor.LIFESTYLE, weights, 0.0, f"wants a {wanted.value} home; it is {home.value}")


def interests_score(weights: Weights, wanted: Set[str], offered: Set[str]) -> FactorScore:
    """How many interests both share (full marks at three)."""
    shared = wanted & offered
    value = overlap_value(len(shared), len(wanted), INTERESTS_FULL_AT)
    if not wanted:
        reason = "no interests named"
    elif shared:
        reason = f"shares {len(shared)} of {len(wanted)} interests: {_listed(shared)}"
    else:
        reason = f"shares none of {len(wanted)} interests"
    return score(Factor.INTERESTS, weights, value, reason)


def routines_score(weights: Weights, wanted: Set[Routine], home: Set[Routine]) -> FactorScore:
    """Shared routines (full marks at two), less half a routine for each pair that clashes."""
    shared = wanted & home
    clashes = [
        pair for pair in CLASHING_ROUTINES if pair & wanted and pair & home and not pair & shared
    ]
    if not wanted:
        return score(Factor.ROUTINES, weights, NEUTRAL, "no routines named")
    value = overlap_value(len(shared), len(wanted), ROUTINES_FULL_AT) - 0.5 * len(clashes)
    parts = [f"shares {_listed(shared)}" if shared else "shares no routine"]
    parts += [f"clash: {_listed(pair)}" for pair in clashes]
    return score(Factor.ROUTINES, weights, value, "; ".join(parts))


def language_score(weights: Weights, wanted: Set[str], spoken: Set[str]) -> FactorScore:
    """Whether the household speaks a language the person speaks."""
    shared = wanted & spoken
    if not wanted:
        return score(Factor.LANGUAGE, weights, NEUTRAL, "no language named")
    if shared:
        return score(Factor.LANGUAGE, weights, 1.0, f"both speak {_listed(shared)}")
    return score(Factor.LANGUAGE, weights, 0.0, f"speaks none of {_listed(wanted)}")


def pets_score(weights: Weights, wish: PetWish, pets: Set[PetKind]) -> FactorScore:
    """Animals at home against how the person feels about them (no pets at all is a limit)."""
    if wish is PetWish.LOVES_PETS:
        if pets:
            return score(Factor.PETS, weights, 1.0, f"loves animals; lives with {_listed(pets)}")
        return score(Factor.PETS, weights, 0.2, "loves animals; there are none")
    if wish is PetWish.NO_PETS:
        return score(Factor.PETS, weights, 1.0 if not pets else 0.0, "no animals wanted")
    return score(Factor.PETS, weights, NEUTRAL, "no preference about animals")


def smoking_score(weights: Weights, smokes: bool, rule: SmokingRule) -> FactorScore:
    """How the person's smoking and the home's rule sit together."""
    values = {
        (False, SmokingRule.SMOKE_FREE): (1.0, "non-smoker in a smoke-free home"),
        (False, SmokingRule.OUTDOORS_ONLY): (0.8, "non-smoker; the household smokes outdoors"),
        (False, SmokingRule.INDOORS): (0.2, "non-smoker; the household smokes indoors"),
        (True, SmokingRule.SMOKE_FREE): (0.3, "smokes; the home is smoke-free"),
        (True, SmokingRule.OUTDOORS_ONLY): (1.0, "smokes; may smoke outdoors"),
        (True, SmokingRule.INDOORS): (1.0, "smokes; the household smokes too"),
    }
    value, reason = values[(smokes, rule)]
    return score(Factor.SMOKING, weights, value, reason)


def near_score(weights: Weights, places: Sequence[Place], home: Location) -> FactorScore:
    """How near the home is to the places that matter (full within 5 km, none beyond 30 km)."""
    if not places:
        return score(Factor.NEAR, weights, NEUTRAL, "no places named")
    distances = [(p, p.location.distance_km(home)) for p in places]
    value = sum(distance_value(km, NEAR_KM, FAR_KM) for _, km in distances) / len(distances)
    reason = "; ".join(f"{km:.1f} km from {p.label}" for p, km in distances)
    return score(Factor.NEAR, weights, value, reason)


def faith_score(weights: Weights, faith: str, matters: bool, home_faith: str) -> FactorScore:
    """Whether the household shares the person's faith, and how much that matters to them."""
    if not faith:
        return score(Factor.FAITH, weights, NEUTRAL, "no faith named")
    if faith.lower() == home_faith.lower():
        return score(Factor.FAITH, weights, 1.0, f"shares the {faith} faith")
    if matters:
        return score(Factor.FAITH, weights, 0.0, f"{faith} faith matters; the household's differs")
    return score(Factor.FAITH, weights, NEUTRAL, f"{faith}; sharing it does not matter")


def shared_lives_compatibility(
    referral: Referral, household: CarerHousehold, weights: Weights
) -> Compatibility:
    """Every factor of a referral and a carer household."""
    wishes, offer = referral.wishes, household.offer
    return Compatibility(
        (
            lifestyle_score(weights, wishes.lifestyle, offer.lifestyle),
            interests_score(weights, wishes.interests, offer.interests),
            routines_score(weights, wishes.routines, offer.routines),
            language_score(weights, wishes.languages, offer.languages),
            pets_score(weights, wishes.pets, offer.pets),
            faith_score(weights, wishes.faith, wishes.faith_matters, offer.faith),
            near_score(weights, wishes.near, household.location),
            smoking_score(weights, wishes.smokes, offer.smoking),
        )
    )


def help_score(weights: Weights, householder: Householder, homesharer: Homesharer) -> FactorScore:
    """The share of the help wanted that is offered, and whether the hours are enough."""
    covered = householder.help_wanted & homesharer.help_offered
    tasks = len(covered) / len(householder.help_wanted)
    hours = min(1.0, homesharer.hours_offered / householder.hours_wanted)
    missing = householder.help_wanted - covered
    reason = f"offers {len(covered)} of {len(householder.help_wanted)} kinds of help"
    reason += f" (not {_listed(missing)})" if missing else ""
    reason += f"; {homesharer.hours_offered} of {householder.hours_wanted} hours a week"
    return score(Factor.HELP, weights, 0.7 * tasks + 0.3 * hours, reason)


def homeshare_compatibility(
    householder: Householder, homesharer: Homesharer, weights: Weights
) -> Compatibility:
    """Every factor of a householder and a homesharer (the homesharer is the "person" side)."""
    home, sharer = householder.living, homesharer.living
    return Compatibility(
        (
            help_score(weights, householder, homesharer),
            lifestyle_score(weights, sharer.lifestyle, home.lifestyle),
            interests_score(weights, sharer.interests, home.interests),
            routines_score(weights, sharer.routines, home.routines),
            language_score(weights, sharer.languages, home.languages),
            pets_score(weights, homesharer.pets, householder.pets),
            near_score(weights, homesharer.near, householder.location),
            smoking_score(weights, homesharer.smokes, householder.smoking),
        )
    )
