"""A Shared Lives carer household: its people, its checks, its panel approval and what it offers.

Shared Lives carers are approved by the scheme's panel for the people they may support (the
support groups), how many at once, and under any conditions the panel sets; approval is reviewed
every year. The checks that keep a household safe to match are kept here: a DBS check for every
adult who lives there, references, and training, which is also what gives the household its skills
(a skill counts only while its training is in date).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.calendar import Unavailability
from careweave.domain.family_support.offer import Offer
from careweave.domain.family_support.vocab import (
    MANDATORY_SKILLS,
    ArrangementType,
    Skill,
    SupportGroup,
    members,
)
from careweave.domain.values import (
    Location,
    new_id,
    normalise_postcode,
    require_member,
    require_range,
    require_text,
)

# Common scheme policy: a DBS certificate is renewed every three years unless the carer keeps it on
# the DBS update service, which the scheme checks online instead.
DBS_RENEW_YEARS = 3
REFERENCES_NEEDED = 2
MAX_PEOPLE_APPROVED = 6


class MemberRole(StrEnum):
    """Who someone is in the household."""

    CARER = "carer"
    ADULT = "adult"
    CHILD = "child"


@dataclass(frozen=True, slots=True)
class DbsCheck:
    """An enhanced DBS certificate: when it was issued and whether it is on the update service."""

    issued_on: date
    on_update_service: bool = False

    def in_date(self, day: date) -> bool:
        """Whether the check still counts on ``day``."""
        if self.issued_on > day:
            return False
        if self.on_update_service:
            return True
        try:
            renew_on = self.issued_on.replace(year=self.issued_on.year + DBS_RENEW_YEARS)
        except ValueError:  # issued on 29 February
            renew_on = date(self.issued_on.year + DBS_RENEW_YEARS, 3, 1)
        return day < renew_on


@dataclass(frozen=True, slots=True)
class HouseholdMember:
    """Someone living in the household; every carer and adult needs a DBS check."""

    name: str
    role: MemberRole
    dbs: DbsCheck | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", require_text("member.name", self.name, max_length=120))
        object.__setattr__(self, "role", require_member("member.role", self.role, MemberRole))

    @property
    def needs_dbs(self) -> bool:
        """Carers and other adults need a DBS check; children do not."""
        return self.role is not MemberRole.CHILD


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference taken up during the carer's assessment."""

    referee: str
    received_on: date
    satisfactory: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "referee", require_text("reference.referee", self.referee, max_length=120)
        )


@dataclass(frozen=True, slots=True)
class Training:
    """Training done in ``skill`` and when it is next due (``None``: it does not expire)."""

    skill: Skill
    done_on: date
    due_on: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "skill", require_member("training.skill", self.skill, Skill))
        if self.due_on is not None and self.due_on <= self.done_on:
            raise DomainValidationError("training.due_on", "must be after the day it was done")

    def in_date(self, day: date) -> bool:
        """Whether the training counts on ``day``."""
        return self.done_on <= day and (self.due_on is None or day <= self.due_on)


@dataclass(frozen=True, slots=True)
class Approval:
    """The panel's approval: for whom, how many at once, under what conditions, until when."""

    approved_on: date
    review_on: date
    max_people: int
    support_groups: frozenset[SupportGroup]
    conditions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.review_on <= self.approved_on:
            raise DomainValidationError("approval.review_on", "must be after the approval date")
        require_range("approval.max_people", self.max_people, 1, MAX_PEOPLE_APPROVED)
        groups = members("approval.support_groups", self.support_groups, SupportGroup)
        if not groups:
            raise DomainValidationError("approval.support_groups", "name at least one group")
        object.__setattr__(self, "support_groups", groups)
        object.__setattr__(
            self,
            "conditions",
            tuple(require_text("approval.conditions", c, max_length=500) for c in self.conditions),
        )

    def in_date(self, day: date) -> bool:
        """Whether the approval holds on ``day`` (its yearly review not yet overdue)."""
        return self.approved_on <= day <= self.review_on


class HouseholdStatus(StrEnum):
    """Where the household is with the scheme."""

    ASSESSMENT = "assessment"
    APPROVED = "approved"
    ON_HOLD = "on_hold"
    LEFT = "left"


@dataclass(frozen=True, slots=True)
class CarerHousehold:
    """A Shared Lives carer household of a scheme (the scheme is a team: ``scheme_team_id``)."""

    name: str
    scheme_team_id: str
    address: str
    postcode: str
    location: Location
    members: tuple[HouseholdMember, ...]
    offer: Offer
    references: tuple[Reference, ...] = ()
    training: tuple[Training, ...] = ()
    approval: Approval | None = None
    status: HouseholdStatus = HouseholdStatus.ASSESSMENT
    unavailable: tuple[Unavailability, ...] = ()
    excluded_person_ids: frozenset[str] = frozenset()
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", require_text("household.name", self.name, max_length=120))
        object.__setattr__(
            self, "address", require_text("household.address", self.address, max_length=300)
        )
        object.__setattr__(
            self, "postcode", normalise_postcode("household.postcode", self.postcode)
        )
        object.__setattr__(
            self, "status", require_member("household.status", self.status, HouseholdStatus)
        )
        if not any(m.role is MemberRole.CARER for m in self.members):
            raise DomainValidationError("household.members", "name at least one carer")
        if self.status is HouseholdStatus.APPROVED and self.approval is None:
            raise DomainValidationError("household.approval", "an approved household needs one")
        object.__setattr__(self, "excluded_person_ids", frozenset(self.excluded_person_ids))

    # -- the checks --------------------------------------------------------------------------

    def skills_on(self, day: date) -> frozenset[Skill]:
        """The skills whose training is in date on ``day``."""
        return frozenset(t.skill for t in self.training if t.in_date(day))

    def check_problems(self, day: date) -> tuple[str, ...]:
        """What stops the household's checks being in date on ``day``, in plain words."""
        problems = [
            f"{m.name} has no DBS check in date"
            for m in self.members
            if m.needs_dbs and (m.dbs is None or not m.dbs.in_date(day))
        ]
        good = sum(r.satisfactory and r.received_on <= day for r in self.references)
        if good < REFERENCES_NEEDED:
            problems.append(f"{good} of {REFERENCES_NEEDED} satisfactory references")
        missing = sorted(MANDATORY_SKILLS - self.skills_on(day))
        problems += [
            f"{skill.value.replace('_', ' ')} training is not in date" for skill in missing
        ]
        return tuple(problems)

    def training_due(self, day: date, within_days: int) -> tuple[Training, ...]:
        """Training that falls due within ``within_days`` of ``day`` (or is overdue), soonest first."""
        due = [
            t
            for t in self.training
            if t.due_on is not None and (t.due_on - day).days <= within_days
        ]
        return tuple(sorted(due, key=lambda t: (t.due_on, t.skill.value)))

    def approved_on(self, day: date) -> bool:
        """Approved by panel, not on hold or left, and the approval's review not overdue."""
        return (
            self.status is HouseholdStatus.APPROVED
            and self.approval is not None
            and self.approval.in_date(day)
        )

    # -- what it offers ------------------------------------------------------------------------

    @property
    def places(self) -> int:
        """People who may stay overnight at once: what it offers, within what the panel allows."""
        limit = self.approval.max_people if self.approval else 0
        return min(self.offer.places, limit)

    @property
    def day_places(self) -> int:
        """People it may support by day at once."""
        return self.offer.day_places if self.approval else 0

    def offers(self, kind: ArrangementType) -> bool:
        """Whether the household offers arrangements of ``kind``."""
        return kind in self.offer.arrangement_types

    @property
    def has_children(self) -> bool:
        """Whether children live in the household."""
        return any(m.role is MemberRole.CHILD for m in self.members)

    def available_on(self, nights: Iterable[date]) -> bool:
        """Whether the household hosts on every one of ``nights`` (no unavailable period)."""
        return not any(u.covers(n) for n in nights for u in self.unavailable)

    # -- changes -------------------------------------------------------------------------------

    def approve(self, approval: Approval) -> CarerHousehold:
        """A copy approved by panel with ``approval``."""
        if self.status is HouseholdStatus.LEFT:
            raise DomainValidationError("household.status", "the household has left the scheme")
        return dataclasses.replace(self, approval=approval, status=HouseholdStatus.APPROVED)

    def with_status(self, status: HouseholdStatus) -> CarerHousehold:
        """A copy put on hold, back to approved, or left the scheme."""
        return dataclasses.replace(self, status=status)
