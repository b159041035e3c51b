"""The telecare use cases under test, built in one place (see ``tests/unit/services/conftest.py``),
on the shared fakes, and the home they watch: one person of team ``t1`` with a pendant (secret
"pendant") and a front door contact (secret "door"), at 02:00 on the test night."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from tests.fakes import FakeDatabase
from tests.fakes.telecare import HISTORY_READS
from tests.integration.storage_builders import a_team
from tests.unit.services.neighbourhood import UowFactory

from careweave.clock import FixedClock
from careweave.domain.accounts.audit import AuditEntry
from careweave.domain.people.person import Person
from careweave.domain.telecare.alerts import TelecareAlert
from careweave.domain.telecare.devices import Device, DeviceKind, token_digest
from careweave.domain.values import Location
from careweave.services.telecare.alerting import AlertingService
from careweave.services.telecare.ingest import IngestService
from careweave.services.telecare.response import ResponseService

NIGHT = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Store:
    """What the tests read back of the fake database, committed rows only."""

    database: FakeDatabase

    def _table(self, name: str) -> Mapping[Any, Any]:
        return self.database.tables.get(name, {})

    @property
    def events(self) -> Mapping[tuple[str, int], Any]:
        """Stored events by device and sequence."""
        return self._table("telecare_events")

    @property
    def devices(self) -> Mapping[str, Device]:
        """Devices by id."""
        return self._table("telecare_devices")

    @property
    def alerts(self) -> Mapping[str, TelecareAlert]:
        """Alerts by id."""
        return self._table("telecare_alerts")

    @property
    def audit(self) -> list[AuditEntry]:
        """The audit trail, oldest first."""
        return [self._table("audit_log")[seq] for seq in sorted(self._table("audit_log"))]

    @property
    def history_reads(self) -> int:
        """How often four weeks of activity were read."""
        return int(self._table(HISTORY_READS).get("reads", 0))


@dataclass(frozen=True)
class Telecare:
    """The clock and the services the tests drive."""

    clock: FixedClock
    ingest: IngestService
    alerting: AlertingService
    response: ResponseService


@pytest.fixture
def store(uow: UowFactory, database: FakeDatabase) -> Store:
    """The home described above, stored."""
    person = Person(
        "Ada",
        "Quill",
        date(1940, 1, 1),
        "1 Lane",
        "WN1 1AA",
        Location(53.5, -2.6),
        team_id="t1",
        id="p1",
    )
    fitted = date(2026, 1, 1)
    devices = [
        Device(
            "p1",
            kind,
            place,
            fitted,
            token_digest(kind.value),
            id=kind.value,
            last_heard_at=NIGHT,
        )
        for kind, place in ((DeviceKind.PENDANT, "worn"), (DeviceKind.DOOR, "front door"))
    ]
    with uow() as u:
        u.teams.add(a_team("Ash", id="t1"))
        u.people.add(person)
        for device in devices:
            u.devices.add(device)
        u.commit()
    return Store(database)


@pytest.fixture
def telecare(uow: UowFactory, clock: FixedClock) -> Telecare:
    """The telecare use cases on the fakes, with the clock at :data:`NIGHT`."""
    clock.set(NIGHT)
    return Telecare(
        clock,
        IngestService(uow, clock),
        AlertingService(uow, clock),
        ResponseService(uow, clock),
    )
