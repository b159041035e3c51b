"""Risk enablement: "risk aware, not risk averse".

Each risk records who is at risk, how likely and how bad it would be, what the person thinks, and
the positive risk-taking decision that was agreed, with what will keep the risk acceptable. It is
linked to the care and support plan it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import new_id, require_member, require_text


class AtRisk(StrEnum):
    """Who could be harmed."""

    PERSON = "person"
    CARER = "carer"
    WORKER = "worker"
    OTHERS = "others"


class Likelihood(IntEnum):
    """How likely the harm is (1 rare … 5 almost certain)."""

    RARE = 1
    UNLIKELY = 2
    POSSIBLE = 3
    LIKELY = 4
    ALMOST_CERTAIN = 5


class Severity(IntEnum):
    """How bad the harm would be (1 negligible … 5 catastrophic)."""

    NEGLIGIBLE = 1
    MINOR = 2
    MODERATE = 3
    MAJOR = 4
    CATASTROPHIC = 5


class RiskDecision(StrEnum):
    """The agreed positive risk-taking decision."""

    TAKE_THE_RISK = "take_the_risk"
    TAKE_THE_RISK_WITH_SAFEGUARDS = "take_the_risk_with_safeguards"
    REDUCE_THE_RISK = "reduce_the_risk"
    AVOID_THE_ACTIVITY = "avoid_the_activity"


@dataclass(frozen=True, slots=True)
class Risk:
    """One risk in a person's life, seen with them, and what was agreed."""

    person_id: str
    plan_id: str
    description: str
    at_risk: frozenset[AtRisk]
    likelihood: Likelihood
    impact: Severity
    persons_view: str
    decision: RiskDecision
    decision_reason: str
    agreed_by: str
    agreed_on: date
    safeguards: str = ""
    review_on: date | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _set = object.__setattr__
        _set(
            self, "description", require_text("risk.description", self.description, max_length=1000)
        )
        if not self.at_risk:
            raise DomainValidationError("risk.at_risk", "say who is at risk")
        _set(
            self,
            "at_risk",
            frozenset(require_member("risk.at_risk", a, AtRisk) for a in self.at_risk),
        )
        _set(self, "likelihood", _level("risk.likelihood", self.likelihood, Likelihood))
        _set(self, "impact", _level("risk.impact", self.impact, Severity))
        _set(
            self,
            "persons_view",
            require_text("risk.persons_view", self.persons_view, max_length=2000),
        )
        _set(self, "decision", require_member("risk.decision", self.decision, RiskDecision))
        _set(
            self,
            "decision_reason",
            require_text("risk.decision_reason", self.decision_reason, max_length=2000),
        )
        _set(self, "agreed_by", require_text("risk.agreed_by", self.agreed_by, max_length=120))
        _set(
            self,
            "safeguards",
            require_text("risk.safeguards", self.safeguards, max_length=2000, allow_empty=True),
        )
        if not isinstance(self.agreed_on, date):
            raise DomainValidationError("risk.agreed_on", "must be a date")
        if self.decision == RiskDecision.TAKE_THE_RISK_WITH_SAFEGUARDS and not self.safeguards:
            raise DomainValidationError("risk.safeguards", "say which safeguards were agreed")
        if self.review_on is not None and self.review_on < self.agreed_on:
            raise DomainValidationError(
                "risk.review_on", "must not be before the day it was agreed"
            )

    @property
    def rating(self) -> int:
        """Likelihood times impact, 1 to 25."""
        return int(self.likelihood) * int(self.impact)


def _level(
    field_name: str, value: object, kind: type[Likelihood] | type[Severity]
) -> Likelihood | Severity:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise DomainValidationError(
            field_name, f"must be a whole number from 1 to 5, got {value!r}"
        )
    return kind(value)
