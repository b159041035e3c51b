"""``POST /api/telecare/events`` over HTTP: device tokens, one event or a batch, repeats stored
once, bad input refused with the field named and nothing written, and an alert raised at once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from tests.integration.web.conftest import LOGIN_LIMIT, World, build_world

from careweave.config import Settings
from careweave.domain.telecare.devices import DeviceKind

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def web(
    engine: Engine, database_url: str, tmp_path: Path
) -> tuple[World, dict[DeviceKind, tuple[str, str]]]:
    """The web world with a pendant and a door contact in person A's home: ``(id, token)``."""
    settings = Settings(
        database_url=database_url, data_dir=tmp_path / "data", login_attempts_per_minute=LOGIN_LIMIT
    )
    world = build_world(engine, settings)
    homes = world.services.telecare_homes
    fitted = {
        kind: homes.register_device(world.actors["alice"], world.person_a.id, kind, place)
        for kind, place in ((DeviceKind.PENDANT, "worn"), (DeviceKind.DOOR, "front door"))
    }
    return world, {kind: (new.device.id, new.token) for kind, new in fitted.items()}


def _event(device_id: str, sequence: int, kind: str = "press", **more: object) -> dict[str, object]:
    return {
        "device_id": device_id,
        "sequence": sequence,
        "kind": kind,
        "at": NOW.isoformat(),
        **more,
    }


def _client(world: World, token: str | None) -> TestClient:
    client = TestClient(world.app)
    if token is not None:
        client.headers["X-Device-Token"] = token
    return client


def _stored(world: World) -> int:
    with world.services.uow_factory() as uow:
        return uow.telecare_events.count()


def test_one_event_is_stored_and_its_repeat_acknowledged_without_a_second_row(web) -> None:
    world, devices = web
    pendant, token = devices[DeviceKind.PENDANT]
    client = _client(world, token)
    first = client.post("/api/telecare/events", json=_event(pendant, 1))
    assert (first.status_code, first.json()) == (200, {"stored": 1, "repeats": 0})
    again = client.post("/api/telecare/events", json=_event(pendant, 1))
    assert (again.status_code, again.json()) == (200, {"stored": 0, "repeats": 1})
    assert _stored(world) == 1


def test_a_press_is_raised_as_an_urgent_alert_within_the_request(web) -> None:
    world, devices = web
    pendant, token = devices[DeviceKind.PENDANT]
    assert (
        _client(world, token).post("/api/telecare/events", json=_event(pendant, 1)).status_code
        == 200
    )
    queue = world.services.telecare_response.queue(world.actors["alice"])
    (line,) = [line for line in queue if line.alert.kind.value == "pendant_press"]
    assert (int(line.alert.priority), line.person.id) == (1, world.person_a.id)


def test_a_batch_of_a_thousand_is_taken_and_a_larger_one_refused(web) -> None:
    world, devices = web
    door, token = devices[DeviceKind.DOOR]
    client = _client(world, token)
    kinds = ("door_opened", "door_closed")
    batch = {"events": [_event(door, n, kinds[n % 2]) for n in range(1000)]}
    assert client.post("/api/telecare/events", json=batch).json() == {"stored": 1000, "repeats": 0}
    batch["events"].append(_event(door, 1000, "door_opened"))
    refused = client.post("/api/telecare/events", json=batch)
    assert (refused.status_code, refused.json()["error"]["field"]) == (422, "events")
    assert _stored(world) == 1000


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {
                "events": [
                    {"device_id": "x", "sequence": 1, "kind": "press", "at": NOW.isoformat()},
                    {"sequence": 2},
                ]
            },
            "events.1.device_id",
        ),
        ({"device_id": "x", "sequence": -1, "kind": "press", "at": NOW.isoformat()}, "sequence"),
        ({"device_id": "x", "sequence": 1, "kind": "press", "at": "2026-03-02 09:00"}, "at"),
        ([1, 2, 3], "body"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_writes_nothing(
    web, body: object, field: str
) -> None:
    world, devices = web
    _, token = devices[DeviceKind.PENDANT]
    reply = _client(world, token).post("/api/telecare/events", json=body)
    assert reply.status_code == 422
    assert reply.json()["error"]["field"] == field
    assert _stored(world) == 0


def test_an_event_of_another_kind_or_home_refuses_the_whole_batch(web) -> None:
    world, devices = web
    (door, token), (pendant, _) = devices[DeviceKind.DOOR], devices[DeviceKind.PENDANT]
    client = _client(world, token)
    mixed = {"events": [_event(pendant, 1), _event(door, 1, "fall")]}
    reply = client.post("/api/telecare/events", json=mixed)
    assert (reply.status_code, reply.json()["error"]["field"]) == (422, "events.1.kind")
    elsewhere = {"events": [_event(pendant, 1), _event("someone-elses-device", 1)]}
    assert (
        client.post("/api/telecare/events", json=elsewhere).json()["error"]["field"]
        == "events.1.device_id"
    )
    assert _stored(world) == 0


def test_without_a_valid_device_token_nothing_is_taken(web) -> None:
    world, devices = web
    pendant, _ = devices[DeviceKind.PENDANT]
    assert (
        _client(world, None).post("/api/telecare/events", json=_event(pendant, 1)).status_code
        == 401
    )
    assert (
        _client(world, "guess").post("/api/telecare/events", json=_event(pendant, 1)).status_code
        == 401
    )
    user_token = world.api("alice")
    assert user_token.post("/api/telecare/events", json=_event(pendant, 1)).status_code == 401
    assert _stored(world) == 0


def test_broken_json_and_a_huge_body_are_refused_plainly(web) -> None:
    world, devices = web
    _, token = devices[DeviceKind.PENDANT]
    client = _client(world, token)
    broken = client.post(
        "/api/telecare/events", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert (broken.status_code, broken.json()["error"]["field"]) == (422, "body")
    huge = client.post(
        "/api/telecare/events",
        content=b" " * 1_000_001,
        headers={"content-type": "application/json"},
    )
    assert huge.status_code == 413


def test_the_alerts_api_answers_an_alert_in_order_and_hides_it_from_outsiders(web) -> None:
    world, devices = web
    pendant, token = devices[DeviceKind.PENDANT]
    assert (
        _client(world, token).post("/api/telecare/events", json=_event(pendant, 1)).status_code
        == 200
    )
    alice = world.api("alice")
    listed = alice.get("/api/telecare/alerts").json()
    (press,) = [a for a in listed if a["kind"] == "pendant_press"]
    url = f"/api/telecare/alerts/{press['id']}"
    early = alice.post(f"{url}/outcome", json={"outcome": "visited"})
    assert early.status_code == 409
    assert alice.post(f"{url}/acknowledge").json()["status"] == "acknowledged"
    bad = alice.post(f"{url}/outcome", json={"outcome": "shrugged"})
    assert (bad.status_code, bad.json()["error"]["field"]) == (422, "outcome")
    assert (
        alice.post(f"{url}/outcome", json={"outcome": "visited", "note": "All well"}).status_code
        == 200
    )
    assert alice.post(f"{url}/close").json()["status"] == "closed"
    assert [
        a["id"]
        for a in world.api("dora").get("/api/telecare/alerts").json()
        if a["kind"] == "pendant_press"
    ] == [press["id"]]
    assert world.api("charlie").post(f"{url}/acknowledge").status_code == 404
    assert world.api("edna").get("/api/telecare/alerts").status_code == 403
