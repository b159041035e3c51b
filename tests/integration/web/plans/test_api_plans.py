"""The plans API end to end over HTTP on both databases: conversations, eligibility, a plan with
two goals rated to a T-score, versions, risks, reablement, FHIR, access and bad input."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from tests.integration.web.conftest import World

from careweave.clock import SystemClock
from careweave.domain.reablement.barthel import ALLOWED_SCORES

TODAY = SystemClock().today()  # the app's clock: today in London


def plan_body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "review_on": (TODAY + timedelta(days=90)).isoformat(),
        "review_by": "Pat Poplar",
        "funding_source": "local_authority",
        "strengths": ["Loves her garden"],
        "goals": [
            {"description": "Walk to the shop on my own", "importance": 9},
            {"description": "Cook my own lunch", "importance": 6, "weight": 2},
        ],
        "actions": [
            {
                "what": "Walk practice",
                "who_kind": "worker",
                "who": "Reablement team",
                "when": "Mon, Wed, Fri",
                "goal": 0,
            }
        ],
        "contingencies": [{"if_this_happens": "Daughter away", "do_this": "Neighbour calls in"}],
        "agreement": {
            "agreed_by": "person",
            "agreed_on": TODAY.isoformat(),
            "has_capacity": True,
            "consent_given": True,
        },
    }
    body.update(changes)
    return body


def error_field(reply: Any) -> str:
    return str(reply.json()["error"]["field"])


def test_plan_two_goals_rated_gives_the_t_score(world: World) -> None:
    pat = world.api("pat")
    reply = pat.post(f"/api/people/{world.person_a.id}/plans", json=plan_body())
    assert reply.status_code == 201, reply.text
    plan = reply.json()
    walk, cook = plan["goals"]
    for goal, level in ((walk, 1), (cook, 1)):
        r = pat.post(
            f"/api/goals/{goal['id']}/ratings", json={"level": level, "rated_on": TODAY.isoformat()}
        )
        assert r.status_code == 201, r.text
    view = pat.get(f"/api/plans/{plan['plan_id']}").json()
    # weighted 1 and 2 at +1: 50 + 10*3/sqrt(0.7*5 + 0.3*9)
    assert view["current_t_score"] == pytest.approx(50 + 30 / (0.7 * 5 + 0.3 * 9) ** 0.5, abs=0.01)
    assert view["goals"][0]["achievement_status"] == "achieved"
    assert view["actions"][0]["goal_id"] == walk["id"]


def test_changing_a_plan_keeps_the_old_version(world: World) -> None:
    pat = world.api("pat")
    plan = pat.post(f"/api/people/{world.person_a.id}/plans", json=plan_body()).json()
    body = plan_body(
        goals=[{**plan_body()["goals"][0], "id": plan["goals"][0]["id"]}],
        actions=[],
        based_on_version=1,
    )
    v2 = pat.put(f"/api/plans/{plan['plan_id']}", json=body)
    assert v2.status_code == 200, v2.text
    assert v2.json()["version"] == 2
    old = pat.get(f"/api/plans/{plan['plan_id']}?version=1").json()
    assert len(old["goals"]) == 2
    assert old["versions"] == [1, 2]
    stale = pat.put(f"/api/plans/{plan['plan_id']}", json=body)
    assert stale.status_code == 409


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"review_on": None}, "plan.review_on"),
        ({"funding_source": "lottery"}, "plan.funding_source"),
        ({"goals": [{"description": "x", "importance": 11}]}, "goal.importance"),
        ({"goals": [{"description": "x", "importance": 5, "levels": {"0": "ok"}}]}, "goal.scale"),
    ],
)
def test_bad_plans_are_rejected_naming_the_field_and_nothing_stored(
    world: World, changes: dict[str, Any], field: str
) -> None:
    pat = world.api("pat")
    reply = pat.post(f"/api/people/{world.person_a.id}/plans", json=plan_body(**changes))
    assert reply.status_code == 422
    assert error_field(reply) == field
    assert pat.get(f"/api/people/{world.person_a.id}/plans").json() == []


def test_gas_level_outside_the_range_is_rejected(world: World) -> None:
    pat = world.api("pat")
    plan = pat.post(f"/api/people/{world.person_a.id}/plans", json=plan_body()).json()
    reply = pat.post(
        f"/api/goals/{plan['goals'][0]['id']}/ratings",
        json={"level": 3, "rated_on": TODAY.isoformat()},
    )
    assert reply.status_code == 422
    assert error_field(reply) == "rating.level"


def test_eligibility_determination_and_override(world: World) -> None:
    pat = world.api("pat")
    body = {
        "assessed_on": TODAY.isoformat(),
        "arises_from_impairment_or_illness": True,
        "findings": [
            {"outcome": "nutrition", "unable": True, "reasons": ["cannot_without_help"]},
            {
                "outcome": "personal_hygiene",
                "unable": True,
                "reasons": ["endangers_health_or_safety"],
            },
        ],
        "wellbeing": {"personal_dignity": "significant"},
    }
    reply = pat.post(f"/api/people/{world.person_a.id}/eligibility", json=body)
    assert reply.status_code == 201, reply.text
    result = reply.json()
    assert result["eligible"] is True
    assert all(c["met"] for c in result["criteria"])
    over = pat.post(
        f"/api/eligibility/{result['assessment_id']}/override",
        json={"eligible": False, "reason": "Needs met by a willing carer"},
    )
    assert over.json()["eligible"] is False
    assert over.json()["computed_eligible"] is True
    bad = pat.post(
        f"/api/people/{world.person_a.id}/eligibility",
        json={**body, "findings": [{"outcome": "gardening", "unable": False}]},
    )
    assert bad.status_code == 422
    assert error_field(bad) == "finding.outcome"


def test_conversations_pathway(world: World) -> None:
    pat = world.api("pat")
    url = f"/api/people/{world.person_a.id}/conversations"
    three = {
        "kind": "good_life",
        "held_on": TODAY.isoformat(),
        "agreed": "x",
        "topics": {"long_term_outcomes": "a", "resources": "b", "community_assets": "c"},
    }
    first = pat.post(url, json=three)
    assert first.status_code == 422
    assert error_field(first) == "conversation.kind"
    one = {
        "kind": "listen_and_connect",
        "held_on": TODAY.isoformat(),
        "agreed": "Try lunch club",
        "topics": {"what_matters": "garden", "strengths": "determined", "connections": "church"},
        "actions": [{"what": "Ring the club", "who": "Pat"}],
    }
    assert pat.post(url, json=one).status_code == 201
    assert pat.post(url, json=three).status_code == 201
    assert [c["number"] for c in pat.get(url).json()] == [1, 3]


def test_reablement_episode_barthel_and_board(world: World) -> None:
    pat = world.api("pat")
    full = {item.value: max(s) for item, s in ALLOWED_SCORES.items()}
    start = (TODAY - timedelta(days=10)).isoformat()
    bad = pat.post(
        f"/api/people/{world.person_a.id}/reablement",
        json={"started_on": start, "barthel_start": {**full, "bathing": 10}},
    )
    assert bad.status_code == 422
    assert error_field(bad) == "barthel.bathing"
    long = pat.post(
        f"/api/people/{world.person_a.id}/reablement",
        json={"started_on": start, "planned_end_on": (TODAY + timedelta(days=60)).isoformat()},
    )
    assert error_field(long) == "episode.planned_end_on"
    reply = pat.post(
        f"/api/people/{world.person_a.id}/reablement",
        json={"started_on": start, "barthel_start": {**full, "stairs": 0}},
    )
    assert reply.status_code == 201, reply.text
    episode = reply.json()
    assert episode["barthel_start_total"] == 90
    board = world.api("alice").get("/api/reablement/board").json()
    assert [r["free_days_left"] for r in board] == [32]  # day 11 of 42, today included
    assert world.api("charlie").get("/api/reablement/board").json() == []
    ended = pat.post(
        f"/api/reablement/{episode['id']}/end",
        json={"ended_on": TODAY.isoformat(), "result": "no_ongoing_support", "barthel_end": full},
    )
    assert ended.status_code == 200, ended.text
    figures = world.api("edna").get("/api/reablement/figures").json()
    assert figures["share_no_ongoing_support"] == 1.0
    assert figures["median_barthel_change"] == 10.0


def test_access_to_plans(world: World) -> None:
    pat = world.api("pat")
    plan = pat.post(f"/api/people/{world.person_a.id}/plans", json=plan_body()).json()
    assert world.api("dora").get(f"/api/plans/{plan['plan_id']}").status_code == 200
    assert (
        world.api("dora")
        .post(f"/api/people/{world.person_a.id}/plans", json=plan_body())
        .status_code
        == 403
    )
    assert world.api("charlie").get(f"/api/plans/{plan['plan_id']}").status_code == 404
    assert (
        world.api("pat")
        .post(f"/api/people/{world.person_b.id}/plans", json=plan_body())
        .status_code
        == 404
    )
    assert world.api(None).get(f"/api/plans/{plan['plan_id']}").status_code == 401


def test_fhir_export_over_the_api(world: World) -> None:
    pat = world.api("pat")
    pat.post(f"/api/people/{world.person_a.id}/plans", json=plan_body())
    bundle = pat.get(f"/api/people/{world.person_a.id}/fhir").json()
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert {"Patient", "CareTeam", "CarePlan", "Goal"} <= kinds
    assert world.api("charlie").get(f"/api/people/{world.person_a.id}/fhir").status_code == 404


def test_risk_on_a_plan(world: World) -> None:
    pat = world.api("pat")
    plan = pat.post(f"/api/people/{world.person_a.id}/plans", json=plan_body()).json()
    body = {
        "description": "Falls outdoors",
        "at_risk": ["person"],
        "likelihood": 3,
        "impact": 4,
        "persons_view": "Worth it to get out",
        "decision": "take_the_risk_with_safeguards",
        "decision_reason": "Walking keeps her well",
        "agreed_on": TODAY.isoformat(),
        "safeguards": "Pendant",
    }
    reply = pat.post(f"/api/plans/{plan['plan_id']}/risks", json=body)
    assert reply.status_code == 201, reply.text
    assert reply.json()["rating"] == 12
    assert len(pat.get(f"/api/plans/{plan['plan_id']}/risks").json()) == 1
