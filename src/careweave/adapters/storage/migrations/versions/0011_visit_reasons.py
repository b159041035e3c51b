"""Visit reasons: why a worker checked in early, cut a visit short or left a task undone, and the
worker's reason on an early check-in alert.

Revision ID: 0011_visit_reasons
Revises: 0010_calendar_feeds
Create Date: 2026-12-03

Written by hand to match :mod:`careweave.adapters.storage.visits.tables`. Existing rows get empty
reasons (nothing was asked before) and no tasks left undone with a reason.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_visit_reasons"
down_revision: str | Sequence[str] | None = "0010_calendar_feeds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the reason columns of ``visit_records`` and ``visit_alerts``."""
    with op.batch_alter_table("visit_records") as table:
        table.add_column(sa.Column("check_in_reason", sa.Text(), nullable=False, server_default=""))
        table.add_column(
            sa.Column("check_out_reason", sa.Text(), nullable=False, server_default="")
        )
        table.add_column(
            sa.Column("tasks_not_done", sa.JSON(), nullable=False, server_default="[]")
        )
    with op.batch_alter_table("visit_alerts") as table:
        table.add_column(
            sa.Column("reason", sa.String(length=500), nullable=False, server_default="")
        )


def downgrade() -> None:
    """Drop the reason columns."""
    with op.batch_alter_table("visit_alerts") as table:
        table.drop_column("reason")
    with op.batch_alter_table("visit_records") as table:
        table.drop_column("tasks_not_done")
        table.drop_column("check_out_reason")
        table.drop_column("check_in_reason")
