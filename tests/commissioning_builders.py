"""Builders of commissioning records for the unit and integration tests."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from tests.integration.storage_builders import a_visit

from careweave.domain.commissioning.budgets import IsfAgreement
from careweave.domain.people.person import EligibilityOutcome, Person
from careweave.domain.plans.eligibility import (
    EligibilityAssessment,
    Impact,
    OutcomeFinding,
    UnableReason,
    WellbeingArea,
)
from careweave.domain.visits.recording import CheckPoint, VisitRecord, start_visit
from careweave.domain.visits.visit import Visit, VisitStatus
from careweave.domain.workforce.workers import Worker

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


def a_done_visit(
    person: Person, worker: Worker, day: date, minutes: int, *, outcome_based: bool = False
) -> tuple[Visit, VisitRecord]:
    """A visit to ``person`` on ``day`` that ``worker`` did, checked in at 09:00 and out
    ``minutes`` later; an outcome-based one (30 to 60 minutes) was planned for 40 minutes."""
    visit = a_visit(
        person,
        day,
        start=time(9),
        duration_min=30,
        duration_max=60 if outcome_based else 30,
        required_skills=frozenset(),
    )
    visit.assign((worker.id,), time(9), 40 if outcome_based else None)
    arrived = datetime.combine(day, time(9))  # wall-clock time, like every check-in
    record = start_visit(visit, worker.id, CheckPoint(arrived))
    record.finish(CheckPoint(arrived + timedelta(minutes=minutes)))
    visit.move_to(VisitStatus.DONE)
    return visit, record
