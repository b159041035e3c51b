"""How early is early and how short is much shorter, and what the recording rules do with them."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.visits.recording import (
    CheckPoint,
    Lateness,
    Outcomes,
    TaskDone,
    TaskMode,
    TaskNotDone,
    start_visit,
)
from careweave.domain.visits.timing import is_early_check_in, is_much_shorter
from careweave.domain.visits.visit import Visit

DAY = date(2026, 3, 2)


def visit(minutes: int = 30) -> Visit:
    v = Visit("p1", DAY, time(8, 0), time(9, 0), minutes, id="v1")
    v.assign(("w1",), time(8, 30))
    return v


def at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(DAY, time(hour, minute))


@pytest.mark.parametrize(
    ("moment", "early"), [(at(6, 59), True), (at(7, 0), False), (at(7, 30), False), (at(10), False)]
)
def test_early_is_more_than_an_hour_before_the_window_opens(moment: datetime, early: bool) -> None:
    assert is_early_check_in(visit(), moment) is early


@pytest.mark.parametrize(
    ("planned", "stayed", "short"),
    [(30, 19, True), (30, 20, False), (60, 39, True), (60, 45, False)],
)
def test_much_shorter_is_under_two_thirds_of_the_planned_length(
    planned: int, stayed: int, short: bool
) -> None:
    assert is_much_shorter(visit(planned), stayed) is short


def test_an_early_check_in_needs_a_reason_which_the_record_keeps() -> None:
    with pytest.raises(DomainValidationError) as refused:
        start_visit(visit(), "w1", CheckPoint(at(6, 30)))
    assert refused.value.field == "check_in.reason"
    assert "08:00" in refused.value.message
    record = start_visit(visit(), "w1", CheckPoint(at(6, 30)), "  Hospital transport at 7  ")
    assert record.check_in_reason == "Hospital transport at 7"


def test_a_check_in_on_time_needs_no_reason() -> None:
    assert start_visit(visit(), "w1", CheckPoint(at(8, 5))).check_in_reason == ""


def test_the_record_keeps_why_a_visit_was_cut_short() -> None:
    record = start_visit(visit(), "w1", CheckPoint(at(8, 5)))
    record.finish(CheckPoint(at(8, 15)), "Called to a fall")
    assert (record.minutes_on_visit, record.check_out_reason) == (10, "Called to a fall")


def test_a_task_is_either_done_or_not_done_with_a_reason() -> None:
    with pytest.raises(DomainValidationError):
        Outcomes(
            tasks=(TaskDone("Shower", TaskMode.WITH),),
            not_done=(TaskNotDone("Shower", "Declined"),),
        )
    with pytest.raises(DomainValidationError):
        TaskNotDone("Shower", "")


def test_an_early_check_in_is_a_kind_of_visit_alert() -> None:
    assert Lateness("early_check_in") is Lateness.EARLY_CHECK_IN
