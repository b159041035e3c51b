"""Fixtures of the telecare integration tests: the telecare unit of work on the migrated test
database (SQLite, and PostgreSQL when it is there) and a home with a few devices."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import Engine
from tests.integration.storage_builders import a_person, a_team

from careweave.adapters.storage.database import make_session_factory
from careweave.adapters.storage.telecare.uow import TelecareSqlUnitOfWork
from careweave.domain.people.person import Person
from careweave.domain.telecare.devices import Device, DeviceKind, token_digest
from careweave.domain.workforce.workers import Team

INSTALLED = date(2026, 1, 5)


@dataclass
class Home:
    """A team, a person in it and their devices by kind; ``secret`` of each device is its kind."""

    team: Team
    person: Person
    devices: dict[DeviceKind, Device]


@pytest.fixture
def telecare_uow(engine: Engine) -> Callable[[], TelecareSqlUnitOfWork]:
    """Makes telecare units of work on the migrated test database."""
    sessions = make_session_factory(engine)
    return lambda: TelecareSqlUnitOfWork(sessions)


def a_device(person: Person, kind: DeviceKind, location: str = "hall") -> Device:
    """A device of ``kind`` in ``person``'s home whose secret token is ``kind.value``."""
    return Device(person.id, kind, location, INSTALLED, token_digest(kind.value))


@pytest.fixture
def home(telecare_uow: Callable[[], TelecareSqlUnitOfWork]) -> Home:
    """A person with a pendant, a bed sensor, a motion sensor and a front door contact."""
    team = a_team()
    person = a_person(team)
    devices = {
        DeviceKind.PENDANT: a_device(person, DeviceKind.PENDANT, "worn"),
        DeviceKind.BED: a_device(person, DeviceKind.BED, "bedroom"),
        DeviceKind.MOTION: a_device(person, DeviceKind.MOTION, "hall"),
        DeviceKind.DOOR: a_device(person, DeviceKind.DOOR, "front door"),
    }
    with telecare_uow() as uow:
        uow.teams.add(team)
        uow.people.add(person)
        for device in devices.values():
            uow.devices.add(device)
        uow.commit()
    return Home(team, person, devices)
