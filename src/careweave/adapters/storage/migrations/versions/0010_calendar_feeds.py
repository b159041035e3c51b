"""Calendar feeds: the secret links of workers' and families' iCalendar feeds.

Revision ID: 0010_calendar_feeds
Revises: 0009_commissioning
Create Date: 2026-12-03

Written by hand to match :mod:`careweave.adapters.storage.rostering.tables`.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_calendar_feeds"
down_revision: str | Sequence[str] | None = "0009_commissioning"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _timestamp(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    """Create ``calendar_tokens``."""
    op.create_table(
        "calendar_tokens",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        _timestamp("created_at"),
        _timestamp("revoked_at", nullable=True),
        _timestamp("last_fetched_at", nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_calendar_tokens_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_calendar_tokens"),
        sa.UniqueConstraint("token_hash", name="uq_calendar_tokens_token_hash"),
    )
    op.create_index("ix_calendar_tokens_user_id", "calendar_tokens", ["user_id"], unique=False)


def downgrade() -> None:
    """Drop ``calendar_tokens``."""
    op.drop_table("calendar_tokens")
