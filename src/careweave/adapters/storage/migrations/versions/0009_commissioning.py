"""Commissioning: personal budgets, the commissioner's settings, time banks, the ledger and
invoices (the journal and the invoices refuse UPDATE and DELETE: a trigger on both databases).

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
KEY = 120
LINE_KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JOURNAL = ("cm_transactions", "cm_lines", "cm_invoices")
APPEND_ONLY_MESSAGE = "the ledger and invoices are append-only: post a reversal or credit note"


def _postgres_triggers() -> list[str]:
    function = f"""
    CREATE FUNCTION cm_ledger_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}';
    END;
    $$ LANGUAGE plpgsql
    """
    return [function] + [
        f"""
        CREATE TRIGGER {table}_no_update_or_delete BEFORE UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION cm_ledger_append_only()
        """
        for table in JOURNAL
    ]


def _sqlite_triggers() -> list[str]:
    return [
        f"""
        CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table}
        BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END
        """
        for table in JOURNAL
        for verb in ("UPDATE", "DELETE")
    ]


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
    _create_ledger()
    _create_invoices()
    op.create_table(
        "cm_time_banks",
        sa.Column("id", sa.String(length=ID), nullable=False),
        sa.Column("person_id", sa.String(length=ID), nullable=False),
        sa.Column("block_start", sa.Date(), nullable=False),
        sa.Column("agreed_minutes", sa.Integer(), nullable=False),
        sa.Column("agreed_by", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name="fk_cm_time_banks_person_id_people",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_cm_time_banks"),
        sa.UniqueConstraint(
            "person_id", "block_start", name="uq_cm_time_banks_person_id_block_start"
        ),
    )
    op.create_index("ix_cm_time_banks_person_id", "cm_time_banks", ["person_id"], unique=False)
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in _postgres_triggers() if postgres else _sqlite_triggers():
        op.execute(statement)


def _create_invoices() -> None:
    op.create_table(
        "cm_invoices",
        sa.Column("id", sa.String(length=ID), nullable=False),
        sa.Column("provider_team_id", sa.String(length=ID), nullable=False),
        sa.Column("kind", sa.String(length=CODE), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_key", sa.String(length=80), nullable=True),
        sa.Column("corrects", sa.String(length=ID), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("total_pence", sa.BigInteger(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_team_id"], ["teams.id"], name="fk_cm_invoices_provider_team_id_teams"
        ),
        sa.ForeignKeyConstraint(
            ["corrects"], ["cm_invoices.id"], name="fk_cm_invoices_corrects_cm_invoices"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_cm_invoices"),
        sa.UniqueConstraint("run_key", name="uq_cm_invoices_run_key"),
    )
    op.create_index(
        "ix_cm_invoices_provider_team_id", "cm_invoices", ["provider_team_id"], unique=False
    )
    op.create_index("ix_cm_invoices_corrects", "cm_invoices", ["corrects"], unique=False)


def _create_ledger() -> None:
    op.create_table(
        "cm_accounts",
        sa.Column("id", sa.String(length=ID), nullable=False),
        sa.Column("key", sa.String(length=KEY), nullable=False),
        sa.Column("kind", sa.String(length=CODE), nullable=False),
        sa.Column("unit", sa.String(length=CODE), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("person_id", sa.String(length=ID), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name="fk_cm_accounts_person_id_people"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_cm_accounts"),
        sa.UniqueConstraint("key", name="uq_cm_accounts_key"),
    )
    op.create_index("ix_cm_accounts_person_id", "cm_accounts", ["person_id"], unique=False)
    op.create_table(
        "cm_transactions",
        sa.Column("id", sa.String(length=ID), nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("memo", sa.String(length=300), nullable=False),
        sa.Column("posted_by", sa.String(length=120), nullable=False),
        sa.Column("source", sa.String(length=KEY), nullable=True),
        sa.Column("reverses", sa.String(length=ID), nullable=True),
        sa.ForeignKeyConstraint(
            ["reverses"], ["cm_transactions.id"], name="fk_cm_transactions_reverses_cm_transactions"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_cm_transactions"),
        sa.UniqueConstraint("source", name="uq_cm_transactions_source"),
        sa.UniqueConstraint("reverses", name="uq_cm_transactions_reverses"),
    )
    op.create_table(
        "cm_lines",
        sa.Column("id", LINE_KEY, autoincrement=True, nullable=False),
        sa.Column("transaction_id", sa.String(length=ID), nullable=False),
        sa.Column("account_id", sa.String(length=ID), nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=False),
        sa.Column("unit", sa.String(length=CODE), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["transaction_id"],
            ["cm_transactions.id"],
            name="fk_cm_lines_transaction_id_cm_transactions",
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["cm_accounts.id"], name="fk_cm_lines_account_id_cm_accounts"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_cm_lines"),
    )
    op.create_index("ix_cm_lines_transaction_id", "cm_lines", ["transaction_id"], unique=False)
    op.create_index(
        "ix_cm_lines_account_id_booked_on_amount",
        "cm_lines",
        ["account_id", "booked_on", "amount"],
        unique=False,
    )


def downgrade() -> None:
    """Drop the commissioning tables."""
    if op.get_bind().dialect.name == "postgresql":
        for table in JOURNAL:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update_or_delete ON {table}")
        op.execute("DROP FUNCTION IF EXISTS cm_ledger_append_only()")
    for table in (
        "cm_invoices",
        "cm_time_banks",
        "cm_lines",
        "cm_transactions",
        "cm_accounts",
        "cm_settings",
        "cm_budgets",
    ):
        op.drop_table(table)
