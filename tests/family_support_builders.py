"""Small named records of family-based support for tests of every layer: an approved household
with two rooms, a referral that fits it, and changes to either by keyword."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

from careweave.domain.family_support.arrangements import Arrangement
from careweave.domain.family_support.calendar import Stay
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
from careweave.domain.family_support.referrals import Place, PlaceKind, Referral, Wishes
from careweave.domain.family_support.vocab import (
    AccessFeature,
    ArrangementType,
    Lifestyle,
    Routine,
    Skill,
    SupportGroup,
)
from careweave.domain.values import Location

TODAY = date(2026, 3, 2)
SCHEME = "scheme-team"
WIGAN = Location(53.545, -2.632)
NEAR_WIGAN = Location(53.560, -2.600)  # about 3 km away
BOLTON = Location(53.578, -2.429)  # about 14 km away

BLUE_ROOM = Room(
    "Blue room",
    frozenset({AccessFeature.GROUND_FLOOR_BEDROOM, AccessFeature.LEVEL_ACCESS_SHOWER}),
)
ATTIC = Room("Attic room")


def an_offer(**changes: Any) -> Offer:
    fields: dict[str, Any] = {
        "arrangement_types": frozenset(ArrangementType),
        "places": 2,
        "day_places": 1,
        "rooms": (BLUE_ROOM, ATTIC),
        "home_features": frozenset({AccessFeature.STEP_FREE_ENTRANCE}),
        "languages": frozenset({"english"}),
        "interests": frozenset({"gardening", "music", "football"}),
        "routines": frozenset({Routine.EARLY_RISER, Routine.REGULAR_MEALTIMES}),
        "lifestyle": Lifestyle.QUIET,
    }
    fields.update(changes)
    return Offer(**fields)


def an_approval(**changes: Any) -> Approval:
    fields: dict[str, Any] = {
        "approved_on": TODAY - timedelta(days=100),
        "review_on": TODAY + timedelta(days=265),
        "max_people": 2,
        "support_groups": frozenset({SupportGroup.LEARNING_DISABILITY, SupportGroup.AUTISM}),
    }
    fields.update(changes)
    return Approval(**fields)


def training(*skills: Skill, due_in_days: int = 300) -> tuple[Training, ...]:
    done = TODAY - timedelta(days=60)
    return tuple(Training(s, done, TODAY + timedelta(days=due_in_days)) for s in skills)


def a_household(ident: str = "h1", **changes: Any) -> CarerHousehold:
    fields: dict[str, Any] = {
        "name": "The Okafor household",
        "scheme_team_id": SCHEME,
        "address": "3 Mesnes Road, Wigan",
        "postcode": "WN1 2DD",
        "location": WIGAN,
        "members": (
            HouseholdMember(
                "Grace Okafor", MemberRole.CARER, DbsCheck(TODAY - timedelta(days=400))
            ),
            HouseholdMember("Tunde Okafor", MemberRole.ADULT, DbsCheck(TODAY - timedelta(days=30))),
        ),
        "offer": an_offer(),
        "references": (
            Reference("A neighbour", TODAY - timedelta(days=200)),
            Reference("An employer", TODAY - timedelta(days=190)),
        ),
        "training": training(
            Skill.SAFEGUARDING, Skill.FIRST_AID, Skill.PERSONAL_CARE, Skill.EPILEPSY
        ),
        "approval": an_approval(),
        "status": HouseholdStatus.APPROVED,
        "id": ident,
    }
    fields.update(changes)
    return CarerHousehold(**fields)


def a_referral(ident: str = "r1", **changes: Any) -> Referral:
    fields: dict[str, Any] = {
        "person_id": f"p-{ident}",
        "scheme_team_id": SCHEME,
        "arrangement_type": ArrangementType.LONG_TERM,
        "support_group": SupportGroup.LEARNING_DISABILITY,
        "received_on": TODAY - timedelta(days=30),
        "wanted_from": TODAY,
        "wishes": Wishes(
            lifestyle=Lifestyle.QUIET,
            interests=frozenset({"gardening", "music"}),
            routines=frozenset({Routine.EARLY_RISER}),
            near=(Place("Mum's house", PlaceKind.FAMILY, NEAR_WIGAN),),
        ),
        "id": ident,
    }
    fields.update(changes)
    return Referral(**fields)


def short_breaks(ident: str = "r-sb", *stays: Stay, **changes: Any) -> Referral:
    chosen = stays or (Stay(TODAY + timedelta(days=10), TODAY + timedelta(days=13)),)
    fields: dict[str, Any] = {"wanted_from": chosen[0].arrive_on, **changes}
    return a_referral(ident, arrangement_type=ArrangementType.SHORT_BREAKS, stays=chosen, **fields)


def an_arrangement(
    referral: Referral, household: CarerHousehold, room: str | None = "Attic room", **changes: Any
) -> Arrangement:
    kind = referral.arrangement_type
    fields: dict[str, Any] = {
        "referral_id": referral.id,
        "person_id": referral.person_id,
        "household_id": household.id,
        "scheme_team_id": household.scheme_team_id,
        "arrangement_type": kind,
        "proposed_on": TODAY,
        "starts_on": referral.stays[0].arrive_on if referral.stays else TODAY,
        "rate_pence": 6000,
        "room": room if kind.overnight else None,
        "stays": referral.stays,
        "weekdays": frozenset({0, 2}) if kind is ArrangementType.DAY_SUPPORT else frozenset(),
    }
    fields.update(changes)
    return Arrangement(**fields)


def changed(record: Any, **changes: Any) -> Any:
    """``record`` with ``changes`` (a frozen dataclass of any kind)."""
    return dataclasses.replace(record, **changes)
