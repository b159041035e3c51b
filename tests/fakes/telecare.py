"""In-memory telecare devices, events, dead letters, rules, set-ups, absences and alerts.

The SQL itself is tested in tests/integration/telecare; these keep the same contracts (an event
stored once per device and sequence, an alert raised once per person and trigger) so the use cases
run in milliseconds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime

from tests.fakes.repository import FakeRepository
from tests.fakes.rows import Rows, Transaction, page

from careweave.domain.telecare.alerts import AlertKind, AlertStatus, TelecareAlert
from careweave.domain.telecare.devices import Device
from careweave.domain.telecare.events import ACTIVITY_KINDS, Event
from careweave.domain.telecare.home import Absence, ActivityHistory
from careweave.domain.telecare.rules import Rule
from careweave.domain.telecare.ruleset import RuleSet
from careweave.domain.telecare.setup import TelecareSetup
from careweave.services.telecare.ports import DeadLetter

HISTORY_READS = "telecare_history_reads"
"""The table counting reads of four weeks' activity (tests check the learned rule reads it only
while a look is open)."""


class FakeDeviceRepository(FakeRepository[Device]):
    """Devices; their person must exist."""

    table = "telecare_devices"
    kind = "device"

    def find_by_token(self, token_hash: str) -> Device | None:
        """The device whose token has this digest, if any."""
        return next(iter(self._rows.where(lambda d: d.token_hash == token_hash)), None)

    def list(
        self, *, person_ids: Collection[str] | None = None, active_only: bool = True
    ) -> list[Device]:
        """Devices of ``person_ids`` (everyone's when ``None``), by person, kind and place."""
        found = self._rows.where(
            lambda d: (
                (person_ids is None or d.person_id in person_ids) and (d.active or not active_only)
            )
        )
        return sorted(found, key=lambda d: (d.person_id, d.kind.value, d.location, d.id))

    def _check_references(self, item: Device) -> None:
        self._require("people", "person", item.person_id)


class FakeEventStore:
    """Device events keyed by device and sequence, each with the person and when it came in."""

    def __init__(self, transaction: Transaction) -> None:
        self._rows: Rows[tuple[str, int], tuple[Event, str, datetime]] = transaction.rows(
            "telecare_events"
        )
        self._reads: Rows[str, int] = transaction.rows(HISTORY_READS)

    def add_new(
        self, events: Sequence[Event], person_of: Mapping[str, str], received_at: datetime
    ) -> list[Event]:
        """Store the events not stored yet; return those."""
        new = []
        for event in events:
            if not self._rows.exists(event.key):
                self._rows.put(event.key, (event, person_of[event.device_id], received_at))
                new.append(event)
        return new

    def list_for_person(self, person_id: str, since: datetime, until: datetime) -> list[Event]:
        """The person's events from ``since`` to ``until`` (inclusive), oldest first."""
        found = [e for e, p, _ in self._rows.all() if p == person_id and since <= e.at <= until]
        return sorted(found, key=lambda e: (e.at, e.device_id, e.sequence))

    def hourly_activity(self, person_id: str, day_from: date, day_to: date) -> ActivityHistory:
        """Activity events per local day and hour."""
        self._reads.put("reads", (self._reads.get("reads") or 0) + 1)
        mine = [e for e, p, _ in self._rows.all() if p == person_id and e.kind in ACTIVITY_KINDS]
        return ActivityHistory.of(e for e in mine if day_from <= e.local_at.date() <= day_to)

    def people_heard_since(self, since: datetime) -> list[str]:
        """The people whose devices sent an event received at or after ``since``."""
        return sorted({p for _, p, received in self._rows.all() if received >= since})

    def count(self, *, device_id: str | None = None) -> int:
        """How many events are stored (of ``device_id`` when given)."""
        return sum(1 for e, _, _ in self._rows.all() if device_id in (None, e.device_id))


class FakeDeadLetterRepository:
    """Messages that could not be taken in, numbered as they come."""

    def __init__(self, transaction: Transaction) -> None:
        self._transaction = transaction
        self._rows: Rows[int, DeadLetter] = transaction.rows("telecare_dead_letters")

    def add(self, letter: DeadLetter) -> None:
        """Keep one letter."""
        seq = self._transaction.next_number()
        self._rows.put(seq, dataclasses.replace(letter, seq=seq))

    def list(self, *, limit: int = 50) -> list[DeadLetter]:
        """The latest letters, newest first."""
        return sorted(self._rows.all(), key=lambda d: d.seq or 0, reverse=True)[:limit]

    def count(self) -> int:
        """How many letters there are."""
        return len(self._rows.all())


class FakeRuleRepository:
    """Each person's rules, one of each kind."""

    def __init__(self, transaction: Transaction) -> None:
        self._rows: Rows[tuple[str, AlertKind], tuple[str, Rule]] = transaction.rows(
            "telecare_rules"
        )

    def rules_for(self, person_id: str) -> RuleSet:
        """The person's rules."""
        return RuleSet({r.kind: r for p, r in self._rows.all() if p == person_id})

    def save(self, person_id: str, rule: Rule) -> None:
        """Add or replace the person's rule of ``rule.kind``."""
        self._rows.put((person_id, rule.kind), (person_id, rule))


class FakeSetupRepository:
    """Each person's escalation chain and key safe note."""

    def __init__(self, transaction: Transaction) -> None:
        self._rows: Rows[str, TelecareSetup] = transaction.rows("telecare_setups")

    def find(self, person_id: str) -> TelecareSetup | None:
        """The person's set-up, if they have one."""
        return self._rows.get(person_id)

    def save(self, setup: TelecareSetup) -> None:
        """Add or replace the person's set-up."""
        self._rows.put(setup.person_id, setup)

    def people(self) -> list[str]:
        """Everyone with a set-up."""
        return sorted(s.person_id for s in self._rows.all())


class FakeAbsenceRepository(FakeRepository[Absence]):
    """Days away from home; their person must exist."""

    table = "telecare_absences"
    kind = "absence"

    def list_for_person(self, person_id: str) -> list[Absence]:
        """The person's absences, earliest first."""
        found = self._rows.where(lambda a: a.person_id == person_id)
        return sorted(found, key=lambda a: (a.starts_on, a.id))

    def _check_references(self, item: Absence) -> None:
        self._require("people", "person", item.person_id)


class FakeTelecareAlertRepository(FakeRepository[TelecareAlert]):
    """Telecare alerts, one per person and trigger."""

    table = "telecare_alerts"
    kind = "alert"

    def add(self, item: TelecareAlert) -> bool:  # type: ignore[override]
        """Store a new alert unless one of its person and trigger exists; say whether it was."""
        if self._rows.where(
            lambda a: a.person_id == item.person_id and a.trigger_key == item.trigger_key
        ):
            return False
        super().add(item)
        return True

    def raised_keys(self, person_id: str, since: datetime) -> set[str]:
        """The triggers of the person's alerts raised since ``since``."""
        mine = self._rows.where(lambda a: a.person_id == person_id and a.raised_at >= since)
        return {a.trigger_key for a in mine}

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
        """The alerts that match, most urgent and oldest first."""
        found = self._matching(team_ids, person_ids, statuses, raised_from)
        return page(sorted(found, key=lambda a: (a.priority, a.raised_at, a.id)), limit, offset)

    def count(
        self,
        *,
        team_ids: Collection[str] | None = None,
        person_ids: Collection[str] | None = None,
        statuses: Collection[AlertStatus] | None = None,
        raised_from: datetime | None = None,
    ) -> int:
        """How many alerts :meth:`list` would return without pagination."""
        return len(self._matching(team_ids, person_ids, statuses, raised_from))

    def _matching(
        self,
        team_ids: Collection[str] | None,
        person_ids: Collection[str] | None,
        statuses: Collection[AlertStatus] | None,
        raised_from: datetime | None,
    ) -> Sequence[TelecareAlert]:
        return self._rows.where(
            lambda a: (
                (team_ids is None or a.team_id in team_ids)
                and (person_ids is None or a.person_id in person_ids)
                and (statuses is None or a.status in statuses)
                and (raised_from is None or a.raised_at >= raised_from)
            )
        )
