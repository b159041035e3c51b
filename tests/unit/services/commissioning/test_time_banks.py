"""Time-bank use cases: agreeing hours, posting what the visit records show (once), closing a
block, the team's board and its alerts; who may."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from tests.commissioning_builders import a_done_visit
from tests.unit.services.neighbourhood import Neighbourhood, UowFactory

from careweave.clock import FixedClock
from careweave.domain.commissioning.time_banks import BankState
from careweave.domain.errors import (
    ConflictError,
    DomainValidationError,
    NotFoundError,
    PermissionDeniedError,
)
from careweave.services.accounts.access import Actor
from careweave.services.commissioning.time_banks import TimeBankService, hours_left

BLOCK = date(2026, 3, 2)


@pytest.fixture
def delivered(uow: UowFactory, town: Neighbourhood) -> None:
    """Two visits to person A done in the block: 47 minutes, and outcome-based planned at 40."""
    visits = [
        a_done_visit(town.person_a, town.worker_a, date(2026, 3, 3), 47),
        a_done_visit(town.person_a, town.worker_a, date(2026, 3, 4), 55, outcome_based=True),
    ]
    with uow() as u:
        u.visits.add_all([v for v, _ in visits])
        u.visit_records.add_all([r for _, r in visits])
        u.commit()


def test_the_hours_agreed_go_into_the_persons_bank(
    time_banks: TimeBankService, pat: Actor, alice: Actor, town: Neighbourhood, uow: UowFactory
) -> None:
    time_banks.agree(pat, town.person_a.id, BLOCK, 600)

    with uow() as u:
        assert hours_left(u.ledger, [town.person_a.id, town.person_b.id], BLOCK) == {
            town.person_a.id: 600
        }
    with pytest.raises(ConflictError):
        time_banks.agree(alice, town.person_a.id, BLOCK, 700)


def test_posting_a_block_counts_each_done_visit_once(
    time_banks: TimeBankService,
    pat: Actor,
    alice: Actor,
    town: Neighbourhood,
    delivered: None,
    clock: FixedClock,
) -> None:
    time_banks.agree(pat, town.person_a.id, BLOCK, 600)
    clock.set(datetime(2026, 3, 5, 9, tzinfo=UTC))

    first = time_banks.post_block(alice, town.team_a.id, BLOCK)
    again = time_banks.post_block(alice, town.team_a.id, BLOCK)

    assert (first.visits, first.minutes, first.closed) == (2, 87, False)
    assert (again.visits, again.minutes) == (0, 0)
    [line] = time_banks.board(alice, town.team_a.id, BLOCK).lines
    assert (line.agreed, line.used, line.left, line.state) == (600, 87, 513, BankState.ON_TRACK)


def test_closing_a_block_returns_unused_hours_above_the_cap(
    time_banks: TimeBankService,
    pat: Actor,
    alice: Actor,
    town: Neighbourhood,
    delivered: None,
    clock: FixedClock,
    uow: UowFactory,
) -> None:
    time_banks.agree(pat, town.person_a.id, BLOCK, 600)
    clock.set(datetime(2026, 3, 30, 9, tzinfo=UTC))

    closed = time_banks.post_block(alice, town.team_a.id, BLOCK)
    time_banks.post_block(alice, town.team_a.id, BLOCK)

    # 513 left, a quarter of 600 (150) carries over, 363 go back to the council
    assert (closed.closed, closed.expired) == (True, 363)
    with uow() as u:
        assert hours_left(u.ledger, [town.person_a.id], date(2026, 4, 26)) == {
            town.person_a.id: 150
        }
    time_banks.agree(pat, town.person_a.id, date(2026, 3, 30), 600)
    [line] = time_banks.board(alice, town.team_a.id, date(2026, 3, 30)).lines
    assert (line.carried_in, line.left) == (150, 750)


def test_an_overspent_bank_shows_on_the_board(
    time_banks: TimeBankService,
    pat: Actor,
    bob: Actor,
    alice: Actor,
    town: Neighbourhood,
    delivered: None,
) -> None:
    time_banks.agree(pat, town.person_a.id, BLOCK, 60)
    time_banks.post_block(alice, town.team_a.id, BLOCK)

    [line] = time_banks.board(bob, town.team_a.id, BLOCK).lines

    assert (line.left, line.state) == (-27, BankState.OVERSPENT)


@pytest.mark.parametrize("persona", ["charlie", "dora", "edna", "pat"], indirect=True)
def test_the_board_is_the_teams_own(
    time_banks: TimeBankService, persona: Actor, town: Neighbourhood
) -> None:
    with pytest.raises((NotFoundError, PermissionDeniedError)):
        time_banks.board(persona, town.team_a.id, BLOCK)


@pytest.mark.parametrize("persona", ["bob", "charlie", "edna"], indirect=True)
def test_only_the_coordinator_posts_the_teams_hours(
    time_banks: TimeBankService, persona: Actor, town: Neighbourhood, nothing_written: Any
) -> None:
    with nothing_written(), pytest.raises((NotFoundError, PermissionDeniedError)):
        time_banks.post_block(persona, town.team_a.id, BLOCK)


@pytest.mark.parametrize("persona", ["bob", "charlie", "dora", "edna"], indirect=True)
def test_only_those_who_plan_agree_hours(
    time_banks: TimeBankService, persona: Actor, town: Neighbourhood, nothing_written: Any
) -> None:
    with nothing_written(), pytest.raises((NotFoundError, PermissionDeniedError)):
        time_banks.agree(persona, town.person_a.id, BLOCK, 600)


def test_a_block_must_start_on_a_block_day(
    time_banks: TimeBankService, pat: Actor, alice: Actor, town: Neighbourhood, nothing_written: Any
) -> None:
    with nothing_written(), pytest.raises(DomainValidationError) as caught:
        time_banks.agree(pat, town.person_a.id, date(2026, 3, 3), 600)
    assert caught.value.field == "block_start"
    with pytest.raises(DomainValidationError) as board:
        time_banks.board(alice, town.team_a.id, date(2026, 3, 3))
    assert board.value.field == "block"
