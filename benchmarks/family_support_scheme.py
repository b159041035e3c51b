"""A synthetic Shared Lives scheme for benchmarks: households and referrals drawn at random (seeded)
around one town, with the spread of needs, offers and wishes a scheme sees."""

from __future__ import annotations

import random
from datetime import date, timedelta

from careweave.domain.family_support.households import (
    Approval,
    CarerHousehold,
    DbsCheck,
    HouseholdMember,
    HouseholdStatus,
    MemberRole,
    Reference,
    Training,
)
from careweave.domain.family_support.offer import Offer, Room
from careweave.domain.family_support.referrals import Limits, Place, PlaceKind, Referral, Wishes
from careweave.domain.family_support.vocab import (
    MANDATORY_SKILLS,
    AccessFeature,
    ArrangementType,
    Lifestyle,
    PetKind,
    PetWish,
    Routine,
    Skill,
    SmokingRule,
    SupportGroup,
)
from careweave.domain.values import Location

DAY = date(2026, 3, 2)
CENTRE = Location(53.545, -2.632)
INTERESTS = (
    "gardening",
    "music",
    "football",
    "cooking",
    "walking",
    "art",
    "church",
    "films",
    "animals",
    "swimming",
    "crafts",
    "computers",
)
LANGUAGES = ("english", "english", "english", "english", "polish", "urdu", "bsl")
FAITHS = ("", "", "", "christian", "muslim")
EXTRA_SKILLS = (
    Skill.PERSONAL_CARE,
    Skill.EPILEPSY,
    Skill.MEDICATION,
    Skill.DIABETES,
    Skill.POSITIVE_BEHAVIOUR_SUPPORT,
    Skill.MOVING_AND_HANDLING,
)
ACCESS = (
    AccessFeature.GROUND_FLOOR_BEDROOM,
    AccessFeature.LEVEL_ACCESS_SHOWER,
    AccessFeature.WHEELCHAIR_ACCESSIBLE,
)


def _near(rng: random.Random, spread_km: float) -> Location:
    # About 111 km a degree of latitude and 66 km a degree of longitude at 53.5° N.
    return Location(
        CENTRE.lat + rng.uniform(-1, 1) * spread_km / 111,
        CENTRE.lon + rng.uniform(-1, 1) * spread_km / 66,
    )


def _some(rng: random.Random, pool: tuple[str, ...], low: int, high: int) -> frozenset[str]:
    return frozenset(rng.sample(pool, rng.randint(low, high)))


def household(rng: random.Random, index: int, scheme: str) -> CarerHousehold:
    """One approved household (a few have lapsed checks, as in any real scheme)."""
    rooms = [Room("Room 1", frozenset(rng.sample(ACCESS, rng.choice((0, 0, 1, 2)))))]
    rooms += [Room(f"Room {i + 2}") for i in range(rng.choice((0, 0, 1, 2)))]
    places = rng.randint(1, len(rooms))
    kinds = (
        {ArrangementType.LONG_TERM}
        if rng.random() < 0.8
        else {ArrangementType.LONG_TERM, ArrangementType.DAY_SUPPORT}
    )
    skills = set(MANDATORY_SKILLS) | set(rng.sample(EXTRA_SKILLS, rng.randint(0, 4)))
    lapsed = rng.random() < 0.05
    return CarerHousehold(
        name=f"Household {index}",
        scheme_team_id=scheme,
        address=f"{index} Example Road",
        postcode="WN1 2DD",
        location=_near(rng, 15),
        members=(
            HouseholdMember(
                f"Carer {index}",
                MemberRole.CARER,
                DbsCheck(DAY - timedelta(days=200 if not lapsed else 1200)),
            ),
        ),
        offer=Offer(
            arrangement_types=frozenset(kinds),
            places=places,
            day_places=1 if ArrangementType.DAY_SUPPORT in kinds else 0,
            rooms=tuple(rooms),
            home_features=frozenset({AccessFeature.STEP_FREE_ENTRANCE})
            if rng.random() < 0.4
            else frozenset(),
            pets=frozenset(rng.sample(tuple(PetKind), rng.choice((0, 0, 1)))),
            smoking=rng.choice((SmokingRule.SMOKE_FREE,) * 4 + (SmokingRule.OUTDOORS_ONLY,)),
            faith=rng.choice(FAITHS),
            languages=frozenset({"english"}) | _some(rng, LANGUAGES, 0, 1),
            interests=_some(rng, INTERESTS, 2, 5),
            routines=frozenset(rng.sample(tuple(Routine), rng.randint(1, 3))),
            lifestyle=rng.choice(tuple(Lifestyle)),
        ),
        references=(
            Reference("Referee 1", DAY - timedelta(days=300)),
            Reference("Referee 2", DAY - timedelta(days=300)),
        ),
        training=tuple(
            Training(s, DAY - timedelta(days=100), DAY + timedelta(days=600)) for s in skills
        ),
        approval=Approval(
            DAY - timedelta(days=200),
            DAY + timedelta(days=165),
            places,
            frozenset(rng.sample(tuple(SupportGroup), rng.randint(1, 3))),
        ),
        status=HouseholdStatus.APPROVED,
        id=f"h{index:04d}",
    )


def referral(rng: random.Random, index: int, scheme: str) -> Referral:
    """One person waiting for a long-term or day-support arrangement."""
    kind = ArrangementType.LONG_TERM if rng.random() < 0.85 else ArrangementType.DAY_SUPPORT
    wanted = Wishes(
        lifestyle=rng.choice(tuple(Lifestyle)),
        pets=rng.choice(
            (PetWish.LOVES_PETS, PetWish.NO_PREFERENCE, PetWish.NO_PREFERENCE, PetWish.NO_PETS)
        ),
        faith=rng.choice(FAITHS),
        languages=frozenset({"english"}),
        interests=_some(rng, INTERESTS, 1, 4),
        routines=frozenset(rng.sample(tuple(Routine), rng.randint(0, 2))),
        smokes=rng.random() < 0.1,
        near=(Place("Family", PlaceKind.FAMILY, _near(rng, 15)),),
    )
    return Referral(
        person_id=f"p{index:04d}",
        scheme_team_id=scheme,
        arrangement_type=kind,
        support_group=rng.choice(tuple(SupportGroup)),
        received_on=DAY - timedelta(days=rng.randint(0, 300)),
        wanted_from=DAY,
        access_needs=frozenset(rng.sample(ACCESS, 1)) if rng.random() < 0.1 else frozenset(),
        skills_needed=frozenset(rng.sample(EXTRA_SKILLS, rng.choice((0, 0, 1, 1, 2)))),
        wishes=wanted,
        limits=Limits(max_distance_km=25.0 if rng.random() < 0.3 else None),
        id=f"r{index:04d}",
    )


def scheme(people: int, households: int, seed: int) -> tuple[list[Referral], list[CarerHousehold]]:
    """``people`` referrals and ``households`` households, reproducible from ``seed``."""
    rng = random.Random(seed)
    homes = [household(rng, i, "scheme") for i in range(households)]
    waiting = sorted(
        (referral(rng, i, "scheme") for i in range(people)), key=lambda r: (r.received_on, r.id)
    )
    return waiting, homes
