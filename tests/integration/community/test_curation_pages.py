"""The coordinator curates the directory from pages: add, edit, mark checked, retire, each
audited; other roles are refused; bad input is named and writes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from tests.community_directory import SmallDirectory
from tests.integration.web.conftest import World, csrf_of

from careweave.services.community.unit_of_work import CommunityUnitOfWork


@pytest.fixture
def curated(world: World) -> tuple[World, SmallDirectory]:
    small = SmallDirectory(hall=world.person_a.location)
    with _uow(world) as uow:
        small.store(uow)
        uow.commit()
    return world, small


def _uow(world: World) -> CommunityUnitOfWork:
    return world.services.uow_factory()


def _post(world: World, persona: str, path: str, data: dict[str, Any]) -> Any:
    client = world.browser(persona)
    token = csrf_of(client.get("/community/search").text)
    return client.post(path, data={**data, "csrf_token": token})


def test_a_coordinator_adds_edits_checks_and_retires_an_entry(
    curated: tuple[World, SmallDirectory],
) -> None:
    world, small = curated
    listing = world.browser("alice").get("/community/directory")
    assert listing.status_code == 200
    assert "Health walk" in listing.text
    assert "due a check" in listing.text  # the walk was never checked

    added = _post(
        world,
        "alice",
        "/community/directory",
        {
            "organization_id": small.organizations["age_uk"].id,
            "name": "Knit and natter",
            "location_id": small.locations["library"].id,
            "need": [small.terms["loneliness"].id],
            "day": ["WE"],
            "opens_at": "10:00",
            "closes_at": "12:00",
            "amount": "0",
        },
    )
    assert added.status_code == 303, added.text
    page = added.headers["location"]
    service_id = page.rsplit("/", 1)[1]

    edited = _post(
        world,
        "alice",
        page,
        {
            "organization_id": small.organizations["age_uk"].id,
            "name": "Knit and natter club",
            "day": ["WE", "FR"],
        },
    )
    assert edited.status_code == 303
    assert _post(world, "alice", f"{page}/checked", {"checked_on": "2026-01-05"}).status_code == 303
    assert _post(world, "alice", f"{page}/retire", {}).status_code == 303

    with _uow(world) as uow:
        service = uow.directory_services.get(service_id)
        trail = uow.audit.list(record_kind="community_service", record_id=service_id)
    assert service.name == "Knit and natter club"
    assert service.schedules[0].byday == "WE,FR"
    assert service.retired
    assert [e.detail for e in reversed(trail)] == [
        "added",
        "edited",
        "checked on 2026-01-05",
        "retired",
    ]
    assert "retired" in world.browser("alice").get(page).text


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"opens_at": "25:99", "day": ["MO"]}, "opens_at"),
        ({"amount": "cheap"}, "amount"),
        ({"opens_at": "10:00"}, "byday"),
    ],
)
def test_bad_input_is_named_and_writes_nothing(
    curated: tuple[World, SmallDirectory], changes: dict[str, Any], field: str
) -> None:
    world, small = curated
    walk = small.services["walk"]
    data = {"organization_id": walk.organization_id, "name": "Renamed walk", **changes}
    reply = _post(world, "alice", f"/community/services/{walk.id}", data)
    assert reply.status_code == 422
    assert field in reply.text
    with _uow(world) as uow:
        assert uow.directory_services.get(walk.id) == walk


def test_a_check_in_the_future_is_refused(curated: tuple[World, SmallDirectory]) -> None:
    world, small = curated
    reply = _post(
        world,
        "alice",
        f"/community/services/{small.services['walk'].id}/checked",
        {"checked_on": "2999-01-01"},
    )
    assert reply.status_code == 422
    assert "assured_date" in reply.text


@pytest.mark.parametrize("persona", ["bob", "charlie", "dora", "edna", "pat"])
def test_only_a_coordinator_curates(curated: tuple[World, SmallDirectory], persona: str) -> None:
    world, small = curated
    walk = small.services["walk"]
    assert world.browser(persona).get("/community/directory").status_code == 403
    assert world.browser(persona).get(f"/community/services/{walk.id}").status_code == 403
    assert _post(world, persona, f"/community/services/{walk.id}/retire", {}).status_code == 403
    with _uow(world) as uow:
        assert not uow.directory_services.get(walk.id).retired


def test_finding_entries_with_punctuation_is_safe(curated: tuple[World, SmallDirectory]) -> None:
    world, _ = curated
    reply = world.browser("alice").get("/community/directory", params={"q": 'lunch" (*'})
    assert reply.status_code == 200
    assert "Tuesday lunch club" in reply.text
