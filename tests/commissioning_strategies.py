"""Hypothesis strategies of ledger operations, shared by the domain and the storage tests.

An operation is a transfer between two of a few accounts or the reversal of an earlier
transaction; :func:`apply` runs a sequence on any ledger and keeps a model of the balances the
way a bank clerk would, line by line, to compare with a replay of the journal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from hypothesis import strategies as st

from careweave.domain.commissioning.ledger import (
    MAX_AMOUNT,
    Account,
    AccountKind,
    Transaction,
    Unit,
    transfer,
)

START = datetime(2026, 3, 2, 9, tzinfo=UTC)
ACCOUNTS = 4


@dataclass(frozen=True)
class Transfer:
    """Move ``amount`` from account ``source`` to account ``target`` (indexes)."""

    source: int
    target: int
    amount: int


@dataclass(frozen=True)
class Reverse:
    """Reverse the ``which``-th transaction posted so far (modulo how many there are)."""

    which: int


transfers = st.builds(
    Transfer,
    st.integers(0, ACCOUNTS - 1),
    st.integers(0, ACCOUNTS - 1),
    st.integers(1, MAX_AMOUNT),
).filter(lambda t: t.source != t.target)
operations = st.lists(st.one_of(transfers, st.builds(Reverse, st.integers(0, 50))), max_size=25)


def some_accounts(tag: str) -> list[Account]:
    """A few council and provider accounts in pence (their keys carry ``tag``)."""
    kinds = (
        AccountKind.FUNDING,
        AccountKind.PROVIDER,
        AccountKind.CARER,
        AccountKind.MICRO_ENTERPRISE,
    )
    return [Account(f"{tag}:{i}", kinds[i], Unit.PENCE, f"Account {i}") for i in range(ACCOUNTS)]


class Postable(Protocol):
    """What :func:`apply` needs of a ledger."""

    def post(self, transaction: Transaction) -> None: ...

    def is_reversed(self, ident: str) -> bool: ...


def apply(
    ledger: Postable, accounts: list[Account], ops: list[Transfer | Reverse]
) -> dict[str, int]:
    """Post ``ops`` to ``ledger``; the balances a clerk would keep from them, by account id."""
    model: dict[str, int] = defaultdict(int)
    posted: list[Transaction] = []
    for step, op in enumerate(ops):
        when = START + timedelta(minutes=step)
        if isinstance(op, Transfer):
            made = transfer(
                accounts[op.source],
                accounts[op.target],
                op.amount,
                booked_on=when.date(),
                posted_at=when,
                memo=f"step {step}",
            )
        else:
            reversible = [t for t in posted if t.reverses is None and not ledger.is_reversed(t.id)]
            if not reversible:
                continue
            made = reversible[op.which % len(reversible)].reversal(
                when, date(2026, 3, 2), f"undo at step {step}", "tester"
            )
        ledger.post(made)
        posted.append(made)
        for line in made.lines:
            model[line.account_id] += line.amount
    return dict(model)
