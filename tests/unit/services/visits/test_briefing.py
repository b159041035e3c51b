"""What a worker reads before a visit, and the coordinator told of an early check-in, on the
in-memory fakes."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from tests.integration.storage_builders import a_plan, an_agreement
from tests.unit.services.neighbourhood import DAY

from careweave.domain.errors import DomainValidationError, NotFoundError
from careweave.domain.plans.medicines import DayPart, PlanMedicine
from careweave.domain.telecare.setup import TelecareSetup
from careweave.domain.visits.recording import Lateness
from careweave.services.visits.recording import Submission

MORNING = PlanMedicine("Metformin 500 mg", frozenset({DayPart.MORNING}))
NIGHT = PlanMedicine("Senna 7.5 mg", frozenset({DayPart.BED}))
NOW = datetime.combine(DAY, time(8, 50))


@pytest.fixture
def briefed(uow, town):
    with uow() as u:
        plan = a_plan(town.person_a, agreement=an_agreement(), medicines=(MORNING, NIGHT))
        u.plans.add_version(plan)
        u.telecare_setups.save(TelecareSetup(town.person_a.id, key_safe_note="Key safe by door"))
        u.commit()
    return town


def test_the_worker_on_the_visit_reads_the_medicines_due_and_the_way_in(
    briefing_service, briefed, bob
):
    briefing = briefing_service.brief(bob, briefed.visit_a.id, NOW)
    assert briefing.medicines_due == (MORNING,)
    assert briefing.key_safe_note == "Key safe by door"
    assert briefing.has_background


def test_the_coordinator_reads_it_without_the_way_in_and_another_team_not_at_all(
    briefing_service, briefed, alice, charlie
):
    assert briefing_service.brief(alice, briefed.visit_a.id, NOW).key_safe_note == ""
    with pytest.raises(NotFoundError):
        briefing_service.brief(charlie, briefed.visit_a.id, NOW)


def test_an_early_check_in_tells_the_coordinator_once(recording_service, uow, town, bob):
    early = datetime.combine(DAY, time(7, 30))  # the window opens at 09:00
    with pytest.raises(DomainValidationError):
        recording_service.check_in(bob, Submission(town.visit_a.id, 1, "early-1", early))
    form = Submission(town.visit_a.id, 1, "early-2", early, reason="Transport at 8")
    recording_service.check_in(bob, form)
    with uow() as u:
        alerts = u.alerts.list(team_ids=[town.team_a.id], open_only=True)
    assert [(a.kind, a.reason) for a in alerts] == [(Lateness.EARLY_CHECK_IN, "Transport at 8")]
