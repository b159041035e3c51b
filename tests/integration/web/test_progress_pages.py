"""Progress notes on a phone against the person's current goals, and the notes on the plan page."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from fastapi.testclient import TestClient
from tests.integration.web.conftest import World, csrf_of

from careweave.domain.plans.care_plan import AgreedBy, Agreement, CarePlan, FundingSource, Goal
from careweave.domain.plans.gas import DEFAULT_LEVEL_MEANINGS, GasScale
from careweave.domain.visits.visit import VisitStatus

GOAL_WORDS = "I want to make my own breakfast again"


def _hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, f"no {name} on the page"
    return found.group(1)


def _give_person_a_a_plan(world: World) -> CarePlan:
    plan = CarePlan(
        person_id=world.person_a.id,
        review_on=date(2026, 9, 1),
        review_by="Pat",
        funding_source=FundingSource.LOCAL_AUTHORITY,
        created_by="Pat",
        created_at=datetime(2026, 2, 1, tzinfo=UTC),
        goals=(Goal(GOAL_WORDS, 9, GasScale(DEFAULT_LEVEL_MEANINGS), id="breakfast"),),
        agreement=Agreement(
            AgreedBy.PERSON, date(2026, 2, 1), has_capacity=True, consent_given=True
        ),
    )
    with world.services.uow_factory() as uow:
        uow.plans.add_version(plan)
        uow.commit()
    return plan


def _checked_in(world: World, client: TestClient) -> str:
    """Check bob in to visit A on its day; the recording page's HTML after the check-in."""
    page = client.get(f"/visits/{world.visit_a.id}/record")
    form = {
        "csrf_token": csrf_of(page.text),
        "version": _hidden(page.text, "version"),
        "idempotency_key": _hidden(page.text, "idempotency_key"),
    }
    with world.services.uow_factory() as uow:
        # The page checks in "now"; move the visit to today so the check-in is on its day.
        visit = uow.visits.get(world.visit_a.id)
        visit.day = world.services.clock.today()
        uow.visits.update(visit)
        uow.commit()
    form["version"] = str(int(form["version"]) + 1)
    assert client.post(f"/visits/{world.visit_a.id}/check-in", data=form).status_code == 303
    return client.get(f"/visits/{world.visit_a.id}/record").text


def _outcomes(page: str, **fields: str) -> dict[str, str]:
    return {
        "csrf_token": csrf_of(page),
        "version": _hidden(page, "version"),
        "idempotency_key": _hidden(page, "idempotency_key"),
        "action": "check_out",
        **fields,
    }


def test_without_a_plan_the_form_says_so_and_offers_no_goal(world: World) -> None:
    page = _checked_in(world, world.browser("bob"))
    assert "has no agreed care and support plan yet" in page
    assert 'name="goal_id"' not in page


def test_the_worker_chooses_a_goal_and_the_family_reads_the_note_on_the_plan(
    world: World,
) -> None:
    plan = _give_person_a_a_plan(world)
    bob = world.browser("bob")
    page = _checked_in(world, bob)
    assert GOAL_WORDS in page
    assert 'type="radio" name="goal_id" value="breakfast"' in page
    refused = bob.post(
        f"/visits/{world.visit_a.id}/outcomes",
        data=_outcomes(page, goal_id="someone-elses-goal", progress="Buttered the toast"),
    )
    assert refused.status_code == 422
    assert "progress_note.goal_id" in refused.text
    saved = bob.post(
        f"/visits/{world.visit_a.id}/outcomes",
        data=_outcomes(page, goal_id="breakfast", progress="Buttered the toast herself"),
    )
    assert saved.status_code == 303
    done = bob.get(saved.headers["location"]).text
    assert f"Progress towards “{GOAL_WORDS}”: Buttered the toast herself" in done
    with world.services.uow_factory() as uow:
        assert uow.visits.get(world.visit_a.id).status is VisitStatus.DONE
    plan_page = world.browser("dora").get(f"/plans/{plan.plan_id}")
    assert plan_page.status_code == 200
    assert "Notes from visits" in plan_page.text
    assert "Bob:</strong> Buttered the toast herself" in plan_page.text
    assert world.worker_a.family_name not in plan_page.text
    assert world.browser("charlie").get(f"/plans/{plan.plan_id}").status_code == 404
