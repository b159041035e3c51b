"""Time banks: four-week blocks, minutes used from the visit records, carrying over, alerts."""

from __future__ import annotations

from datetime import date

import pytest
from tests.commissioning_builders import a_done_visit
from tests.integration.storage_builders import a_person, a_team, a_visit, a_worker

from careweave.domain.commissioning.time_banks import (
    BankState,
    TimeBankAgreement,
    bank_state,
    block_end,
    block_of,
    check_block_start,
    expiring_minutes,
    minutes_used,
)
from careweave.domain.errors import DomainValidationError

BLOCK = date(2026, 3, 2)
TEAM = a_team("Alder")
PERSON, WORKER = a_person(TEAM), a_worker(TEAM)


def test_blocks_are_four_weeks_from_a_fixed_monday() -> None:
    assert block_of(date(2026, 3, 2)) == BLOCK
    assert block_of(date(2026, 3, 29)) == BLOCK
    assert block_of(date(2026, 3, 30)) == date(2026, 3, 30)
    assert block_of(date(2025, 12, 31)) == date(2025, 12, 8)
    assert block_end(BLOCK) == date(2026, 3, 29)


def test_an_agreement_starts_on_a_block_and_agrees_some_minutes() -> None:
    with pytest.raises(DomainValidationError, match="2026-03-02") as caught:
        check_block_start("block_start", date(2026, 3, 3))
    assert caught.value.field == "block_start"
    for minutes in (0, 40_321, 1.5):
        with pytest.raises(DomainValidationError) as bad:
            TimeBankAgreement("p", BLOCK, minutes, "Pat")  # type: ignore[arg-type]
        assert bad.value.field == "agreed_minutes"


def test_a_visit_uses_what_its_record_shows_not_what_was_planned() -> None:
    visit, record = a_done_visit(PERSON, WORKER, BLOCK, 47)

    assert minutes_used(visit, [record]) == 47


def test_an_outcome_based_visit_uses_its_planned_minutes() -> None:
    visit, record = a_done_visit(PERSON, WORKER, BLOCK, 55, outcome_based=True)

    assert minutes_used(visit, [record]) == 40


def test_a_visit_not_done_uses_nothing() -> None:
    assert minutes_used(a_visit(PERSON, BLOCK), []) == 0


@pytest.mark.parametrize(
    ("left", "agreed", "expired"), [(900, 2400, 300), (600, 2400, 0), (-120, 2400, 0)]
)
def test_hours_left_carry_over_up_to_a_quarter_and_debts_in_full(
    left: int, agreed: int, expired: int
) -> None:
    assert expiring_minutes(left, agreed) == expired


@pytest.mark.parametrize(
    ("used", "today", "state"),
    [
        (600, date(2026, 3, 15), BankState.ON_TRACK),  # a quarter used, half the block gone
        (1_500, date(2026, 3, 15), BankState.AHEAD_OF_PACE),  # 62 % used, 50 % gone
        (2_390, date(2026, 3, 28), BankState.AHEAD_OF_PACE),  # ten minutes left, a day to go
        (2_401, date(2026, 3, 29), BankState.OVERSPENT),
    ],
)
def test_overspend_alerts(used: int, today: date, state: BankState) -> None:
    assert bank_state(2_400, 0, used, BLOCK, today) is state
