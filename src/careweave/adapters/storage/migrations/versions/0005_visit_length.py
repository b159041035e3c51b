"""The planned length of a visit: the minutes chosen within an outcome-based visit's range.

Revision ID: 0005_visit_length
Revises: 0004_plans
Create Date: 2026-11-22

Written by hand to match :mod:`careweave.adapters.storage.tables`. Existing visits get no length
(NULL): a fixed visit's length is its duration, and a flexible one's is chosen when it is next
planned.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_visit_length"
down_revision: str | Sequence[str] | None = "0004_plans"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``visits.planned_minutes``."""
    op.add_column("visits", sa.Column("planned_minutes", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Drop ``visits.planned_minutes`` (SQLite needs a batch to drop a column)."""
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("planned_minutes")
