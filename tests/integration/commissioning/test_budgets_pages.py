"""The budgets pages: a person's budgets agreed through the form, bad amounts named, the
commissioner's figures without names."""

from __future__ import annotations

from tests.integration.web.conftest import World, csrf_of


def test_a_practitioner_agrees_a_budget_on_the_persons_page(cm_world: World) -> None:
    pat = cm_world.browser("pat")
    body = {"starts_on": "2026-03-02", "management": "direct_payment"}
    budget = cm_world.api("pat").post(f"/api/people/{cm_world.person_a.id}/budgets", json=body)
    page = pat.get(f"/commissioning/people/{cm_world.person_a.id}")
    assert page.status_code == 200
    assert "£225.00" in page.text

    bad = pat.post(
        f"/commissioning/budgets/{budget.json()['id']}/agree",
        data={"weekly": "twelve", "csrf_token": csrf_of(page.text)},
    )
    assert bad.status_code == 422
    assert "agreed_weekly_pence" in bad.text

    done = pat.post(
        f"/commissioning/budgets/{budget.json()['id']}/agree",
        data={"weekly": "£210.50", "csrf_token": csrf_of(page.text)},
    )
    assert done.status_code == 303
    shown = pat.get(done.headers["location"]).text
    assert "£210.50 a week" in shown
    assert "The budget is agreed." in shown


def test_the_commissioner_sees_figures_and_no_names(cm_world: World) -> None:
    page = cm_world.browser("edna").get("/commissioning")

    assert page.status_code == 200
    assert "Personal budgets running on" in page.text
    for secret in cm_world.team_a_secrets():
        assert secret not in page.text
    assert (
        cm_world.browser("edna").get(f"/commissioning/people/{cm_world.person_a.id}").status_code
        == 404
    )
