"""Schemas of the ledger: accounts, transactions, statements, payments and reversals."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field

from careweave.adapters.web.api.common_schemas import Id, Name, Schema, ShortText
from careweave.domain.commissioning.ledger import (
    MAX_AMOUNT,
    Account,
    AccountKind,
    Transaction,
    Unit,
)
from careweave.services.commissioning.ledger import Payment, Statement

Amount = Annotated[int, Field(gt=0, le=MAX_AMOUNT, strict=True)]


class PayeeIn(Schema):
    """A provider, carer or micro-enterprise paid from budgets."""

    kind: AccountKind
    name: Name


class PaymentIn(Schema):
    """A payment from a budget."""

    payee_account_id: Id
    amount_pence: Amount
    booked_on: date
    memo: ShortText = Field(min_length=1)

    def to_payment(self) -> Payment:
        """The service's payment."""
        return Payment(self.payee_account_id, self.amount_pence, self.booked_on, self.memo)


class ReversalIn(Schema):
    """Why a transaction is reversed."""

    memo: ShortText = Field(min_length=1)


class AccountPublic(BaseModel):
    """An account (its balance is in its statement)."""

    id: str
    kind: AccountKind
    unit: Unit
    name: str

    @classmethod
    def of(cls, a: Account) -> AccountPublic:
        """The schema of a domain account."""
        return cls(id=a.id, kind=a.kind, unit=a.unit, name=a.name)


class LinePublic(BaseModel):
    """One line of a transaction."""

    account_id: str
    unit: Unit
    amount: int


class TransactionPublic(BaseModel):
    """A transaction of the journal."""

    id: str
    booked_on: date
    posted_at: datetime
    memo: str
    posted_by: str
    reverses: str | None
    lines: list[LinePublic]

    @classmethod
    def of(cls, t: Transaction) -> TransactionPublic:
        """The schema of a domain transaction."""
        return cls(
            id=t.id,
            booked_on=t.booked_on,
            posted_at=t.posted_at,
            memo=t.memo,
            posted_by=t.posted_by,
            reverses=t.reverses,
            lines=[
                LinePublic(account_id=x.account_id, unit=x.unit, amount=x.amount) for x in t.lines
            ],
        )


class EntryPublic(BaseModel):
    """What one transaction moved into (or, negative, out of) the account."""

    transaction_id: str
    booked_on: date
    memo: str
    amount: int
    reversed: bool
    reverses: str | None


class StatementPublic(BaseModel):
    """An account, its balance summed from the journal, and its entries."""

    account: AccountPublic
    balance: int
    entries: list[EntryPublic]

    @classmethod
    def of(cls, s: Statement) -> StatementPublic:
        """The schema of a statement."""
        return cls(
            account=AccountPublic.of(s.account),
            balance=s.balance,
            entries=[
                EntryPublic(
                    transaction_id=e.transaction.id,
                    booked_on=e.transaction.booked_on,
                    memo=e.transaction.memo,
                    amount=e.amount,
                    reversed=e.reversed,
                    reverses=e.transaction.reverses,
                )
                for e in s.entries
            ],
        )
