"""Builders of commissioning records for the unit and integration tests."""

from __future__ import annotations

from datetime import date

from careweave.domain.commissioning.budgets import IsfAgreement
from careweave.domain.people.person import EligibilityOutcome
from careweave.domain.plans.eligibility import (
    EligibilityAssessment,
    Impact,
    OutcomeFinding,
    UnableReason,
    WellbeingArea,
)

ASSESSED_ON = date(2026, 2, 2)


def an_assessment(person_id: str, *, eligible: bool = True) -> EligibilityAssessment:
    """An assessment finding the person unable to achieve nutrition (two reasons) and personal
    hygiene (one reason), with one significant well-being impact; or able to do everything."""
    findings = (
        OutcomeFinding(
            EligibilityOutcome.NUTRITION,
            unable=eligible,
            reasons=frozenset(
                {UnableReason.CANNOT_WITHOUT_HELP, UnableReason.ENDANGERS_HEALTH_OR_SAFETY}
            )
            if eligible
            else frozenset(),
        ),
        OutcomeFinding(
            EligibilityOutcome.PERSONAL_HYGIENE,
            unable=eligible,
            reasons=frozenset({UnableReason.CANNOT_WITHOUT_HELP}) if eligible else frozenset(),
        ),
    )
    return EligibilityAssessment(
        person_id=person_id,
        assessed_on=ASSESSED_ON,
        assessed_by="Pat Poplar",
        arises_from_impairment_or_illness=True,
        findings=findings,
        wellbeing=((WellbeingArea.PERSONAL_DIGNITY, Impact.SIGNIFICANT),),
    )


def a_signed_isf(provider: str = "Wigan Homecare Ltd", on: date = ASSESSED_ON) -> IsfAgreement:
    """An ISF agreement every party signed on ``on``."""
    return IsfAgreement(provider, on, on, on)
