"""Rules of visit recording: check-in/out, outcomes, medication reasons, late and missed."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import Location
from careweave.domain.visits.recording import (
    Alert,
    CheckPoint,
    Lateness,
    MedicationOutcome,
    MedicationResult,
    Outcomes,
    ProgressNote,
    TaskDone,
    TaskMode,
    finish_visit_if_complete,
    late_at,
    lateness,
    missed_at,
    start_visit,
)
from careweave.domain.visits.visit import Visit, VisitStatus

DAY = date(2026, 3, 2)
HOME = Location(51.5, -0.1)


def _visit(start: time = time(9, 0), end: time = time(9, 30), workers: int = 1) -> Visit:
    visit = Visit(
        person_id="p1",
        day=DAY,
        window_start=start,
        window_end=end,
        duration_min=30,
        workers_needed=workers,
    )
    visit.assign(("w1", "w2")[:workers], start)
    return visit


def _at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute))


# --- late and missed boundaries -------------------------------------------------------------


def test_visit_is_on_time_until_15_minutes_after_window_end() -> None:
    visit = _visit()
    assert lateness(visit, _at(9, 44)) is None
    assert lateness(visit, _at(9, 45)) is Lateness.LATE
    assert late_at(visit) == _at(9, 45)


def test_visit_is_missed_two_hours_after_window_end() -> None:
    visit = _visit()
    assert lateness(visit, _at(11, 29)) is Lateness.LATE
    assert lateness(visit, _at(11, 30)) is Lateness.MISSED
    assert missed_at(visit) == _at(11, 30)


def test_late_evening_visit_is_missed_at_end_of_its_day() -> None:
    visit = _visit(time(22, 30), time(23, 0))
    assert missed_at(visit) == datetime.combine(DAY + timedelta(days=1), time(0, 0))
    assert lateness(visit, _at(23, 59)) is Lateness.LATE
    assert lateness(visit, missed_at(visit)) is Lateness.MISSED


def test_started_done_or_cancelled_visits_are_never_late() -> None:
    visit = _visit()
    start_visit(visit, "w1", CheckPoint(at=_at(9, 50)))
    assert lateness(visit, _at(12, 0)) is None
    cancelled = _visit()
    cancelled.move_to(VisitStatus.CANCELLED)
    assert lateness(cancelled, _at(12, 0)) is None


def test_unassigned_planned_visit_can_be_late_too() -> None:
    visit = _visit()
    visit.unassign()
    assert lateness(visit, _at(10, 0)) is Lateness.LATE


# --- check in and out ----------------------------------------------------------------------


def test_check_in_moves_visit_in_progress_and_measures_distance() -> None:
    visit = _visit()
    near = Location(51.5009, -0.1)  # about 100 m north
    record = start_visit(visit, "w1", CheckPoint.taken(_at(9, 5), near, HOME))
    assert visit.status is VisitStatus.IN_PROGRESS
    assert record.check_in.distance_km == pytest.approx(0.1, abs=0.005)
    assert not record.check_in.away_from_home
    far = CheckPoint.taken(_at(9, 5), Location(51.51, -0.1), HOME)
    assert far.away_from_home


def test_check_in_without_location_has_no_distance() -> None:
    point = CheckPoint.taken(_at(9, 0), None, HOME)
    assert point.distance_km is None
    assert not point.away_from_home


def test_only_an_assigned_worker_may_check_in() -> None:
    with pytest.raises(DomainValidationError) as caught:
        start_visit(_visit(), "stranger", CheckPoint(at=_at(9, 0)))
    assert caught.value.field == "worker_id"


def test_check_in_on_another_day_is_refused() -> None:
    with pytest.raises(DomainValidationError) as caught:
        start_visit(_visit(), "w1", CheckPoint(at=_at(9, 0, DAY + timedelta(days=1))))
    assert caught.value.field == "check_in.at"


def test_cancelled_visit_cannot_be_started() -> None:
    visit = _visit()
    visit.move_to(VisitStatus.CANCELLED)
    with pytest.raises(DomainValidationError, match="cancelled visit cannot be started"):
        start_visit(visit, "w1", CheckPoint(at=_at(9, 0)))


def test_check_out_finishes_single_handed_visit() -> None:
    visit = _visit()
    record = start_visit(visit, "w1", CheckPoint(at=_at(9, 5)))
    record.finish(CheckPoint(at=_at(9, 40)))
    assert record.minutes_on_visit == 35
    assert finish_visit_if_complete(visit, [record])
    assert visit.status is VisitStatus.DONE


def test_double_handed_visit_is_done_only_when_both_have_checked_out() -> None:
    visit = _visit(workers=2)
    first = start_visit(visit, "w1", CheckPoint(at=_at(9, 5)))
    second = start_visit(visit, "w2", CheckPoint(at=_at(9, 6)))
    first.finish(CheckPoint(at=_at(9, 40)))
    assert not finish_visit_if_complete(visit, [first, second])
    second.finish(CheckPoint(at=_at(9, 41)))
    assert finish_visit_if_complete(visit, [first, second])


def test_check_out_before_check_in_is_refused() -> None:
    record = start_visit(_visit(), "w1", CheckPoint(at=_at(9, 5)))
    with pytest.raises(DomainValidationError) as caught:
        record.finish(CheckPoint(at=_at(9, 0)))
    assert caught.value.field == "check_out.at"


def test_finished_record_is_not_rewritten() -> None:
    record = start_visit(_visit(), "w1", CheckPoint(at=_at(9, 5)))
    record.finish(CheckPoint(at=_at(9, 40)))
    with pytest.raises(DomainValidationError, match="checked out already"):
        record.record(Outcomes(notes="later"))
    with pytest.raises(DomainValidationError, match="checked out already"):
        record.finish(CheckPoint(at=_at(9, 50)))


# --- outcomes ------------------------------------------------------------------------------


@pytest.mark.parametrize("result", [MedicationResult.REFUSED, MedicationResult.NOT_GIVEN])
def test_refused_and_not_given_need_a_reason(result: MedicationResult) -> None:
    with pytest.raises(DomainValidationError) as caught:
        MedicationOutcome("Paracetamol 500 mg", result, "  ")
    assert caught.value.field == "medication.reason"
    assert MedicationOutcome("Paracetamol 500 mg", result, "felt sick").reason == "felt sick"


@pytest.mark.parametrize("result", [MedicationResult.ADMINISTERED, MedicationResult.ALREADY_TAKEN])
def test_administered_and_already_taken_need_no_reason(result: MedicationResult) -> None:
    assert MedicationOutcome("Metformin", result).reason == ""


def test_unknown_medication_result_names_the_allowed_values() -> None:
    with pytest.raises(DomainValidationError, match="administered, refused"):
        MedicationOutcome("Metformin", "swallowed")  # type: ignore[arg-type]


def test_outcomes_refuse_the_same_task_twice_and_keep_with_or_for() -> None:
    with pytest.raises(DomainValidationError) as caught:
        Outcomes(tasks=(TaskDone("Breakfast", TaskMode.WITH), TaskDone("breakfast", "for")))  # type: ignore[arg-type]
    assert caught.value.field == "tasks"
    done = Outcomes(tasks=(TaskDone("Breakfast", "with"),))  # type: ignore[arg-type]
    assert done.tasks[0].mode is TaskMode.WITH


def test_progress_note_needs_words() -> None:
    with pytest.raises(DomainValidationError) as caught:
        ProgressNote("goal-1", "   ")
    assert caught.value.field == "progress_note.text"


# --- alerts --------------------------------------------------------------------------------


def test_alert_is_acknowledged_once() -> None:
    alert = Alert(visit_id="v", team_id="t", kind=Lateness.LATE, raised_at=_at(9, 45))
    assert alert.is_open
    alert.acknowledge("coord", _at(9, 50), "Phoned Sam, on her way")
    assert not alert.is_open
    assert alert.note == "Phoned Sam, on her way"
    with pytest.raises(DomainValidationError, match="acknowledged already"):
        alert.acknowledge("coord", _at(9, 55))


def test_alert_cannot_be_acknowledged_before_it_was_raised() -> None:
    alert = Alert(visit_id="v", team_id="t", kind=Lateness.MISSED, raised_at=_at(11, 30))
    with pytest.raises(DomainValidationError) as caught:
        alert.acknowledge("coord", _at(11, 0))
    assert caught.value.field == "alert.acknowledged_at"
