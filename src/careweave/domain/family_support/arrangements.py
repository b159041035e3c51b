"""An arrangement between a person and a household, from introduction to its end.

The people decide, not the algorithm: a match proposed by the scheme starts as an introduction,
which both sides have a decision window to accept (seven days is common); it may go through a
trial stay; once agreed (with the household agreement) it becomes active, is reviewed, and one day
ends with a reason. An introduction or trial that does not go on is declined, and the factors the
person or household gave as reasons feed the scheme's weights report.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.calendar import Stay, check_no_overlap
from careweave.domain.family_support.factors import Factor
from careweave.domain.family_support.vocab import ArrangementType, members
from careweave.domain.values import new_id, require_member, require_range, require_text

DECISION_WINDOW_DAYS = 7
# The scheme's review cycle for a running arrangement (change it here for the whole scheme).
REVIEW_EVERY_DAYS = 182
SIX_MONTHS_DAYS = 182
MAX_RATE_PENCE = 100_000


class ArrangementStatus(StrEnum):
    """Where an arrangement is in its life."""

    INTRODUCTION = "introduction"
    TRIAL = "trial"
    AGREED = "agreed"
    ACTIVE = "active"
    ENDED = "ended"
    DECLINED = "declined"


# Statuses that hold a place (and a room) at the household.
LIVE = frozenset(
    {
        ArrangementStatus.INTRODUCTION,
        ArrangementStatus.TRIAL,
        ArrangementStatus.AGREED,
        ArrangementStatus.ACTIVE,
    }
)
DECIDING = frozenset({ArrangementStatus.INTRODUCTION, ArrangementStatus.TRIAL})


class DeclinedBy(StrEnum):
    """Who decided not to go on."""

    PERSON = "person"
    HOUSEHOLD = "household"
    SCHEME = "scheme"


class EndReason(StrEnum):
    """Why an arrangement ended."""

    PERSON_CHOSE = "person_chose"
    HOUSEHOLD_CHOSE = "household_chose"
    NEEDS_CHANGED = "needs_changed"
    MOVED_ON = "moved_on"
    CARER_RETIRED = "carer_retired"
    SAFEGUARDING = "safeguarding"
    DIED = "died"
    SHORT_BREAKS_COMPLETED = "short_breaks_completed"


@dataclass(frozen=True, slots=True)
class Decline:
    """Why an introduction or trial did not go on: who said no and which factors were the reason."""

    by: DeclinedBy
    factors: frozenset[Factor]
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "by", require_member("decline.by", self.by, DeclinedBy))
        object.__setattr__(self, "factors", members("decline.factors", self.factors, Factor))
        note = require_text("decline.note", self.note, max_length=1000, allow_empty=True)
        if not self.factors and not note:
            raise DomainValidationError("decline.note", "give a reason: a factor or a note")
        object.__setattr__(self, "note", note)


@dataclass(frozen=True, slots=True)
class Agreement:
    """The household agreement: what was agreed, and the day both sides signed it."""

    terms: str
    signed_on: date

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "terms", require_text("agreement.terms", self.terms, max_length=8000)
        )


@dataclass(frozen=True, slots=True)
class Review:
    """A review of a running arrangement with the person, the household and the scheme."""

    held_on: date
    notes: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "notes", require_text("review.notes", self.notes, max_length=4000))


@dataclass(frozen=True, slots=True)
class Arrangement:
    """One arrangement of a person (``referral_id``) with a household.

    Parameters
    ----------
    starts_on
        The first day (planned while deciding, actual once active).
    room
        The room the person uses (overnight kinds only).
    stays, weekdays
        Short breaks: the stays; day support: the days of the week (0 is Monday).
    rate_pence
        What the carer is paid per night (overnight kinds) or per day (day support).
    points
        The compatibility when the match was proposed, kept for the scheme's figures.
    """

    referral_id: str
    person_id: str
    household_id: str
    scheme_team_id: str
    arrangement_type: ArrangementType
    proposed_on: date
    starts_on: date
    rate_pence: int
    room: str | None = None
    stays: tuple[Stay, ...] = ()
    weekdays: frozenset[int] = frozenset()
    points: int = 0
    status: ArrangementStatus = ArrangementStatus.INTRODUCTION
    agreement: Agreement | None = None
    reviews: tuple[Review, ...] = ()
    ends_on: date | None = None
    end_reason: EndReason | None = None
    end_note: str = ""
    decline: Decline | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(
            self,
            "arrangement_type",
            require_member("arrangement.arrangement_type", self.arrangement_type, ArrangementType),
        )
        put(self, "status", require_member("arrangement.status", self.status, ArrangementStatus))
        require_range("arrangement.rate_pence", self.rate_pence, 0, MAX_RATE_PENCE)
        if self.starts_on < self.proposed_on:
            raise DomainValidationError(
                "arrangement.starts_on", "must not be before it was proposed"
            )
        if self.arrangement_type.overnight != (self.room is not None):
            raise DomainValidationError(
                "arrangement.room", "overnight arrangements, and only they, name a room"
            )
        self._check_kind_details()
        if (self.status is ArrangementStatus.ENDED) != (self.end_reason is not None):
            raise DomainValidationError(
                "arrangement.end_reason", "is given when, and only when, it ended"
            )
        if (self.status is ArrangementStatus.DECLINED) != (self.decline is not None):
            raise DomainValidationError(
                "arrangement.decline", "is given when, and only when, declined"
            )

    def _check_kind_details(self) -> None:
        short = self.arrangement_type is ArrangementType.SHORT_BREAKS
        if short != bool(self.stays):
            raise DomainValidationError(
                "arrangement.stays", "short breaks, and only they, have stays"
            )
        if short:
            object.__setattr__(self, "stays", check_no_overlap("arrangement.stays", self.stays))
        day = self.arrangement_type is ArrangementType.DAY_SUPPORT
        if day != bool(self.weekdays) or any(d not in range(7) for d in self.weekdays):
            raise DomainValidationError(
                "arrangement.weekdays", "day support, and only it, names weekdays 0 to 6"
            )

    # -- what it holds -------------------------------------------------------------------------

    @property
    def live(self) -> bool:
        """Whether it holds a place at the household (deciding, agreed or active)."""
        return self.status in LIVE

    def holds_night(self, night: date) -> bool:
        """Whether it takes an overnight place (and its room) on ``night``."""
        if not self.live or not self.arrangement_type.overnight:
            return False
        if self.arrangement_type is ArrangementType.SHORT_BREAKS:
            return any(night in stay.nights for stay in self.stays)
        return self.starts_on <= night and (self.ends_on is None or night < self.ends_on)

    def holds_from(self, day: date) -> bool:
        """Whether it still holds its place on ``day`` or any later day."""
        if not self.live:
            return False
        if self.arrangement_type is ArrangementType.SHORT_BREAKS:
            return any(stay.leave_on > day for stay in self.stays)
        return self.ends_on is None or self.ends_on > day

    # -- the lifecycle -------------------------------------------------------------------------

    @property
    def decide_by(self) -> date:
        """The end of the decision window after the introduction."""
        return self.proposed_on + timedelta(days=DECISION_WINDOW_DAYS)

    def decision_overdue(self, today: date) -> bool:
        """Whether the people are still deciding after the window closed."""
        return self.status in DECIDING and today > self.decide_by

    def _move(
        self, allowed: frozenset[ArrangementStatus], to: ArrangementStatus, **changes: object
    ) -> Arrangement:
        if self.status not in allowed:
            raise DomainValidationError(
                "arrangement.status",
                f"an arrangement in {self.status.value} cannot become {to.value}",
            )
        return dataclasses.replace(self, status=to, **changes)  # type: ignore[arg-type]

    def start_trial(self) -> Arrangement:
        """A copy in a trial stay or visits."""
        return self._move(frozenset({ArrangementStatus.INTRODUCTION}), ArrangementStatus.TRIAL)

    def agree(self, agreement: Agreement) -> Arrangement:
        """A copy agreed by both sides with the household agreement."""
        if agreement.signed_on < self.proposed_on:
            raise DomainValidationError(
                "agreement.signed_on", "must not be before the introduction"
            )
        return self._move(DECIDING, ArrangementStatus.AGREED, agreement=agreement)

    def activate(self, starts_on: date) -> Arrangement:
        """A copy running from ``starts_on``."""
        if self.agreement is not None and starts_on < self.agreement.signed_on:
            raise DomainValidationError("arrangement.starts_on", "must not be before the agreement")
        return self._move(
            frozenset({ArrangementStatus.AGREED}), ArrangementStatus.ACTIVE, starts_on=starts_on
        )

    def decline_with(self, decline: Decline) -> Arrangement:
        """A copy declined during introductions or the trial."""
        return self._move(DECIDING, ArrangementStatus.DECLINED, decline=decline)

    def with_review(self, review: Review) -> Arrangement:
        """A copy with ``review`` recorded."""
        if self.status is not ArrangementStatus.ACTIVE:
            raise DomainValidationError("review", "only a running arrangement is reviewed")
        if review.held_on < self.starts_on:
            raise DomainValidationError("review.held_on", "must not be before the start")
        return dataclasses.replace(self, reviews=(*self.reviews, review))

    def end(self, ends_on: date, reason: EndReason, note: str = "") -> Arrangement:
        """A copy ended on ``ends_on`` for ``reason``."""
        if ends_on < self.starts_on:
            raise DomainValidationError("arrangement.ends_on", "must not be before the start")
        note = require_text("arrangement.end_note", note, max_length=1000, allow_empty=True)
        reason = require_member("arrangement.end_reason", reason, EndReason)
        allowed = frozenset({ArrangementStatus.AGREED, ArrangementStatus.ACTIVE})
        return self._move(
            allowed, ArrangementStatus.ENDED, ends_on=ends_on, end_reason=reason, end_note=note
        )

    # -- reviews and figures -------------------------------------------------------------------

    def next_review_due(self) -> date | None:
        """When the next review is due (``None`` unless running)."""
        if self.status is not ArrangementStatus.ACTIVE:
            return None
        last = max((r.held_on for r in self.reviews), default=self.starts_on)
        return last + timedelta(days=REVIEW_EVERY_DAYS)

    def review_due(self, today: date, within_days: int = 0) -> bool:
        """Whether the next review falls within ``within_days`` of ``today`` (or is overdue)."""
        due = self.next_review_due()
        return due is not None and (due - today).days <= within_days

    def days_running(self, today: date) -> int:
        """Days from the start to the end (or to ``today`` while running); 0 before it started."""
        if self.status not in (ArrangementStatus.ACTIVE, ArrangementStatus.ENDED):
            return 0
        last = self.ends_on if self.ends_on is not None else today
        return max(0, (last - self.starts_on).days)

    def lasted_six_months(self, today: date) -> bool:
        """Whether it has run, or ran, for more than six months."""
        return self.days_running(today) > SIX_MONTHS_DAYS
