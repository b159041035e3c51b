"""Invoice runs: per provider and period, from the visit records, once; credit notes; who may."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import Any

import pytest
from tests.commissioning_builders import a_done_visit
from tests.unit.services.neighbourhood import Neighbourhood, UowFactory

from careweave.clock import FixedClock
from careweave.domain.commissioning.invoicing import PaidMinutes, PerMinuteRules
from careweave.domain.errors import (
    ConflictError,
    DomainValidationError,
    NotFoundError,
    PermissionDeniedError,
)
from careweave.domain.people.person import CareModel
from careweave.services.accounts.access import Actor
from careweave.services.commissioning.invoices import InvoiceService

PERIOD = date(2026, 3, 2)


@pytest.fixture
def delivered(uow: UowFactory, town: Neighbourhood, clock: FixedClock) -> None:
    """Two visits to person A, paid by the minute, done in the period (47 and 20 minutes); the
    period is over."""
    visits = [
        a_done_visit(town.person_a, town.worker_a, date(2026, 3, 3), 47),
        a_done_visit(town.person_a, town.worker_a, date(2026, 3, 10), 20),
    ]
    with uow() as u:
        u.people.update(dataclasses.replace(town.person_a, care_model=CareModel.TIME_AND_TASK))
        u.visits.add_all([v for v, _ in visits])
        u.visit_records.add_all([r for _, r in visits])
        u.commit()
    clock.set(datetime(2026, 3, 30, 9, tzinfo=UTC))


def test_a_period_is_invoiced_from_the_records_once(
    invoices: InvoiceService, edna: Actor, town: Neighbourhood, delivered: None
) -> None:
    first = invoices.run(edna, town.team_a.id, PERIOD)
    again = invoices.run(edna, town.team_a.id, PERIOD)

    assert [x.minutes for x in first.lines] == [45, 20]
    assert first.total_pence == 1_763 + 783
    assert again == first
    assert len(invoices.list(edna)) == 1


def test_the_rules_in_force_price_the_run(
    invoices: InvoiceService, edna: Actor, town: Neighbourhood, delivered: None
) -> None:
    invoices.set_rules(edna, PerMinuteRules(paid_minutes=PaidMinutes.PLANNED, minimum_minutes=30))

    found = invoices.run(edna, town.team_a.id, PERIOD)

    assert [x.minutes for x in found.lines] == [30, 30]


def test_only_time_and_task_care_is_paid_by_the_minute(
    invoices: InvoiceService, edna: Actor, town: Neighbourhood, delivered: None, uow: UowFactory
) -> None:
    with uow() as u:
        u.people.update(dataclasses.replace(town.person_a, care_model=CareModel.OUTCOME_BASED))
        u.commit()

    assert invoices.run(edna, town.team_a.id, PERIOD).lines == ()


def test_a_period_not_over_is_not_invoiced(
    invoices: InvoiceService, edna: Actor, town: Neighbourhood, nothing_written: Any
) -> None:
    with nothing_written(), pytest.raises(DomainValidationError) as caught:
        invoices.run(edna, town.team_a.id, PERIOD)
    assert caught.value.field == "period_start"


def test_a_credit_note_takes_back_each_line_once(
    invoices: InvoiceService, edna: Actor, town: Neighbourhood, delivered: None
) -> None:
    invoice = invoices.run(edna, town.team_a.id, PERIOD)
    first_line = invoice.lines[0].source

    note = invoices.credit(edna, invoice.id, [first_line], "the visit was cut short")

    assert note.total_pence == -1_763
    with pytest.raises(ConflictError) as caught:
        invoices.credit(edna, invoice.id, [], "all of it")
    assert caught.value.field == "sources"


@pytest.mark.parametrize("persona", ["alice", "bob", "pat", "dora"], indirect=True)
def test_only_the_commissioner_runs_and_credits_invoices(
    invoices: InvoiceService, persona: Actor, town: Neighbourhood, delivered: None, edna: Actor
) -> None:
    invoice = invoices.run(edna, town.team_a.id, PERIOD)

    with pytest.raises(PermissionDeniedError):
        invoices.run(persona, town.team_a.id, PERIOD)
    with pytest.raises(PermissionDeniedError):
        invoices.credit(persona, invoice.id, [], "no")
    with pytest.raises(PermissionDeniedError):
        invoices.set_rules(persona, PerMinuteRules())


def test_the_providers_coordinator_reads_its_invoice_and_others_do_not(
    invoices: InvoiceService,
    edna: Actor,
    alice: Actor,
    charlie: Actor,
    town: Neighbourhood,
    delivered: None,
) -> None:
    invoice = invoices.run(edna, town.team_a.id, PERIOD)

    assert invoices.get(alice, invoice.id) == invoice
    with pytest.raises(NotFoundError):
        invoices.get(charlie, invoice.id)


def test_a_neighbourhood_team_is_paid_its_block_price(
    invoices: InvoiceService, edna: Actor, town: Neighbourhood, uow: UowFactory, clock: FixedClock
) -> None:
    with uow() as u:
        u.people.update(dataclasses.replace(town.person_a, care_model=CareModel.NEIGHBOURHOOD_TEAM))
        u.commit()
    invoices.set_team_block(edna, town.team_a.id, 4_000_000)
    clock.set(datetime(2026, 3, 30, 9, tzinfo=UTC))

    [line] = invoices.run(edna, town.team_a.id, PERIOD).lines

    assert (line.source, line.amount_pence) == (
        f"team_block:{town.team_a.id}:2026-03-02",
        4_000_000,
    )
    assert invoices.run(edna, town.team_b.id, PERIOD).lines == ()


@pytest.mark.parametrize("pence", [-1, 100_000_001, 1.5])
def test_a_bad_block_price_is_refused_naming_it(
    invoices: InvoiceService, edna: Actor, town: Neighbourhood, pence: object
) -> None:
    with pytest.raises(DomainValidationError) as caught:
        invoices.set_team_block(edna, town.team_a.id, pence)  # type: ignore[arg-type]
    assert caught.value.field == "pence_per_period"


def test_only_the_commissioner_sets_a_block_price(
    invoices: InvoiceService, alice: Actor, town: Neighbourhood
) -> None:
    with pytest.raises(PermissionDeniedError):
        invoices.set_team_block(alice, town.team_a.id, 1_000)
