"""Telecare: devices, events (each stored once), dead letters, rules, set-ups, absences, alerts.

Revision ID: 0006_telecare
Revises: 0005_visit_length
Create Date: 2026-12-03

Written by hand to match :mod:`careweave.adapters.storage.telecare.tables`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0006_telecare"
down_revision: str | Sequence[str] | None = "0005_visit_length"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEQUENCE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TABLES = (
    "telecare_escalations",
    "telecare_alerts",
    "telecare_absences",
    "telecare_setups",
    "telecare_rules",
    "telecare_dead_letters",
    "telecare_events",
    "telecare_devices",
)


def _instant(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _person(table: str) -> list[Any]:
    """The ``person_id`` column of ``table`` and its foreign key (the person's records go with them)."""
    return [
        sa.Column("person_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f(f"fk_{table}_person_id_people"),
            ondelete="CASCADE",
        ),
    ]


def upgrade() -> None:
    """Create the telecare tables."""
    _devices_and_events()
    op.create_table(
        "telecare_dead_letters",
        sa.Column("seq", SEQUENCE, autoincrement=True, nullable=False),
        _instant("received_at"),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_telecare_dead_letters")),
    )
    op.create_table(
        "telecare_rules",
        *_person("telecare_rules"),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", "kind", name=op.f("pk_telecare_rules")),
    )
    op.create_table(
        "telecare_setups",
        *_person("telecare_setups"),
        sa.Column("chain", sa.JSON(), nullable=False),
        sa.Column("key_safe_note", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_telecare_setups")),
    )
    op.create_table(
        "telecare_absences",
        sa.Column("id", sa.String(length=32), nullable=False),
        *_person("telecare_absences"),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_telecare_absences")),
    )
    op.create_index(op.f("ix_telecare_absences_person_id"), "telecare_absences", ["person_id"])
    _alerts()


def _devices_and_events() -> None:
    op.create_table(
        "telecare_devices",
        sa.Column("id", sa.String(length=32), nullable=False),
        *_person("telecare_devices"),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("location", sa.String(length=80), nullable=False),
        sa.Column("installed_on", sa.Date(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("heartbeat_minutes", sa.Integer(), nullable=False),
        sa.Column("battery_percent", sa.Float(), nullable=True),
        _instant("last_heard_at", nullable=True),
        _instant("battery_low_since", nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_telecare_devices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_telecare_devices_token_hash")),
    )
    op.create_index(op.f("ix_telecare_devices_person_id"), "telecare_devices", ["person_id"])
    op.create_table(
        "telecare_events",
        sa.Column("seq", SEQUENCE, autoincrement=True, nullable=False),
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        *_person("telecare_events"),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        _instant("at"),
        sa.Column("local_day", sa.Date(), nullable=False),
        sa.Column("local_hour", sa.SmallInteger(), nullable=False),
        _instant("received_at"),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["telecare_devices.id"],
            name=op.f("fk_telecare_events_device_id_telecare_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_telecare_events")),
    )
    op.create_index(
        "uq_telecare_events_device_id_sequence",
        "telecare_events",
        ["device_id", "sequence"],
        unique=True,
    )
    op.create_index("ix_telecare_events_person_id_at", "telecare_events", ["person_id", "at"])
    op.create_index(
        "ix_telecare_events_person_id_local_day", "telecare_events", ["person_id", "local_day"]
    )
    op.create_index("ix_telecare_events_received_at", "telecare_events", ["received_at"])


def _alerts() -> None:
    op.create_table(
        "telecare_alerts",
        sa.Column("id", sa.String(length=32), nullable=False),
        *_person("telecare_alerts"),
        sa.Column("team_id", sa.String(length=32), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("priority", sa.SmallInteger(), nullable=False),
        sa.Column("trigger_key", sa.String(length=160), nullable=False),
        _instant("raised_at"),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        _instant("acknowledged_at", nullable=True),
        sa.Column("acknowledged_by", sa.String(length=32), nullable=True),
        sa.Column("outcome", sa.String(length=30), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        _instant("closed_at", nullable=True),
        sa.Column("closed_by", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_telecare_alerts")),
    )
    op.create_index(
        "uq_telecare_alerts_person_id_trigger_key",
        "telecare_alerts",
        ["person_id", "trigger_key"],
        unique=True,
    )
    op.create_index(
        "ix_telecare_alerts_status_priority_raised_at",
        "telecare_alerts",
        ["status", "priority", "raised_at"],
    )
    op.create_index("ix_telecare_alerts_team_id_status", "telecare_alerts", ["team_id", "status"])
    op.create_table(
        "telecare_escalations",
        sa.Column("alert_id", sa.String(length=32), nullable=False),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column("tier", sa.String(length=20), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        _instant("at"),
        sa.ForeignKeyConstraint(
            ["alert_id"],
            ["telecare_alerts.id"],
            name=op.f("fk_telecare_escalations_alert_id_telecare_alerts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("alert_id", "level", name=op.f("pk_telecare_escalations")),
    )


def downgrade() -> None:
    """Drop the telecare tables, dependants first."""
    for table in TABLES:
        op.drop_table(table)
