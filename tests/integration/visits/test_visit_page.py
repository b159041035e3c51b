"""The visit page a care worker works from: what to know before knocking, from the records the
team holds; a reason for a check-in far too early (and the coordinator told); a reason asked for a
visit much shorter than planned; tasks not done kept on the summary with their reason; and the
worker's coming days. Through the app, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, time, timedelta

from tests.integration.storage_builders import a_goal, a_plan, a_visit, an_agreement
from tests.integration.visits.conftest import VISIT_MORNING
from tests.integration.visits.test_record_form_pages import _form_of
from tests.integration.web.conftest import DAY, World

from careweave.clock import FixedClock
from careweave.domain.people.person import AboutMe, AboutMeSection
from careweave.domain.plans.medicines import DayPart, PlanMedicine
from careweave.domain.plans.risk import AtRisk, Likelihood, Risk, RiskDecision, Severity
from careweave.domain.telecare.setup import TelecareSetup
from careweave.domain.visits.recording import CheckPoint, Outcomes, VisitRecord
from careweave.domain.visits.visit import VisitStatus

KEY_SAFE = "Key safe left of the back door; ask the office for the code"
LAST_NOTE = "Slept badly; keep an eye on her breathing."
MEDICINES = (
    PlanMedicine("Metformin 500 mg", frozenset({DayPart.MORNING, DayPart.TEA}), "With food"),
    PlanMedicine("Senna 7.5 mg", frozenset({DayPart.BED})),
)


def _brief(world: World) -> None:
    """Give Agatha what a worker should read: a plan with medicines and a goal, a risk, About Me,
    a key safe note, and yesterday's visit by bob with a note."""
    person = dataclasses.replace(
        world.person_a,
        about_me=AboutMe(
            {
                AboutMeSection.WHAT_MATTERS_TO_ME: "My cat Biscuit and the racing on the radio.",
                AboutMeSection.MY_WELLNESS: "Allergic to penicillin. Type 2 diabetes.",
            }
        ),
    )
    plan = a_plan(
        person, a_goal("Make my own breakfast"), agreement=an_agreement(), medicines=MEDICINES
    )
    risk = Risk(
        person_id=person.id,
        plan_id=plan.plan_id,
        description="Falls on the stairs",
        at_risk=frozenset({AtRisk.PERSON}),
        likelihood=Likelihood(3),
        impact=Severity(3),
        persons_view="I want to keep sleeping upstairs",
        decision=RiskDecision.TAKE_THE_RISK_WITH_SAFEGUARDS,
        decision_reason="Her bedroom matters to her",
        agreed_by="Pat",
        agreed_on=DAY - timedelta(days=30),
        safeguards="Stair rail; walk behind her",
    )
    yesterday = a_visit(person, DAY - timedelta(days=1), status=VisitStatus.DONE)
    yesterday.assigned_worker_ids = (world.worker_a.id,)
    came = datetime.combine(yesterday.day, time(8, 5))
    record = VisitRecord(
        yesterday.id,
        world.worker_a.id,
        CheckPoint(came),
        CheckPoint(came + timedelta(minutes=35)),
        Outcomes(notes=LAST_NOTE),
    )
    with world.services.uow_factory() as uow:
        uow.people.update(person)
        uow.plans.add_version(plan)
        uow.risks.add(risk)
        uow.telecare_setups.save(TelecareSetup(person.id, key_safe_note=KEY_SAFE))
        uow.visits.add(yesterday)
        uow.visit_records.add(record)
        uow.commit()


def test_before_check_in_the_page_shows_what_to_know(visit_world: World) -> None:
    _brief(visit_world)
    page = visit_world.browser("bob").get(f"/visits/{visit_world.visit_a.id}/record").text
    briefing = page[page.index("Before you go in") : page.index("Check in</button>")]
    for words in (
        "breakfast together",
        "medication prompt",
        "<strong>Metformin 500 mg</strong> (morning, teatime): With food",
        KEY_SAFE,
        "My cat Biscuit and the racing on the radio.",
        "Allergic to penicillin.",
        "Falls on the stairs. What helps: Stair rail; walk behind her",
        f"Sun 01 Mar, Bob: “{LAST_NOTE}”",
        "Make my own breakfast",
    ):
        assert words in briefing, words
    assert "Senna" not in briefing  # a bedtime medicine is not due on a morning visit


def test_the_briefing_is_for_the_team_and_its_read_is_audited(visit_world: World) -> None:
    _brief(visit_world)
    url = f"/visits/{visit_world.visit_a.id}/record"
    assert visit_world.browser("charlie").get(url).status_code == 404
    coordinator = visit_world.browser("alice").get(url)
    assert "Make my own breakfast" in coordinator.text
    assert KEY_SAFE not in coordinator.text  # only the workers on the visit need the way in
    with visit_world.services.uow_factory() as uow:
        trail = uow.audit.list(record_kind="visit", record_id=visit_world.visit_a.id)
    assert ("alice", "visit briefing") in {(e.username, e.detail) for e in trail}
    assert "charlie" not in {e.username for e in trail}


def test_the_plan_medicines_are_a_list_to_tick_with_a_reason_when_not_given(
    visit_world: World,
) -> None:
    _brief(visit_world)
    bob = visit_world.browser("bob")
    url = f"/visits/{visit_world.visit_a.id}"
    assert bob.post(f"{url}/check-in", data=_form_of(bob.get(f"{url}/record").text)).status_code
    page = bob.get(f"{url}/record").text
    assert "<legend>Metformin 500 mg</legend>" in page
    assert re.search(r'type="radio" name="med_result_0" value="not_given"', page)
    typed = {
        **_form_of(page),
        "med_item_0": "Metformin 500 mg",
        "med_from_plan_0": "yes",
        "med_result_0": "not_given",
        "med_reason_0": "",
        "med_item_1": "",
        "action": "save",
    }
    refused = bob.post(f"{url}/outcomes", data=typed)
    assert refused.status_code == 422
    assert re.search(r'name="med_result_0" value="not_given" checked', refused.text)
    assert 'id="med_reason_0-error"' in refused.text
    fixed = {**typed, **_form_of(refused.text), "med_reason_0": "Pack empty"}
    saved = bob.post(f"{url}/outcomes", data=fixed)
    assert saved.status_code == 303


def test_an_early_check_in_asks_why_and_tells_the_coordinator(
    visit_world: World, visit_clock: FixedClock
) -> None:
    visit_clock.set(VISIT_MORNING.replace(hour=6, minute=30))  # the window opens at 08:00
    bob = visit_world.browser("bob")
    url = f"/visits/{visit_world.visit_a.id}"
    page = bob.get(f"{url}/record").text
    assert "This visit's time starts at 08:00, more than an hour from now" in page
    refused = bob.post(f"{url}/check-in", data=_form_of(page))
    assert refused.status_code == 422
    assert 'id="reason-error"' in refused.text
    assert 'aria-describedby="reason-hint reason-error"' in refused.text
    reason = "Asked by her daughter to come before the hospital transport"
    done = bob.post(f"{url}/check-in", data={**_form_of(refused.text), "reason": reason})
    assert done.status_code == 303
    alerts = visit_world.browser("alice").get("/alerts").text
    assert "⏱ Early check-in" in alerts
    assert f"The worker's reason: “{reason}”" in alerts
    assert reason not in visit_world.browser("dora").get("/alerts").text


def test_a_visit_much_shorter_than_planned_asks_why_and_keeps_tasks_not_done(
    visit_world: World, visit_clock: FixedClock
) -> None:
    bob = visit_world.browser("bob")
    url = f"/visits/{visit_world.visit_a.id}"
    assert bob.post(f"{url}/check-in", data=_form_of(bob.get(f"{url}/record").text))
    visit_clock.set(VISIT_MORNING + timedelta(minutes=10))  # 10 of a planned 30 minutes
    page = bob.get(f"{url}/record").text
    assert "well short of its planned 30 minutes" in page
    form = {
        **_form_of(page),
        "task_0": "with",
        "task_1": "",
        "task_reason_1": "She had taken it before I came",
        "med_item_0": "",
        "check_out_reason": "Called to a fall at the next house",
        "action": "check_out",
    }
    assert bob.post(f"{url}/outcomes", data=form).status_code == 303
    done = bob.get(f"{url}/record").text
    assert "breakfast together: done with them" in done
    assert "medication prompt: not done (She had taken it before I came)" in done
    assert "Shorter than planned: 10 minutes of 30 minutes (Called to a fall" in done


def test_one_minute_reads_as_one_minute(visit_world: World, visit_clock: FixedClock) -> None:
    bob = visit_world.browser("bob")
    url = f"/visits/{visit_world.visit_a.id}"
    assert bob.post(f"{url}/check-in", data=_form_of(bob.get(f"{url}/record").text))
    visit_clock.set(VISIT_MORNING + timedelta(minutes=1))
    form = {**_form_of(bob.get(f"{url}/record").text), "action": "check_out"}
    assert bob.post(f"{url}/outcomes", data=form).status_code == 303
    done = bob.get(f"{url}/record").text
    assert "(1 minute)." in done
    assert "1 minutes" not in done


def test_my_visits_shows_the_coming_days(visit_world: World) -> None:
    later = a_visit(visit_world.person_a, DAY + timedelta(days=2), start=time(17))
    later.assign((visit_world.worker_a.id,), time(17, 30))
    with visit_world.services.uow_factory() as uow:
        uow.visits.add(later)
        uow.commit()
    page = visit_world.browser("bob").get("/my-visits").text
    assert "Today" in page
    assert "Wednesday 04 March" in page
    assert page.index(visit_world.visit_a.id) < page.index(later.id)
