"""Paying by the minute: which minutes, rounding, the minimum charge, pence; credit notes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from tests.commissioning_builders import a_done_visit
from tests.integration.storage_builders import a_person, a_team, a_visit, a_worker

from careweave.domain.commissioning.invoicing import (
    Invoice,
    InvoiceKind,
    PaidMinutes,
    PerMinuteRules,
    Rounding,
    per_minute_lines,
    team_block_line,
)
from careweave.domain.errors import DomainValidationError

DAY = date(2026, 3, 3)
NOW = datetime(2026, 3, 30, 9, tzinfo=UTC)
TEAM = a_team("Alder")
PERSON, WORKER = a_person(TEAM), a_worker(TEAM)


@pytest.mark.parametrize(
    ("rounding", "unit", "minimum", "minutes", "paid"),
    [
        (Rounding.NEAREST, 5, 15, 47, 45),
        (Rounding.NEAREST, 5, 15, 48, 50),
        (Rounding.UP, 15, 15, 31, 45),
        (Rounding.DOWN, 15, 15, 44, 30),
        (Rounding.NEAREST, 5, 30, 12, 30),  # the minimum charge
        (Rounding.UP, 1, 0, 7, 7),
    ],
)
def test_minutes_are_rounded_to_the_unit_then_raised_to_the_minimum(
    rounding: Rounding, unit: int, minimum: int, minutes: int, paid: int
) -> None:
    rules = PerMinuteRules(unit_minutes=unit, rounding=rounding, minimum_minutes=minimum)

    assert rules.rounded(minutes) == paid


def test_pence_are_the_minutes_at_the_hourly_rate_half_a_penny_up() -> None:
    rules = PerMinuteRules(pence_per_hour=2_350)

    assert rules.charge(60) == 2_350
    assert rules.charge(45) == 1_763  # 1,762.5 rounds up
    assert rules.charge(1) == 39  # 39.17


def test_actual_minutes_come_from_the_records_and_planned_ones_from_the_plan() -> None:
    visit, record = a_done_visit(PERSON, WORKER, DAY, 47)

    assert PerMinuteRules().minutes_of(visit, [record]) == 47
    assert PerMinuteRules(paid_minutes=PaidMinutes.PLANNED).minutes_of(visit, [record]) == 30
    assert PerMinuteRules().minutes_of(a_visit(PERSON, DAY), []) is None


def test_a_line_for_each_chargeable_visit() -> None:
    visit, record = a_done_visit(PERSON, WORKER, DAY, 47)

    [line] = per_minute_lines([visit, a_visit(PERSON, DAY)], [record], PerMinuteRules())

    assert (line.source, line.minutes, line.amount_pence) == (f"visit:{visit.id}", 45, 1_763)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"pence_per_hour": 0}, "invoice_rules.pence_per_hour"),
        ({"unit_minutes": 61}, "invoice_rules.unit_minutes"),
        ({"minimum_minutes": -1}, "invoice_rules.minimum_minutes"),
        ({"rounding": "sideways"}, "invoice_rules.rounding"),
        ({"paid_minutes": "dreamt"}, "invoice_rules.paid_minutes"),
    ],
)
def test_bad_rules_name_the_field(values: dict[str, object], field: str) -> None:
    with pytest.raises(DomainValidationError) as caught:
        PerMinuteRules(**values)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_a_credit_note_negates_the_lines_it_takes_back() -> None:
    visit, record = a_done_visit(PERSON, WORKER, DAY, 47)
    lines = per_minute_lines([visit], [record], PerMinuteRules())
    invoice = Invoice(TEAM.id, date(2026, 3, 2), date(2026, 3, 29), NOW, lines)

    note = invoice.credit([], "visit was cancelled", NOW)

    assert note.kind is InvoiceKind.CREDIT_NOTE
    assert note.corrects == invoice.id
    assert invoice.total_pence + note.total_pence == 0
    with pytest.raises(DomainValidationError) as unknown:
        invoice.credit(["visit:nope"], "x", NOW)
    assert unknown.value.field == "sources"
    with pytest.raises(DomainValidationError) as no_reason:
        invoice.credit([], "", NOW)
    assert no_reason.value.field == "reason"
    with pytest.raises(DomainValidationError):
        note.credit([], "again", NOW)


def test_a_team_block_needs_a_price_and_someone_supported_that_way() -> None:
    line = team_block_line("t1", date(2026, 3, 2), 400_000, 12)

    assert line is not None
    assert (line.amount_pence, line.source) == (400_000, "team_block:t1:2026-03-02")
    assert team_block_line("t1", date(2026, 3, 2), 0, 12) is None
    assert team_block_line("t1", date(2026, 3, 2), 400_000, 0) is None
