"""The budgets API on SQLite and PostgreSQL: propose, sign, agree; refusals per persona; bad input
named field by field and nothing written."""

from __future__ import annotations

from typing import Any

import pytest
from tests.integration.web.conftest import World

ISF = {
    "provider": "Wigan Homecare Ltd",
    "person_signed_on": "2026-02-20",
    "council_signed_on": "2026-02-21",
    "provider_signed_on": "2026-02-22",
}


def propose(world: World, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"starts_on": "2026-03-02", "management": "direct_payment"}
    body.update(changes)
    reply = world.api("pat").post(f"/api/people/{world.person_a.id}/budgets", json=body)
    assert reply.status_code == 201, reply.text
    return dict(reply.json())


def test_a_budget_is_proposed_signed_and_agreed(cm_world: World) -> None:
    pat = cm_world.api("pat")
    budget = propose(
        cm_world, management="individual_service_fund", isf={"provider": "Wigan Homecare Ltd"}
    )
    assert budget["indicative_weekly_pence"] == 22_500
    assert budget["status"] == "proposed"

    early = pat.post(f"/api/budgets/{budget['id']}/agreement", json={"weekly_pence": 21_000})
    assert early.status_code == 422
    assert early.json()["error"]["field"] == "isf"

    assert pat.put(f"/api/budgets/{budget['id']}/isf", json=ISF).status_code == 200
    agreed = pat.post(f"/api/budgets/{budget['id']}/agreement", json={"weekly_pence": 21_000})
    assert agreed.status_code == 200, agreed.text
    assert agreed.json()["agreed_weekly_pence"] == 21_000
    assert agreed.json()["period_pence"] == 21_000 * 52

    listed = cm_world.api("dora").get(f"/api/people/{cm_world.person_a.id}/budgets")
    assert [b["id"] for b in listed.json()] == [budget["id"]]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"starts_on": "2026-13-01", "management": "direct_payment"}, "starts_on"),
        ({"starts_on": "2026-03-02", "management": "pooled"}, "management"),
        ({"starts_on": "2026-03-02", "management": "direct_payment", "pence": 3}, "pence"),
        (
            {"starts_on": "2026-03-02", "ends_on": "2026-01-01", "management": "direct_payment"},
            "budget.ends_on",
        ),
        ({"starts_on": "2026-03-02", "management": "individual_service_fund"}, "budget.isf"),
    ],
)
def test_bad_proposals_name_the_field_and_write_nothing(
    cm_world: World, body: dict[str, Any], field: str
) -> None:
    reply = cm_world.api("pat").post(f"/api/people/{cm_world.person_a.id}/budgets", json=body)

    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["field"] == field
    assert cm_world.api("pat").get(f"/api/people/{cm_world.person_a.id}/budgets").json() == []


@pytest.mark.parametrize("weekly", [-5, 1.5, "lots", 10_000_001])
def test_a_bad_amount_is_refused_naming_it(cm_world: World, weekly: object) -> None:
    budget = propose(cm_world)

    reply = cm_world.api("pat").post(
        f"/api/budgets/{budget['id']}/agreement", json={"weekly_pence": weekly}
    )

    assert reply.status_code == 422
    assert reply.json()["error"]["field"] == "weekly_pence"


@pytest.mark.parametrize(("persona", "status"), [("charlie", 404), ("edna", 404), ("bob", 404)])
def test_who_may_not_read_a_budget_learns_nothing(
    cm_world: World, persona: str, status: int
) -> None:
    budget = propose(cm_world)

    reply = cm_world.api(persona).get(f"/api/budgets/{budget['id']}")

    assert reply.status_code == status
    assert cm_world.person_a.family_name not in reply.text


def test_the_commissioner_sets_the_table_and_reads_figures(cm_world: World) -> None:
    edna = cm_world.api("edna")
    table = edna.get("/api/commissioning/allocation-table").json()
    table["pence_per_point"] = 2_000

    assert edna.put("/api/commissioning/allocation-table", json=table).status_code == 200
    assert propose(cm_world)["indicative_weekly_pence"] == 30_000
    assert edna.get("/api/commissioning/budget-figures").json()["people"] == 0
    refused = cm_world.api("alice").put("/api/commissioning/allocation-table", json=table)
    assert refused.status_code == 403
    bad = edna.put("/api/commissioning/allocation-table", json={**table, "cap_weekly_pence": 1})
    assert bad.status_code == 422
    assert bad.json()["error"]["field"] == "allocation_table.floor_weekly_pence"
