"""Social prescribing: a referral to a link worker, a "what matters to me" conversation, a plan
that links the person to directory services, follow-ups and wellbeing measured on the way.

The referral is coded as the NHS codes it (SNOMED CT, UK edition): 871731000000106 "Referral to
social prescribing service" and, once the person declines, 871711000000103 "Social prescribing
declined".
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from careweave.domain.community.wellbeing import Ons4, Swemwbs
from careweave.domain.errors import DomainValidationError
from careweave.domain.values import new_id, require_member, require_text

SNOMED_REFERRED = "871731000000106"
SNOMED_DECLINED = "871711000000103"
SNOMED_TITLES = {
    SNOMED_REFERRED: "Referral to social prescribing service",
    SNOMED_DECLINED: "Social prescribing declined",
}
LONG_TEXT = 4000


class ReferralSource(StrEnum):
    """Who made the referral."""

    GP = "gp"
    WORKER = "worker"
    SELF = "self"
    OTHER = "other"


class LinkStatus(StrEnum):
    """How a service in the plan is going."""

    SUGGESTED = "suggested"
    STARTED = "started"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class PlannedService:
    """A directory service the plan links the person to."""

    service_id: str
    note: str = ""
    status: LinkStatus = LinkStatus.SUGGESTED

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "service_id", require_text("plan.service_id", self.service_id, max_length=36)
        )
        object.__setattr__(
            self,
            "note",
            require_text("plan.note", self.note, max_length=LONG_TEXT, allow_empty=True),
        )
        object.__setattr__(self, "status", require_member("plan.status", self.status, LinkStatus))


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A contact after the plan was made: how it is going."""

    held_on: date
    note: str

    def __post_init__(self) -> None:
        if not isinstance(self.held_on, date):
            raise DomainValidationError("follow_up.held_on", "must be a date")
        object.__setattr__(
            self, "note", require_text("follow_up.note", self.note, max_length=LONG_TEXT)
        )


@dataclass(frozen=True, slots=True)
class WellbeingRecord:
    """Wellbeing measured on a day (either measure, or both)."""

    taken_on: date
    ons4: Ons4 | None = None
    swemwbs: Swemwbs | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.taken_on, date):
            raise DomainValidationError("wellbeing.taken_on", "must be a date")
        if self.ons4 is None and self.swemwbs is None:
            raise DomainValidationError("wellbeing", "record ONS4, SWEMWBS or both")


@dataclass(frozen=True, slots=True)
class Referral:
    """One social prescribing referral and the work with the person that follows.

    ``link_worker_id`` is the user who holds it on their caseload; ``first_contact_on`` the day the
    link worker first spoke with the person.
    """

    person_id: str
    referred_on: date
    source: ReferralSource
    reason: str
    referrer: str = ""
    link_worker_id: str | None = None
    first_contact_on: date | None = None
    what_matters: str = ""
    plan: tuple[PlannedService, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    wellbeing: tuple[WellbeingRecord, ...] = ()
    declined_on: date | None = None
    declined_reason: str = ""
    closed_on: date | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if not isinstance(self.referred_on, date):
            raise DomainValidationError("referral.referred_on", "must be a date")
        object.__setattr__(
            self, "source", require_member("referral.source", self.source, ReferralSource)
        )
        object.__setattr__(
            self, "reason", require_text("referral.reason", self.reason, max_length=LONG_TEXT)
        )
        object.__setattr__(
            self, "referrer", require_text("referral.referrer", self.referrer, allow_empty=True)
        )
        object.__setattr__(
            self,
            "what_matters",
            require_text(
                "referral.what_matters", self.what_matters, max_length=LONG_TEXT, allow_empty=True
            ),
        )
        object.__setattr__(
            self,
            "declined_reason",
            require_text(
                "referral.declined_reason",
                self.declined_reason,
                max_length=LONG_TEXT,
                allow_empty=True,
            ),
        )
        for name in ("first_contact_on", "declined_on", "closed_on"):
            value = getattr(self, name)
            if value is not None and value < self.referred_on:
                raise DomainValidationError(f"referral.{name}", "must not be before the referral")
        if len({p.service_id for p in self.plan}) != len(self.plan):
            raise DomainValidationError("referral.plan", "a service is in the plan twice")

    # -- rules -----------------------------------------------------------------------------

    @property
    def declined(self) -> bool:
        """Whether the person declined social prescribing."""
        return self.declined_on is not None

    @property
    def open(self) -> bool:
        """Whether the link worker is still working with the person."""
        return self.declined_on is None and self.closed_on is None

    @property
    def snomed_code(self) -> str:
        """The SNOMED CT concept that records the referral as it stands."""
        return SNOMED_DECLINED if self.declined else SNOMED_REFERRED

    def days_to_first_contact(self) -> int | None:
        """Days from the referral to the first contact (``None`` until contacted)."""
        return (
            None
            if self.first_contact_on is None
            else (self.first_contact_on - self.referred_on).days
        )

    def _require_open(self, what: str) -> None:
        if not self.open:
            raise DomainValidationError(
                "referral", f"the referral is {'declined' if self.declined else 'closed'}; {what}"
            )

    def contacted(self, on: date, link_worker_id: str) -> Referral:
        """The first contact made on ``on`` by the link worker, who takes the referral on."""
        self._require_open("it cannot be taken on")
        if self.first_contact_on is not None:
            raise DomainValidationError(
                "referral.first_contact_on", "the first contact is already recorded"
            )
        return dataclasses.replace(self, first_contact_on=on, link_worker_id=link_worker_id)

    def with_what_matters(self, words: str) -> Referral:
        """The "what matters to me" conversation, in the person's words."""
        self._require_open("record it on a new referral")
        return dataclasses.replace(self, what_matters=words)

    def with_service(self, service_id: str, note: str) -> Referral:
        """The plan with a directory service added."""
        self._require_open("the plan cannot change")
        return dataclasses.replace(self, plan=(*self.plan, PlannedService(service_id, note)))

    def with_service_status(self, service_id: str, status: LinkStatus) -> Referral:
        """The plan with how one of its services is going."""
        self._require_open("the plan cannot change")
        if service_id not in {p.service_id for p in self.plan}:
            raise DomainValidationError("plan.service_id", "is not in the plan")
        plan = tuple(
            dataclasses.replace(p, status=status) if p.service_id == service_id else p
            for p in self.plan
        )
        return dataclasses.replace(self, plan=plan)

    def with_follow_up(self, follow_up: FollowUp) -> Referral:
        """A follow-up added."""
        self._require_open("follow-ups are over")
        if follow_up.held_on < self.referred_on:
            raise DomainValidationError("follow_up.held_on", "must not be before the referral")
        return dataclasses.replace(self, follow_ups=(*self.follow_ups, follow_up))

    def with_wellbeing(self, record: WellbeingRecord) -> Referral:
        """Wellbeing measured (allowed after closing too: the last measure often comes then)."""
        if record.taken_on < self.referred_on:
            raise DomainValidationError("wellbeing.taken_on", "must not be before the referral")
        return dataclasses.replace(
            self, wellbeing=tuple(sorted((*self.wellbeing, record), key=lambda r: r.taken_on))
        )

    def decline(self, on: date, reason: str) -> Referral:
        """The person declined."""
        self._require_open("it cannot be declined")
        return dataclasses.replace(self, declined_on=on, declined_reason=reason)

    def close(self, on: date) -> Referral:
        """The work with the person ended."""
        self._require_open("it is already over")
        return dataclasses.replace(self, closed_on=on)

    def swemwbs_first_and_last(self) -> tuple[Swemwbs, Swemwbs] | None:
        """The first and last SWEMWBS taken, when there are two on different days."""
        days = [r.taken_on for r in self.wellbeing if r.swemwbs is not None]
        scores = [r.swemwbs for r in self.wellbeing if r.swemwbs is not None]
        if len(scores) < 2 or days[0] == days[-1]:
            return None
        return scores[0], scores[-1]
