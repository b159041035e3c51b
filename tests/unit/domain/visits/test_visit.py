from __future__ import annotations

from datetime import date, time

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.visits.visit import (
    PENDING_STATUSES,
    STILL_TO_COME_STATUSES,
    Priority,
    Visit,
    VisitStatus,
)
from careweave.domain.workforce.workers import Skill


def make_visit(**overrides: object) -> Visit:
    fields: dict[str, object] = {
        "person_id": "p1",
        "day": date(2026, 11, 23),
        "window_start": time(8, 0),
        "window_end": time(9, 0),
        "duration_min": 30,
    }
    fields.update(overrides)
    return Visit(**fields)  # type: ignore[arg-type]


def test_fixed_visit_has_equal_duration_bounds() -> None:
    visit = make_visit()
    assert visit.duration_max == 30
    assert visit.window_minutes == (480, 540)
    assert not visit.is_double_handed
    assert visit.status is VisitStatus.PLANNED


def test_outcome_based_visit_has_a_duration_range() -> None:
    visit = make_visit(duration_min=30, duration_max=60, required_skills=frozenset({"hoist"}))
    assert (visit.duration_min, visit.duration_max) == (30, 60)
    assert visit.required_skills == {Skill.HOIST}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"duration_min": -5}, "visit.duration_min"),
        ({"duration_min": 0}, "visit.duration_min"),
        ({"duration_min": 30, "duration_max": 20}, "visit.duration_max"),
        ({"window_start": time(10), "window_end": time(9)}, "visit.window_end"),
        ({"workers_needed": 3}, "visit.workers_needed"),
        ({"required_skills": frozenset({"flying"})}, "visit.required_skills"),
        ({"priority": 9}, "visit.priority"),
        ({"tasks": ("",)}, "visit.tasks"),
        (
            {"preferred_worker_ids": frozenset({"w1"}), "excluded_worker_ids": frozenset({"w1"})},
            "visit.excluded_worker_ids",
        ),
        ({"assigned_worker_ids": ("w1", "w1")}, "visit.assigned_worker_ids"),
    ],
)
def test_visit_rejects_bad_values(overrides: dict[str, object], field: str) -> None:
    with pytest.raises(DomainValidationError) as caught:
        make_visit(**overrides)
    assert caught.value.field == field


def test_assign_a_double_handed_visit_needs_two_different_workers() -> None:
    visit = make_visit(workers_needed=2, priority=Priority.CRITICAL)
    with pytest.raises(DomainValidationError, match="needs 2"):
        visit.assign(("w1",))
    visit.assign(("w1", "w2"), start=time(8, 15))
    assert visit.status is VisitStatus.ASSIGNED
    assert visit.assigned_worker_ids == ("w1", "w2")
    assert visit.is_double_handed


def test_assign_refuses_excluded_worker_and_start_outside_window() -> None:
    visit = make_visit(excluded_worker_ids=frozenset({"w9"}))
    with pytest.raises(DomainValidationError, match="excluded"):
        visit.assign(("w9",))
    with pytest.raises(DomainValidationError, match=r"visit\.planned_start"):
        visit.assign(("w1",), start=time(7, 30))
    visit.assign(("w1",), start=time(9, 30))  # planned late: allowed, priced as lateness
    assert visit.planned_start == time(9, 30)


def test_status_moves_forward_only() -> None:
    visit = make_visit()
    visit.assign(("w1",))
    visit.move_to(VisitStatus.IN_PROGRESS)
    with pytest.raises(DomainValidationError, match="cannot go from in_progress to planned"):
        visit.move_to(VisitStatus.PLANNED)
    visit.move_to(VisitStatus.DONE)
    with pytest.raises(DomainValidationError, match="cannot be reassigned"):
        visit.assign(("w2",))


def test_unassign_returns_to_planned() -> None:
    visit = make_visit()
    visit.assign(("w1",), start=time(8, 30))
    visit.unassign()
    assert visit.status is VisitStatus.PLANNED
    assert visit.assigned_worker_ids == ()
    assert visit.planned_start is None
    visit.move_to(VisitStatus.CANCELLED)
    with pytest.raises(DomainValidationError):
        visit.unassign()


def test_an_outcome_based_visit_is_planned_for_a_length_within_its_range() -> None:
    visit = make_visit(duration_min=30, duration_max=45)
    assert visit.is_flexible
    assert (visit.planned_minutes, visit.planned_length) == (None, 30)
    visit.assign(("w1",), start=time(8, 0), minutes=40)
    assert (visit.planned_minutes, visit.planned_length) == (40, 40)
    visit.unassign()
    assert visit.planned_minutes is None


@pytest.mark.parametrize(
    ("minutes", "message"),
    [
        (25, "between the visit's 30 and 45 minutes, got 25"),
        (46, "between the visit's 30 and 45 minutes, got 46"),
        (True, "whole number"),
        (40.5, "whole number"),
    ],
)
def test_a_planned_length_outside_the_range_is_refused(minutes: object, message: str) -> None:
    visit = make_visit(duration_min=30, duration_max=45)
    with pytest.raises(DomainValidationError, match=message) as caught:
        visit.assign(("w1",), minutes=minutes)  # type: ignore[arg-type]
    assert caught.value.field == "visit.planned_minutes"
    assert visit.status is VisitStatus.PLANNED
    with pytest.raises(DomainValidationError, match=message):
        make_visit(duration_min=30, duration_max=45, planned_minutes=minutes)


@pytest.mark.parametrize(
    ("status", "pending", "can_check_in", "started", "cancelled"),
    [
        (VisitStatus.PLANNED, True, False, False, False),
        (VisitStatus.ASSIGNED, True, True, False, False),
        (VisitStatus.IN_PROGRESS, False, True, True, False),
        (VisitStatus.DONE, False, False, True, False),
        (VisitStatus.MISSED, False, False, False, False),
        (VisitStatus.CANCELLED, False, False, False, True),
    ],
)
def test_what_each_status_allows(
    status: VisitStatus, pending: bool, can_check_in: bool, started: bool, cancelled: bool
) -> None:
    visit = make_visit(status=status)
    assert visit.is_pending is pending
    assert visit.can_check_in is can_check_in
    assert visit.has_started is started
    assert visit.is_cancelled is cancelled


def test_visits_still_to_come_are_the_pending_ones_and_those_under_way() -> None:
    assert {*PENDING_STATUSES, VisitStatus.IN_PROGRESS} == set(STILL_TO_COME_STATUSES)


def test_only_a_pending_visit_may_be_reassigned() -> None:
    for status in VisitStatus:
        visit = make_visit(status=status)
        if visit.is_pending:
            visit.assign(("w1",))
        else:
            with pytest.raises(DomainValidationError, match="cannot be reassigned"):
                visit.assign(("w1",))
