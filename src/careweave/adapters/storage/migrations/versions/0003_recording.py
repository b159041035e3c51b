"""Visit recording: visit records, medication outcomes, late and missed visit alerts.

Revision ID: 0003_recording
Revises: 0002_accounts_audit
Create Date: 2026-11-22

Written by hand to match the recording tables of :mod:`careweave.adapters.storage.visits.tables`.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_recording"
down_revision: str | Sequence[str] | None = "0002_accounts_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the recording tables."""
    op.create_table(
        "visit_records",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("visit_id", sa.String(length=32), nullable=False),
        sa.Column("worker_id", sa.String(length=32), nullable=False),
        sa.Column("check_in_at", sa.DateTime(timezone=False), nullable=False),
        sa.Column("check_in_lat", sa.Float(), nullable=True),
        sa.Column("check_in_lon", sa.Float(), nullable=True),
        sa.Column("check_in_distance_km", sa.Float(), nullable=True),
        sa.Column("check_out_at", sa.DateTime(timezone=False), nullable=True),
        sa.Column("check_out_lat", sa.Float(), nullable=True),
        sa.Column("check_out_lon", sa.Float(), nullable=True),
        sa.Column("check_out_distance_km", sa.Float(), nullable=True),
        sa.Column("tasks", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("progress_goal_id", sa.String(length=64), nullable=True),
        sa.Column("progress_text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_visit_records_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["workers.id"], name=op.f("fk_visit_records_worker_id_workers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_records")),
    )
    op.create_index(
        "uq_visit_records_visit_id_worker_id",
        "visit_records",
        ["visit_id", "worker_id"],
        unique=True,
    )
    op.create_index(
        op.f("ix_visit_records_worker_id"), "visit_records", ["worker_id"], unique=False
    )
    op.create_table(
        "medication_outcomes",
        sa.Column("record_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=200), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["visit_records.id"],
            name=op.f("fk_medication_outcomes_record_id_visit_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("record_id", "position", name=op.f("pk_medication_outcomes")),
    )
    op.create_table(
        "visit_alerts",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("visit_id", sa.String(length=32), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=False), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=False), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=32), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_visit_alerts_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_visit_alerts_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_alerts")),
    )
    op.create_index(
        "uq_visit_alerts_visit_id_kind", "visit_alerts", ["visit_id", "kind"], unique=True
    )
    op.create_index(
        "ix_visit_alerts_team_id_acknowledged_at",
        "visit_alerts",
        ["team_id", "acknowledged_at"],
        unique=False,
    )


def downgrade() -> None:
    """Drop the recording tables."""
    op.drop_index("ix_visit_alerts_team_id_acknowledged_at", table_name="visit_alerts")
    op.drop_index("uq_visit_alerts_visit_id_kind", table_name="visit_alerts")
    op.drop_table("visit_alerts")
    op.drop_table("medication_outcomes")
    op.drop_index(op.f("ix_visit_records_worker_id"), table_name="visit_records")
    op.drop_index("uq_visit_records_visit_id_worker_id", table_name="visit_records")
    op.drop_table("visit_records")
