"""The telecare pages as each persona sees them: the console's live queue and one-click
acknowledgement, an alert's outcome and closing, the family's view, the activity picture and the
rules page; outsiders learn nothing."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from tests.integration.web.conftest import LOGIN_LIMIT, World, build_world, csrf_of

from careweave.config import Settings
from careweave.domain.people.person import CircleMember, CircleRole
from careweave.domain.telecare.alerts import AlertKind, EscalationChain
from careweave.domain.telecare.devices import DeviceKind


@pytest.fixture
def web(engine: Engine, database_url: str, tmp_path: Path) -> World:
    """The web world with a pendant in person A's home, pressed once; person A has a daughter in
    their circle and a key safe note."""
    settings = Settings(
        database_url=database_url, data_dir=tmp_path / "data", login_attempts_per_minute=LOGIN_LIMIT
    )
    world = build_world(engine, settings)
    services = world.services
    with services.uow_factory() as uow:
        uow.circles.add(
            CircleMember(
                world.person_a.id, "Mary Quill", CircleRole.FAMILY, "daughter", "07700 900123"
            )
        )
        uow.commit()
    homes = services.telecare_homes
    alice = world.actors["alice"]
    homes.save_setup(
        alice, world.person_a.id, EscalationChain.default(), "Key safe left of the porch"
    )
    pendant = homes.register_device(alice, world.person_a.id, DeviceKind.PENDANT, "worn")
    press = {
        "device_id": pendant.device.id,
        "sequence": 1,
        "kind": "press",
        "at": datetime.now(UTC).isoformat(),
    }
    reply = TestClient(world.app).post(
        "/api/telecare/events", json=press, headers={"X-Device-Token": pendant.token}
    )
    assert reply.status_code == 200
    return world


def _alert_id(html: str) -> str:
    found = re.search(r'action="/telecare/alerts/([0-9a-f]{32})/acknowledge"', html)
    assert found, "no acknowledge button on the page"
    return found.group(1)


def test_the_console_shows_the_alert_with_the_person_circle_and_key_safe(web: World) -> None:
    page = web.browser("bob").get("/telecare")
    assert page.status_code == 200
    text = page.text
    assert "Pendant pressed" in text
    assert web.person_a.display_name in text
    assert "Key safe left of the porch" in text
    assert "Mary Quill (daughter)" in text
    assert 'hx-get="/telecare/queue" hx-trigger="every 10s"' in text
    assert 'href="/telecare"' in text  # the header link


def test_one_click_acknowledges_and_the_queue_comes_back_in_place(web: World) -> None:
    bob = web.browser("bob")
    page = bob.get("/telecare").text
    alert_id, token = _alert_id(page), csrf_of(page)
    fragment = bob.post(
        f"/telecare/alerts/{alert_id}/acknowledge",
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert fragment.status_code == 200
    assert fragment.text.lstrip().startswith('<section id="queue"')
    assert f"/telecare/alerts/{alert_id}/acknowledge" not in fragment.text
    assert "Record what happened" in fragment.text
    again = bob.post(
        f"/telecare/alerts/{alert_id}/acknowledge",
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert "Someone else took this alert on first." in again.text


def test_the_outcome_is_recorded_and_the_alert_closed_from_its_page(web: World) -> None:
    bob = web.browser("bob")
    page = bob.get("/telecare").text
    alert_id, token = _alert_id(page), csrf_of(page)
    assert (
        bob.post(f"/telecare/alerts/{alert_id}/acknowledge", data={"csrf_token": token}).status_code
        == 303
    )
    refused = bob.post(
        f"/telecare/alerts/{alert_id}/outcome", data={"csrf_token": token, "outcome": "other"}
    )
    assert refused.status_code == 422
    assert "say what happened" in refused.text
    saved = bob.post(
        f"/telecare/alerts/{alert_id}/outcome",
        data={"csrf_token": token, "outcome": "false_alarm", "note": "Pressed by mistake"},
    )
    assert saved.status_code == 303
    alert_page = bob.get(f"/telecare/alerts/{alert_id}").text
    assert "what happened: False alarm" in alert_page
    assert (
        bob.post(f"/telecare/alerts/{alert_id}/close", data={"csrf_token": token}).status_code
        == 303
    )
    assert "No alerts. All quiet." in bob.get("/telecare").text


def test_another_team_sees_nothing_and_the_family_reads_only(web: World) -> None:
    alert_id = _alert_id(web.browser("bob").get("/telecare").text)
    charlie = web.browser("charlie")
    assert "No alerts. All quiet." in charlie.get("/telecare").text
    assert charlie.get(f"/telecare/alerts/{alert_id}").status_code == 404
    assert charlie.get(f"/telecare/people/{web.person_a.id}/activity").status_code == 404
    dora = web.browser("dora").get("/telecare")
    assert dora.status_code == 200
    assert "Pendant pressed" in dora.text
    assert "The team has been told and has not answered yet." in dora.text
    assert "/acknowledge" not in dora.text
    assert web.browser("edna").get("/telecare").status_code == 403


def test_the_activity_page_draws_28_days_and_tells_them_in_a_table(web: World) -> None:
    page = web.browser("bob").get(f"/telecare/people/{web.person_a.id}/activity")
    assert page.status_code == 200
    assert page.text.count('<svg xmlns="http://www.w3.org/2000/svg"') == 1
    assert 'role="img"' in page.text
    assert page.text.count("<rect x=") >= 28 * 24
    assert page.text.count('<th scope="row">') == 28


def test_the_coordinator_changes_a_rule_and_a_bad_value_is_named(web: World) -> None:
    alice = web.browser("alice")
    url = f"/telecare/people/{web.person_a.id}/rules"
    page = alice.get(url)
    assert page.status_code == 200
    token = csrf_of(page.text)
    bad = alice.post(
        f"{url}/out_of_bed",
        data={
            "csrf_token": token,
            "enabled": "true",
            "minutes": "0",
            "night_start": "22:00",
            "night_end": "07:00",
            "priority": "2",
        },
    )
    assert bad.status_code == 422
    assert "Minutes: must be a whole number of minutes from 1 to 720" in bad.text
    good = alice.post(
        f"{url}/out_of_bed",
        data={
            "csrf_token": token,
            "enabled": "true",
            "minutes": "20",
            "night_start": "22:00",
            "night_end": "07:00",
            "priority": "2",
        },
    )
    assert good.status_code == 303
    assert (
        'id="f-out_of_bed-minutes" name="minutes" type="number" value="20"' in alice.get(url).text
    )
    off = alice.post(f"{url}/smoke", data={"csrf_token": token, "priority": "1"})
    assert off.status_code == 303
    rules = web.app.state.services.telecare_homes.view(web.actors["alice"], web.person_a.id).rules
    assert not rules[AlertKind.SMOKE].enabled


def test_a_worker_reads_the_rules_but_may_not_change_them(web: World) -> None:
    bob = web.browser("bob")
    url = f"/telecare/people/{web.person_a.id}/rules"
    page = bob.get(url).text
    assert "<fieldset disabled>" in page
    assert "Fit the device" not in page
    token = csrf_of(page)
    assert bob.post(f"{url}/smoke", data={"csrf_token": token}).status_code == 403


def test_a_device_fitted_from_the_page_shows_its_token_once(web: World) -> None:
    alice = web.browser("alice")
    url = f"/telecare/people/{web.person_a.id}/rules"
    token = csrf_of(alice.get(url).text)
    fitted = alice.post(
        f"/telecare/people/{web.person_a.id}/devices",
        data={"csrf_token": token, "kind": "kettle", "location": "kitchen"},
    )
    assert fitted.status_code == 200
    assert "Device fitted: Kettle plug, kitchen" in fitted.text
    secret = re.search(r'<p class="tc-token" aria-label="Device token">([^<]+)</p>', fitted.text)
    assert secret
    assert secret.group(1) not in alice.get(url).text
    away = alice.post(
        f"/telecare/people/{web.person_a.id}/away",
        data={"csrf_token": token, "starts_on": "2026-03-02", "reason": "hospital"},
    )
    assert away.status_code == 303
    assert "In hospital from 02 Mar 2026, not back yet" in alice.get(url).text
    bad_day = alice.post(
        f"/telecare/people/{web.person_a.id}/away",
        data={"csrf_token": token, "starts_on": "soon", "reason": "hospital"},
    )
    assert bad_day.status_code == 422


def test_the_commissioner_reads_response_times_against_the_targets_and_no_names(web: World) -> None:
    page = web.browser("edna").get("/telecare/figures")
    assert page.status_code == 200
    assert "Answered within" in page.text
    assert "60 seconds" in page.text
    assert "97.5 %" in page.text
    assert "Pendant pressed" in page.text
    assert web.person_a.family_name not in page.text
    assert web.browser("bob").get("/telecare/figures").status_code == 403
