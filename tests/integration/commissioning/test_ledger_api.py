"""The ledger through the API and the pages: a budget agreed and paid from, a payment reversed,
statements summed from the journal; who may; bad input named and nothing written."""

from __future__ import annotations

from typing import Any

import pytest
from tests.integration.web.conftest import World, csrf_of


def agreed_budget(world: World) -> str:
    pat = world.api("pat")
    body = {"starts_on": "2026-03-02", "management": "direct_payment"}
    budget = pat.post(f"/api/people/{world.person_a.id}/budgets", json=body).json()
    reply = pat.post(f"/api/budgets/{budget['id']}/agreement", json={"weekly_pence": 20_000})
    assert reply.status_code == 200, reply.text
    return str(budget["id"])


def payee(world: World) -> str:
    body = {"kind": "provider", "name": "Wigan Homecare Ltd"}
    reply = world.api("alice").post("/api/commissioning/accounts", json=body)
    assert reply.status_code == 201, reply.text
    return str(reply.json()["id"])


def payment(world: World, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "payee_account_id": payee(world),
        "amount_pence": 18_000,
        "booked_on": "2026-03-09",
        "memo": "Week 1",
    }
    body.update(changes)
    return body


def test_pay_reverse_and_read_the_statement(cm_world: World) -> None:
    pat, budget = cm_world.api("pat"), agreed_budget(cm_world)
    paid = pat.post(f"/api/budgets/{budget}/payments", json=payment(cm_world))
    assert paid.status_code == 201, paid.text
    assert sorted(x["amount"] for x in paid.json()["lines"]) == [-18_000, 18_000]

    undone = pat.post(
        f"/api/commissioning/transactions/{paid.json()['id']}/reversal", json={"memo": "twice"}
    )
    assert undone.status_code == 201, undone.text
    again = pat.post(
        f"/api/commissioning/transactions/{paid.json()['id']}/reversal", json={"memo": "again"}
    )
    assert again.status_code == 409

    statement = pat.get(f"/api/budgets/{budget}/statement").json()
    assert statement["balance"] == 20_000 * 52
    assert [e["amount"] for e in statement["entries"]] == [20_000 * 52, -18_000, 18_000]
    assert statement["entries"][1]["reversed"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"amount_pence": 0}, "amount_pence"),
        ({"amount_pence": 12.5}, "amount_pence"),
        ({"booked_on": "2031-01-01"}, "booked_on"),
        ({"payee_account_id": "no such"}, "payee_account_id"),
        ({"memo": ""}, "memo"),
    ],
)
def test_a_bad_payment_names_the_field_and_writes_nothing(
    cm_world: World, changes: dict[str, Any], field: str
) -> None:
    pat, budget = cm_world.api("pat"), agreed_budget(cm_world)

    reply = pat.post(f"/api/budgets/{budget}/payments", json=payment(cm_world, **changes))

    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["field"] == field
    assert len(pat.get(f"/api/budgets/{budget}/statement").json()["entries"]) == 1


@pytest.mark.parametrize(("persona", "status"), [("bob", 404), ("charlie", 404), ("edna", 404)])
def test_who_may_not_read_or_pay_learns_nothing(cm_world: World, persona: str, status: int) -> None:
    budget = agreed_budget(cm_world)
    client = cm_world.api(persona)

    assert client.get(f"/api/budgets/{budget}/statement").status_code == status
    paid = client.post(f"/api/budgets/{budget}/payments", json=payment(cm_world))
    assert paid.status_code in (403, 404)


def test_a_mistake_is_reversed_from_the_persons_page(cm_world: World) -> None:
    budget = agreed_budget(cm_world)
    paid = cm_world.api("pat").post(f"/api/budgets/{budget}/payments", json=payment(cm_world))
    pat = cm_world.browser("pat")
    page = pat.get(f"/commissioning/people/{cm_world.person_a.id}")
    assert "£10,400.00 left" not in page.text
    assert "£10,220.00 left" in page.text

    form = {"memo": "", "person_id": cm_world.person_a.id, "csrf_token": csrf_of(page.text)}
    refused = pat.post(f"/commissioning/transactions/{paid.json()['id']}/reverse", data=form)
    assert refused.status_code == 422
    form["memo"] = "paid the wrong provider"
    done = pat.post(f"/commissioning/transactions/{paid.json()['id']}/reverse", data=form)
    assert done.status_code == 303
    shown = pat.get(done.headers["location"]).text
    assert "The entry is reversed." in shown
    assert "£10,400.00 left" in shown
