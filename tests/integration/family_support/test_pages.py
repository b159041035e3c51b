"""The scheme worker's pages and the family's view, through a signed-in browser session."""

from __future__ import annotations

from tests.integration.family_support.test_api import approved_household, referral
from tests.integration.web.conftest import World, csrf_of


def referred_and_proposed(world: World) -> tuple[str, str]:
    household_id = approved_household(world)
    body = referral(world, what_matters="Music and my garden")
    referral_id = (
        world.api("pat")
        .post(f"/api/people/{world.person_a.id}/shared-lives-referrals", json=body)
        .json()["id"]
    )
    return household_id, referral_id


def test_households_board_and_calendar_pages(fs_world: World) -> None:
    world = fs_world
    household_id, _ = referred_and_proposed(world)
    bob = world.browser("bob")
    scheme = world.team_a.id
    assert bob.get("/family-support").headers["location"] == f"/family-support/{scheme}"
    households = bob.get(f"/family-support/{scheme}")
    assert households.status_code == 200
    assert "The Okafor household" in households.text
    assert "All in date" in households.text
    page = bob.get(f"/family-support/households/{household_id}")
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page.text
    assert "Short-breaks calendar of The Okafor household" in page.text
    waiting = bob.get(f"/family-support/{scheme}/referrals")
    assert "Music and my garden" in waiting.text
    board = bob.get(f"/family-support/{scheme}/board")
    assert "Best match: <strong>The Okafor household</strong>" in board.text
    assert "shares 1 of 1 interests: music" in board.text
    assert "Start introductions with The Okafor household" in board.text


def test_introductions_to_agreement_through_the_forms(fs_world: World) -> None:
    world = fs_world
    household_id, referral_id = referred_and_proposed(world)
    bob = world.browser("bob")
    board = bob.get(f"/family-support/{world.team_a.id}/board")
    token = csrf_of(board.text)
    proposed = bob.post(
        f"/family-support/referrals/{referral_id}/propose",
        data={"household_id": household_id, "room": "Attic", "csrf_token": token},
    )
    assert proposed.status_code == 303
    location = proposed.headers["location"].split("?")[0]
    page = bob.get(location)
    assert "decide by 09 Mar 2026" in page.text
    bad = bob.post(
        f"{location}/agreement",
        data={"terms": "House rules", "signed_on": "someday", "csrf_token": token},
    )
    assert bad.status_code == 422
    assert "agreement.signed_on" in bad.text
    agreed = bob.post(
        f"{location}/agreement",
        data={"terms": "House rules", "signed_on": "2026-03-04", "csrf_token": token},
    )
    assert agreed.status_code == 303
    assert "Agreed" in bob.get(location).text
    family = world.browser("dora").get("/family-support")
    assert "The Okafor household" in family.text
    assert "Agreed" in family.text


def test_an_outsider_and_a_family_member_see_nothing_of_the_scheme(fs_world: World) -> None:
    world = fs_world
    household_id, _ = referred_and_proposed(world)
    scheme = world.team_a.id
    for persona in ("charlie", "dora"):
        browser = world.browser(persona)
        for path in (
            f"/family-support/{scheme}",
            f"/family-support/{scheme}/board",
            f"/family-support/households/{household_id}",
        ):
            reply = browser.get(path)
            assert reply.status_code == 404, (persona, path)
            assert "Okafor" not in reply.text


def test_the_coordinator_sets_weights_and_reads_the_figures(fs_world: World) -> None:
    world = fs_world
    referred_and_proposed(world)
    alice = world.browser("alice")
    scheme = world.team_a.id
    board = alice.get(f"/family-support/{scheme}/board")
    token = csrf_of(board.text)
    form = {
        f"weight-{f}": "5"
        for f in (
            "lifestyle",
            "interests",
            "routines",
            "language",
            "pets",
            "faith",
            "near",
            "smoking",
            "help",
        )
    }
    saved = alice.post(
        f"/family-support/{scheme}/weights", data={**form, "weight-pets": "10", "csrf_token": token}
    )
    assert saved.status_code == 303
    assert world.api("alice").get(f"/api/schemes/{scheme}/weights").json()["weights"]["pets"] == 10
    bad = alice.post(
        f"/family-support/{scheme}/weights",
        data={**form, "weight-pets": "eleven", "csrf_token": token},
    )
    assert bad.status_code == 422
    assert "weights.pets" in bad.text
    figures = alice.get(f"/family-support/{scheme}/figures")
    assert "Social Finance (2013)" in figures.text
