"""SQL storage of devices, events, dead letters, rules, set-ups and absences (the ports of
:mod:`careweave.services.telecare.ports`; alerts are in :mod:`.alert_repository`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Insert, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from careweave.adapters.storage.json_columns import aware_utc
from careweave.adapters.storage.people import tables as people_tables
from careweave.adapters.storage.person_owned import _PersonOwned
from careweave.adapters.storage.repository import SqlRepository, chunks
from careweave.adapters.storage.telecare import tables as t
from careweave.adapters.storage.telecare.mapping import (
    absence_from,
    absence_row,
    chain_from,
    chain_json,
    device_from,
    device_row,
    event_from,
    event_row,
    utc,
)
from careweave.domain.telecare.devices import Device
from careweave.domain.telecare.events import ACTIVITY_KINDS, Event
from careweave.domain.telecare.home import HOURS, Absence, ActivityHistory
from careweave.domain.telecare.rules import Rule
from careweave.domain.telecare.ruleset import RuleSet, rule_fields, rule_from_fields
from careweave.domain.telecare.setup import TelecareSetup
from careweave.services.telecare.ports import DeadLetter

# Rows per INSERT: well under SQLite's 32,766 bound parameters at ten columns a row.
EVENT_CHUNK = 500
PAYLOAD_MAX_LENGTH = 10_000


def insert_ignoring_repeats(session: Session, table: Any) -> Insert:
    """An INSERT that skips rows breaking a unique constraint (ON CONFLICT DO NOTHING)."""
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    return cast(Insert, module.insert(table).on_conflict_do_nothing())


class SqlDeviceRepository(SqlRepository[Device]):
    """Devices in ``telecare_devices``."""

    table = t.devices
    kind = "device"

    def _to_row(self, item: Device) -> dict[str, Any]:
        return device_row(item)

    def _from_row(self, row: RowMapping) -> Device:
        return device_from(row)

    def _check_references(self, item: Device) -> None:
        self._require(people_tables.people, "person", item.person_id)

    def find_by_token(self, token_hash: str) -> Device | None:
        """The device whose token has the digest ``token_hash``, or ``None``."""
        found = self._fetch(select(t.devices).where(t.devices.c.token_hash == token_hash))
        return found[0] if found else None

    def list(
        self, *, person_ids: Collection[str] | None = None, active_only: bool = True
    ) -> list[Device]:
        """Devices of ``person_ids`` (everyone's when ``None``), by person, kind and place."""
        c = t.devices.c
        statement = select(t.devices).order_by(c.person_id, c.kind, c.location, c.id)
        if active_only:
            statement = statement.where(c.active.is_(True))
        if person_ids is None:
            return self._fetch(statement)
        found: list[Device] = []
        for part in chunks(sorted(person_ids)):
            found.extend(self._fetch(statement.where(c.person_id.in_(part))))
        return found


class SqlEventStore:
    """Events in ``telecare_events``, each ``(device_id, sequence)`` once."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add_new(
        self, events: Sequence[Event], person_of: Mapping[str, str], received_at: datetime
    ) -> list[Event]:
        """Store the events not stored before (one statement per chunk) and return them."""
        fresh: dict[tuple[str, int], Event] = {}
        for event in events:  # a repeat inside one batch counts once too
            fresh.setdefault(event.key, event)
        batch = list(fresh.values())
        stored: set[tuple[str, int]] = set()
        c = t.events.c
        for start in range(0, len(batch), EVENT_CHUNK):
            rows = [
                event_row(e, person_of[e.device_id], received_at)
                for e in batch[start : start + EVENT_CHUNK]
            ]
            statement = (
                insert_ignoring_repeats(self.session, t.events)
                .values(rows)
                .returning(c.device_id, c.sequence)
            )
            stored.update((d, s) for d, s in self.session.execute(statement).all())
        return [e for e in batch if e.key in stored]

    def list_for_person(self, person_id: str, since: datetime, until: datetime) -> list[Event]:
        """The person's events from ``since`` to ``until`` (inclusive), oldest first."""
        c = t.events.c
        statement = (
            select(t.events)
            .where(c.person_id == person_id, c.at >= utc(since), c.at <= utc(until))
            .order_by(c.at, c.device_id, c.sequence)
        )
        return [event_from(row) for row in self.session.execute(statement).mappings()]

    def hourly_activity(self, person_id: str, day_from: date, day_to: date) -> ActivityHistory:
        """Activity events per local day and hour (days without any are left out)."""
        c = t.events.c
        statement = (
            select(c.local_day, c.local_hour, func.count())
            .where(
                c.person_id == person_id,
                c.local_day >= day_from,
                c.local_day <= day_to,
                c.kind.in_(sorted(k.value for k in ACTIVITY_KINDS)),
            )
            .group_by(c.local_day, c.local_hour)
        )
        days: dict[date, list[int]] = {}
        for day, hour, counted in self.session.execute(statement).all():
            days.setdefault(day, [0] * HOURS)[hour] = int(counted)
        return ActivityHistory({day: tuple(hours) for day, hours in days.items()})

    def people_heard_since(self, since: datetime) -> list[str]:
        """The people whose devices sent an event received at or after ``since``."""
        c = t.events.c
        statement = select(c.person_id).where(c.received_at >= utc(since)).distinct()
        return sorted(self.session.execute(statement).scalars())

    def count(self, *, device_id: str | None = None) -> int:
        """How many events are stored (of ``device_id`` when given)."""
        statement = select(func.count()).select_from(t.events)
        if device_id is not None:
            statement = statement.where(t.events.c.device_id == device_id)
        return int(self.session.execute(statement).scalar_one())


def _storable(text: str) -> str:
    """``text`` without NUL characters, which PostgreSQL text columns refuse (a dead letter holds
    whatever a sender sent, and must still be kept)."""
    return text.replace("\x00", "\N{REPLACEMENT CHARACTER}")


class SqlDeadLetterRepository:
    """Messages that could not be taken in, in ``telecare_dead_letters``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, letter: DeadLetter) -> None:
        """Keep ``letter`` (a very long payload is kept in part)."""
        self.session.execute(
            insert(t.dead_letters).values(
                received_at=utc(letter.received_at),
                source=_storable(letter.source[:10]),
                topic=_storable(letter.topic[:200]),
                payload=_storable(letter.payload[:PAYLOAD_MAX_LENGTH]),
                reason=_storable(letter.reason[:500]),
            )
        )

    def list(self, *, limit: int = 50) -> list[DeadLetter]:
        """The latest letters, newest first."""
        c = t.dead_letters.c
        statement = select(t.dead_letters).order_by(c.seq.desc()).limit(limit)
        return [
            DeadLetter(
                received_at=aware_utc(row["received_at"]),
                source=row["source"],
                topic=row["topic"],
                payload=row["payload"],
                reason=row["reason"],
                seq=row["seq"],
            )
            for row in self.session.execute(statement).mappings()
        ]

    def count(self) -> int:
        """How many letters there are."""
        statement = select(func.count()).select_from(t.dead_letters)
        return int(self.session.execute(statement).scalar_one())


class SqlRuleRepository:
    """Each person's rules in ``telecare_rules`` (one row per rule they changed)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def rules_for(self, person_id: str) -> RuleSet:
        """The person's rules (the default for any rule without a row)."""
        statement = select(t.rules.c.kind, t.rules.c.settings).where(
            t.rules.c.person_id == person_id
        )
        stored = {
            kind: rule_from_fields(kind, settings)
            for kind, settings in self.session.execute(statement)
        }
        return RuleSet({rule.kind: rule for rule in stored.values()})

    def save(self, person_id: str, rule: Rule) -> None:
        """Keep ``rule`` as the person's rule of its kind (replacing the one before)."""
        c = t.rules.c
        self.session.execute(
            delete(t.rules).where(c.person_id == person_id, c.kind == rule.kind.value)
        )
        self.session.execute(
            insert(t.rules).values(
                person_id=person_id, kind=rule.kind.value, settings=rule_fields(rule)
            )
        )


class SqlSetupRepository:
    """Each person's telecare set-up in ``telecare_setups``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def find(self, person_id: str) -> TelecareSetup | None:
        """The person's set-up, or ``None``."""
        statement = select(t.setups).where(t.setups.c.person_id == person_id)
        row = self.session.execute(statement).mappings().first()
        if row is None:
            return None
        return TelecareSetup(person_id, chain_from(row["chain"]), row["key_safe_note"])

    def save(self, setup: TelecareSetup) -> None:
        """Keep ``setup`` (replacing the person's earlier one)."""
        self.session.execute(delete(t.setups).where(t.setups.c.person_id == setup.person_id))
        self.session.execute(
            insert(t.setups).values(
                person_id=setup.person_id,
                chain=chain_json(setup.chain),
                key_safe_note=setup.key_safe_note,
            )
        )

    def people(self) -> list[str]:
        """Every person with a set-up."""
        statement = select(t.setups.c.person_id).order_by(t.setups.c.person_id)
        return list(self.session.execute(statement).scalars())


class SqlAbsenceRepository(_PersonOwned):
    """Days away from home in ``telecare_absences``."""

    table = t.absences
    kind = "absence"
    order = ("starts_on", "id")

    def _to_row(self, item: Absence) -> dict[str, Any]:
        return absence_row(item)

    def _from_row(self, row: RowMapping) -> Absence:
        return absence_from(row)

    def list_for_person(self, person_id: str) -> list[Absence]:
        """The person's absences, latest first."""
        return list(reversed(super().list_for_person(person_id)))
