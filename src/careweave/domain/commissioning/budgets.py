"""Personal budgets: indicative, then agreed; how they are managed; Individual Service Funds.

A personal budget is the money the council agrees a person's support costs. It starts as a
proposal carrying the indicative figure of the resource allocation table, and is agreed (by the
practitioner with the person) at a weekly figure that may differ from it. It is managed one of
three ways: as a direct payment to the person, as an Individual Service Fund (ISF) held by a
provider the person chose, or by the council. An ISF is held for one person only, never pooled
with anyone else's money, under a three-way agreement signed by the person (or their
representative), the council and the provider; it cannot be agreed until all three have signed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import new_id, require_member, require_range, require_text

MAX_WEEKLY_PENCE = 1_000_000
# A budget runs 52 weeks unless told otherwise: it ends on the last day of the 52nd week.
DEFAULT_LENGTH = timedelta(days=7 * 52 - 1)


class Management(StrEnum):
    """Who holds and spends the money."""

    DIRECT_PAYMENT = "direct_payment"
    INDIVIDUAL_SERVICE_FUND = "individual_service_fund"
    COUNCIL_MANAGED = "council_managed"


class Funding(StrEnum):
    """Where the money comes from."""

    LOCAL_AUTHORITY = "local_authority"
    NHS_CONTINUING_HEALTHCARE = "nhs_continuing_healthcare"
    JOINT_HEALTH_AND_SOCIAL_CARE = "joint_health_and_social_care"


class BudgetStatus(StrEnum):
    """Where the budget is in its life."""

    PROPOSED = "proposed"
    AGREED = "agreed"


@dataclass(frozen=True, slots=True)
class IsfAgreement:
    """The three-way agreement of an ISF: the provider, and when each party signed."""

    provider: str
    person_signed_on: date | None = None
    council_signed_on: date | None = None
    provider_signed_on: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "provider", require_text("isf.provider", self.provider, max_length=120)
        )

    def unsigned_by(self, day: date) -> tuple[str, ...]:
        """The parties who had not signed by ``day``."""
        signed = {
            "person": self.person_signed_on,
            "council": self.council_signed_on,
            "provider": self.provider_signed_on,
        }
        return tuple(party for party, on in signed.items() if on is None or on > day)


@dataclass(frozen=True, slots=True)
class PersonalBudget:
    """One person's budget for a period (``starts_on`` to ``ends_on``, both included)."""

    person_id: str
    starts_on: date
    ends_on: date
    management: Management
    funding: Funding
    indicative_weekly_pence: int
    indicative_points: int
    isf: IsfAgreement | None = None
    status: BudgetStatus = BudgetStatus.PROPOSED
    agreed_weekly_pence: int | None = None
    agreed_on: date | None = None
    agreed_by: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        for name, kind in (
            ("management", Management),
            ("funding", Funding),
            ("status", BudgetStatus),
        ):
            object.__setattr__(
                self, name, require_member(f"budget.{name}", getattr(self, name), kind)
            )
        if self.ends_on < self.starts_on:
            raise DomainValidationError("budget.ends_on", "must not be before starts_on")
        _pence("budget.indicative_weekly_pence", self.indicative_weekly_pence)
        if self.management is Management.INDIVIDUAL_SERVICE_FUND and self.isf is None:
            raise DomainValidationError("budget.isf", "an ISF needs its provider and agreement")
        if self.management is not Management.INDIVIDUAL_SERVICE_FUND and self.isf is not None:
            raise DomainValidationError("budget.isf", "only an ISF has a three-way agreement")
        if self.status is BudgetStatus.AGREED and self.agreed_weekly_pence is None:
            raise DomainValidationError("budget.agreed_weekly_pence", "an agreed budget needs it")

    @property
    def is_agreed(self) -> bool:
        """Whether the budget has been agreed."""
        return self.status is BudgetStatus.AGREED

    @property
    def days(self) -> int:
        """Days the budget covers."""
        return (self.ends_on - self.starts_on).days + 1

    @property
    def period_pence(self) -> int:
        """The agreed budget over its whole period: weekly × days ÷ 7, rounded down to a penny."""
        if self.agreed_weekly_pence is None:
            return 0
        return self.agreed_weekly_pence * self.days // 7

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in the budget's period."""
        return self.starts_on <= day <= self.ends_on

    def agree(self, weekly_pence: int, on: date, by: str) -> PersonalBudget:
        """A copy agreed at ``weekly_pence`` on ``on`` by ``by`` (an ISF only once all three
        parties have signed)."""
        if self.is_agreed:
            raise DomainValidationError("budget.status", "the budget is agreed already")
        _pence("agreed_weekly_pence", weekly_pence)
        if weekly_pence == 0:
            raise DomainValidationError("agreed_weekly_pence", "must be more than nothing")
        if self.isf is not None:
            missing = self.isf.unsigned_by(on)
            if missing:
                raise DomainValidationError(
                    "isf", f"the ISF agreement is not signed yet by: {', '.join(missing)}"
                )
        return dataclasses.replace(
            self,
            status=BudgetStatus.AGREED,
            agreed_weekly_pence=weekly_pence,
            agreed_on=on,
            agreed_by=require_text("agreed_by", by, max_length=120),
        )

    def with_isf(self, isf: IsfAgreement) -> PersonalBudget:
        """A copy with the ISF agreement's signatures brought up to date (before agreement)."""
        if self.is_agreed:
            raise DomainValidationError("budget.status", "the budget is agreed already")
        return dataclasses.replace(self, isf=isf)


def _pence(field_name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainValidationError(field_name, "must be a whole number of pence")
    require_range(field_name, value, 0, MAX_WEEKLY_PENCE)
    return value


def overlapping(budgets: list[PersonalBudget], candidate: PersonalBudget) -> PersonalBudget | None:
    """An agreed budget of the same person whose period overlaps ``candidate``'s, if any: a
    person has one budget at a time, so money is never counted twice."""
    for other in budgets:
        if (
            other.id != candidate.id
            and other.is_agreed
            and other.person_id == candidate.person_id
            and other.starts_on <= candidate.ends_on
            and candidate.starts_on <= other.ends_on
        ):
            return other
    return None
