"""The rules of the JSON API and the session: audit, CSRF, rate limit, 409, idempotency, bad input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from tests.integration.web.conftest import CHEAP_HASHER, LOGIN_LIMIT, PASSWORD, World, csrf_of

from careweave.clock import FixedClock
from careweave.domain.accounts.audit import AuditAction, AuditEntry
from careweave.domain.accounts.users import NotAuthenticatedError, RateLimitedError
from careweave.services.accounts.access import Origin
from careweave.services.accounts.accounts import AccountService


def _audit(world: World, record_id: str) -> list[AuditEntry]:
    with world.services.uow_factory() as uow:
        return list(uow.audit.list(record_id=record_id))


# -- audit ----------------------------------------------------------------------------------------


def test_reading_a_person_leaves_an_audit_entry_saying_who_and_from_where(world: World) -> None:
    reply = world.api("bob").get(
        f"/api/people/{world.person_a.id}", headers={"User-Agent": "careweave-tests/1"}
    )
    assert reply.status_code == 200
    (entry,) = [e for e in _audit(world, world.person_a.id) if e.action is AuditAction.READ]
    assert (entry.username, entry.role, entry.record_kind) == ("bob", "care_worker", "person")
    assert entry.team_id == world.team_a.id
    assert entry.ip == "testclient"
    assert entry.user_agent == "careweave-tests/1"


def test_every_write_of_personal_data_is_audited(world: World) -> None:
    api = world.api("alice")
    assert api.patch(
        f"/api/people/{world.person_a.id}", json={"preferred_name": "Aggie"}
    ).is_success
    visit = api.get(f"/api/visits/{world.visit_a.id}").json()
    assert api.patch(
        f"/api/visits/{world.visit_a.id}", json={"version": visit["version"], "status": "cancelled"}
    ).is_success
    listed = api.get("/api/people")
    assert listed.status_code == 200
    person_actions = {e.action for e in _audit(world, world.person_a.id)}
    assert {AuditAction.UPDATE, AuditAction.LIST} <= person_actions
    visit_actions = {e.action for e in _audit(world, world.visit_a.id)}
    assert {AuditAction.READ, AuditAction.UPDATE} <= visit_actions


def test_a_refused_read_is_not_recorded_as_a_read(world: World) -> None:
    assert world.api("charlie").get(f"/api/people/{world.person_a.id}").status_code == 404
    assert all(e.username != "charlie" for e in _audit(world, world.person_a.id))


def test_the_coordinator_reads_the_trail_of_her_team_but_workers_may_not(world: World) -> None:
    world.api("bob").get(f"/api/people/{world.person_a.id}")
    world.api("charlie").get(f"/api/people/{world.person_b.id}")
    trail = world.api("alice").get("/api/audit", params={"record_kind": "person"}).json()
    readers = {item["username"] for item in trail["items"]}
    assert "bob" in readers
    assert "charlie" not in readers  # team B's reads are not team A's coordinator's business
    assert world.api("bob").get("/api/audit").status_code == 403


def test_the_audit_log_cannot_be_changed_through_the_app_or_the_database(world: World) -> None:
    world.api("bob").get(f"/api/people/{world.person_a.id}")
    for method in ("PUT", "PATCH", "DELETE"):
        assert world.api("root").request(method, "/api/audit").status_code == 405
    for statement in ("UPDATE audit_log SET detail = 'edited'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError), world.engine.begin() as connection:
            connection.execute(text(statement))
    assert _audit(world, world.person_a.id)


# -- sessions, CSRF and the sign-in rate limit --------------------------------------------------


def test_signing_in_sets_a_safe_session_cookie(world: World) -> None:
    client = world.api(None)
    token = csrf_of(client.get("/login").text)
    reply = client.post(
        "/login",
        data={"username": "alice", "password": PASSWORD, "csrf_token": token, "next": "//evil"},
    )
    assert reply.status_code == 303
    assert reply.headers["location"] == "/"  # no open redirect
    cookie = next(c for c in reply.headers.get_list("set-cookie") if "careweave_session" in c)
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert client.get("/api/me").json()["username"] == "alice"


def test_a_form_without_the_csrf_token_is_refused(world: World) -> None:
    browser = world.browser("alice")
    assert browser.post("/logout").status_code == 403
    assert browser.post("/logout", data={"csrf_token": "forged"}).status_code == 403
    assert browser.get("/api/me").status_code == 200  # still signed in
    token = csrf_of(browser.get("/").text)
    assert browser.post("/logout", data={"csrf_token": token}).status_code == 303
    assert browser.get("/api/me").status_code == 401


def test_the_login_form_itself_needs_its_csrf_token(world: World) -> None:
    client = world.api(None)
    client.get("/login")
    reply = client.post("/login", data={"username": "alice", "password": PASSWORD})
    assert reply.status_code == 403
    assert "careweave_session" not in client.cookies


def test_api_writes_from_a_browser_session_need_the_csrf_header(world: World) -> None:
    browser = world.browser("alice")
    url = f"/api/people/{world.person_a.id}"
    refused = browser.patch(url, json={"preferred_name": "X"})
    assert refused.status_code == 403
    assert refused.json()["error"] == {
        "code": "csrf_failed",
        "message": refused.json()["error"]["message"],
        "field": "csrf_token",
    }
    token = csrf_of(browser.get("/").text)
    htmx = {"X-CSRF-Token": token, "HX-Request": "true"}
    assert browser.patch(url, json={"preferred_name": "X"}, headers=htmx).status_code == 200


def test_failed_sign_ins_are_limited_per_username_and_address(world: World) -> None:
    client = world.api(None)
    token = csrf_of(client.get("/login").text)

    def attempt(username: str, password: str) -> int:
        form = {"username": username, "password": password, "csrf_token": token}
        return client.post("/login", data=form).status_code

    assert [attempt("alice", "wrong") for _ in range(LOGIN_LIMIT)] == [401] * LOGIN_LIMIT
    assert attempt("alice", PASSWORD) == 429  # even the right password waits now
    assert attempt("bob", PASSWORD) == 303  # another username is not held up
    with world.services.uow_factory() as uow:
        failed = uow.audit.list()
    assert sum(e.action is AuditAction.LOGIN_FAILED for e in failed) == LOGIN_LIMIT


# -- concurrency and retries --------------------------------------------------------------------


def test_a_stale_visit_update_is_refused_and_neither_write_is_lost(world: World) -> None:
    alice, bob = world.api("alice"), world.api("bob")
    url = f"/api/visits/{world.visit_a.id}"
    read_by_alice = alice.get(url).json()
    read_by_bob = bob.get(url).json()
    moved = alice.patch(
        url, json={"version": read_by_alice["version"], "planned_start": "08:30:00"}
    )
    assert moved.status_code == 200
    stale = bob.patch(url, json={"version": read_by_bob["version"], "status": "in_progress"})
    assert stale.status_code == 409
    assert stale.json()["error"]["field"] == "version"
    fresh = bob.get(url).json()
    assert fresh["planned_start"] == "08:30:00"
    assert fresh["status"] == "assigned"
    redone = bob.patch(url, json={"version": fresh["version"], "status": "in_progress"})
    assert redone.status_code == 200
    final = alice.get(url).json()
    assert (final["planned_start"], final["status"]) == ("08:30:00", "in_progress")


def test_a_coordinator_sets_how_long_a_visit_is_planned_to_last(world: World) -> None:
    alice = world.api("alice")
    url = f"/api/visits/{world.visit_a.id}"
    read = alice.get(url).json()
    assert (read["duration_min"], read["duration_max"], read["planned_minutes"]) == (30, 45, None)
    moved = alice.patch(url, json={"version": read["version"], "planned_minutes": 40})
    assert moved.status_code == 200, moved.text
    assert moved.json()["planned_minutes"] == 40
    # Another change of the assignment keeps the planned length.
    later = alice.patch(url, json={"version": moved.json()["version"], "planned_start": "08:20"})
    assert (later.json()["planned_start"], later.json()["planned_minutes"]) == ("08:20:00", 40)


def _new_visit(world: World) -> dict[str, Any]:
    return {
        "person_id": world.person_a.id,
        "day": "2026-03-04",
        "window_start": "10:00",
        "window_end": "11:00",
        "duration_min": 30,
    }


def test_a_create_retried_with_its_idempotency_key_is_recorded_once(world: World) -> None:
    alice = world.api("alice")
    headers = {"Idempotency-Key": "retry-me-1"}
    first = alice.post("/api/visits", json=_new_visit(world), headers=headers)
    again = alice.post("/api/visits", json=_new_visit(world), headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json()["id"] == again.json()["id"]
    listed = alice.get("/api/visits", params={"person_id": world.person_a.id}).json()
    assert listed["total"] == 2  # the fixture's visit and this one, once
    other = alice.post(
        "/api/visits", json={**_new_visit(world), "duration_min": 45}, headers=headers
    )
    assert other.status_code == 409
    assert other.json()["error"]["field"] == "Idempotency-Key"


# -- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("POST", "/api/visits", {"person_id": "x"}, "day"),
        ("POST", "/api/visits", "not json", "body"),
        ("PATCH", "/api/visits/{visit}", {"status": "done"}, "version"),
        ("PATCH", "/api/visits/{visit}", {"version": 1, "status": "teleported"}, "status"),
        ("PATCH", "/api/visits/{visit}", {"version": 1, "status": "done"}, "status"),
        ("PATCH", "/api/visits/{visit}", {"version": 1, "planned_minutes": 50}, "planned_minutes"),
        ("PATCH", "/api/visits/{visit}", {"version": 1, "planned_minutes": 0}, "planned_minutes"),
        ("PATCH", "/api/people/{person}", {"postcode": "NOT A CODE"}, "postcode"),
        ("PATCH", "/api/people/{person}", {"date_of_birth": "2999-01-01"}, "date_of_birth"),
        ("PATCH", "/api/people/{person}", {"given_name": "  "}, "given_name"),
        ("GET", "/api/people?limit=0", None, "limit"),
        ("GET", "/api/visits?day_from=2026-03-05&day_to=2026-03-01", None, "day_to"),
    ],
)
def test_bad_input_is_answered_422_naming_the_field(
    world: World, method: str, path: str, body: Any, field: str
) -> None:
    url = path.format(visit=world.visit_a.id, person=world.person_a.id)
    kwargs: dict[str, Any] = (
        {"content": body, "headers": {"Content-Type": "application/json"}}
        if isinstance(body, str)
        else {"json": body}
    )
    reply = world.api("alice").request(method, url, **kwargs)
    assert reply.status_code == 422, reply.text
    error = reply.json()["error"]
    assert error["code"] == "validation_error"
    assert error["field"] == field
    assert field in error["message"]


def test_a_visit_window_ending_before_it_starts_names_window_end(world: World) -> None:
    body = {**_new_visit(world), "window_start": "10:00", "window_end": "09:00"}
    reply = world.api("alice").post("/api/visits", json=body)
    assert reply.status_code == 422
    assert reply.json()["error"]["field"] == "window_end"


def test_an_unexpected_error_is_a_plain_500_without_a_traceback(world: World) -> None:
    from fastapi.testclient import TestClient

    def broken() -> None:
        raise RuntimeError("secret internals")

    world.app.add_api_route("/api/broken", broken)
    client = TestClient(world.app, raise_server_exceptions=False)
    reply = client.get("/api/broken", headers={"Authorization": f"Bearer {world.tokens['root']}"})
    assert reply.status_code == 500
    assert reply.json()["error"]["code"] == "internal_error"
    assert "secret internals" not in reply.text
    assert "Traceback" not in reply.text
    page = client.get("/missing-page")
    assert page.status_code == 404
    assert "<html" in page.text


def test_family_see_upcoming_visits_with_first_names_only(world: World) -> None:
    reply = world.api("dora").get(
        f"/api/people/{world.person_a.id}/upcoming-visits", params={"days": 62}
    )
    assert reply.status_code == 200
    assert world.worker_a.family_name not in reply.text
    assert world.api("dora").get(f"/api/visits/{world.visit_a.id}").status_code == 404
    assert world.api("dora").get(f"/api/people/{world.person_b.id}").status_code == 404


def test_commissioners_get_figures_never_people(world: World) -> None:
    figures = world.api("edna").get(
        f"/api/teams/{world.team_a.id}/figures",
        params={"day_from": "2026-03-01", "day_to": "2026-03-07"},
    )
    assert figures.status_code == 200
    assert figures.json()["people"] == 1
    assert figures.json()["visits_by_status"]["assigned"] == 1
    assert world.api("edna").get("/api/people").status_code == 403
    assert world.api("edna").get(f"/api/people/{world.person_a.id}").status_code == 404


def test_the_roster_shows_each_worker_their_visits(world: World) -> None:
    reply = world.api("bob").get(f"/api/rosters/{world.team_a.id}/2026-03-02")
    assert reply.status_code == 200
    (day,) = reply.json()["workers"]
    assert day["worker_id"] == world.worker_a.id
    assert [v["id"] for v in day["visits"]] == [world.visit_a.id]


def test_health_and_openapi_need_no_sign_in(world: World) -> None:
    client = world.api(None)
    assert client.get("/health").json() == {"status": "ok", "database": "ok"}
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/visits/{visit_id}" in paths
    assert not any(path.startswith("/login") for path in paths)


def test_a_coordinator_of_two_teams_pages_through_both(world: World) -> None:
    cora = world.api("cora")
    first = cora.get("/api/people", params={"limit": 1}).json()
    second = cora.get("/api/people", params={"limit": 1, "offset": 1}).json()
    assert (first["total"], second["total"]) == (2, 2)
    names = {first["items"][0]["given_name"], second["items"][0]["given_name"]}
    assert names == {world.person_a.given_name, world.person_b.given_name}
    assert cora.get("/api/visits").json()["total"] == 2
    other_team = world.api("alice").get("/api/people", params={"team_id": world.team_b.id})
    assert other_team.json() == {"items": [], "total": 0, "limit": 50, "offset": 0}


def test_failed_sign_ins_stop_counting_after_a_minute(world: World) -> None:
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    clock = FixedClock(now)
    accounts = AccountService(
        world.services.uow_factory, clock, login_attempts_per_minute=2, hasher=CHEAP_HASHER
    )
    origin = Origin(ip="192.0.2.7")
    for _ in range(2):
        with pytest.raises(NotAuthenticatedError):
            accounts.login("alice", "wrong", origin)
    with pytest.raises(RateLimitedError):
        accounts.login("alice", PASSWORD, origin)
    clock.set(now + timedelta(seconds=61))
    assert accounts.login("alice", PASSWORD, origin).actor.username == "alice"


def test_an_unknown_username_gets_the_same_answer_as_a_wrong_password(world: World) -> None:
    client = world.api(None)
    token = csrf_of(client.get("/login").text)
    answers = [
        client.post("/login", data={"username": name, "password": "nope", "csrf_token": token})
        for name in ("alice", "nobody-here")
    ]
    assert [a.status_code for a in answers] == [401, 401]
    assert "username or password is not right" in answers[0].text
    assert answers[0].text.replace("alice", "nobody-here") == answers[1].text


def test_api_clients_get_no_cookies_and_monitors_may_use_head(world: World) -> None:
    client = world.api(None)
    assert "set-cookie" not in client.get("/health").headers
    assert "set-cookie" not in client.get("/api/me").headers
    assert client.head("/health").status_code == 200
    assert "careweave_csrf" in client.get("/login").headers["set-cookie"]


def test_static_files_are_served_without_signing_in(world: World) -> None:
    client = world.api(None)
    css = client.get("/static/careweave.css")
    assert css.status_code == 200
    assert "--focus" in css.text
    assert client.get("/static/vendor/htmx-2.0.11.min.js").status_code == 200
    assert client.get("/static/../pyproject.toml").status_code == 404


def test_an_unknown_team_is_named_as_the_field_to_fix(world: World) -> None:
    person = {
        "given_name": "New",
        "family_name": "Person",
        "date_of_birth": "1940-01-01",
        "address": "1 Road",
        "postcode": "BS5 0QX",
        "location": {"lat": 51.46, "lon": -2.56},
        "team_id": "0" * 32,
    }
    reply = world.api("root").post("/api/people", json=person)
    assert reply.status_code == 422
    assert reply.json()["error"]["field"] == "team_id"
    created = world.api("root").post("/api/people", json={**person, "team_id": world.team_b.id})
    assert created.status_code == 201
    assert created.json()["postcode"] == "BS5 0QX"
