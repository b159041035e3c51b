"""The family-support JSON API: a household registered and approved, a person referred, matched,
introduced and agreed; what each persona may reach; bad input named field by field."""

from __future__ import annotations

from typing import Any

import pytest
from tests.integration.web.conftest import World

HOUSEHOLD: dict[str, Any] = {
    "name": "The Okafor household",
    "address": "3 Mesnes Road, Wigan",
    "postcode": "WN1 2DD",
    "location": {"lat": 53.545, "lon": -2.632},
    "members": [
        {"name": "Grace Okafor", "role": "carer", "dbs_issued_on": "2025-06-01"},
    ],
    "offer": {
        "arrangement_types": ["long_term", "short_breaks"],
        "places": 2,
        "rooms": [{"name": "Blue room", "features": ["ground_floor_bedroom"]}, {"name": "Attic"}],
        "interests": ["Gardening", "music"],
        "lifestyle": "quiet",
    },
    "references": [
        {"referee": "A neighbour", "received_on": "2025-09-01"},
        {"referee": "An employer", "received_on": "2025-09-02"},
    ],
    "training": [
        {"skill": "safeguarding", "done_on": "2025-10-01", "due_on": "2027-10-01"},
        {"skill": "first_aid", "done_on": "2025-10-01", "due_on": "2027-10-01"},
    ],
}
APPROVAL = {
    "approved_on": "2025-12-01",
    "review_on": "2026-12-01",
    "max_people": 2,
    "support_groups": ["learning_disability"],
}


def referral(world: World, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "scheme_team_id": world.team_a.id,
        "arrangement_type": "long_term",
        "support_group": "learning_disability",
        "wanted_from": "2026-03-02",
        "wishes": {"lifestyle": "quiet", "interests": ["music"]},
    }
    body.update(changes)
    return body


def approved_household(world: World) -> str:
    bob, alice = world.api("bob"), world.api("alice")
    reply = bob.post(f"/api/schemes/{world.team_a.id}/households", json=HOUSEHOLD)
    assert reply.status_code == 201, reply.text
    household = reply.json()
    assert household["status"] == "assessment"
    assert not household["approved"]
    assert bob.post(f"/api/households/{household['id']}/approval", json=APPROVAL).status_code == 403
    approved = alice.post(f"/api/households/{household['id']}/approval", json=APPROVAL)
    assert approved.status_code == 200, approved.text
    assert approved.json()["approved"]
    assert approved.json()["check_problems"] == []
    return str(household["id"])


def test_from_household_to_agreed_arrangement(fs_world: World) -> None:
    world = fs_world
    household_id = approved_household(world)
    pat, bob, alice = world.api("pat"), world.api("bob"), world.api("alice")
    reply = pat.post(
        f"/api/people/{world.person_a.id}/shared-lives-referrals", json=referral(world)
    )
    assert reply.status_code == 201, reply.text
    referral_id = reply.json()["id"]
    board = bob.get(f"/api/schemes/{world.team_a.id}/match-board").json()
    (row,) = board["rows"]
    assert row["household_id"] == household_id
    assert board["stable"]
    factors = row["shortlist"][0]["compatibility"]["factors"]
    assert {f["factor"] for f in factors} >= {"lifestyle", "interests"}
    assert all(f["reason"] for f in factors)
    proposal = bob.post(
        f"/api/referrals/{referral_id}/proposals",
        json={"household_id": household_id, "room": "Attic"},
    )
    assert proposal.status_code == 201, proposal.text
    arrangement_id = proposal.json()["id"]
    assert proposal.json()["decide_by"] == "2026-03-09"
    agreed = alice.post(
        f"/api/arrangements/{arrangement_id}/agreement",
        json={"terms": "House rules", "signed_on": "2026-03-05"},
    )
    assert agreed.json()["status"] == "agreed"
    family = world.api("dora").get(f"/api/people/{world.person_a.id}/arrangements")
    assert [a["id"] for a in family.json()] == [arrangement_id]
    started = bob.post(
        f"/api/arrangements/{arrangement_id}/start", json={"starts_on": "2026-03-05"}
    )
    assert started.json()["status"] == "active"
    march = {"first_day": "2026-03-01", "last_day": "2026-03-31"}
    (paid,) = bob.get(f"/api/schemes/{world.team_a.id}/payments", params=march).json()
    assert (paid["units"], paid["unit"], paid["total_pence"]) == (27, "night", 27 * 6500)


def test_outsiders_learn_nothing_and_roles_are_kept(fs_world: World) -> None:
    world = fs_world
    household_id = approved_household(world)
    scheme = world.team_a.id
    charlie = world.api("charlie")
    for path in (
        f"/api/schemes/{scheme}/households",
        f"/api/households/{household_id}",
        f"/api/schemes/{scheme}/match-board",
        f"/api/schemes/{scheme}/referrals",
    ):
        reply = charlie.get(path)
        assert reply.status_code == 404, path
        assert "Okafor" not in reply.text
    assert world.api("dora").get(f"/api/schemes/{scheme}/match-board").status_code == 404
    assert world.api("edna").get(f"/api/schemes/{scheme}/figures").status_code == 200
    assert world.api("bob").get(f"/api/schemes/{scheme}/figures").status_code == 403
    assert (
        world.api("bob")
        .put(f"/api/schemes/{scheme}/weights", json={"weights": {"pets": 9}})
        .status_code
        == 403
    )
    assert (
        world.api("alice")
        .put(f"/api/schemes/{scheme}/weights", json={"weights": {"pets": 9}})
        .json()["weights"]["pets"]
        == 9
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"postcode": "nowhere"}, "household.postcode"),
        ({"members": []}, "members"),
        ({"offer": {**HOUSEHOLD["offer"], "rooms": []}}, "offer.rooms"),
        ({"offer": {**HOUSEHOLD["offer"], "pets": ["tiger"]}}, "offer.pets"),
        (
            {"training": [{"skill": "first_aid", "done_on": "2026-01-01", "due_on": "2025-01-01"}]},
            "training.due_on",
        ),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_bad_household_input_names_the_field_and_writes_nothing(
    fs_world: World, change: dict[str, Any], field: str
) -> None:
    world = fs_world
    bob = world.api("bob")
    reply = bob.post(f"/api/schemes/{world.team_a.id}/households", json={**HOUSEHOLD, **change})
    assert reply.status_code == 422, reply.text
    assert (
        reply.json()["error"]["field"].startswith(field)
        or field in reply.json()["error"]["message"]
    )
    assert bob.get(f"/api/schemes/{world.team_a.id}/households").json() == []


def test_a_proposal_breaking_a_hard_rule_is_refused_with_the_rule_named(fs_world: World) -> None:
    world = fs_world
    household_id = approved_household(world)
    body = referral(world, skills_needed=["peg_feeding"])
    referral_id = (
        world.api("pat")
        .post(f"/api/people/{world.person_a.id}/shared-lives-referrals", json=body)
        .json()["id"]
    )
    bob = world.api("bob")
    reply = bob.post(f"/api/referrals/{referral_id}/proposals", json={"household_id": household_id})
    assert reply.status_code == 422
    assert reply.json()["error"]["field"] == "match"
    assert "Trained in what the person's risks need" in reply.json()["error"]["message"]
    assert bob.get(f"/api/schemes/{world.team_a.id}/arrangements").json() == []
    assert bob.get(f"/api/referrals/{referral_id}").json()["status"] == "waiting"


def test_bad_referral_input_names_the_field(fs_world: World) -> None:
    world = fs_world
    pat = world.api("pat")
    short = referral(world, arrangement_type="short_breaks")
    reply = pat.post(f"/api/people/{world.person_a.id}/shared-lives-referrals", json=short)
    assert reply.status_code == 422
    assert reply.json()["error"]["field"] == "referral.stays"
    wrong = referral(world, wishes={"lifestyle": "chaotic"})
    assert (
        pat.post(f"/api/people/{world.person_a.id}/shared-lives-referrals", json=wrong).json()[
            "error"
        ]["field"]
        == "wishes.lifestyle"
    )
    assert (
        world.api("dora")
        .post(f"/api/people/{world.person_a.id}/shared-lives-referrals", json=referral(world))
        .status_code
        == 403
    )
