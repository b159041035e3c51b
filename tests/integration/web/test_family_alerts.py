"""A family member reads the late and missed visit alerts about their person, and only those,
on a page reached from their home page; they cannot acknowledge them (coordinators do)."""

from __future__ import annotations

from datetime import timedelta

from tests.integration.web.conftest import World, csrf_of

from careweave.clock import wall_time
from careweave.domain.visits.recording import Alert, Lateness


def _raise_alerts(world: World) -> dict[str, Alert]:
    """Visit A was late, then missed; visit B (another team, another person) was missed."""
    an_hour_ago = wall_time(world.services.clock) - timedelta(hours=1)
    raised = {
        "a_late": Alert(world.visit_a.id, world.team_a.id, Lateness.LATE, an_hour_ago),
        "a_missed": Alert(world.visit_a.id, world.team_a.id, Lateness.MISSED, an_hour_ago),
        "b_missed": Alert(world.visit_b.id, world.team_b.id, Lateness.MISSED, an_hour_ago),
    }
    with world.services.uow_factory() as uow:
        for alert in raised.values():
            uow.alerts.add(alert)
        uow.commit()
    return raised


def _is_open(world: World, alert_id: str) -> bool:
    with world.services.uow_factory() as uow:
        return uow.alerts.get(alert_id).is_open


def test_the_family_reads_their_persons_alerts_in_plain_words(world: World) -> None:
    _raise_alerts(world)
    dora = world.browser("dora")
    assert 'href="/alerts"' in dora.get("/").text  # reachable from the home page
    page = dora.get("/alerts")
    assert page.status_code == 200
    text = page.text
    assert text.count("Missed visit") == 1  # late, then missed: told once, as missed
    assert "Late visit:" not in text
    assert world.person_a.display_name in text
    assert "Nobody had arrived 2 hours after that time." in text
    assert "The team's coordinator has been told." in text
    assert world.person_b.display_name not in text
    assert world.person_b.family_name not in text
    assert "/acknowledge" not in text
    with world.services.uow_factory() as uow:
        entries = uow.audit.list(user_id=world.actors["dora"].user_id, record_kind="alert")
        assert [e.record_id for e in entries] == [world.person_a.id]


def test_the_family_cannot_acknowledge_and_outsiders_learn_nothing(world: World) -> None:
    raised = _raise_alerts(world)
    a_missed, b_missed = raised["a_missed"].id, raised["b_missed"].id
    dora = world.browser("dora")
    token = csrf_of(dora.get("/alerts").text)
    page_try = dora.post(f"/alerts/{a_missed}/acknowledge", data={"csrf_token": token})
    assert page_try.status_code == 403
    assert (
        dora.post(f"/alerts/{b_missed}/acknowledge", data={"csrf_token": token}).status_code == 404
    )
    api = world.api("dora")
    assert api.post(f"/api/alerts/{a_missed}/acknowledge", json={}).status_code == 403
    listed = api.get("/api/alerts?limit=1").json()
    assert (len(listed["items"]), listed["total"]) == (1, 2)
    assert {a["id"] for a in api.get("/api/alerts").json()["items"]} == {
        raised["a_late"].id,
        a_missed,
    }
    assert world.api("bob").post(f"/api/alerts/{a_missed}/acknowledge", json={}).status_code == 403
    outsider = world.api("charlie")
    reply = outsider.post(f"/api/alerts/{a_missed}/acknowledge", json={"note": "Mine"})
    assert reply.status_code == 404
    assert world.person_a.family_name not in reply.text
    assert {a["id"] for a in outsider.get("/api/alerts").json()["items"]} == {b_missed}
    assert _is_open(world, a_missed)
    done = world.api("alice").post(
        f"/api/alerts/{a_missed}/acknowledge", json={"note": "Phoned Bob; he is on his way"}
    )
    assert done.status_code == 200
    assert done.json()["acknowledged"] is True
    assert "Phoned Bob" not in done.text  # the note stays with the team
    assert not _is_open(world, a_missed)
    assert "has seen this and is dealing with it" in dora.get("/alerts").text


def test_roles_that_see_no_alerts_are_refused(world: World) -> None:
    for persona in ("edna", "pat"):
        assert world.api(persona).get("/api/alerts").status_code == 403
        assert world.browser(persona).get("/alerts").status_code == 403


def test_the_family_is_not_told_of_an_early_check_in_nor_its_reason(world: World) -> None:
    raised = _raise_alerts(world)
    early = Alert(
        world.visit_a.id,
        world.team_a.id,
        Lateness.EARLY_CHECK_IN,
        wall_time(world.services.clock) - timedelta(hours=3),
        reason="My bus was early",
    )
    with world.services.uow_factory() as uow:
        uow.alerts.add(early)
        uow.commit()
    listed = world.api("dora").get("/api/alerts").json()
    assert {a["id"] for a in listed["items"]} == {raised["a_late"].id, raised["a_missed"].id}
    assert listed["total"] == 2
    assert "My bus was early" not in world.browser("dora").get("/alerts").text
    assert world.api("dora").post(f"/api/alerts/{early.id}/acknowledge", json={}).status_code == 404
    coordinator = {a["id"] for a in world.api("alice").get("/api/alerts").json()["items"]}
    assert early.id in coordinator
