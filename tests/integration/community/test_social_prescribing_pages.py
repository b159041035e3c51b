"""The social prescribing pages as each persona uses them: refer, take on, what matters, add a
service found by the search to the plan, record wellbeing, close; the family reads without
forms, a worker of another team and a commissioner see no referral; wrong answers are named."""

from __future__ import annotations

from typing import Any

import pytest
from tests.community_directory import SmallDirectory
from tests.integration.web.conftest import World, csrf_of


@pytest.fixture
def small(world: World) -> SmallDirectory:
    directory = SmallDirectory(hall=world.person_a.location)
    with world.services.uow_factory() as uow:
        directory.store(uow)
        uow.commit()
    return directory


class Browser:
    def __init__(self, world: World, persona: str) -> None:
        self.client = world.browser(persona)
        self.token = csrf_of(self.client.get("/community/search").text)

    def post(self, path: str, data: dict[str, Any]) -> Any:
        return self.client.post(path, data={**data, "csrf_token": self.token})


def _refer(world: World, persona: str = "alice") -> str:
    reply = Browser(world, persona).post(
        f"/people/{world.person_a.id}/referrals",
        {"source": "gp", "reason": "Lonely since moving", "referrer": "Dr Shah"},
    )
    assert reply.status_code == 303, reply.text
    return str(reply.headers["location"])


def test_a_referral_worked_through_the_pages(world: World, small: SmallDirectory) -> None:
    page = _refer(world)
    alice = Browser(world, "alice")
    today = alice.client.get(page).text.split('name="first_contact_on" type="date" value="')[1][:10]
    assert alice.post(f"{page}/contact", {"first_contact_on": today}).status_code == 303
    assert (
        alice.post(f"{page}/what-matters", {"what_matters": "Company at lunchtime"}).status_code
        == 303
    )
    referral_id = page.rsplit("/", 1)[1]
    found = alice.client.get(
        "/community/search", params={"person": world.person_a.id, "referral": referral_id}
    )
    assert "Add to the plan" in found.text
    lunch = small.services["lunch"]
    assert (
        alice.post(f"{page}/plan", {"service_id": lunch.id, "note": "June meets her"}).status_code
        == 303
    )
    answers = {f"swemwbs_{n}": "3" for n in range(1, 8)}
    ons4 = {"ons4_satisfied": "5", "ons4_worthwhile": "6", "ons4_happy": "5", "ons4_anxious": "6"}
    assert (
        alice.post(f"{page}/wellbeing", {"taken_on": today, **answers, **ons4}).status_code == 303
    )
    shown = alice.client.get(page).text
    assert "871731000000106" in shown
    assert "Company at lunchtime" in shown
    assert "Tuesday lunch club" in shown
    assert "21 → 19.25" in shown
    assert alice.post(f"{page}/close", {}).status_code == 303
    assert "Close: the work is done" not in alice.client.get(page).text
    assert alice.client.get("/community/referrals").status_code == 200


def test_declining_shows_the_declined_code(world: World, small: SmallDirectory) -> None:
    page = _refer(world, "pat")
    pat = Browser(world, "pat")
    assert pat.post(f"{page}/decline", {"declined_reason": "Not now"}).status_code == 303
    assert "871711000000103" in pat.client.get(page).text


def test_the_family_reads_without_forms_and_outsiders_see_nothing(
    world: World, small: SmallDirectory
) -> None:
    page = _refer(world)
    family = world.browser("dora").get(page)
    assert family.status_code == 200
    assert "Take on" not in family.text
    assert (
        Browser(world, "dora").post(f"{page}/what-matters", {"what_matters": "x"}).status_code
        == 403
    )
    for persona in ("charlie", "edna"):
        reply = world.browser(persona).get(page)
        assert reply.status_code == 404
        assert world.person_a.family_name not in reply.text
    assert world.browser("edna").get("/community/referrals/figures").status_code == 200


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (
            {
                "ons4_satisfied": "11",
                "ons4_worthwhile": "5",
                "ons4_happy": "5",
                "ons4_anxious": "5",
            },
            "ons4.satisfied",
        ),
        ({"ons4_satisfied": "5"}, "ons4"),
        ({"swemwbs_1": "3"}, "swemwbs"),
        ({}, "wellbeing"),
    ],
)
def test_wrong_answers_are_named(
    world: World, small: SmallDirectory, data: dict[str, str], field: str
) -> None:
    page = _refer(world)
    reply = Browser(world, "alice").post(f"{page}/wellbeing", {"taken_on": "2020-01-01", **data})
    assert reply.status_code == 422
    assert field in reply.text
