"""The plans pages through a signed-in browser session (forms with CSRF), on both databases."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from tests.integration.web.conftest import World, csrf_of

from careweave.clock import SystemClock
from careweave.domain.plans.gas import DEFAULT_LEVEL_MEANINGS

TODAY = SystemClock().today()  # the app's clock: today in London


def plan_form(csrf: str, **changes: str) -> dict[str, str]:
    form = {
        "csrf_token": csrf,
        "summary": "Back on her feet",
        "strengths": "Determined\nChurch friends",
        "goal-0-description": "Walk to the shop on my own",
        "goal-0-importance": "9",
        "goal-0-weight": "1",
        "goal-1-description": "Make my own lunch",
        "goal-1-importance": "6",
        "goal-1-weight": "1",
        "action-0-what": "Walk practice",
        "action-0-who_kind": "worker",
        "action-0-who": "Reablement team",
        "action-0-when": "Mon, Wed, Fri",
        "action-0-goal": "0",
        "contingency-0-if": "Daughter is away",
        "contingency-0-do": "Neighbour calls in",
        "funding_source": "free_reablement",
        "review_on": (TODAY + timedelta(days=42)).isoformat(),
        "review_by": "Pat Poplar",
        "agreed": "yes",
        "agreed_by": "person",
        "agreed_on": TODAY.isoformat(),
        "has_capacity": "yes",
        "consent_given": "yes",
    }
    for i in (0, 1):
        for level, words in DEFAULT_LEVEL_MEANINGS.items():
            form[f"goal-{i}-level-{level}"] = words
    form.update(changes)
    return form


def test_conversation_plan_two_goals_ratings_and_t_score(world: World) -> None:
    pat = world.browser("pat")
    person_page = pat.get(f"/people/{world.person_a.id}")
    assert person_page.status_code == 200
    assert "About me" in person_page.text
    form_page = pat.get(f"/people/{world.person_a.id}/conversations/new?kind=listen_and_connect")
    csrf = csrf_of(form_page.text)
    saved = pat.post(
        f"/people/{world.person_a.id}/conversations",
        data={
            "csrf_token": csrf,
            "kind": "listen_and_connect",
            "held_on": TODAY.isoformat(),
            "what_matters": "Her garden",
            "strengths": "Determined",
            "connections": "Church friends",
            "agreed": "Try the lunch club",
            "action-0-what": "Ring the club",
            "action-0-who": "Pat",
        },
    )
    assert saved.status_code == 303, saved.text
    assert "Try the lunch club" in pat.get(f"/people/{world.person_a.id}").text

    created = pat.post(f"/people/{world.person_a.id}/plans", data=plan_form(csrf))
    assert created.status_code == 303, created.text
    plan_url = created.headers["location"].split("?")[0]
    page = pat.get(plan_url).text
    goal_ids = re.findall(r'id="goal-([0-9a-f]{32})"', page)
    assert len(goal_ids) == 2
    for goal_id in goal_ids:
        rated = pat.post(
            f"{plan_url}/goals/{goal_id}/ratings",
            data={"csrf_token": csrf, "level": "1", "rated_on": TODAY.isoformat()},
        )
        assert rated.status_code == 303, rated.text
    page = pat.get(plan_url).text
    assert re.search(r'id="t-score">62\.4<', page)
    assert page.count("<svg") == 3  # the T-score chart and one chart per goal


def test_new_plan_form_offers_a_first_review_eight_weeks_on(world: World) -> None:
    form = world.browser("pat").get(f"/people/{world.person_a.id}/plans/new").text
    expected = (TODAY + timedelta(weeks=8)).isoformat()
    assert re.search(rf'name="review_on"[^>]*value="{expected}"', form), form


def test_plan_without_review_date_is_refused_naming_the_field(world: World) -> None:
    pat = world.browser("pat")
    csrf = csrf_of(pat.get(f"/people/{world.person_a.id}/plans/new").text)
    reply = pat.post(f"/people/{world.person_a.id}/plans", data=plan_form(csrf, review_on=""))
    assert reply.status_code == 422
    assert "review" in reply.text.lower()
    assert "No plan yet" in pat.get(f"/people/{world.person_a.id}").text


def test_family_sees_the_plan_but_not_the_conversations(world: World) -> None:
    pat = world.browser("pat")
    csrf = csrf_of(pat.get(f"/people/{world.person_a.id}/plans/new").text)
    plan_url = (
        pat.post(f"/people/{world.person_a.id}/plans", data=plan_form(csrf))
        .headers["location"]
        .split("?")[0]
    )
    dora = world.browser("dora")
    assert dora.get(plan_url).status_code == 200
    person: Any = dora.get(f"/people/{world.person_a.id}")
    assert person.status_code == 200
    assert "Conversations" not in person.text
    assert world.browser("charlie").get(plan_url).status_code == 404


def test_reablement_board_page(world: World) -> None:
    pat = world.api("pat")
    pat.post(
        f"/api/people/{world.person_a.id}/reablement",
        json={"started_on": (TODAY - timedelta(days=3)).isoformat()},
    )
    page = world.browser("alice").get("/reablement")
    assert page.status_code == 200
    assert world.person_a.display_name in page.text
    assert "4 of 42" in page.text


def test_eligibility_form_determination_and_override(world: World) -> None:
    pat = world.browser("pat")
    csrf = csrf_of(pat.get(f"/people/{world.person_a.id}/eligibility/new").text)
    form = {
        "csrf_token": csrf,
        "assessed_on": TODAY.isoformat(),
        "impairment": "yes",
        "outcome-nutrition-unable": "yes",
        "outcome-nutrition-reason-cannot_without_help": "yes",
        "outcome-personal_hygiene-unable": "yes",
        "outcome-personal_hygiene-reason-takes_significantly_longer": "yes",
        "wellbeing-personal_dignity": "significant",
    }
    saved = pat.post(f"/people/{world.person_a.id}/eligibility", data=form)
    assert saved.status_code == 303, saved.text
    page = pat.get(f"/people/{world.person_a.id}").text
    assert 'id="eligibility-result">Eligible<' in page
    assessment_id = re.search(r'action="/eligibility/([0-9a-f]{32})/override"', page)
    assert assessment_id
    no_reason = pat.post(
        f"/eligibility/{assessment_id.group(1)}/override",
        data={"csrf_token": csrf, "eligible": "no", "reason": "", "person_id": world.person_a.id},
    )
    assert no_reason.status_code == 422
    assert "override.reason" in no_reason.text or "reason" in no_reason.text.lower()
    done = pat.post(
        f"/eligibility/{assessment_id.group(1)}/override",
        data={
            "csrf_token": csrf,
            "eligible": "no",
            "reason": "Needs met by a willing carer",
            "person_id": world.person_a.id,
        },
    )
    assert done.status_code == 303
    assert 'id="eligibility-result">Not eligible<' in pat.get(f"/people/{world.person_a.id}").text
    bad = pat.post(
        f"/people/{world.person_a.id}/eligibility",
        data={
            **form,
            "outcome-nutrition-reason-cannot_without_help": "",
            "outcome-nutrition-unable": "yes",
        },
    )
    assert bad.status_code == 422


def test_reablement_start_review_and_end_through_the_pages(world: World) -> None:
    pat = world.browser("pat")
    csrf = csrf_of(pat.get(f"/people/{world.person_a.id}/reablement/new").text)
    full = {
        "feeding": "10",
        "bathing": "5",
        "grooming": "5",
        "dressing": "10",
        "bowels": "10",
        "bladder": "10",
        "toilet_use": "10",
        "transfers": "15",
        "mobility": "15",
        "stairs": "10",
    }
    start = (TODAY - timedelta(days=9)).isoformat()
    bad = pat.post(
        f"/people/{world.person_a.id}/reablement",
        data={
            "csrf_token": csrf,
            "started_on": start,
            **{f"barthel-{k}": v for k, v in {**full, "bathing": "10"}.items()},
        },
    )
    assert bad.status_code == 422
    assert "barthel.bathing" in bad.text
    started = pat.post(
        f"/people/{world.person_a.id}/reablement",
        data={
            "csrf_token": csrf,
            "started_on": start,
            **{f"barthel-{k}": v for k, v in {**full, "stairs": "0", "mobility": "5"}.items()},
        },
    )
    assert started.status_code == 303, started.text
    episode_url = started.headers["location"].split("?")[0]
    page = pat.get(episode_url).text
    assert 'id="days-left">33<' in page
    reviewed = pat.post(
        f"{episode_url}/reviews",
        data={
            "csrf_token": csrf,
            "held_on": TODAY.isoformat(),
            "attendees": "OT, Physio",
            "summary": "Walking indoors",
        },
    )
    assert reviewed.status_code == 303
    ended = pat.post(
        f"{episode_url}/end",
        data={
            "csrf_token": csrf,
            "ended_on": TODAY.isoformat(),
            "result": "no_ongoing_support",
            **{f"barthel-{k}": v for k, v in full.items()},
        },
    )
    assert ended.status_code == 303, ended.text
    page = pat.get(episode_url).text
    assert "80 at the start, 100 at the end (+20)" in page
    assert "Walking indoors" in page


def test_change_the_plan_makes_a_version_and_risks_are_recorded(world: World) -> None:
    pat = world.browser("pat")
    csrf = csrf_of(pat.get(f"/people/{world.person_a.id}/plans/new").text)
    plan_url = (
        pat.post(f"/people/{world.person_a.id}/plans", data=plan_form(csrf))
        .headers["location"]
        .split("?")[0]
    )
    goal_ids = re.findall(r'id="goal-([0-9a-f]{32})"', pat.get(plan_url).text)
    later = (TODAY + timedelta(days=90)).isoformat()
    changed = pat.post(
        f"{plan_url}/revise",
        data={
            "csrf_token": csrf,
            "based_on_version": "1",
            f"status-{goal_ids[1]}": "completed",
            "review_on": later,
            "review_by": "Pat Poplar",
        },
    )
    assert changed.status_code == 303, changed.text
    page = pat.get(plan_url).text
    assert "Version 2" in page
    assert "completed" in page
    assert "Version 1" in pat.get(f"{plan_url}?version=1").text
    stale = pat.post(
        f"{plan_url}/revise",
        data={"csrf_token": csrf, "based_on_version": "1", "review_on": later, "review_by": "Pat"},
    )
    assert stale.status_code == 409
    no_review = pat.post(
        f"{plan_url}/revise",
        data={"csrf_token": csrf, "based_on_version": "2", "review_on": "", "review_by": "Pat"},
    )
    assert no_review.status_code == 422
    assert "review" in no_review.text.lower()
    risk = {
        "csrf_token": csrf,
        "description": "Falls outdoors",
        "at_risk-person": "yes",
        "likelihood": "3",
        "impact": "4",
        "persons_view": "Worth it",
        "decision": "take_the_risk_with_safeguards",
        "decision_reason": "Walking matters",
        "safeguards": "Pendant",
        "agreed_on": TODAY.isoformat(),
    }
    saved = pat.post(f"{plan_url}/risks", data=risk)
    assert saved.status_code == 303, saved.text
    assert "likelihood 3 × impact 4 = 12" in pat.get(plan_url).text
    unsafe = pat.post(f"{plan_url}/risks", data={**risk, "safeguards": ""})
    assert unsafe.status_code == 422
