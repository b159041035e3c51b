"""Time banks on SQLite and PostgreSQL through the API and the pages: hours agreed, the visit
records' minutes posted once, the team's board with its alerts; who may; bad input named."""

from __future__ import annotations

from datetime import date

import pytest
from tests.commissioning_builders import a_done_visit
from tests.integration.web.conftest import World, csrf_of

BLOCK = "2026-03-02"


def delivered(world: World) -> None:
    visits = [
        a_done_visit(world.person_a, world.worker_a, date(2026, 3, 2), 47),
        a_done_visit(world.person_a, world.worker_a, date(2026, 3, 2), 55, outcome_based=True),
    ]
    with world.services.uow_factory() as uow:
        uow.visits.add_all([v for v, _ in visits])
        uow.visit_records.add_all([r for _, r in visits])
        uow.commit()


def agree(world: World, minutes: int = 600) -> None:
    body = {"block_start": BLOCK, "agreed_minutes": minutes}
    reply = world.api("pat").post(f"/api/people/{world.person_a.id}/time-banks", json=body)
    assert reply.status_code == 201, reply.text


def test_hours_used_come_from_the_visit_records_and_are_posted_once(cm_world: World) -> None:
    agree(cm_world)
    delivered(cm_world)
    alice, team = cm_world.api("alice"), cm_world.team_a.id

    first = alice.post(f"/api/teams/{team}/time-banks/{BLOCK}/posting")
    again = alice.post(f"/api/teams/{team}/time-banks/{BLOCK}/posting")

    assert first.status_code == 200, first.text
    assert (first.json()["visits"], first.json()["minutes"]) == (2, 87)
    assert (again.json()["visits"], again.json()["minutes"]) == (0, 0)
    [line] = cm_world.api("bob").get(f"/api/teams/{team}/time-banks").json()["lines"]
    assert (line["agreed_minutes"], line["used_minutes"], line["left_minutes"]) == (600, 87, 513)
    assert line["state"] == "ahead_of_pace"  # 15 % used on the block's first day


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"block_start": "2026-03-03", "agreed_minutes": 600}, "block_start"),
        ({"block_start": BLOCK, "agreed_minutes": 0}, "agreed_minutes"),
        ({"block_start": BLOCK, "agreed_minutes": "ten hours"}, "agreed_minutes"),
        ({"block_start": BLOCK}, "agreed_minutes"),
    ],
)
def test_bad_hours_name_the_field_and_write_nothing(
    cm_world: World, body: dict[str, object], field: str
) -> None:
    reply = cm_world.api("pat").post(f"/api/people/{cm_world.person_a.id}/time-banks", json=body)

    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["field"] == field
    lines = cm_world.api("alice").get(f"/api/teams/{cm_world.team_a.id}/time-banks").json()
    assert lines["lines"] == []


@pytest.mark.parametrize(("persona", "status"), [("charlie", 404), ("edna", 403), ("dora", 404)])
def test_the_board_is_the_teams_own(cm_world: World, persona: str, status: int) -> None:
    agree(cm_world)

    reply = cm_world.api(persona).get(f"/api/teams/{cm_world.team_a.id}/time-banks")

    assert reply.status_code == status
    assert cm_world.person_a.family_name not in reply.text


def test_the_team_sees_hours_left_and_the_coordinator_counts_them(cm_world: World) -> None:
    agree(cm_world, 60)
    delivered(cm_world)
    alice = cm_world.browser("alice")
    page = alice.get(f"/commissioning/teams/{cm_world.team_a.id}/hours")
    assert page.status_code == 200
    assert "Nobody in the team" not in page.text

    counted = alice.post(
        f"/commissioning/teams/{cm_world.team_a.id}/hours/post",
        data={"block": BLOCK, "csrf_token": csrf_of(page.text)},
    )
    assert counted.status_code == 303
    shown = alice.get(counted.headers["location"]).text
    assert "2 more visits counted" in shown
    assert "Overspent" in shown
    assert "-0 h 27 min" in shown
    assert cm_world.person_a.display_name in shown

    bad = alice.get(f"/commissioning/teams/{cm_world.team_a.id}/hours?block=2026-03-03")
    assert bad.status_code == 422
    assert "block" in bad.text
    assert (
        cm_world.browser("bob")
        .get(f"/teams/{cm_world.team_a.id}/board")
        .text.count(f"/commissioning/teams/{cm_world.team_a.id}/hours")
        == 1
    )
