"""An in-memory telecare unit of work: the telecare repositories and just enough of the people,
circles, workers, visits, users and audit log for the telecare services, so their use cases run in
milliseconds. The SQL itself is tested in tests/integration/telecare."""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from careweave.domain.accounts.audit import AuditEntry
from careweave.domain.errors import NotFoundError
from careweave.domain.people.person import CircleMember, Person
from careweave.domain.telecare.alerts import AlertStatus, TelecareAlert
from careweave.domain.telecare.devices import Device
from careweave.domain.telecare.events import ACTIVITY_KINDS, Event
from careweave.domain.telecare.home import Absence, ActivityHistory
from careweave.domain.telecare.rules import Rule
from careweave.domain.telecare.ruleset import RuleSet
from careweave.domain.telecare.setup import TelecareSetup
from careweave.services.telecare.ports import DeadLetter


@dataclass
class Store:
    """Everything the fake units of work share (the "database")."""

    people: dict[str, Person] = field(default_factory=dict)
    circle: list[CircleMember] = field(default_factory=list)
    devices: dict[str, Device] = field(default_factory=dict)
    events: dict[tuple[str, int], tuple[Event, str]] = field(default_factory=dict)
    letters: list[DeadLetter] = field(default_factory=list)
    rules: dict[str, dict[Any, Rule]] = field(default_factory=dict)
    setups: dict[str, TelecareSetup] = field(default_factory=dict)
    absences: list[Absence] = field(default_factory=list)
    alerts: dict[str, TelecareAlert] = field(default_factory=dict)
    audit: list[AuditEntry] = field(default_factory=list)
    history_reads: int = 0


class FakeUnitOfWork:
    """A unit of work over a :class:`Store`: writes are kept only on :meth:`commit`."""

    def __init__(self, store: Store) -> None:
        self.committed = store
        self.data = copy.deepcopy(store)

    def __enter__(self) -> FakeUnitOfWork:
        self.data = copy.deepcopy(self.committed)
        self.people = _People(self.data)
        self.circles = _Circles(self.data)
        self.devices = _Devices(self.data)
        self.telecare_events = _Events(self.data)
        self.dead_letters = _Letters(self.data)
        self.telecare_rules = _Rules(self.data)
        self.telecare_setups = _Setups(self.data)
        self.absences = _Absences(self.data)
        self.telecare_alerts = _Alerts(self.data)
        self.audit = _Audit(self.data)
        self.users = _Nobody()
        self.visits = _Nobody()
        return self

    def __exit__(self, *_: object) -> None:
        self.data = copy.deepcopy(self.committed)

    def commit(self) -> None:
        """Keep every write of this unit of work."""
        self.committed.__dict__.update(copy.deepcopy(self.data).__dict__)


@dataclass
class _Repo:
    data: Store


class _People(_Repo):
    def get(self, person_id: str) -> Person:
        if person_id not in self.data.people:
            raise NotFoundError("person", person_id)
        return self.data.people[person_id]

    def list(self, *, ids: Collection[str] | None = None, **_: Any) -> list[Person]:
        return [p for p in self.data.people.values() if ids is None or p.id in ids]


class _Circles(_Repo):
    def list_for_person(self, person_id: str) -> list[CircleMember]:
        return [m for m in self.data.circle if m.person_id == person_id]

    def get(self, member_id: str) -> CircleMember:
        for member in self.data.circle:
            if member.id == member_id:
                return member
        raise NotFoundError("circle member", member_id)


class _Devices(_Repo):
    def get(self, device_id: str) -> Device:
        if device_id not in self.data.devices:
            raise NotFoundError("device", device_id)
        return self.data.devices[device_id]

    def find_by_token(self, token_hash: str) -> Device | None:
        return next((d for d in self.data.devices.values() if d.token_hash == token_hash), None)

    def add(self, device: Device) -> None:
        self.data.devices[device.id] = device

    def update(self, device: Device) -> None:
        self.data.devices[device.id] = device

    def list(
        self, *, person_ids: Collection[str] | None = None, active_only: bool = True
    ) -> list[Device]:
        return [
            d
            for d in self.data.devices.values()
            if (person_ids is None or d.person_id in person_ids) and (d.active or not active_only)
        ]


class _Events(_Repo):
    def add_new(
        self, events: Sequence[Event], person_of: Mapping[str, str], received_at: datetime
    ) -> list[Event]:
        new = []
        for event in events:
            if event.key not in self.data.events:
                self.data.events[event.key] = (event, person_of[event.device_id])
                new.append(event)
        return new

    def list_for_person(self, person_id: str, since: datetime, until: datetime) -> list[Event]:
        found = [
            e for e, p in self.data.events.values() if p == person_id and since <= e.at <= until
        ]
        return sorted(found, key=lambda e: e.at)

    def hourly_activity(self, person_id: str, day_from: date, day_to: date) -> ActivityHistory:
        self.data.history_reads += 1
        mine = [
            e for e, p in self.data.events.values() if p == person_id and e.kind in ACTIVITY_KINDS
        ]
        return ActivityHistory.of(e for e in mine if day_from <= e.local_at.date() <= day_to)

    def count(self, *, device_id: str | None = None) -> int:
        return sum(1 for key in self.data.events if device_id is None or key[0] == device_id)


class _Letters(_Repo):
    def add(self, letter: DeadLetter) -> None:
        self.data.letters.append(letter)


class _Rules(_Repo):
    def rules_for(self, person_id: str) -> RuleSet:
        return RuleSet(dict(self.data.rules.get(person_id, {})))

    def save(self, person_id: str, rule: Rule) -> None:
        self.data.rules.setdefault(person_id, {})[rule.kind] = rule


class _Setups(_Repo):
    def find(self, person_id: str) -> TelecareSetup | None:
        return self.data.setups.get(person_id)

    def save(self, setup: TelecareSetup) -> None:
        self.data.setups[setup.person_id] = setup

    def people(self) -> list[str]:
        return sorted(self.data.setups)


class _Absences(_Repo):
    def add(self, absence: Absence) -> None:
        self.data.absences.append(absence)

    def list_for_person(self, person_id: str) -> list[Absence]:
        return [a for a in self.data.absences if a.person_id == person_id]


class _Alerts(_Repo):
    def add(self, alert: TelecareAlert) -> bool:
        if any(
            a.person_id == alert.person_id and a.trigger_key == alert.trigger_key
            for a in self.data.alerts.values()
        ):
            return False
        self.data.alerts[alert.id] = alert
        return True

    def get(self, alert_id: str) -> TelecareAlert:
        if alert_id not in self.data.alerts:
            raise NotFoundError("alert", alert_id)
        return self.data.alerts[alert_id]

    def update(self, alert: TelecareAlert) -> None:
        self.data.alerts[alert.id] = alert

    def raised_keys(self, person_id: str, since: datetime) -> set[str]:
        return {
            a.trigger_key
            for a in self.data.alerts.values()
            if a.person_id == person_id and a.raised_at >= since
        }

    def list(
        self,
        *,
        team_ids: Collection[str] | None = None,
        person_ids: Collection[str] | None = None,
        statuses: Collection[AlertStatus] | None = None,
        raised_from: datetime | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[TelecareAlert]:
        found = [
            a
            for a in self.data.alerts.values()
            if (team_ids is None or a.team_id in team_ids)
            and (person_ids is None or a.person_id in person_ids)
            and (statuses is None or a.status in statuses)
            and (raised_from is None or a.raised_at >= raised_from)
        ]
        found.sort(key=lambda a: (a.priority, a.raised_at, a.id))
        return found[offset : None if limit is None else offset + limit]


class _Audit(_Repo):
    def append(self, entry: AuditEntry) -> None:
        self.data.audit.append(entry)


class _Nobody:
    """Users and visits: none (the chain's worker and coordinator steps then name the team)."""

    def list(self, **_: Any) -> list[Any]:
        return []
