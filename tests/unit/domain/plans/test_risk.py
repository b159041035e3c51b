"""Risk enablement records."""

from __future__ import annotations

from datetime import date

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.plans.risk import AtRisk, Likelihood, Risk, RiskDecision, Severity


def risk(**changes: object) -> Risk:
    fields: dict[str, object] = {
        "person_id": "p1",
        "plan_id": "plan1",
        "description": "Falls when walking to the shop alone",
        "at_risk": frozenset({AtRisk.PERSON}),
        "likelihood": Likelihood.POSSIBLE,
        "impact": Severity.MAJOR,
        "persons_view": "I would rather risk a fall than stay in",
        "decision": RiskDecision.TAKE_THE_RISK_WITH_SAFEGUARDS,
        "decision_reason": "Walking matters to her and keeps her strong",
        "agreed_by": "Sam",
        "agreed_on": date(2026, 3, 1),
        "safeguards": "Pendant alarm; walks in daylight",
    }
    fields.update(changes)
    return Risk(**fields)  # type: ignore[arg-type]


def test_rating_is_likelihood_times_impact() -> None:
    assert risk().rating == 12
    assert risk(likelihood=1, impact=5).rating == 5


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"at_risk": frozenset()}, "risk.at_risk"),
        ({"at_risk": frozenset({"cat"})}, "risk.at_risk"),
        ({"likelihood": 6}, "risk.likelihood"),
        ({"impact": 0}, "risk.impact"),
        ({"persons_view": ""}, "risk.persons_view"),
        ({"decision": "ignore"}, "risk.decision"),
        ({"decision_reason": " "}, "risk.decision_reason"),
        ({"safeguards": ""}, "risk.safeguards"),
        ({"review_on": date(2026, 2, 1)}, "risk.review_on"),
    ],
)
def test_bad_risk_input_names_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(DomainValidationError) as err:
        risk(**changes)
    assert err.value.field == field


def test_taking_the_risk_without_safeguards_is_allowed() -> None:
    assert (
        risk(decision=RiskDecision.TAKE_THE_RISK, safeguards="").decision
        == RiskDecision.TAKE_THE_RISK
    )
