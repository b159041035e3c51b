"""Every route, whoever added it: an outsider learns nothing, and nobody gets in without signing in.

The routes are read from the app itself, so a new API endpoint or page is covered without editing
this file. Path parameters are filled with team A's records (see ``PATH_VALUES``); a parameter
this file does not know gets a random id, which must not reveal anything either.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from httpx import Response
from tests.integration.web.conftest import World

from careweave.adapters.web.app import create_app
from careweave.bootstrap import wire_services
from careweave.config import Settings

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
# Routes anyone signed in may use; they must still reveal nothing of team A to charlie.
OPEN_TO_ALL_SIGNED_IN = {
    ("GET", "/"),
    ("GET", "/api/me"),
    ("GET", "/api/tokens"),
    ("POST", "/api/tokens"),
    ("GET", "/api/teams"),
    ("GET", "/api/people"),
    ("GET", "/api/workers"),
    ("GET", "/api/visits"),
}
PUBLIC = {
    ("GET", "/health"),
    ("GET", "/login"),
    ("POST", "/login"),
    ("POST", "/logout"),
    # Calendar apps cannot sign in: the feed is opened by the secret in its link alone, and
    # tests/integration/rostering/test_calendar_feed_web.py shows a made-up link learns nothing.
    ("GET", "/calendar/feed/{token}.ics"),
    # Browsers ask for the icon on the login page too; it only redirects to the public static SVG.
    ("GET", "/favicon.ico"),
}

PATH_VALUES: dict[str, Callable[[World], str]] = {
    "team_id": lambda w: w.team_a.id,
    "person_id": lambda w: w.person_a.id,
    "worker_id": lambda w: w.worker_a.id,
    "visit_id": lambda w: w.visit_a.id,
    "day": lambda w: w.visit_a.day.isoformat(),
    "token_id": lambda w: w.token_ids["alice"],
}


def _routes() -> list[tuple[str, str]]:
    # Building the app touches no database, so the routes can be listed at collection time.
    app = create_app(Settings(), wire_services(Settings(), _no_database))
    found = {
        (method, context.path)
        for context in iter_route_contexts(app.routes)
        if isinstance(context.original_route, APIRoute)
        for method in context.methods or ()
        if method != "HEAD"
    }
    return sorted(found, key=lambda item: (item[1], item[0]))


def _no_database() -> Any:
    raise AssertionError("listing routes must not open the database")


ROUTES = _routes()
API_ROUTES = [r for r in ROUTES if r[1].startswith("/api/")]
PAGE_ROUTES = [r for r in ROUTES if not r[1].startswith("/api/") and r not in PUBLIC]
PAGE_GETS = [r for r in PAGE_ROUTES if r[0] == "GET"]


def _ids(routes: list[tuple[str, str]]) -> list[str]:
    return [f"{method} {path}" for method, path in routes]


def _url(world: World, path: str) -> str:
    url = path
    for name in _params(path):
        value = PATH_VALUES.get(name, lambda _w: uuid.uuid4().hex)(world)
        url = url.replace("{" + name + "}", value)
    return url


def _params(path: str) -> list[str]:
    return [part[1:-1].split(":")[0] for part in path.split("/") if part.startswith("{")]


def _body(world: World, method: str, path: str) -> dict[str, Any] | None:
    """A well-formed body aimed at team A, so only the access policy can stop it (``None`` for a
    route not listed here: add yours to make its check strict)."""
    if method not in {"POST", "PATCH", "PUT"}:
        return None
    a, person = world.team_a, world.person_a
    where = {"lat": 51.46, "lon": -2.56}
    bodies: dict[tuple[str, str], dict[str, Any]] = {
        ("POST", "/api/teams"): {"name": "Cuckoo team", "patch": {"centre": where, "radius_km": 1}},
        ("PATCH", "/api/teams/{team_id}"): {"name": "Renamed"},
        ("POST", "/api/people"): {
            "given_name": "New",
            "family_name": "Person",
            "date_of_birth": "1940-01-01",
            "address": "1 Road",
            "postcode": "BS5 0QX",
            "location": where,
            "team_id": a.id,
        },
        ("PATCH", "/api/people/{person_id}"): {"preferred_name": "Changed"},
        ("POST", "/api/workers"): {
            "given_name": "New",
            "family_name": "Worker",
            "team_id": a.id,
            "home": where,
        },
        ("PATCH", "/api/workers/{worker_id}"): {"active": False},
        ("POST", "/api/visits"): {
            "person_id": person.id,
            "day": "2026-03-03",
            "window_start": "08:00",
            "window_end": "09:00",
            "duration_min": 30,
        },
        ("PATCH", "/api/visits/{visit_id}"): {"version": 1, "status": "cancelled"},
        ("POST", "/api/tokens"): {"name": "mine"},
        ("POST", "/api/alerts/{alert_id}/acknowledge"): {"note": "Phoned the worker"},
        # Pages take forms (sent as form data, see _send).
        ("POST", "/people/{person_id}/strengths"): {
            "strength_kind": "personal",
            "strength_description": "Cuckoo",
        },
        ("POST", "/people/{person_id}/strengths/{strength_id}/remove"): {},
        ("POST", "/people/{person_id}/needs"): {
            "need_outcome": "nutrition",
            "need_description": "Cuckoo",
        },
        ("POST", "/people/{person_id}/needs/{need_id}/remove"): {},
        ("POST", "/plans/{plan_id}/change"): {
            "based_on_version": "1",
            "do": "save",
            "goal-0-ref": "new-1",
            "goal-0-description": "Cuckoo",
            "goal-0-importance": "5",
            **{f"goal-0-level-{level}": "Cuckoo" for level in range(-2, 3)},
            "funding_source": "self_funded",
            "review_on": "2026-03-03",
            "review_by": "Cuckoo",
        },
    }
    return bodies.get((method, path))


def _send(client: TestClient, method: str, url: str, body: dict[str, Any] | None) -> Response:
    """The request with ``body`` as JSON for the API and as form data for a page."""
    if body is not None and not url.startswith("/api/"):
        return client.request(method, url, data=body)
    return client.request(method, url, json=body)


def _snapshot(world: World) -> tuple[Any, ...]:
    with world.services.uow_factory() as uow:
        return (
            uow.teams.get(world.team_a.id),
            uow.people.get(world.person_a.id),
            uow.workers.get(world.worker_a.id),
            uow.visits.get(world.visit_a.id),
            uow.people.count(team_id=world.team_a.id),
            uow.workers.count(team_id=world.team_a.id),
            uow.visits.count(team_id=world.team_a.id),
        )


def _assert_reveals_nothing(world: World, text: str, sent: str) -> None:
    for secret in world.team_a_secrets():
        assert secret not in text, f"the answer reveals {secret!r}"
    for ident in world.team_a_ids():
        if ident not in sent:
            assert ident not in text, f"the answer reveals the id {ident!r}"


@pytest.mark.parametrize(
    ("method", "path"), API_ROUTES + PAGE_ROUTES, ids=_ids(API_ROUTES + PAGE_ROUTES)
)
def test_an_outsider_learns_nothing_and_changes_nothing(
    shared_world: World, method: str, path: str
) -> None:
    world = shared_world
    before = _snapshot(world)
    url = _url(world, path)
    body = _body(world, method, path)
    reply = _send(world.api("charlie"), method, url, body)
    assert reply.status_code < 500, reply.text
    if _params(path) and (method, path) not in OPEN_TO_ALL_SIGNED_IN:
        # Without a well-formed body (see _body) input is checked before access, and a 422 about
        # the body's shape tells nothing about the record either.
        well_formed = body is not None or method not in {"POST", "PATCH", "PUT"}
        allowed = {403, 404} if well_formed else {403, 404, 422}
        assert reply.status_code in allowed, f"{method} {url}: {reply.status_code} {reply.text}"
    sent = url + repr(body)
    _assert_reveals_nothing(world, reply.text, sent)
    assert _snapshot(world) == before


@pytest.mark.parametrize(("method", "path"), API_ROUTES, ids=_ids(API_ROUTES))
def test_the_api_answers_401_without_a_session_or_token(
    shared_world: World, method: str, path: str
) -> None:
    world = shared_world
    reply = world.api(None).request(method, _url(world, path), json=_body(world, method, path))
    assert reply.status_code == 401, reply.text
    assert reply.json()["error"]["code"] == "not_authenticated"
    assert reply.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(("method", "path"), PAGE_GETS, ids=_ids(PAGE_GETS))
def test_pages_send_signed_out_visitors_to_the_login_page(
    shared_world: World, method: str, path: str
) -> None:
    world = shared_world
    reply = world.api(None).request(method, _url(world, path))
    assert reply.status_code in {303, 422}, reply.text
    if reply.status_code == 303:
        assert reply.headers["location"].startswith("/login?next=")


def test_a_revoked_or_made_up_token_is_refused(world: World) -> None:
    owner = world.api("alice")
    owner.delete(f"/api/tokens/{world.token_ids['alice']}")
    for token in (world.tokens["alice"], "cw_made-up"):
        reply = world.api(None).get("/api/me", headers={"Authorization": f"Bearer {token}"})
        assert reply.status_code == 401


def test_the_route_table_is_not_empty() -> None:
    # Guards the parametrisation above against silently testing nothing.
    assert len(API_ROUTES) >= 20
    assert ("GET", "/") in ROUTES
