"""Schemas of carer households and referrals (``XIn`` for requests, ``XPublic`` for answers).

Enumerated values are the domain's own enums, so a wrong one is refused naming its field before
any domain rule runs; the domain then checks everything else and names the field itself.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from careweave.adapters.web.api.common_schemas import (
    Id,
    LocationSchema,
    LongText,
    Name,
    Schema,
    ShortText,
)
from careweave.domain.family_support.calendar import Unavailability
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
from careweave.domain.family_support.vocab import (
    AccessFeature,
    ArrangementType,
    Lifestyle,
    PetKind,
    Routine,
    Skill,
    SmokingRule,
    SupportGroup,
)

Tag = ShortText
Tags = list[Tag]


class MemberIn(Schema):
    """Someone living in the household, with their DBS check."""

    name: Name
    role: MemberRole
    dbs_issued_on: date | None = None
    dbs_update_service: bool = False

    def to_domain(self) -> HouseholdMember:
        """The domain member."""
        dbs = (
            None
            if self.dbs_issued_on is None
            else DbsCheck(self.dbs_issued_on, self.dbs_update_service)
        )
        return HouseholdMember(self.name, self.role, dbs)


class ReferenceIn(Schema):
    """A reference taken up."""

    referee: Name
    received_on: date
    satisfactory: bool = True


class TrainingIn(Schema):
    """Training done, and when it is next due."""

    skill: Skill
    done_on: date
    due_on: date | None = None


class RoomIn(Schema):
    """A bedroom and its access features."""

    name: Name
    features: list[AccessFeature] = Field(default_factory=list, max_length=10)


class OfferSchema(Schema):
    """What the household offers and what living there is like (in requests and answers)."""

    arrangement_types: list[ArrangementType] = Field(min_length=1, max_length=3)
    places: int = Field(1, ge=0, le=6)
    day_places: int = Field(0, ge=0, le=6)
    rooms: list[RoomIn] = Field(default_factory=list, max_length=6)
    home_features: list[AccessFeature] = Field(default_factory=list, max_length=10)
    pets: list[PetKind] = Field(default_factory=list, max_length=4)
    smoking: SmokingRule = SmokingRule.SMOKE_FREE
    accepts_smokers: bool = True
    faith: Tag = ""
    languages: Tags = Field(default_factory=lambda: ["english"], max_length=30)
    interests: Tags = Field(default_factory=list, max_length=30)
    routines: list[Routine] = Field(default_factory=list, max_length=10)
    lifestyle: Lifestyle = Lifestyle.NO_PREFERENCE

    def to_domain(self) -> Offer:
        """The domain offer."""
        return Offer(
            arrangement_types=frozenset(self.arrangement_types),
            places=self.places,
            day_places=self.day_places,
            rooms=tuple(Room(r.name, frozenset(r.features)) for r in self.rooms),
            home_features=frozenset(self.home_features),
            pets=frozenset(self.pets),
            smoking=self.smoking,
            accepts_smokers=self.accepts_smokers,
            faith=self.faith,
            languages=frozenset(self.languages),
            interests=frozenset(self.interests),
            routines=frozenset(self.routines),
            lifestyle=self.lifestyle,
        )

    @classmethod
    def of(cls, offer: Offer) -> OfferSchema:
        """The schema of a domain offer."""
        sets = ("arrangement_types", "home_features", "pets", "languages", "interests", "routines")
        fields = {name: sorted(getattr(offer, name)) for name in sets}
        rooms = [RoomIn(name=r.name, features=sorted(r.features)) for r in offer.rooms]
        return cls(
            rooms=rooms,
            places=offer.places,
            day_places=offer.day_places,
            smoking=offer.smoking,
            accepts_smokers=offer.accepts_smokers,
            faith=offer.faith,
            lifestyle=offer.lifestyle,
            **fields,
        )


class HouseholdIn(Schema):
    """A carer household (a new one starts in assessment; the panel approves it)."""

    name: Name
    address: ShortText
    postcode: str = Field(max_length=10)
    location: LocationSchema
    members: list[MemberIn] = Field(min_length=1, max_length=12)
    offer: OfferSchema
    references: list[ReferenceIn] = Field(default_factory=list, max_length=10)
    training: list[TrainingIn] = Field(default_factory=list, max_length=40)
    excluded_person_ids: list[Id] = Field(default_factory=list, max_length=50)

    def to_domain(self, scheme_team_id: str, ident: str | None = None) -> CarerHousehold:
        """The domain household (a new id unless ``ident`` is given)."""
        extra: dict[str, Any] = {} if ident is None else {"id": ident}
        return CarerHousehold(
            name=self.name,
            scheme_team_id=scheme_team_id,
            address=self.address,
            postcode=self.postcode,
            location=self.location.to_domain(),
            members=tuple(m.to_domain() for m in self.members),
            offer=self.offer.to_domain(),
            references=tuple(
                Reference(r.referee, r.received_on, r.satisfactory) for r in self.references
            ),
            training=tuple(Training(t.skill, t.done_on, t.due_on) for t in self.training),
            excluded_person_ids=frozenset(self.excluded_person_ids),
            **extra,
        )


class ApprovalIn(Schema):
    """The panel's approval."""

    approved_on: date
    review_on: date
    max_people: int = Field(ge=1, le=6)
    support_groups: list[SupportGroup] = Field(min_length=1, max_length=6)
    conditions: list[LongText] = Field(default_factory=list, max_length=10)

    def to_domain(self) -> Approval:
        """The domain approval."""
        return Approval(
            self.approved_on,
            self.review_on,
            self.max_people,
            frozenset(self.support_groups),
            tuple(self.conditions),
        )


class StatusIn(Schema):
    """A household's new status."""

    status: HouseholdStatus


class UnavailableIn(Schema):
    """Nights the household hosts no one."""

    first_night: date
    last_night: date
    reason: ShortText = ""

    def to_domain(self) -> Unavailability:
        """The domain period."""
        return Unavailability(self.first_night, self.last_night, self.reason)


class HouseholdPublic(BaseModel):
    """A carer household with its checks as of today."""

    id: str
    scheme_team_id: str
    name: str
    status: str
    address: str
    postcode: str
    location: LocationSchema
    places: int
    day_places: int
    approved: bool
    approval_review_on: date | None
    check_problems: list[str]
    skills: list[str]
    training_due: list[dict[str, str | None]]
    offer: OfferSchema
    unavailable: list[dict[str, object]]

    @classmethod
    def of(cls, h: CarerHousehold, today: date) -> HouseholdPublic:
        """The public view of ``h`` on ``today``."""
        return cls(
            id=h.id,
            scheme_team_id=h.scheme_team_id,
            name=h.name,
            status=h.status.value,
            address=h.address,
            postcode=h.postcode,
            location=LocationSchema.of(h.location),
            places=h.places,
            day_places=h.day_places,
            approved=h.approved_on(today),
            approval_review_on=h.approval.review_on if h.approval else None,
            check_problems=list(h.check_problems(today)),
            skills=sorted(s.value for s in h.skills_on(today)),
            training_due=[
                {"skill": t.skill.value, "due_on": t.due_on.isoformat() if t.due_on else None}
                for t in h.training_due(today, 60)
            ],
            offer=OfferSchema.of(h.offer),
            unavailable=[
                {"first_night": u.first_night, "last_night": u.last_night, "reason": u.reason}
                for u in h.unavailable
            ],
        )
