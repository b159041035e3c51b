"""A small world for the web tests, on SQLite and PostgreSQL: two teams and a persona for each role.

Personas (healthchecks style):

* ``alice``   coordinator of team A
* ``bob``     care worker in team A (worker record ``worker_a``)
* ``charlie`` care worker in team B, who must learn nothing of team A
* ``dora``    family member of ``person_a``
* ``edna``    commissioner
* ``pat``     practitioner with ``person_a`` on her caseload
* ``cora``    coordinator of both teams
* ``root``    administrator
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from tests.integration.storage_builders import a_person, a_team, a_visit, a_worker

from careweave.adapters.storage.database import make_engine
from careweave.adapters.web.app import create_app
from careweave.bootstrap import Services, build_services
from careweave.clock import Clock
from careweave.config import Settings
from careweave.domain.accounts.users import Role
from careweave.domain.people.person import Person
from careweave.domain.visits.visit import Visit
from careweave.domain.workforce.workers import Team, Worker
from careweave.services.accounts.access import Actor
from careweave.services.accounts.accounts import NewUser, add_user

PASSWORD = "correct horse battery"
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
LOGIN_LIMIT = 3
DAY = date(2026, 3, 2)


@dataclass
class World:
    """The app, its database and services, and the records and logins the tests use."""

    app: FastAPI
    engine: Engine
    services: Services
    team_a: Team
    team_b: Team
    person_a: Person
    person_b: Person
    worker_a: Worker
    worker_b: Worker
    visit_a: Visit
    visit_b: Visit
    actors: dict[str, Actor] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    token_ids: dict[str, str] = field(default_factory=dict)

    def api(self, persona: str | None) -> TestClient:
        """A client sending ``persona``'s API token (none for ``None``)."""
        client = TestClient(self.app, follow_redirects=False)
        if persona is not None:
            client.headers["Authorization"] = f"Bearer {self.tokens[persona]}"
        return client

    def browser(self, persona: str) -> TestClient:
        """A client signed in through the login form, with the session's CSRF token at hand."""
        client = TestClient(self.app, follow_redirects=False)
        token = csrf_of(client.get("/login").text)
        reply = client.post(
            "/login",
            data={"username": persona, "password": PASSWORD, "csrf_token": token, "next": "/"},
        )
        assert reply.status_code == 303, reply.text
        return client

    def team_a_secrets(self) -> list[str]:
        """What an outsider must never read: names, NHS number, address of team A."""
        person, worker = self.person_a, self.worker_a
        return [
            self.team_a.name,
            person.family_name,
            person.nhs_number,
            person.address,
            worker.family_name,
        ]

    def team_a_ids(self) -> list[str]:
        """Ids of team A's records."""
        return [self.team_a.id, self.person_a.id, self.worker_a.id, self.visit_a.id]


def csrf_of(html: str) -> str:
    """The CSRF token on a page (form field or meta tag)."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html) or re.search(
        r'name="csrf-token" content="([^"]+)"', html
    )
    assert found, "no CSRF token on the page"
    return found.group(1)


def _records() -> tuple[Team, Team, Person, Person, Worker, Worker, Visit, Visit]:
    team_a, team_b = a_team("Alder team"), a_team("Birch team")
    person_a = a_person(
        team_a, given="Agatha", family="Quixleyworth", address="7 Quarry Lane, Wigan"
    )
    person_b = a_person(team_b, given="Bernard", family="Brambleton", nhs_number="")
    worker_a = a_worker(team_a, given="Bob", family="Pennywhistle")
    worker_b = a_worker(team_b, given="Charlie", family="Thistlewood")
    visit_a = a_visit(person_a, DAY, start=time(8))
    visit_a.assign((worker_a.id,), time(8, 15))
    visit_b = a_visit(person_b, DAY, start=time(9))
    return team_a, team_b, person_a, person_b, worker_a, worker_b, visit_a, visit_b


def _personas(world: World) -> list[NewUser]:
    a, b = world.team_a.id, world.team_b.id
    return [
        NewUser("alice", "Alice Ash", Role.COORDINATOR, PASSWORD, team_ids=frozenset({a})),
        NewUser(
            "bob",
            "Bob Pennywhistle",
            Role.CARE_WORKER,
            PASSWORD,
            team_ids=frozenset({a}),
            worker_id=world.worker_a.id,
        ),
        NewUser(
            "charlie",
            "Charlie Thistlewood",
            Role.CARE_WORKER,
            PASSWORD,
            team_ids=frozenset({b}),
            worker_id=world.worker_b.id,
        ),
        NewUser(
            "dora",
            "Dora Day",
            Role.FAMILY_MEMBER,
            PASSWORD,
            person_ids=frozenset({world.person_a.id}),
        ),
        NewUser("edna", "Edna Elm", Role.COMMISSIONER, PASSWORD),
        NewUser(
            "pat",
            "Pat Poplar",
            Role.PRACTITIONER,
            PASSWORD,
            assigned_person_ids=frozenset({world.person_a.id}),
        ),
        NewUser("cora", "Cora Cedar", Role.COORDINATOR, PASSWORD, team_ids=frozenset({a, b})),
        NewUser("root", "Ruth Root", Role.ADMIN, PASSWORD),
    ]


@pytest.fixture
def web_settings(database_url: str, tmp_path: Path) -> Settings:
    """Settings for the web tests (a low sign-in limit so the rate limit is quick to reach)."""
    return Settings(
        database_url=database_url,
        data_dir=tmp_path / "data",
        login_attempts_per_minute=LOGIN_LIMIT,
    )


@pytest.fixture
def world(engine: Engine, web_settings: Settings) -> World:
    """The app on a migrated database holding two teams, their records and every persona."""
    return build_world(engine, web_settings)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def shared_world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """One world for a whole module, for tests that only read (or must change nothing).

    Building a world per test would dominate the run time of the route-table tests.
    """
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("shared-world") / "careweave.sqlite3"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        url, drop = f"sqlite:///{path}", None
    else:
        admin: Engine = request.getfixturevalue("_postgres_admin")
        name = request.getfixturevalue("_postgres_clones").take()
        url = admin.url.set(database=name).render_as_string(hide_password=False)
        drop = (admin, name)
    settings = Settings(
        database_url=url,
        data_dir=tmp_path_factory.mktemp("shared-data"),
        login_attempts_per_minute=LOGIN_LIMIT,
    )
    engine = make_engine(url)
    try:
        yield build_world(engine, settings)
    finally:
        engine.dispose()
        if drop is not None:
            with drop[0].connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{drop[1]}" WITH (FORCE)'))


def build_world(engine: Engine, web_settings: Settings, clock: Clock | None = None) -> World:
    """Write the two teams, their records and the personas; return the world with the app (on
    ``clock``, the system's unless given)."""
    services = build_services(web_settings, engine, clock=clock, password_hasher=CHEAP_HASHER)
    world = World(create_app(web_settings, services), engine, services, *_records())
    with services.uow_factory() as uow:
        uow.teams.add_all([world.team_a, world.team_b])
        uow.workers.add_all([world.worker_a, world.worker_b])
        uow.people.add_all([world.person_a, world.person_b])
        uow.visits.add_all([world.visit_a, world.visit_b])
        users = [
            add_user(uow, CHEAP_HASHER, spec, at=services.clock.now()) for spec in _personas(world)
        ]
        uow.commit()
    for user in users:
        world.actors[user.username] = Actor.of(user)
        token, secret = services.accounts.create_api_token(world.actors[user.username], "tests")
        world.tokens[user.username] = secret
        world.token_ids[user.username] = token.id
    return world
