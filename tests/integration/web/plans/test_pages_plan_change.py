"""The "change this plan" page through a signed-in browser session, on both databases: every
part of the plan changes as a new version, rows are added and removed without JavaScript, bad
values come back next to their inputs, a stale version is a 409, outsiders get nothing."""

from __future__ import annotations

import re
from datetime import timedelta

from tests.integration.web.conftest import World, csrf_of
from tests.integration.web.plans.test_pages_plans import TODAY, plan_form


def _plan(world: World) -> str:
    """The URL of a plan (version 1) made through the new-plan form."""
    pat = world.browser("pat")
    csrf = csrf_of(pat.get(f"/people/{world.person_a.id}/plans/new").text)
    created = pat.post(f"/people/{world.person_a.id}/plans", data=plan_form(csrf))
    assert created.status_code == 303, created.text
    return str(created.headers["location"]).split("?")[0]


def _fields(html: str) -> dict[str, str]:
    """What a browser would send from the change form as shown (inputs, textareas, selects)."""
    form: dict[str, str] = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html):
        form[name] = value
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', html):
        form[name] = value
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', body)
        first = re.search(r'<option value="([^"]*)"', body)
        form[name] = (chosen or first).group(1) if (chosen or first) else ""  # type: ignore[union-attr]
    return {k: v.replace("&#39;", "'").replace("&amp;", "&") for k, v in form.items()}


def test_everything_changes_as_a_new_version_and_the_old_one_stays(world: World) -> None:
    plan_url = _plan(world)
    pat = world.browser("pat")
    page = pat.get(f"{plan_url}/change")
    assert page.status_code == 200
    form = _fields(page.text)
    goal_ids = re.findall(r'id="goal-([0-9a-f]{32})"', pat.get(plan_url).text)
    assert form["goal-0-ref"] == goal_ids[0]
    later = (TODAY + timedelta(days=60)).isoformat()
    form.update(
        {
            "goal-0-description": "Walk to the park with my dog",
            "goal-0-hopes": "See my friends there",
            "goal-0-importance": "10",
            "goal-0-weight": "2",
            "goal-0-level-2": "Walks there and back daily",
            "action-0-who_kind": "community_asset",
            "action-0-who": "Walking club",
            "action-0-status": "in-progress",
            "contingency-0-do_this": "Neighbour Jo calls in",
            "funding_source": "direct_payment",
            "review_on": later,
            "review_by": "Pat Poplar",
            "agreed": "yes",
            "agreed_by": "representative",
            "has_capacity": "no",
            "representative_name": "Dora Day",
            "capacity_assessed_by": "Dr Oak",
            "best_interests_reason": "Keeps her walking",
            "do": "save",
        }
    )
    saved = pat.post(f"{plan_url}/change", data=form)
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"] == f"{plan_url}?saved=version"
    plan = world.api("pat").get(f"/api/{plan_url.lstrip('/')}").json()
    assert plan["version"] == 2
    assert plan["versions"] == [1, 2]
    goal = plan["goals"][0]
    assert goal["id"] == goal_ids[0]  # ratings follow the goal
    assert (goal["description"], goal["importance"], goal["weight"]) == (
        "Walk to the park with my dog",
        10,
        2.0,
    )
    assert goal["levels"]["+2"] == "Walks there and back daily"
    assert plan["actions"][0]["who_kind"] == "community_asset"
    assert plan["actions"][0]["status"] == "in-progress"
    assert plan["actions"][0]["goal_id"] == goal_ids[0]
    assert plan["contingencies"][0]["do_this"] == "Neighbour Jo calls in"
    assert plan["funding_source"] == "direct_payment"
    assert plan["review_on"] == later
    old = pat.get(f"{plan_url}?version=1").text
    assert "Walk to the shop on my own" in old
    assert "an earlier version" in old
    assert "Walk to the park with my dog" in pat.get(plan_url).text


def test_rows_are_added_and_removed_by_submitting_the_form(world: World) -> None:
    plan_url = _plan(world)
    pat = world.browser("pat")
    form = _fields(pat.get(f"{plan_url}/change").text)
    assert "goal-2-ref" not in form
    gone_row = pat.post(f"{plan_url}/change", data={**form, "do": "remove-goal-9"})
    assert gone_row.status_code == 200  # shown again, not saved
    added = pat.post(f"{plan_url}/change", data={**form, "do": "add-goal"})
    assert added.status_code == 200
    form = _fields(added.text)
    assert form["goal-2-ref"].startswith("new-")
    assert form["goal-2-description"] == ""
    form.update(
        {"goal-2-description": "Go to church on Sunday", "action-0-goal": form["goal-2-ref"]}
    )
    removed = pat.post(f"{plan_url}/change", data={**form, "do": "remove-goal-0"})
    form = _fields(removed.text)
    assert form["goal-1-description"] == "Go to church on Sunday"  # kept what was typed
    assert "goal-2-ref" not in form
    form = _fields(pat.post(f"{plan_url}/change", data={**form, "do": "add-action"}).text)
    assert form["action-1-ref"].startswith("new-")
    form.update(
        {
            "action-1-what": "Lift to church",
            "action-1-who_kind": "circle_member",
            "action-1-who": "Dora",
            "action-1-when": "Sundays",
        }
    )
    saved = pat.post(f"{plan_url}/change", data={**form, "do": "save"})
    assert saved.status_code == 303, saved.text
    plan = world.api("pat").get(f"/api/{plan_url.lstrip('/')}").json()
    assert [g["description"] for g in plan["goals"]] == [
        "Make my own lunch",
        "Go to church on Sunday",
    ]
    assert plan["actions"][0]["goal_id"] == plan["goals"][1]["id"]
    assert plan["actions"][1]["who_kind"] == "circle_member"
    assert plan["versions"] == [1, 2]


def test_bad_values_are_named_next_to_their_inputs_and_nothing_is_saved(world: World) -> None:
    plan_url = _plan(world)
    pat = world.browser("pat")
    form = _fields(pat.get(f"{plan_url}/change").text)
    bad = {**form, "goal-1-description": "", "goal-0-level-1": "", "action-0-who": "", "do": "save"}
    reply = pat.post(f"{plan_url}/change", data=bad)
    assert reply.status_code == 422
    for name, field in (
        ("goal-1-description", "goal.description"),
        ("goal-0-level-1", "goal.scale.+1"),
        ("action-0-who", "action.who"),
    ):
        error = re.search(rf'id="f-{name}-error">(.*?)</p>', reply.text, re.S)
        assert error, name
        assert field in error.group(1), name
        assert f'href="#f-{name}"' in reply.text
    assert 'value="Make my own lunch"' not in reply.text  # the emptied goal stays empty
    no_review = pat.post(f"{plan_url}/change", data={**form, "review_on": "", "do": "save"})
    assert no_review.status_code == 422
    assert re.search(r'id="f-review_on-error">.*plan\.review_on', no_review.text, re.S)
    backwards = pat.post(
        f"{plan_url}/change",
        data={**form, "agreed_by": "person", "has_capacity": "no", "do": "save"},
    )
    assert backwards.status_code == 422
    assert 'id="f-agreed_by-error"' in backwards.text
    assert world.api("pat").get(f"/api/{plan_url.lstrip('/')}").json()["versions"] == [1]


def test_a_goal_status_moves_only_along_the_fhir_transitions(world: World) -> None:
    plan_url = _plan(world)
    pat = world.browser("pat")
    form = _fields(pat.get(f"{plan_url}/change").text)
    done = pat.post(f"{plan_url}/change", data={**form, "goal-0-lifecycle_status": "completed"})
    assert done.status_code == 303, done.text
    form = _fields(pat.get(f"{plan_url}/change").text)
    back = pat.post(f"{plan_url}/change", data={**form, "goal-0-lifecycle_status": "proposed"})
    assert back.status_code == 422
    assert re.search(
        r'id="f-goal-0-lifecycle_status-error">.*goal\.lifecycle_status', back.text, re.S
    )


def test_a_stale_version_is_a_409_in_plain_words(world: World) -> None:
    plan_url = _plan(world)
    pat = world.browser("pat")
    form = _fields(pat.get(f"{plan_url}/change").text)
    assert pat.post(f"{plan_url}/change", data=form).status_code == 303
    stale = pat.post(f"{plan_url}/change", data={**form, "goal-0-description": "Something else"})
    assert stale.status_code == 409
    assert "has changed since version 1" in stale.text
    assert world.api("pat").get(f"/api/{plan_url.lstrip('/')}").json()["versions"] == [1, 2]


def test_only_planners_with_access_may_change_the_plan(world: World) -> None:
    plan_url = _plan(world)
    form = _fields(world.browser("pat").get(f"{plan_url}/change").text)
    assert world.browser("alice").get(f"{plan_url}/change").status_code == 200
    for persona, status in (("dora", 403), ("bob", 403), ("charlie", 404)):
        client = world.browser(persona)
        token = csrf_of(client.get("/").text)
        assert client.get(f"{plan_url}/change").status_code == status, persona
        reply = client.post(f"{plan_url}/change", data={**form, "csrf_token": token})
        assert reply.status_code == status, persona
        assert "Walk to the shop" not in reply.text
    assert world.api("pat").get(f"/api/{plan_url.lstrip('/')}").json()["versions"] == [1]
    plan_page = world.browser("dora").get(plan_url).text
    assert "Change this plan" not in plan_page
    assert "Change this plan" in world.browser("pat").get(plan_url).text
