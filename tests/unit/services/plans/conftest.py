"""The plans use cases under test, built in one place (see ``tests/unit/services/conftest.py``),
and a plan for person A to work on."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from tests.integration.storage_builders import a_goal
from tests.unit.services.neighbourhood import Neighbourhood, UowFactory

from careweave.clock import FixedClock
from careweave.domain.plans.care_plan import CarePlan, FundingSource
from careweave.services.accounts.access import Actor
from careweave.services.plans.eligibility import AssessmentService
from careweave.services.plans.plans import PlanDraft, PlanService


@pytest.fixture
def plan_service(uow: UowFactory, clock: FixedClock) -> PlanService:
    """The care and support plan service on the fakes."""
    return PlanService(uow, clock)


@pytest.fixture
def assessment_service(uow: UowFactory, clock: FixedClock) -> AssessmentService:
    """The conversations and eligibility service on the fakes."""
    return AssessmentService(uow, clock)


def a_draft(**changes: Any) -> PlanDraft:
    """What a practitioner writes: two goals in the person's words and a review date."""
    fields: dict[str, Any] = {
        "review_on": date(2026, 6, 1),
        "review_by": "Pat Poplar",
        "funding_source": FundingSource.LOCAL_AUTHORITY,
        "goals": (a_goal("Walk to the shop"), a_goal("See my friends on Sunday")),
    }
    fields.update(changes)
    return PlanDraft(**fields)


@pytest.fixture
def plan(plan_service: PlanService, town: Neighbourhood, pat: Actor) -> CarePlan:
    """Version 1 of person A's plan, made by her practitioner."""
    return plan_service.create(pat, town.person_a.id, a_draft())
