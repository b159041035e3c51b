"""Commissioning: personal budgets and the commissioner's settings.

Revision ID: 0009_commissioning
Revises: 0008_family_support
Create Date: 2026-12-03

Written by hand to match :mod:`careweave.adapters.storage.commissioning.tables`.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_commissioning"
down_revision: str | Sequence[str] | None = "0008_family_support"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = 32
CODE = 40


def upgrade() -> None:
    """Create the commissioning tables."""
    op.create_table(
        "cm_budgets",
        sa.Column("id", sa.String(length=ID), nullable=False),
        sa.Column("person_id", sa.String(length=ID), nullable=False),
        sa.Column("status", sa.String(length=CODE), nullable=False),
        sa.Column("management", sa.String(length=CODE), nullable=False),
        sa.Column("funding", sa.String(length=CODE), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("agreed_weekly_pence", sa.Integer(), nullable=True),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name="fk_cm_budgets_person_id_people", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_cm_budgets"),
    )
    op.create_index("ix_cm_budgets_person_id", "cm_budgets", ["person_id"], unique=False)
    op.create_table(
        "cm_settings",
        sa.Column("name", sa.String(length=CODE), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_cm_settings"),
    )


def downgrade() -> None:
    """Drop the commissioning tables."""
    for table in ("cm_settings", "cm_budgets"):
        op.drop_table(table)
