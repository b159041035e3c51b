"""The link worker's search page for each persona: results nearest the person's home with their
reasons and the map; refused to whoever may not see the person; named errors."""

from __future__ import annotations

import pytest
from tests.community_directory import SmallDirectory
from tests.integration.web.conftest import World


@pytest.fixture
def community_world(world: World) -> tuple[World, SmallDirectory]:
    """The web world with the small directory laid out around person A's home."""
    small = SmallDirectory(hall=world.person_a.location)
    with world.services.uow_factory() as uow:
        small.store(uow)
        uow.commit()
    return world, small


def test_a_coordinator_searches_from_a_persons_home(
    community_world: tuple[World, SmallDirectory],
) -> None:
    world, _ = community_world
    page = world.browser("alice").get(
        "/community/search", params={"person": world.person_a.id, "reach": "walk", "day": "TU"}
    )
    assert page.status_code == 200, page.text
    assert "Tuesday lunch club" in page.text
    assert "Health walk" not in page.text  # Thursdays, and beyond a walk
    assert "0.0 km from home" in page.text
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page.text
    assert world.person_a.address not in page.text


def test_by_need_from_a_postcode_for_a_family_member(
    community_world: tuple[World, SmallDirectory],
) -> None:
    world, small = community_world
    page = world.browser("dora").get(
        "/community/search",
        params={
            "postcode": small.locations["hall"].postal_code,
            "need": small.terms["loneliness"].id,
        },
    )
    assert page.status_code == 200, page.text
    assert "for loneliness" in page.text
    assert "Telephone befriending" in page.text


@pytest.mark.parametrize("persona", ["charlie", "edna"])
def test_whoever_may_not_see_the_person_learns_nothing(
    community_world: tuple[World, SmallDirectory], persona: str
) -> None:
    world, _ = community_world
    page = world.browser(persona).get("/community/search", params={"person": world.person_a.id})
    assert page.status_code == 404
    for secret in world.team_a_secrets():
        assert secret not in page.text


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"day": "Funday"}, "day"),
        ({"reach": "moon"}, "reach"),
        ({"postcode": "ZE3 9JZ"}, "postcode"),
    ],
)
def test_a_wrong_choice_is_named(
    community_world: tuple[World, SmallDirectory], params: dict[str, str], field: str
) -> None:
    world, _ = community_world
    page = world.browser("pat").get("/community/search", params=params)
    assert page.status_code == 422
    assert field in page.text


def test_the_empty_form_shows_the_needs_to_choose(
    community_world: tuple[World, SmallDirectory],
) -> None:
    world, _ = community_world
    page = world.browser("bob").get("/community/search")
    assert page.status_code == 200
    assert "Loneliness" in page.text
    assert "Physical activity" in page.text
    assert "Befriending" not in page.text  # narrower terms are found through their broad need
