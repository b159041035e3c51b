"""Ports of telecare: devices, events and dead letters, rules and set-ups, absences and alerts (the
unit of work that carries them is in :mod:`careweave.services.telecare.unit_of_work`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from careweave.domain.telecare.alerts import AlertStatus, TelecareAlert
from careweave.domain.telecare.devices import Device
from careweave.domain.telecare.events import Event
from careweave.domain.telecare.home import Absence, ActivityHistory
from careweave.domain.telecare.rules import Rule
from careweave.domain.telecare.ruleset import RuleSet
from careweave.domain.telecare.setup import TelecareSetup


class DeviceRepository(Protocol):
    """The devices installed in people's homes."""

    def get(self, device_id: str) -> Device:
        """The device with ``device_id`` (NotFoundError if none)."""
        ...

    def find_by_token(self, token_hash: str) -> Device | None:
        """The device whose token has the digest ``token_hash``, or ``None``."""
        ...

    def add(self, device: Device) -> None:
        """Store a new device (the person must exist)."""
        ...

    def update(self, device: Device) -> None:
        """Save the changed ``device``."""
        ...

    def list(
        self, *, person_ids: Collection[str] | None = None, active_only: bool = True
    ) -> Sequence[Device]:
        """Devices of ``person_ids`` (every person's when ``None``), by person, kind and place."""
        ...


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """A message that could not be taken in, kept with the reason so someone can look at it."""

    received_at: datetime
    source: str
    topic: str
    payload: str
    reason: str
    seq: int | None = None


class EventStore(Protocol):
    """Every event of every device, once: ``(device_id, sequence)`` is unique."""

    def add_new(
        self, events: Sequence[Event], person_of: Mapping[str, str], received_at: datetime
    ) -> list[Event]:
        """Store the events not stored before and return them; a repeat is skipped.

        ``person_of`` maps each device id to the person whose home it is in.
        """
        ...

    def list_for_person(self, person_id: str, since: datetime, until: datetime) -> Sequence[Event]:
        """The person's events from ``since`` to ``until`` (inclusive), oldest first."""
        ...

    def hourly_activity(self, person_id: str, day_from: date, day_to: date) -> ActivityHistory:
        """The person's activity events counted per local day and hour, ``day_from`` to ``day_to``."""
        ...

    def people_heard_since(self, since: datetime) -> list[str]:
        """The people whose devices sent an event received at or after ``since``."""
        ...

    def count(self, *, device_id: str | None = None) -> int:
        """How many events are stored (of ``device_id`` when given)."""
        ...


class DeadLetterRepository(Protocol):
    """Messages that could not be taken in."""

    def add(self, letter: DeadLetter) -> None:
        """Keep ``letter``."""
        ...

    def list(self, *, limit: int = 50) -> Sequence[DeadLetter]:
        """The latest letters, newest first."""
        ...

    def count(self) -> int:
        """How many letters there are."""
        ...


class RuleRepository(Protocol):
    """Each person's rules (a rule never set is the default)."""

    def rules_for(self, person_id: str) -> RuleSet:
        """The person's rules."""
        ...

    def save(self, person_id: str, rule: Rule) -> None:
        """Keep ``rule`` as the person's rule of its kind."""
        ...


class SetupRepository(Protocol):
    """Each person's telecare set-up: escalation chain and key safe note."""

    def find(self, person_id: str) -> TelecareSetup | None:
        """The person's set-up, or ``None`` before one is saved."""
        ...

    def save(self, setup: TelecareSetup) -> None:
        """Keep ``setup`` (replacing the person's earlier one)."""
        ...

    def people(self) -> list[str]:
        """Every person with a set-up (they have telecare)."""
        ...


class AbsenceRepository(Protocol):
    """The days people are away from home."""

    def add(self, absence: Absence) -> None:
        """Store a new absence (the person must exist)."""
        ...

    def update(self, absence: Absence) -> None:
        """Save the changed ``absence``."""
        ...

    def list_for_person(self, person_id: str) -> Sequence[Absence]:
        """The person's absences, latest first."""
        ...


class TelecareAlertRepository(Protocol):
    """Telecare alerts and their escalation steps; one alert per person and trigger key."""

    def add(self, alert: TelecareAlert) -> bool:
        """Store ``alert`` unless one with the same person and key exists; True when stored."""
        ...

    def get(self, alert_id: str) -> TelecareAlert:
        """The alert with ``alert_id`` (NotFoundError if none)."""
        ...

    def update(self, alert: TelecareAlert) -> None:
        """Save the alert's state and any escalation steps not stored yet."""
        ...

    def raised_keys(self, person_id: str, since: datetime) -> set[str]:
        """The trigger keys of the person's alerts raised at or after ``since``."""
        ...

    def list(
        self,
        *,
        team_ids: Collection[str] | None = None,
        person_ids: Collection[str] | None = None,
        statuses: Collection[AlertStatus] | None = None,
        raised_from: datetime | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Sequence[TelecareAlert]:
        """Alerts matching every filter (``None``: any): the most urgent first, then the oldest."""
        ...

    def count(
        self,
        *,
        team_ids: Collection[str] | None = None,
        person_ids: Collection[str] | None = None,
        statuses: Collection[AlertStatus] | None = None,
        raised_from: datetime | None = None,
    ) -> int:
        """How many alerts :meth:`list` would return without pagination."""
        ...
