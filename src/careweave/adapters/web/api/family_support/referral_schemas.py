"""Schemas of referrals to a scheme (``XIn`` for requests, ``XPublic`` for answers)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from careweave.adapters.web.api.common_schemas import Id, LocationSchema, LongText, Name, Schema
from careweave.adapters.web.api.family_support.schemas import Tag, Tags
from careweave.domain.family_support.calendar import Stay
from careweave.domain.family_support.referrals import Limits, Place, PlaceKind, Referral, Wishes
from careweave.domain.family_support.vocab import (
    AccessFeature,
    ArrangementType,
    Lifestyle,
    PetWish,
    Routine,
    Skill,
    SupportGroup,
)


class PlaceIn(Schema):
    """A place the person wants to stay near."""

    label: Name
    kind: PlaceKind
    location: LocationSchema


class StayIn(Schema):
    """A short break asked for."""

    arrive_on: date
    leave_on: date


class WishesIn(Schema):
    """What the person wants from a household."""

    lifestyle: Lifestyle = Lifestyle.NO_PREFERENCE
    pets: PetWish = PetWish.NO_PREFERENCE
    faith: Tag = ""
    faith_matters: bool = False
    languages: Tags = Field(default_factory=lambda: ["english"], max_length=30)
    interests: Tags = Field(default_factory=list, max_length=30)
    routines: list[Routine] = Field(default_factory=list, max_length=10)
    smokes: bool = False
    near: list[PlaceIn] = Field(default_factory=list, max_length=5)

    def to_domain(self) -> Wishes:
        """The domain wishes."""
        return Wishes(
            lifestyle=self.lifestyle,
            pets=self.pets,
            faith=self.faith,
            faith_matters=self.faith_matters,
            languages=frozenset(self.languages),
            interests=frozenset(self.interests),
            routines=frozenset(self.routines),
            smokes=self.smokes,
            near=tuple(Place(p.label, p.kind, p.location.to_domain()) for p in self.near),
        )


class LimitsIn(Schema):
    """What the person will not accept."""

    smoke_free_home: bool = False
    no_children: bool = False
    only_person_supported: bool = False
    communication_language: Tag = ""
    max_distance_km: float | None = Field(None, ge=0.5, le=200)
    excluded_household_ids: list[Id] = Field(default_factory=list, max_length=50)

    def to_domain(self) -> Limits:
        """The domain limits."""
        fields = self.model_dump()
        fields["excluded_household_ids"] = frozenset(self.excluded_household_ids)
        return Limits(**fields)


class ReferralIn(Schema):
    """A referral to a scheme."""

    scheme_team_id: Id
    arrangement_type: ArrangementType
    support_group: SupportGroup
    wanted_from: date
    what_matters: LongText = ""
    needs_and_risks: LongText = ""
    stays: list[StayIn] = Field(default_factory=list, max_length=20)
    access_needs: list[AccessFeature] = Field(default_factory=list, max_length=10)
    skills_needed: list[Skill] = Field(default_factory=list, max_length=12)
    wishes: WishesIn = Field(default_factory=WishesIn)
    limits: LimitsIn = Field(default_factory=LimitsIn)

    def to_domain(self, person_id: str, received_on: date) -> Referral:
        """The domain referral, received on ``received_on``."""
        return Referral(
            person_id=person_id,
            scheme_team_id=self.scheme_team_id,
            arrangement_type=self.arrangement_type,
            support_group=self.support_group,
            received_on=received_on,
            wanted_from=self.wanted_from,
            what_matters=self.what_matters,
            needs_and_risks=self.needs_and_risks,
            stays=tuple(Stay(s.arrive_on, s.leave_on) for s in self.stays),
            access_needs=frozenset(self.access_needs),
            skills_needed=frozenset(self.skills_needed),
            wishes=self.wishes.to_domain(),
            limits=self.limits.to_domain(),
        )


class ReferralPublic(BaseModel):
    """A referral with its person's name."""

    id: str
    person_id: str
    person_name: str
    scheme_team_id: str
    arrangement_type: str
    support_group: str
    status: str
    received_on: date
    wanted_from: date
    matched_on: date | None
    what_matters: str
    stays: list[dict[str, date]]
    access_needs: list[str]
    skills_needed: list[str]

    @classmethod
    def of(cls, r: Referral, person_name: str) -> ReferralPublic:
        """The public view of ``r``."""
        return cls(
            id=r.id,
            person_id=r.person_id,
            person_name=person_name,
            scheme_team_id=r.scheme_team_id,
            arrangement_type=r.arrangement_type.value,
            support_group=r.support_group.value,
            status=r.status.value,
            received_on=r.received_on,
            wanted_from=r.wanted_from,
            matched_on=r.matched_on,
            what_matters=r.what_matters,
            stays=[{"arrive_on": s.arrive_on, "leave_on": s.leave_on} for s in r.stays],
            access_needs=sorted(a.value for a in r.access_needs),
            skills_needed=sorted(s.value for s in r.skills_needed),
        )


class CloseIn(Schema):
    """Why a referral closes without a match."""

    reason: LongText
