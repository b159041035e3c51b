"""Storage model of commissioning. What is searched or summed on has its own column; the rest of
a budget (the indicative figure, the ISF agreement, who agreed it) is one JSON body."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.person_owned import CODE_LENGTH, person_column
from careweave.adapters.storage.schema import ID_LENGTH, Base, id_column, table_of

# The lines' own key: a 64-bit sequence on PostgreSQL (SQLite's rowid is already one).
LINE_KEY = BigInteger().with_variant(Integer, "sqlite")


class BudgetRow(Base):
    """A personal budget."""

    __tablename__ = "cm_budgets"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = person_column()
    status: Mapped[str] = mapped_column(String(CODE_LENGTH))
    management: Mapped[str] = mapped_column(String(CODE_LENGTH))
    funding: Mapped[str] = mapped_column(String(CODE_LENGTH))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    agreed_weekly_pence: Mapped[int | None] = mapped_column(Integer)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)


class SettingRow(Base):
    """A commissioner's setting by name (the resource allocation table)."""

    __tablename__ = "cm_settings"

    name: Mapped[str] = mapped_column(String(CODE_LENGTH), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)


class AccountRow(Base):
    """An account of the ledger (its balance is never stored: it is the sum of its lines)."""

    __tablename__ = "cm_accounts"

    id: Mapped[str] = id_column()
    key: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(CODE_LENGTH))
    unit: Mapped[str] = mapped_column(String(CODE_LENGTH))
    name: Mapped[str] = mapped_column(String(120))
    # No cascade: a person's money stays on the books even when their record goes.
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), index=True)


class TransactionRow(Base):
    """A transaction of the journal; append-only (triggers refuse UPDATE and DELETE)."""

    __tablename__ = "cm_transactions"

    id: Mapped[str] = id_column()
    booked_on: Mapped[dt.date] = mapped_column(Date)
    posted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    memo: Mapped[str] = mapped_column(String(300))
    posted_by: Mapped[str] = mapped_column(String(120))
    # What the transaction records, once only (``visit:<id>``, ``budget:<id>:allocation``).
    source: Mapped[str | None] = mapped_column(String(120), unique=True)
    # A transaction is reversed at most once: the unique key says so to both databases.
    reverses: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("cm_transactions.id"), unique=True
    )


class LineRow(Base):
    """One line of a transaction; append-only. Its day is copied from the transaction so that
    a balance on a day is one index range: (account, day) with the amount beside it."""

    __tablename__ = "cm_lines"

    id: Mapped[int] = mapped_column(LINE_KEY, primary_key=True, autoincrement=True)
    transaction_id: Mapped[str] = mapped_column(ForeignKey("cm_transactions.id"), index=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("cm_accounts.id"))
    booked_on: Mapped[dt.date] = mapped_column(Date)
    unit: Mapped[str] = mapped_column(String(CODE_LENGTH))
    amount: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_cm_lines_account_id_booked_on_amount", "account_id", "booked_on", "amount"),
    )


class TimeBankRow(Base):
    """The hours agreed with a person for one four-week block (one agreement per block)."""

    __tablename__ = "cm_time_banks"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = person_column()
    block_start: Mapped[dt.date] = mapped_column(Date)
    agreed_minutes: Mapped[int] = mapped_column(Integer)
    agreed_by: Mapped[str] = mapped_column(String(120))

    __table_args__ = (
        UniqueConstraint("person_id", "block_start", name="uq_cm_time_banks_person_id_block_start"),
    )


class InvoiceRow(Base):
    """An issued invoice or credit note; append-only (triggers refuse UPDATE and DELETE). Its
    lines are one JSON body: always read and written whole, never changed."""

    __tablename__ = "cm_invoices"

    id: Mapped[str] = id_column()
    provider_team_id: Mapped[str] = mapped_column(ForeignKey("teams.id"), index=True)
    kind: Mapped[str] = mapped_column(String(CODE_LENGTH))
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # ``<team>:<period start>`` for an invoice, so a period is invoiced once; none for credit notes.
    run_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    corrects: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("cm_invoices.id"), index=True
    )
    reason: Mapped[str] = mapped_column(String(300))
    total_pence: Mapped[int] = mapped_column(BigInteger)
    lines: Mapped[list[Any]] = mapped_column(JSON)


budgets = table_of(BudgetRow)
settings = table_of(SettingRow)
accounts = table_of(AccountRow)
transactions = table_of(TransactionRow)
lines = table_of(LineRow)
time_banks = table_of(TimeBankRow)
invoices = table_of(InvoiceRow)
