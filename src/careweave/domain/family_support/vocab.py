"""The words family-based support records in: arrangement types, access features, skills, and what
a household is like or a person wants. Each is an enum so a form, the API and storage agree."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import require_member, require_text

E = TypeVar("E", bound=StrEnum)

TAG_MAX_LENGTH = 60
TAGS_MAX = 30


class ArrangementType(StrEnum):
    """The three kinds of Shared Lives arrangement."""

    LONG_TERM = "long_term"
    SHORT_BREAKS = "short_breaks"
    DAY_SUPPORT = "day_support"

    @property
    def overnight(self) -> bool:
        """Whether the person sleeps at the household (and so needs a room and a place)."""
        return self is not ArrangementType.DAY_SUPPORT


ARRANGEMENT_TYPE_TITLES: dict[ArrangementType, str] = {
    ArrangementType.LONG_TERM: "Living with the household",
    ArrangementType.SHORT_BREAKS: "Short breaks",
    ArrangementType.DAY_SUPPORT: "Day support",
}


class SupportGroup(StrEnum):
    """Who a panel approves a household to support (Shared Lives schemes approve per group)."""

    LEARNING_DISABILITY = "learning_disability"
    AUTISM = "autism"
    MENTAL_HEALTH = "mental_health"
    OLDER_PEOPLE = "older_people"
    DEMENTIA = "dementia"
    PHYSICAL_DISABILITY = "physical_disability"


class AccessFeature(StrEnum):
    """What makes a home or a room usable for someone with a physical disability."""

    STEP_FREE_ENTRANCE = "step_free_entrance"
    GROUND_FLOOR_BEDROOM = "ground_floor_bedroom"
    WHEELCHAIR_ACCESSIBLE = "wheelchair_accessible"
    LEVEL_ACCESS_SHOWER = "level_access_shower"
    CEILING_HOIST = "ceiling_hoist"
    GRAB_RAILS = "grab_rails"
    STAIRLIFT = "stairlift"


class Skill(StrEnum):
    """Training topics; a household has a skill while its training in it is in date."""

    SAFEGUARDING = "safeguarding"
    FIRST_AID = "first_aid"
    MEDICATION = "medication"
    PERSONAL_CARE = "personal_care"
    MOVING_AND_HANDLING = "moving_and_handling"
    EPILEPSY = "epilepsy"
    DIABETES = "diabetes"
    PEG_FEEDING = "peg_feeding"
    POSITIVE_BEHAVIOUR_SUPPORT = "positive_behaviour_support"
    DEMENTIA_CARE = "dementia_care"
    MENTAL_HEALTH_AWARENESS = "mental_health_awareness"


# Every approved household keeps these in date, whoever it supports.
MANDATORY_SKILLS = frozenset({Skill.SAFEGUARDING, Skill.FIRST_AID})


class Lifestyle(StrEnum):
    """What a home is like day to day, or what a person wants it to be like."""

    QUIET = "quiet"
    LIVELY = "lively"
    NO_PREFERENCE = "no_preference"


class SmokingRule(StrEnum):
    """Smoking at the household."""

    SMOKE_FREE = "smoke_free"
    OUTDOORS_ONLY = "outdoors_only"
    INDOORS = "indoors"


class PetKind(StrEnum):
    """Animals living at a household."""

    DOG = "dog"
    CAT = "cat"
    SMALL_ANIMAL = "small_animal"
    BIRD = "bird"


class PetWish(StrEnum):
    """How a person feels about living with animals."""

    LOVES_PETS = "loves_pets"
    NO_PREFERENCE = "no_preference"
    NO_PETS = "no_pets"


class Routine(StrEnum):
    """Shape of the day; households and people who share routines settle together more easily."""

    EARLY_RISER = "early_riser"
    LATE_RISER = "late_riser"
    REGULAR_MEALTIMES = "regular_mealtimes"
    OUT_MOST_DAYS = "out_most_days"
    HOME_MOST_DAYS = "home_most_days"
    ACTIVE_WEEKENDS = "active_weekends"
    CHURCH_OR_WORSHIP = "church_or_worship"


def members(field: str, values: Iterable[object], allowed: type[E]) -> frozenset[E]:
    """``values`` as a set of members of ``allowed``; raises naming ``field`` on an unknown one."""
    return frozenset(require_member(field, v, allowed) for v in values)


def tags(field: str, values: Iterable[str]) -> frozenset[str]:
    """Free-text tags (interests, languages, faith) in lower case, stripped, none empty."""
    cleaned = frozenset(
        require_text(field, v, max_length=TAG_MAX_LENGTH).lower() for v in values if v.strip()
    )
    if len(cleaned) > TAGS_MAX:
        raise DomainValidationError(field, f"name at most {TAGS_MAX}")
    return cleaned
