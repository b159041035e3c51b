"""The team's-day pages and visit recording over HTTP, on SQLite and PostgreSQL: who sees what,
recording a visit once however often the form is sent, and 409 on a stale reassignment."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from tests.integration.storage_builders import a_person, a_team, a_worker

from careweave.adapters.storage.database import make_session_factory
from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.adapters.storage.visits.tables import visit_records
from careweave.adapters.web.app import create_app
from careweave.bootstrap import build_services
from careweave.clock import SystemClock
from careweave.config import Settings
from careweave.demo.personas import create_demo_personas
from careweave.domain.values import Location
from careweave.domain.visits.visit import Visit, VisitStatus
from careweave.domain.workforce.workers import Availability

PASSWORD = "demo-password"
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
# All day: a visit in this window is never late while the test runs, whatever the time.
ALL_DAY = (time(0, 0), time(23, 59))


@dataclass
class Site:
    engine: Engine
    settings: Settings
    team_a: str
    team_b: str
    visit_a: str
    visit_b: str

    def client(self, username: str | None = None) -> TestClient:
        app = create_app(self.settings, build_services(self.settings, self.engine))
        client = TestClient(app, follow_redirects=False)
        if username:
            token = _csrf(client.get("/login").text)
            reply = client.post(
                "/login",
                data={"username": username, "password": PASSWORD, "csrf_token": token, "next": "/"},
            )
            assert reply.status_code == 303, reply.text
        return client

    def count_records(self) -> int:
        with self.engine.connect() as connection:
            statement = select(func.count()).select_from(visit_records)
            return int(connection.execute(statement).scalar_one())


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html) or re.search(
        r'name="csrf-token" content="([^"]+)"', html
    )
    assert found, "no CSRF token on the page"
    return found.group(1)


def _hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, f"no {name} on the page"
    return found.group(1)


def _visit(person_id: str, worker_id: str) -> Visit:
    visit = Visit(
        person_id=person_id,
        day=SystemClock().today(),
        window_start=ALL_DAY[0],
        window_end=ALL_DAY[1],
        duration_min=30,
        duration_max=45,
        tasks=("Breakfast", "Shower"),
    )
    visit.assign((worker_id,), time(8, 0), 40)
    return visit


@pytest.fixture
def site(engine: Engine, settings: Settings) -> Site:
    team_a, team_b = a_team("Avon"), a_team("Brook")
    person_a = a_person(team_a, "Ada", "Avery")
    person_b = a_person(team_b, "Bob", "Brennan", nhs_number="", location=Location(51.46, -2.58))
    alex = a_worker(team_a, "Alex", "Abbott")
    every_day = tuple(Availability(d, time(0, 0), time(23, 59)) for d in range(7))
    cleo = a_worker(team_a, "Cleo", "Zane", availability=every_day)
    bea = a_worker(team_b, "Bea", "Baker")
    visit_a, visit_b = _visit(person_a.id, alex.id), _visit(person_b.id, bea.id)
    with SqlUnitOfWork(make_session_factory(engine)) as uow:
        uow.teams.add_all([team_a, team_b])
        uow.people.add_all([person_a, person_b])
        uow.workers.add_all([alex, cleo, bea])
        uow.visits.add_all([visit_a, visit_b])
        create_demo_personas(uow, PASSWORD, at=datetime.now(UTC), hasher=CHEAP_HASHER)
        uow.commit()
    return Site(engine, settings, team_a.id, team_b.id, visit_a.id, visit_b.id)


def test_worker_sees_own_team_and_nothing_of_the_other(site: Site) -> None:
    client = site.client("worker.a")
    assert client.get("/team").headers["location"] == f"/teams/{site.team_a}/board"
    board = client.get(f"/teams/{site.team_a}/board")
    assert board.status_code == 200
    assert "Addie Avery" in board.text
    assert "Bob Brennan" not in board.text
    for path in ("board", "roster", "map", "roster?view=week"):
        assert client.get(f"/teams/{site.team_b}/{path}").status_code == 404
    assert client.get(f"/visits/{site.visit_b}/record").status_code == 404
    mine = client.get("/my-visits")
    assert "Addie Avery" in mine.text
    assert '08:00<span class="visit-card__until">–08:40</span>' in mine.text
    record = client.get(f"/visits/{site.visit_a}/record")
    assert "40 min (30–45)" in record.text


def test_worker_b_cannot_record_a_visit_of_team_a(site: Site) -> None:
    client = site.client("worker.b")
    page = client.get("/my-visits")
    token = _csrf(page.text)
    reply = client.post(
        f"/visits/{site.visit_a}/check-in",
        data={"csrf_token": token, "version": "1", "idempotency_key": "abcdefgh12"},
    )
    assert reply.status_code == 404
    assert "Addie" not in reply.text
    assert site.count_records() == 0


@pytest.mark.parametrize("persona", ["commissioner", "family"])
def test_roles_outside_the_team_get_no_board(site: Site, persona: str) -> None:
    client = site.client(persona)
    assert client.get(f"/teams/{site.team_a}/board").status_code == 403
    # A family member reads the alerts about their person (see test_family_alerts.py).
    assert client.get("/alerts").status_code == (200 if persona == "family" else 403)


def test_visit_recorded_once_when_the_form_is_sent_twice(site: Site) -> None:
    client = site.client("worker.a")
    page = client.get(f"/visits/{site.visit_a}/record")
    assert page.status_code == 200
    form = {
        "csrf_token": _csrf(page.text),
        "version": _hidden(page.text, "version"),
        "idempotency_key": _hidden(page.text, "idempotency_key"),
        "lat": "51.4620",
        "lon": "-2.5650",
    }
    first = client.post(f"/visits/{site.visit_a}/check-in", data=form)
    again = client.post(f"/visits/{site.visit_a}/check-in", data=form)
    assert first.status_code == again.status_code == 303
    assert site.count_records() == 1
    page = client.get(first.headers["location"])
    assert "Checked in at" in page.text
    assert "0 m from the address" in page.text
    outcome = {
        "csrf_token": form["csrf_token"],
        "version": _hidden(page.text, "version"),
        "idempotency_key": _hidden(page.text, "idempotency_key"),
        "task_0": "with",
        "task_1": "for",
        "med_item_0": "Metformin 500 mg",
        "med_result_0": "refused",
        "med_reason_0": "",
        "notes": "Made porridge together",
        "action": "check_out",
    }
    refused = client.post(f"/visits/{site.visit_a}/outcomes", data=outcome)
    assert refused.status_code == 422
    assert "medication.reason" in refused.text
    outcome["med_reason_0"] = "felt sick"
    saved = client.post(f"/visits/{site.visit_a}/outcomes", data=outcome)
    resent = client.post(f"/visits/{site.visit_a}/outcomes", data=outcome)
    assert saved.status_code == resent.status_code == 303
    done = client.get(saved.headers["location"])
    assert "Checked out at" in done.text
    assert "Metformin 500 mg: refused (felt sick)" in done.text
    with SqlUnitOfWork(make_session_factory(site.engine)) as uow:
        assert uow.visits.get(site.visit_a).status is VisitStatus.DONE


def test_reassign_shows_verdict_and_refuses_a_stale_form(site: Site) -> None:
    client = site.client("coordinator")
    page = client.get(f"/visits/{site.visit_a}/reassign")
    assert page.status_code == 200
    token = _csrf(page.text)
    workers = re.findall(r'<option value="([0-9a-f]{32})"', page.text)
    assert len(workers) == 2
    verdict = client.post(
        f"/visits/{site.visit_a}/reassign/check",
        data={"csrf_token": token, "worker_ids": workers[1], "start": "08:30"},
        headers={"HX-Request": "true"},
    )
    assert verdict.status_code == 200
    assert 'id="verdict"' in verdict.text
    assert "This change is possible" in verdict.text
    assert "<html" not in verdict.text
    form = {"csrf_token": token, "worker_ids": workers[1], "start": "08:30", "version": "1"}
    saved = client.post(f"/visits/{site.visit_a}/reassign", data=form)
    assert saved.status_code == 303
    stale = client.post(f"/visits/{site.visit_a}/reassign", data=form)
    assert stale.status_code == 409
    assert "changed by someone else" in stale.text
    assert client.get(saved.headers["location"]).status_code == 200


def test_worker_may_not_reassign(site: Site) -> None:
    client = site.client("worker.a")
    assert client.get(f"/visits/{site.visit_a}/reassign").status_code == 403


def test_roster_timeline_map_and_alerts_render(site: Site) -> None:
    client = site.client("coordinator")
    day = client.get(f"/teams/{site.team_a}/roster")
    assert day.status_code == 200
    assert 'aria-labelledby="tl-day-title tl-day-desc"' in day.text
    assert f'data-visit-id="{site.visit_a}"' in day.text
    assert "<td>40 min (30–45)</td>" in day.text
    week = client.get(f"/teams/{site.team_a}/roster?view=week")
    assert week.status_code == 200
    assert "Mon " in week.text
    bad = client.get(f"/teams/{site.team_a}/roster?day=yesterday")
    assert bad.status_code == 422
    assert "day" in bad.text
    patch = client.get(f"/teams/{site.team_a}/map")
    assert patch.status_code == 200
    assert "<polyline" in patch.text
    assert "Continuity this week" in patch.text
    assert client.get("/alerts").status_code == 200
    other_team = client.get(f"/teams/{site.team_b}/board")
    assert other_team.status_code == 200  # the demo coordinator runs both teams


def test_board_heading_says_team_once(site: Site) -> None:
    board = site.client("coordinator").get(f"/teams/{site.team_a}/board").text
    assert '<h1>Avon team <span class="subtitle">board, ' in board
    assert "<title>Avon team board" in board


def test_board_names_and_visits_open_their_pages(site: Site) -> None:
    board = site.client("coordinator").get(f"/teams/{site.team_a}/board").text
    assert f'<a href="/visits/{site.visit_a}/record">' in board
    assert re.search(r'<a href="/people/[^"]+">Addie Avery</a>', board), board


def test_board_and_roster_print_on_a4_landscape_without_controls(site: Site) -> None:
    client = site.client("coordinator")
    for path in ("board", "roster", "roster?view=week"):
        page = client.get(f"/teams/{site.team_a}/{path}").text
        assert '<link rel="stylesheet" href="/static/pages/team.css">' in page
    on_paper = client.get("/static/pages/team.css").text.split("@media print", 1)[1]
    assert "size: A4 landscape" in on_paper
    for hidden in (".site-header", ".team-nav", ".pager", ".button", "button", "form"):
        assert f"{hidden}," in on_paper
    assert "color: #000 !important" in on_paper
