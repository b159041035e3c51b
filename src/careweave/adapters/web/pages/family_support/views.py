"""What the family-support pages show, worked out here so that templates get booleans and words,
never a status to compare."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careweave.domain.family_support.arrangements import (
    DECIDING,
    Arrangement,
    ArrangementStatus,
)
from careweave.domain.family_support.households import CarerHousehold
from careweave.domain.family_support.vocab import ARRANGEMENT_TYPE_TITLES

STATUS_WORDS = {
    ArrangementStatus.INTRODUCTION: "Introductions",
    ArrangementStatus.TRIAL: "Trial",
    ArrangementStatus.AGREED: "Agreed",
    ArrangementStatus.ACTIVE: "Running",
    ArrangementStatus.ENDED: "Ended",
    ArrangementStatus.DECLINED: "Did not go ahead",
}
TRAINING_WARNING_DAYS = 60


@dataclass(frozen=True, slots=True)
class HouseholdLine:
    """A household as its list and page show it."""

    household: CarerHousehold
    status: str
    approved: bool
    problems: tuple[str, ...]
    training_due: tuple[str, ...]

    @classmethod
    def of(cls, household: CarerHousehold, today: date) -> HouseholdLine:
        """The household on ``today``."""
        due = household.training_due(today, TRAINING_WARNING_DAYS)
        return cls(
            household,
            household.status.value.replace("_", " ").capitalize(),
            household.approved_on(today),
            household.check_problems(today),
            tuple(f"{t.skill.value.replace('_', ' ')} by {t.due_on:%d %b %Y}" for t in due),
        )

    @property
    def approval_lapsed(self) -> bool:
        """The panel approved the household once, but that approval is not in date today."""
        return self.household.approval is not None and not self.approved


@dataclass(frozen=True, slots=True)
class ArrangementLine:
    """An arrangement with what may be done next, as booleans."""

    arrangement: Arrangement
    kind: str
    status: str
    decision_overdue: bool
    review_due: bool
    can_trial: bool
    can_decide: bool
    can_start: bool
    can_review: bool
    can_end: bool

    @classmethod
    def of(cls, a: Arrangement, today: date) -> ArrangementLine:
        """The arrangement on ``today``."""
        return cls(
            a,
            ARRANGEMENT_TYPE_TITLES[a.arrangement_type],
            STATUS_WORDS[a.status],
            a.decision_overdue(today),
            a.review_due(today, 28),
            a.status is ArrangementStatus.INTRODUCTION,
            a.status in DECIDING,
            a.status is ArrangementStatus.AGREED,
            a.status is ArrangementStatus.ACTIVE,
            a.status in (ArrangementStatus.AGREED, ArrangementStatus.ACTIVE),
        )
