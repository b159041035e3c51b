"""Fixtures of the telecare integration tests: the services and units of work of the composition
root on the migrated test database (SQLite, and PostgreSQL when it is there), with the shared
``clock`` set to the middle of the night, and a home with a few devices."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import pytest
from argon2 import PasswordHasher
from tests.integration.storage_builders import a_person, a_team, a_visit, a_worker

from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.bootstrap import Services
from careweave.clock import FixedClock
from careweave.domain.accounts.users import Role
from careweave.domain.people.person import CircleMember, CircleRole, Person
from careweave.domain.telecare.devices import Device, DeviceKind, token_digest
from careweave.domain.telecare.events import Event, EventKind
from careweave.domain.workforce.workers import Team, Worker
from careweave.services.accounts.access import Actor
from careweave.services.accounts.accounts import NewUser, add_user
from careweave.services.telecare.activity import ActivityService
from careweave.services.telecare.alerting import AlertingService
from careweave.services.telecare.homes import HomeService
from careweave.services.telecare.ingest import IngestService
from careweave.services.telecare.response import ResponseService

INSTALLED = date(2026, 1, 5)


@dataclass
class Home:
    """A team, a person in it and their devices by kind; ``secret`` of each device is its kind."""

    team: Team
    person: Person
    devices: dict[DeviceKind, Device]


def a_device(person: Person, kind: DeviceKind, location: str = "hall") -> Device:
    """A device of ``kind`` in ``person``'s home whose secret token is ``kind.value``."""
    return Device(person.id, kind, location, INSTALLED, token_digest(kind.value))


@pytest.fixture
def home(uow_factory: Callable[[], SqlUnitOfWork]) -> Home:
    """A person with a pendant, a bed sensor, a motion sensor and a front door contact."""
    team = a_team()
    person = a_person(team)
    devices = {
        DeviceKind.PENDANT: a_device(person, DeviceKind.PENDANT, "worn"),
        DeviceKind.BED: a_device(person, DeviceKind.BED, "bedroom"),
        DeviceKind.MOTION: a_device(person, DeviceKind.MOTION, "hall"),
        DeviceKind.DOOR: a_device(person, DeviceKind.DOOR, "front door"),
    }
    with uow_factory() as uow:
        uow.teams.add(team)
        uow.people.add(person)
        for device in devices.values():
            uow.devices.add(device)
        uow.commit()
    return Home(team, person, devices)


@dataclass
class Telecare:
    """The telecare services on the test database, a fixed clock, a home in team A and the
    personas: ``alice`` coordinator and ``bob`` worker of team A, ``charlie`` worker of team B,
    ``dora`` family member of the person. Device tokens are in ``tokens`` by kind."""

    clock: FixedClock
    uow: Callable[[], SqlUnitOfWork]
    ingest: IngestService
    alerting: AlertingService
    response: ResponseService
    homes: HomeService
    activity: ActivityService
    home: Home
    worker: Worker
    daughter: CircleMember
    actors: dict[str, Actor]
    tokens: dict[DeviceKind, str]
    other_person: Person

    def send(
        self, kind: DeviceKind, event_kind: EventKind, *, sequence: int, minutes: int = 0
    ) -> None:
        """The device of ``kind`` posts one event ``minutes`` after the clock's time."""
        device = self.home.devices[kind]
        at = self.clock.now() + timedelta(minutes=minutes)
        self.ingest.ingest_with_token(
            self.tokens[kind], [Event(device.id, sequence, event_kind, at)]
        )

    def advance(self, minutes: float) -> None:
        """Move the clock on."""
        self.clock.set(self.clock.now() + timedelta(minutes=minutes))


# Monday 2 March 2026, 02:00 in London (GMT): the middle of the night.
NIGHT = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


@pytest.fixture
def telecare(
    services: Services, uow_factory: Callable[[], SqlUnitOfWork], clock: FixedClock
) -> Telecare:
    """The services and the world described by :class:`Telecare`."""
    uow = uow_factory
    clock.set(NIGHT)
    team, other_team = a_team(), a_team("Birch")
    person, other = a_person(team), a_person(other_team, given="Bernard")
    worker = a_worker(team, given="Bob", family="Pennywhistle")
    daughter = CircleMember(person.id, "Mary Quill", CircleRole.FAMILY, "daughter", "07700 900123")
    visit = a_visit(person, NIGHT.date(), start=time(8))
    visit.assign((worker.id,), time(8))
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    specs = [
        NewUser(
            "alice",
            "Alice Ash",
            Role.COORDINATOR,
            "correct horse battery",
            team_ids=frozenset({team.id}),
        ),
        NewUser(
            "bob",
            "Bob Pennywhistle",
            Role.CARE_WORKER,
            "correct horse battery",
            team_ids=frozenset({team.id}),
            worker_id=worker.id,
        ),
        NewUser(
            "charlie",
            "Charlie Thistle",
            Role.CARE_WORKER,
            "correct horse battery",
            team_ids=frozenset({other_team.id}),
        ),
        NewUser(
            "dora",
            "Dora Day",
            Role.FAMILY_MEMBER,
            "correct horse battery",
            person_ids=frozenset({person.id}),
        ),
    ]
    with uow() as unit:
        unit.teams.add_all([team, other_team])
        unit.people.add_all([person, other])
        unit.workers.add(worker)
        unit.circles.add(daughter)
        unit.visits.add(visit)
        users = [add_user(unit, hasher, spec, at=NIGHT) for spec in specs]
        unit.commit()
    actors = {user.username: Actor.of(user) for user in users}
    homes = services.telecare_homes
    clock.set(NIGHT - timedelta(days=30))
    fitted = {
        kind: homes.register_device(actors["alice"], person.id, kind, place)
        for kind, place in (
            (DeviceKind.PENDANT, "worn"),
            (DeviceKind.BED, "bedroom"),
            (DeviceKind.MOTION, "hall"),
            (DeviceKind.DOOR, "front door"),
        )
    }
    clock.set(NIGHT)
    with uow() as unit:  # every device checked in just now, so none is silent yet
        for new in fitted.values():
            new.device.last_heard_at = NIGHT
            unit.devices.update(new.device)
        unit.commit()
    home = Home(team, person, {kind: new.device for kind, new in fitted.items()})
    return Telecare(
        clock=clock,
        uow=uow,
        ingest=services.telecare_ingest,
        alerting=services.telecare_alerting,
        response=services.telecare_response,
        homes=homes,
        activity=services.telecare_activity,
        home=home,
        worker=worker,
        daughter=daughter,
        actors=actors,
        tokens={kind: new.token for kind, new in fitted.items()},
        other_person=other,
    )
