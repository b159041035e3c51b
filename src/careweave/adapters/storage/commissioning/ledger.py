"""The SQL ledger: accounts, transactions and their lines. It can add and read, and has no method
that changes or removes anything (and triggers refuse UPDATE and DELETE on the journal)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import Select, exists, func, insert, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from careweave.adapters.storage.accounts.repositories import as_utc
from careweave.adapters.storage.commissioning import tables as t
from careweave.adapters.storage.repository import chunks, integrity_as_conflict
from careweave.domain.commissioning.ledger import Account, AccountKind, Line, Transaction
from careweave.domain.errors import NotFoundError


def _account(row: RowMapping) -> Account:
    return Account(row["key"], row["kind"], row["unit"], row["name"], row["person_id"], row["id"])


class SqlLedger:
    """The ledger in ``cm_accounts``, ``cm_transactions`` and ``cm_lines``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add_account(self, account: Account) -> None:
        """Open an account (ConflictError if its key is taken)."""
        row = {
            "id": account.id,
            "key": account.key,
            "kind": account.kind.value,
            "unit": account.unit.value,
            "name": account.name,
            "person_id": account.person_id,
        }
        with integrity_as_conflict(self.session, f"account {account.key!r} already exists"):
            self.session.execute(insert(t.accounts).values(**row))

    def get_account(self, ident: str) -> Account:
        """The account with ``ident``."""
        return self.accounts([ident])[ident]

    def find_account(self, key: str) -> Account | None:
        """The account named ``key``, or ``None``."""
        row = self.session.execute(select(t.accounts).where(t.accounts.c.key == key)).mappings()
        found = row.first()
        return None if found is None else _account(found)

    def accounts(self, ids: Collection[str]) -> dict[str, Account]:
        """The accounts with ``ids`` by id."""
        found: dict[str, Account] = {}
        for chunk in chunks(sorted(set(ids))):
            statement = select(t.accounts).where(t.accounts.c.id.in_(chunk))
            found |= {r["id"]: _account(r) for r in self.session.execute(statement).mappings()}
        missing = sorted(set(ids) - set(found))
        if missing:
            raise NotFoundError("account", missing[0])
        return found

    def list_accounts(
        self, *, kinds: Collection[AccountKind] | None = None, person_id: str | None = None
    ) -> list[Account]:
        """Accounts of ``kinds`` and/or of one person, by name."""
        c = t.accounts.c
        statement: Select[Any] = select(t.accounts).order_by(c.name, c.id)
        if kinds is not None:
            statement = statement.where(c.kind.in_(sorted(k.value for k in kinds)))
        if person_id is not None:
            statement = statement.where(c.person_id == person_id)
        return [_account(r) for r in self.session.execute(statement).mappings()]

    def post(self, transaction: Transaction) -> None:
        """Write a transaction and its lines together."""
        head = {
            "id": transaction.id,
            "booked_on": transaction.booked_on,
            "posted_at": transaction.posted_at,
            "memo": transaction.memo,
            "posted_by": transaction.posted_by,
            "source": transaction.source,
            "reverses": transaction.reverses,
        }
        lines = [
            {
                "transaction_id": transaction.id,
                "account_id": line.account_id,
                "booked_on": transaction.booked_on,
                "unit": line.unit.value,
                "amount": line.amount,
            }
            for line in transaction.lines
        ]
        message = "the transaction was posted or reversed already"
        with integrity_as_conflict(self.session, message):
            self.session.execute(insert(t.transactions).values(**head))
            self.session.execute(insert(t.lines), lines)

    def get_transaction(self, ident: str) -> Transaction:
        """The transaction with ``ident``."""
        found = self._load(select(t.transactions).where(t.transactions.c.id == ident))
        if not found:
            raise NotFoundError("transaction", ident)
        return found[0]

    def is_reversed(self, ident: str) -> bool:
        """Whether a reversal of transaction ``ident`` was posted."""
        query = select(exists().where(t.transactions.c.reverses == ident))
        return bool(self.session.execute(query).scalar())

    def posted_sources(self, sources: Collection[str]) -> set[str]:
        """Those of ``sources`` some transaction already records."""
        found: set[str] = set()
        for chunk in chunks(sorted(set(sources))):
            query = select(t.transactions.c.source).where(t.transactions.c.source.in_(chunk))
            found |= {str(s) for s in self.session.execute(query).scalars()}
        return found

    def journal(self, *, account_id: str | None = None) -> list[Transaction]:
        """Every transaction (with a line on ``account_id`` when given), in the order posted."""
        c = t.transactions.c
        # Within one instant, in the order they were written: their lines' sequence says it.
        written = (
            select(func.min(t.lines.c.id)).where(t.lines.c.transaction_id == c.id).scalar_subquery()
        )
        statement: Select[Any] = select(t.transactions).order_by(c.posted_at, written)
        if account_id is not None:
            on_account = select(t.lines.c.transaction_id).where(t.lines.c.account_id == account_id)
            statement = statement.where(c.id.in_(on_account))
        return self._load(statement)

    def balance(self, account_id: str, *, until: date | None = None) -> int:
        """The sum of the account's lines (booked on or before ``until``)."""
        return self.balances([account_id], until=until).get(account_id, 0)

    def balances(
        self, account_ids: Collection[str], *, until: date | None = None
    ) -> dict[str, int]:
        """Each account's sum of lines, one grouped query on the (account, day, amount) index."""
        c = t.lines.c
        found = dict.fromkeys(account_ids, 0)
        for chunk in chunks(sorted(set(account_ids))):
            statement = (
                select(c.account_id, func.coalesce(func.sum(c.amount), 0))
                .where(c.account_id.in_(chunk))
                .group_by(c.account_id)
            )
            if until is not None:
                statement = statement.where(c.booked_on <= until)
            found |= {str(a): int(total) for a, total in self.session.execute(statement)}
        return found

    def _load(self, statement: Select[Any]) -> list[Transaction]:
        heads = self.session.execute(statement).mappings().all()
        lines: dict[str, list[Line]] = {h["id"]: [] for h in heads}
        for chunk in chunks(list(lines)):
            query = (
                select(t.lines).where(t.lines.c.transaction_id.in_(chunk)).order_by(t.lines.c.id)
            )
            for r in self.session.execute(query).mappings():
                lines[r["transaction_id"]].append(Line(r["account_id"], r["unit"], r["amount"]))
        return [
            Transaction(
                booked_on=h["booked_on"],
                posted_at=as_utc(h["posted_at"]),
                memo=h["memo"],
                lines=tuple(lines[h["id"]]),
                posted_by=h["posted_by"],
                source=h["source"],
                reverses=h["reverses"],
                id=h["id"],
            )
            for h in heads
        ]
