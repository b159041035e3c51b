"""Invoices on SQLite and PostgreSQL: a period invoiced once from the visit records, CSV, the
printable page, credit notes, an issued invoice that the database will not change; who may; bad
input named."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError
from tests.commissioning_builders import a_done_visit
from tests.integration.web.conftest import World

from careweave.clock import FixedClock
from careweave.domain.people.person import CareModel

PERIOD = "2026-03-02"


@pytest.fixture
def delivered(cm_world: World, clock: FixedClock) -> World:
    """Person A, paid by the minute, had a 47-minute visit in the period, which is now over."""
    visit, record = a_done_visit(cm_world.person_a, cm_world.worker_a, date(2026, 3, 2), 47)
    with cm_world.services.uow_factory() as uow:
        by_minute = dataclasses.replace(cm_world.person_a, care_model=CareModel.TIME_AND_TASK)
        uow.people.update(by_minute)
        uow.visits.add(visit)
        uow.visit_records.add(record)
        uow.commit()
    clock.set(datetime(2026, 3, 30, 9, tzinfo=UTC))
    return cm_world


def test_a_period_is_invoiced_once_and_read_as_csv_and_on_paper(delivered: World) -> None:
    edna, team = delivered.api("edna"), delivered.team_a.id
    first = edna.post(f"/api/teams/{team}/invoices", json={"period_start": PERIOD})
    again = edna.post(f"/api/teams/{team}/invoices", json={"period_start": PERIOD})

    assert first.status_code == 200, first.text
    assert again.json() == first.json()
    assert first.json()["total_pence"] == 1_763
    invoice_id = first.json()["id"]
    rows = list(csv.DictReader(io.StringIO(edna.get(f"/api/invoices/{invoice_id}/csv").text)))
    assert [(r["minutes"], r["amount_pence"]) for r in rows] == [("45", "1763")]
    page = delivered.browser("alice").get(f"/commissioning/invoices/{invoice_id}")
    assert page.status_code == 200
    assert "£17.63" in page.text
    for secret in delivered.team_a_secrets()[1:]:
        assert secret not in page.text


def test_a_credit_note_corrects_and_the_invoice_itself_never_changes(delivered: World) -> None:
    edna, team = delivered.api("edna"), delivered.team_a.id
    invoice = edna.post(f"/api/teams/{team}/invoices", json={"period_start": PERIOD}).json()

    note = edna.post(f"/api/invoices/{invoice['id']}/credit-notes", json={"reason": "cut short"})
    twice = edna.post(f"/api/invoices/{invoice['id']}/credit-notes", json={"reason": "again"})

    assert note.status_code == 201, note.text
    assert note.json()["total_pence"] == -1_763
    assert twice.status_code == 409
    with pytest.raises(DatabaseError, match="append-only"), delivered.engine.begin() as c:
        c.execute(text("UPDATE cm_invoices SET total_pence = 0"))


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"period_start": "2026-03-03"}, "period_start"),
        ({"period_start": "2026-03-30"}, "period_start"),
        ({"period_start": "someday"}, "period_start"),
        ({}, "period_start"),
    ],
)
def test_a_bad_run_names_the_field_and_writes_nothing(
    delivered: World, body: dict[str, str], field: str
) -> None:
    edna = delivered.api("edna")

    reply = edna.post(f"/api/teams/{delivered.team_a.id}/invoices", json=body)

    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["field"] == field
    assert edna.get("/api/invoices").json() == []


def test_bad_rules_are_refused_naming_the_field(delivered: World) -> None:
    edna = delivered.api("edna")
    rules = edna.get("/api/commissioning/invoice-rules").json()

    reply = edna.put("/api/commissioning/invoice-rules", json={**rules, "rounding": "sideways"})

    assert reply.status_code == 422
    assert reply.json()["error"]["field"] == "rounding"
    assert (
        delivered.api("alice").put("/api/commissioning/invoice-rules", json=rules).status_code
        == 403
    )


@pytest.mark.parametrize(("persona", "status"), [("alice", 403), ("charlie", 403), ("pat", 403)])
def test_only_the_commissioner_runs_invoices(delivered: World, persona: str, status: int) -> None:
    reply = delivered.api(persona).post(
        f"/api/teams/{delivered.team_a.id}/invoices", json={"period_start": PERIOD}
    )

    assert reply.status_code == status


def test_a_neighbourhood_teams_block_is_invoiced_at_its_price(
    cm_world: World, clock: FixedClock
) -> None:
    with cm_world.services.uow_factory() as uow:
        block = dataclasses.replace(cm_world.person_a, care_model=CareModel.NEIGHBOURHOOD_TEAM)
        uow.people.update(block)
        uow.commit()
    edna, team = cm_world.api("edna"), cm_world.team_a.id
    bad = edna.put(f"/api/teams/{team}/block-price", json={"pence_per_period": -5})
    assert bad.status_code == 422
    assert bad.json()["error"]["field"] == "pence_per_period"
    assert (
        edna.put(f"/api/teams/{team}/block-price", json={"pence_per_period": 4_000_000}).status_code
        == 200
    )
    clock.set(datetime(2026, 3, 30, 9, tzinfo=UTC))

    invoice = edna.post(f"/api/teams/{team}/invoices", json={"period_start": PERIOD}).json()

    assert invoice["total_pence"] == 4_000_000
    assert invoice["lines"][0]["source"] == f"team_block:{team}:{PERIOD}"
