"""Family-based support: Shared Lives households, referrals, arrangements and scheme weights.

Revision ID: 0008_family_support
Revises: 0007_community
Create Date: 2026-12-03

Written by hand to match :mod:`careweave.adapters.storage.family_support.tables`.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_family_support"
down_revision: str | Sequence[str] | None = "0007_community"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = 32
NAME = 120
CODE = 40


def _id() -> sa.Column[str]:
    return sa.Column("id", sa.String(length=ID), nullable=False)


def _team(table: str) -> list[sa.Column[str] | sa.ForeignKeyConstraint]:
    return [
        sa.Column("scheme_team_id", sa.String(length=ID), nullable=False),
        sa.ForeignKeyConstraint(
            ["scheme_team_id"], ["teams.id"], name=f"fk_{table}_scheme_team_id_teams"
        ),
    ]


def _person(table: str) -> list[sa.Column[str] | sa.ForeignKeyConstraint]:
    return [
        sa.Column("person_id", sa.String(length=ID), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=f"fk_{table}_person_id_people", ondelete="CASCADE"
        ),
    ]


def _index(table: str, column: str) -> None:
    op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def upgrade() -> None:
    """Create the family-support tables."""
    op.create_table(
        "fs_households",
        _id(),
        *_team("fs_households"),
        sa.Column("name", sa.String(length=NAME), nullable=False),
        sa.Column("status", sa.String(length=CODE), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fs_households"),
    )
    _index("fs_households", "scheme_team_id")
    op.create_table(
        "fs_referrals",
        _id(),
        *_person("fs_referrals"),
        *_team("fs_referrals"),
        sa.Column("arrangement_type", sa.String(length=CODE), nullable=False),
        sa.Column("support_group", sa.String(length=CODE), nullable=False),
        sa.Column("status", sa.String(length=CODE), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("wanted_from", sa.Date(), nullable=False),
        sa.Column("matched_on", sa.Date(), nullable=True),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fs_referrals"),
    )
    _index("fs_referrals", "person_id")
    _index("fs_referrals", "scheme_team_id")
    _create_arrangements()
    op.create_table(
        "fs_scheme_weights",
        sa.Column("scheme_team_id", sa.String(length=ID), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scheme_team_id"], ["teams.id"], name="fk_fs_scheme_weights_scheme_team_id_teams"
        ),
        sa.PrimaryKeyConstraint("scheme_team_id", name="pk_fs_scheme_weights"),
    )


def _create_arrangements() -> None:
    op.create_table(
        "fs_arrangements",
        _id(),
        sa.Column("referral_id", sa.String(length=ID), nullable=False),
        *_person("fs_arrangements"),
        sa.Column("household_id", sa.String(length=ID), nullable=False),
        *_team("fs_arrangements"),
        sa.Column("arrangement_type", sa.String(length=CODE), nullable=False),
        sa.Column("status", sa.String(length=CODE), nullable=False),
        sa.Column("proposed_on", sa.Date(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("rate_pence", sa.Integer(), nullable=False),
        sa.Column("room", sa.String(length=60), nullable=True),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["fs_referrals.id"],
            name="fk_fs_arrangements_referral_id_fs_referrals",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["fs_households.id"],
            name="fk_fs_arrangements_household_id_fs_households",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_fs_arrangements"),
    )
    for column in ("referral_id", "person_id", "household_id", "scheme_team_id"):
        _index("fs_arrangements", column)


def downgrade() -> None:
    """Drop the family-support tables."""
    for table in ("fs_scheme_weights", "fs_arrangements", "fs_referrals", "fs_households"):
        op.drop_table(table)
