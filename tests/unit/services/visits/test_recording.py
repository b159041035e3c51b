"""Recording a visit on the in-memory fakes: check in, outcomes and check out, once per form sent,
only by a worker on the visit, on the version the form was drawn from, and all or nothing."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from tests.integration.storage_builders import a_goal, a_plan, an_agreement
from tests.unit.services.neighbourhood import DAY

from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import (
    ConflictError,
    DomainValidationError,
    NotFoundError,
    PermissionDeniedError,
)
from careweave.domain.plans.gas import GoalLifecycleStatus
from careweave.domain.visits.recording import (
    MedicationOutcome,
    MedicationResult,
    Outcomes,
    ProgressNote,
    TaskDone,
    TaskMode,
)
from careweave.domain.visits.visit import VisitStatus
from careweave.services.visits.recording import Submission

OUTCOMES = Outcomes(
    tasks=(TaskDone("breakfast together", TaskMode.WITH),),
    notes="Made porridge together",
    medications=(MedicationOutcome("Metformin 500 mg", MedicationResult.ADMINISTERED),),
)


def _form(visit, key, at, version=1):
    return Submission(visit.id, version, key, datetime.combine(DAY, at))


def _visit(uow, visit):
    with uow() as u:
        return u.visits.get(visit.id)


def _records(uow, visit):
    with uow() as u:
        return u.visit_records.list_for_visits([visit.id])


def test_a_worker_on_the_visit_checks_in_once_however_often_the_form_is_sent(
    recording_service, uow, town, bob, audit_trail
):
    form = _form(town.visit_a, "in-1", time(9, 5))
    first = recording_service.check_in(bob, form)
    again = recording_service.check_in(bob, form)
    assert (first.repeated, again.repeated, again.record) == (False, True, first.record)
    assert _records(uow, town.visit_a) == [first.record]
    visit = _visit(uow, town.visit_a)
    assert (visit.status, visit.version) == (VisitStatus.IN_PROGRESS, 2)
    assert [(e.username, e.action, e.detail) for e in audit_trail()] == [
        ("bob", AuditAction.CREATE, "checked in")
    ]


@pytest.mark.parametrize(
    ("persona", "error"),
    [
        ("alice", PermissionDeniedError),
        ("charlie", NotFoundError),
        ("dora", NotFoundError),
        ("pat", NotFoundError),
    ],
    indirect=["persona"],
)
def test_nobody_but_a_worker_on_the_visit_records_it(
    recording_service, town, persona, error, nothing_written
):
    with nothing_written(), pytest.raises(error):
        recording_service.check_in(persona, _form(town.visit_a, "in-1", time(9, 5)))


def test_a_form_drawn_from_an_older_version_is_a_conflict(
    recording_service, town, bob, nothing_written
):
    with nothing_written(), pytest.raises(ConflictError) as conflict:
        recording_service.check_in(bob, _form(town.visit_a, "in-1", time(9, 5), version=2))
    assert conflict.value.field == "visit.version"


def test_a_check_in_on_another_day_is_refused(recording_service, town, bob, nothing_written):
    form = Submission(town.visit_a.id, 1, "in-1", datetime(2026, 3, 3, 9, 5))
    with nothing_written(), pytest.raises(DomainValidationError) as refused:
        recording_service.check_in(bob, form)
    assert refused.value.field == "check_in.at"


def test_a_second_check_in_fails_half_way_and_leaves_nothing_of_itself(
    recording_service, town, bob, nothing_written
):
    recording_service.check_in(bob, _form(town.visit_a, "in-1", time(9, 5)))
    # The visit is saved (its version moves on) before the record is refused: all is undone.
    with nothing_written(), pytest.raises(ConflictError, match="already checked in"):
        recording_service.check_in(bob, _form(town.visit_a, "in-2", time(9, 6), version=2))


def test_outcomes_and_check_out_finish_the_visit_once(
    recording_service, uow, town, bob, audit_trail
):
    recording_service.check_in(bob, _form(town.visit_a, "in-1", time(9, 5)))
    form = _form(town.visit_a, "out-1", time(9, 40), version=2)
    done = recording_service.record_outcomes(bob, form, OUTCOMES, check_out=True)
    again = recording_service.record_outcomes(bob, form, OUTCOMES, check_out=True)
    assert (done.record.minutes_on_visit, done.record.outcomes) == (35, OUTCOMES)
    assert (again.repeated, again.record) == (True, done.record)
    assert _records(uow, town.visit_a) == [done.record]
    assert _visit(uow, town.visit_a).status is VisitStatus.DONE
    assert [e.detail for e in audit_trail()] == ["checked in", "checked out"]


def test_outcomes_need_a_check_in_first(recording_service, town, bob, nothing_written):
    with nothing_written(), pytest.raises(DomainValidationError, match="check in"):
        recording_service.record_outcomes(
            bob, _form(town.visit_a, "out-1", time(9, 40)), OUTCOMES, check_out=True
        )


def test_a_key_used_again_for_other_outcomes_is_a_conflict(
    recording_service, town, bob, nothing_written
):
    recording_service.check_in(bob, _form(town.visit_a, "in-1", time(9, 5)))
    with nothing_written(), pytest.raises(ConflictError, match="Idempotency-Key"):
        recording_service.record_outcomes(
            bob, _form(town.visit_a, "in-1", time(9, 6), version=2), OUTCOMES, check_out=False
        )


@pytest.fixture
def agreed_goals(uow, town):
    """Person A's agreed plan: a goal she works on and one she has met."""
    working = a_goal("Make my own breakfast")
    met = a_goal("Get to the shop", lifecycle_status=GoalLifecycleStatus.COMPLETED)
    with uow() as u:
        u.plans.add_version(a_plan(town.person_a, working, met, agreement=an_agreement()))
        u.commit()
    return working, met


def test_progress_is_noted_on_a_goal_she_is_working_on(
    recording_service, uow, town, bob, agreed_goals
):
    working, _ = agreed_goals
    recording_service.check_in(bob, _form(town.visit_a, "in-1", time(9, 5)))
    noted = Outcomes(progress=ProgressNote(working.id, "Buttered her own toast"))
    form = _form(town.visit_a, "out-1", time(9, 40), version=2)
    recording_service.record_outcomes(bob, form, noted, check_out=True)
    (record,) = _records(uow, town.visit_a)
    assert record.outcomes.progress == noted.progress


def test_progress_on_a_goal_she_has_met_is_refused(
    recording_service, uow, town, bob, agreed_goals, nothing_written
):
    _, met = agreed_goals
    recording_service.check_in(bob, _form(town.visit_a, "in-1", time(9, 5)))
    form = _form(town.visit_a, "out-1", time(9, 40), version=2)
    noted = Outcomes(progress=ProgressNote(met.id, "Walked to the shop"))
    with nothing_written(), pytest.raises(DomainValidationError) as refused:
        recording_service.record_outcomes(bob, form, noted, check_out=True)
    assert refused.value.field == "progress_note.goal_id"


def test_progress_before_she_has_agreed_a_plan_is_refused(
    recording_service, town, bob, nothing_written
):
    recording_service.check_in(bob, _form(town.visit_a, "in-1", time(9, 5)))
    form = _form(town.visit_a, "out-1", time(9, 40), version=2)
    noted = Outcomes(progress=ProgressNote("any-goal", "Walked to the shop"))
    with nothing_written(), pytest.raises(DomainValidationError, match="no agreed plan"):
        recording_service.record_outcomes(bob, form, noted, check_out=True)
