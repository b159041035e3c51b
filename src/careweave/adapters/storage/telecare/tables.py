"""Storage models of telecare. They live on the shared :data:`~careweave.adapters.storage.schema.metadata`.

Instants are stored in UTC (``DateTime(timezone=True)``; SQLite keeps the UTC digits). An event also
keeps its local day and hour in the home (Europe/London), so the activity picture and the learned
rule count per local hour with a plain GROUP BY on either database. ``(device_id, sequence)`` is
unique: a repeated event is stored once, whichever way it came in and however often.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.person_owned import person_column
from careweave.adapters.storage.schema import ID_LENGTH, Base, id_column, table_of

DIGEST_LENGTH = 64
# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity column.
SEQUENCE_TYPE = BigInteger().with_variant(Integer, "sqlite")
KIND_LENGTH = 30


def instant() -> Mapped[dt.datetime]:
    """A UTC timestamp column."""
    return mapped_column(DateTime(timezone=True))


class DeviceRow(Base):
    """A device in a person's home; only the digest of its token is kept."""

    __tablename__ = "telecare_devices"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = person_column()
    kind: Mapped[str] = mapped_column(String(KIND_LENGTH))
    location: Mapped[str] = mapped_column(String(80))
    installed_on: Mapped[dt.date] = mapped_column(Date)
    token_hash: Mapped[str] = mapped_column(String(DIGEST_LENGTH), unique=True)
    heartbeat_minutes: Mapped[int] = mapped_column(Integer)
    battery_percent: Mapped[float | None] = mapped_column(Float)
    last_heard_at: Mapped[dt.datetime | None] = instant()
    battery_low_since: Mapped[dt.datetime | None] = instant()
    active: Mapped[bool]


class EventRow(Base):
    """One event of one device, stored once."""

    __tablename__ = "telecare_events"

    seq: Mapped[int] = mapped_column(SEQUENCE_TYPE, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("telecare_devices.id", ondelete="CASCADE"))
    sequence: Mapped[int] = mapped_column(BigInteger)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(KIND_LENGTH))
    value: Mapped[float | None] = mapped_column(Float)
    at: Mapped[dt.datetime] = instant()
    local_day: Mapped[dt.date] = mapped_column(Date)
    local_hour: Mapped[int] = mapped_column(SmallInteger)
    received_at: Mapped[dt.datetime] = instant()

    __table_args__ = (
        Index("uq_telecare_events_device_id_sequence", "device_id", "sequence", unique=True),
        Index("ix_telecare_events_person_id_at", "person_id", "at"),
        Index("ix_telecare_events_person_id_local_day", "person_id", "local_day"),
        Index("ix_telecare_events_received_at", "received_at"),
    )


class DeadLetterRow(Base):
    """A message that could not be taken in, with the reason."""

    __tablename__ = "telecare_dead_letters"

    seq: Mapped[int] = mapped_column(SEQUENCE_TYPE, primary_key=True, autoincrement=True)
    received_at: Mapped[dt.datetime] = instant()
    source: Mapped[str] = mapped_column(String(10))
    topic: Mapped[str] = mapped_column(String(200))
    payload: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(500))


class RuleRow(Base):
    """One person's setting of one rule (a rule with no row is the default)."""

    __tablename__ = "telecare_rules"

    person_id: Mapped[str] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(KIND_LENGTH), primary_key=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)


class SetupRow(Base):
    """A person's telecare set-up: the escalation chain (a JSON list of steps), the key safe note."""

    __tablename__ = "telecare_setups"

    person_id: Mapped[str] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    chain: Mapped[list[Any]] = mapped_column(JSON)
    key_safe_note: Mapped[str] = mapped_column(String(300))


class AbsenceRow(Base):
    """Days a person is away from home (``ends_on`` NULL until they are back)."""

    __tablename__ = "telecare_absences"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = person_column()
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(String(300))


class AlertRow(Base):
    """A telecare alert; one per person and trigger key."""

    __tablename__ = "telecare_alerts"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    team_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    kind: Mapped[str] = mapped_column(String(KIND_LENGTH))
    priority: Mapped[int] = mapped_column(SmallInteger)
    trigger_key: Mapped[str] = mapped_column(String(160))
    raised_at: Mapped[dt.datetime] = instant()
    summary: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16))
    acknowledged_at: Mapped[dt.datetime | None] = instant()
    acknowledged_by: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    outcome: Mapped[str | None] = mapped_column(String(KIND_LENGTH))
    outcome_note: Mapped[str] = mapped_column(Text)
    closed_at: Mapped[dt.datetime | None] = instant()
    closed_by: Mapped[str | None] = mapped_column(String(ID_LENGTH))

    __table_args__ = (
        Index("uq_telecare_alerts_person_id_trigger_key", "person_id", "trigger_key", unique=True),
        Index("ix_telecare_alerts_status_priority_raised_at", "status", "priority", "raised_at"),
        Index("ix_telecare_alerts_team_id_status", "team_id", "status"),
    )


class EscalationRow(Base):
    """A step an alert took up its chain."""

    __tablename__ = "telecare_escalations"

    alert_id: Mapped[str] = mapped_column(
        ForeignKey("telecare_alerts.id", ondelete="CASCADE"), primary_key=True
    )
    level: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    tier: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = instant()


devices = table_of(DeviceRow)
events = table_of(EventRow)
dead_letters = table_of(DeadLetterRow)
rules = table_of(RuleRow)
setups = table_of(SetupRow)
absences = table_of(AbsenceRow)
alerts = table_of(AlertRow)
escalations = table_of(EscalationRow)
