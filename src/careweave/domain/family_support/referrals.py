"""A referral: someone seeking a Shared Lives arrangement, what they want from a household and the
limits no match may cross.

It comes from the person's plan (what matters to them, needs and risks). Wishes are scored when
households are compared; limits, access needs and the skills their risks need are hard rules.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.calendar import Stay, check_no_overlap
from careweave.domain.family_support.vocab import (
    AccessFeature,
    ArrangementType,
    Lifestyle,
    PetWish,
    Routine,
    Skill,
    SupportGroup,
    members,
    tags,
)
from careweave.domain.values import Location, new_id, require_member, require_range, require_text

MAX_PLACES_NAMED = 5
MAX_DISTANCE_KM = 200.0


class PlaceKind(StrEnum):
    """Why a place matters to the person."""

    FAMILY = "family"
    DAY_ACTIVITY = "day_activity"
    WORK = "work"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Place:
    """A place the person wants to stay near: family, day activities, work."""

    label: str
    kind: PlaceKind
    location: Location

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", require_text("place.label", self.label, max_length=80))
        object.__setattr__(self, "kind", require_member("place.kind", self.kind, PlaceKind))


@dataclass(frozen=True, slots=True)
class Wishes:
    """What the person would like a household to be like (scored, never a rule)."""

    lifestyle: Lifestyle = Lifestyle.NO_PREFERENCE
    pets: PetWish = PetWish.NO_PREFERENCE
    faith: str = ""
    faith_matters: bool = False
    languages: frozenset[str] = frozenset({"english"})
    interests: frozenset[str] = frozenset()
    routines: frozenset[Routine] = frozenset()
    smokes: bool = False
    near: tuple[Place, ...] = ()

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "lifestyle", require_member("wishes.lifestyle", self.lifestyle, Lifestyle))
        put(self, "pets", require_member("wishes.pets", self.pets, PetWish))
        put(
            self, "faith", require_text("wishes.faith", self.faith, max_length=60, allow_empty=True)
        )
        if self.faith_matters and not self.faith:
            raise DomainValidationError("wishes.faith", "say which faith matters")
        put(self, "languages", tags("wishes.languages", self.languages))
        put(self, "interests", tags("wishes.interests", self.interests))
        put(self, "routines", members("wishes.routines", self.routines, Routine))
        if len(self.near) > MAX_PLACES_NAMED:
            raise DomainValidationError("wishes.near", f"name at most {MAX_PLACES_NAMED} places")


@dataclass(frozen=True, slots=True)
class Limits:
    """What the person will not accept: a household that breaks one is never offered."""

    smoke_free_home: bool = False
    no_children: bool = False
    only_person_supported: bool = False
    communication_language: str = ""
    max_distance_km: float | None = None
    excluded_household_ids: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "communication_language",
            require_text(
                "limits.communication_language",
                self.communication_language,
                max_length=60,
                allow_empty=True,
            ).lower(),
        )
        if self.max_distance_km is not None:
            require_range("limits.max_distance_km", self.max_distance_km, 0.5, MAX_DISTANCE_KM)
        object.__setattr__(self, "excluded_household_ids", frozenset(self.excluded_household_ids))


class ReferralStatus(StrEnum):
    """Where a referral is."""

    WAITING = "waiting"
    INTRODUCING = "introducing"
    MATCHED = "matched"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Referral:
    """Someone seeking an arrangement with a scheme (``scheme_team_id``).

    Parameters
    ----------
    wanted_from
        The first day they would like it to start (the first stay's arrival for short breaks).
    stays
        For short breaks, the stays asked for; none for the other kinds.
    access_needs, skills_needed
        What the home must have and what the household must be trained in (from their risks).
    """

    person_id: str
    scheme_team_id: str
    arrangement_type: ArrangementType
    support_group: SupportGroup
    received_on: date
    wanted_from: date
    what_matters: str = ""
    needs_and_risks: str = ""
    stays: tuple[Stay, ...] = ()
    access_needs: frozenset[AccessFeature] = frozenset()
    skills_needed: frozenset[Skill] = frozenset()
    wishes: Wishes = Wishes()
    limits: Limits = Limits()
    status: ReferralStatus = ReferralStatus.WAITING
    matched_on: date | None = None
    closed_reason: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(
            self,
            "arrangement_type",
            require_member("referral.arrangement_type", self.arrangement_type, ArrangementType),
        )
        put(
            self,
            "support_group",
            require_member("referral.support_group", self.support_group, SupportGroup),
        )
        put(self, "status", require_member("referral.status", self.status, ReferralStatus))
        put(
            self,
            "what_matters",
            require_text(
                "referral.what_matters", self.what_matters, max_length=4000, allow_empty=True
            ),
        )
        put(
            self,
            "needs_and_risks",
            require_text(
                "referral.needs_and_risks", self.needs_and_risks, max_length=4000, allow_empty=True
            ),
        )
        put(
            self, "access_needs", members("referral.access_needs", self.access_needs, AccessFeature)
        )
        put(self, "skills_needed", members("referral.skills_needed", self.skills_needed, Skill))
        if self.wanted_from < self.received_on:
            raise DomainValidationError(
                "referral.wanted_from", "must not be before it was received"
            )
        self._check_stays()
        if (self.status is ReferralStatus.MATCHED) != (self.matched_on is not None):
            raise DomainValidationError(
                "referral.matched_on", "is set when, and only when, matched"
            )

    def _check_stays(self) -> None:
        if self.arrangement_type is not ArrangementType.SHORT_BREAKS:
            if self.stays:
                raise DomainValidationError("referral.stays", "only short breaks have stays")
            return
        if not self.stays:
            raise DomainValidationError("referral.stays", "name the short breaks wanted")
        stays = check_no_overlap("referral.stays", self.stays)
        if stays[0].arrive_on < self.wanted_from:
            raise DomainValidationError("referral.stays", "must not start before wanted_from")
        object.__setattr__(self, "stays", stays)

    @property
    def waiting(self) -> bool:
        """Whether the person is still waiting for a household (not in introductions or matched)."""
        return self.status is ReferralStatus.WAITING

    def days_to_match(self) -> int | None:
        """Days from the referral to the agreed match (``None`` until matched)."""
        return None if self.matched_on is None else (self.matched_on - self.received_on).days

    def start_introductions(self) -> Referral:
        """A copy in introductions (one household is being introduced)."""
        if not self.waiting:
            raise DomainValidationError("referral.status", "only a waiting referral is introduced")
        return dataclasses.replace(self, status=ReferralStatus.INTRODUCING)

    def back_to_waiting(self) -> Referral:
        """A copy waiting again (the introduction or trial did not go on)."""
        return dataclasses.replace(self, status=ReferralStatus.WAITING)

    def matched(self, day: date) -> Referral:
        """A copy matched on ``day`` (the arrangement was agreed)."""
        if day < self.received_on:
            raise DomainValidationError("referral.matched_on", "must not be before the referral")
        return dataclasses.replace(self, status=ReferralStatus.MATCHED, matched_on=day)

    def close(self, reason: str) -> Referral:
        """A copy closed without a match, for ``reason``."""
        if self.status is ReferralStatus.MATCHED:
            raise DomainValidationError("referral.status", "a matched referral is not closed")
        text = require_text("referral.closed_reason", reason, max_length=500)
        return dataclasses.replace(self, status=ReferralStatus.CLOSED, closed_reason=text)
