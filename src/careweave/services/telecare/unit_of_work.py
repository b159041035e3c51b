"""What the telecare use cases read and write in one transaction: devices, events, dead letters,
rules, set-ups, absences and alerts, with the people, their circles, the visits and workers and
the coordinators an alert climbs to (so every write and its audit entry are one transaction)."""

from __future__ import annotations

from typing import Protocol

from careweave.services.accounts.ports import UserRepository
from careweave.services.accounts.unit_of_work import AuditedUnitOfWork
from careweave.services.people.ports import CircleRepository, PersonRepository
from careweave.services.telecare.ports import (
    AbsenceRepository,
    DeadLetterRepository,
    DeviceRepository,
    EventStore,
    RuleRepository,
    SetupRepository,
    TelecareAlertRepository,
)
from careweave.services.visits.ports import VisitRepository
from careweave.services.workforce.ports import WorkerRepository


class TelecareUnitOfWork(AuditedUnitOfWork, Protocol):
    """Telecare's repositories and the records of other capabilities an alert reads."""

    # Read-only properties, so an implementation may hold more specific repository classes.
    @property
    def devices(self) -> DeviceRepository:
        """Installed devices."""
        ...

    @property
    def telecare_events(self) -> EventStore:
        """Device events."""
        ...

    @property
    def dead_letters(self) -> DeadLetterRepository:
        """Messages that could not be taken in."""
        ...

    @property
    def telecare_rules(self) -> RuleRepository:
        """Each person's rules."""
        ...

    @property
    def telecare_setups(self) -> SetupRepository:
        """Each person's escalation chain and key safe note."""
        ...

    @property
    def absences(self) -> AbsenceRepository:
        """Days away from home."""
        ...

    @property
    def telecare_alerts(self) -> TelecareAlertRepository:
        """Telecare alerts."""
        ...

    @property
    def people(self) -> PersonRepository:
        """The people with telecare."""
        ...

    @property
    def circles(self) -> CircleRepository:
        """Their circles of support (the last rungs of an escalation chain)."""
        ...

    @property
    def visits(self) -> VisitRepository:
        """Visits, to find the worker on shift nearest the person."""
        ...

    @property
    def workers(self) -> WorkerRepository:
        """The workers an alert may go to."""
        ...

    @property
    def users(self) -> UserRepository:
        """The coordinators an alert climbs to."""
        ...
