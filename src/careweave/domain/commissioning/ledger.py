"""The double-entry ledger of money and hours.

Every movement of money (pence) or of hours (minutes) is one :class:`Transaction` of two or more
lines between :class:`Account` s, and its lines sum to zero in each unit: what leaves one account
arrives in another. Balances are never stored: an account's balance is the sum of its lines
(:func:`replay`). A transaction is never changed or removed; a mistake is put right by its
:meth:`Transaction.reversal`, a new transaction with every line negated, so the journal keeps
both and says who corrected what.

Sign: an account's balance is what it holds. Allocating a budget moves pence from the council's
funding account (which goes below zero: what the council has committed) into the person's budget
account; a payment moves them on to the provider's, carer's or micro-enterprise's account.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import new_id, require_member, require_text

MAX_AMOUNT = 10**12  # ten thousand million pounds, or nearly two million years of minutes
KEY_LENGTH = 120


class Unit(StrEnum):
    """What an account counts."""

    PENCE = "pence"
    MINUTES = "minutes"


class AccountKind(StrEnum):
    """Whose money or hours an account holds."""

    FUNDING = "funding"
    BUDGET = "budget"
    PROVIDER = "provider"
    CARER = "carer"
    MICRO_ENTERPRISE = "micro_enterprise"
    TIME_BANK = "time_bank"


# Accounts that hold one person's money or hours: they belong to that person and are never pooled.
PERSONAL_KINDS = frozenset({AccountKind.BUDGET, AccountKind.TIME_BANK})
# Accounts money is paid into from a budget.
PAYEE_KINDS = frozenset({AccountKind.PROVIDER, AccountKind.CARER, AccountKind.MICRO_ENTERPRISE})


@dataclass(frozen=True, slots=True)
class Account:
    """An account of the ledger; ``key`` names it uniquely (``budget:<id>``, ``time_bank:<person>``).

    A budget or time bank belongs to one person (``person_id``); other accounts to nobody.
    """

    key: str
    kind: AccountKind
    unit: Unit
    name: str
    person_id: str | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "key", require_text("account.key", self.key, max_length=KEY_LENGTH)
        )
        object.__setattr__(self, "kind", require_member("account.kind", self.kind, AccountKind))
        object.__setattr__(self, "unit", require_member("account.unit", self.unit, Unit))
        object.__setattr__(self, "name", require_text("account.name", self.name, max_length=120))
        if (self.kind in PERSONAL_KINDS) != (self.person_id is not None):
            raise DomainValidationError(
                "account.person_id", "budgets and time banks, and only they, belong to a person"
            )
        if self.kind is AccountKind.TIME_BANK and self.unit is not Unit.MINUTES:
            raise DomainValidationError("account.unit", "a time bank counts minutes")
        if self.kind is AccountKind.BUDGET and self.unit is not Unit.PENCE:
            raise DomainValidationError("account.unit", "a budget counts pence")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a transaction: ``amount`` (whole units, in the account's unit) into an account
    (negative: out of it)."""

    account_id: str
    unit: Unit
    amount: int

    def __post_init__(self) -> None:
        if isinstance(self.amount, bool) or not isinstance(self.amount, int):
            raise DomainValidationError("lines.amount", "must be a whole number")
        if self.amount == 0 or abs(self.amount) > MAX_AMOUNT:
            raise DomainValidationError(
                "lines.amount", f"must be non-zero and at most {MAX_AMOUNT}"
            )
        object.__setattr__(self, "unit", require_member("lines.unit", self.unit, Unit))


@dataclass(frozen=True, slots=True)
class Transaction:
    """A balanced movement between accounts, booked on ``booked_on`` and posted at ``posted_at``.

    ``source`` names what it records (``visit:<id>`` for a visit's hours), so the same thing is
    never posted twice; ``reverses`` is the transaction it corrects, if it is a reversal.
    """

    booked_on: date
    posted_at: datetime
    memo: str
    lines: tuple[Line, ...]
    posted_by: str = ""
    source: str | None = None
    reverses: str | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "memo", require_text("memo", self.memo, max_length=300))
        object.__setattr__(
            self,
            "posted_by",
            require_text("posted_by", self.posted_by, max_length=120, allow_empty=True),
        )
        if self.posted_at.tzinfo is None:
            raise DomainValidationError("posted_at", "must say its time zone")
        if len(self.lines) < 2:
            raise DomainValidationError(
                "lines", "a transaction moves between at least two accounts"
            )
        accounts = [line.account_id for line in self.lines]
        if len(set(accounts)) != len(accounts):
            raise DomainValidationError("lines", "name each account once")
        for unit, total in totals(self.lines).items():
            if total != 0:
                raise DomainValidationError(
                    "lines", f"the {unit.value} lines sum to {total}, not zero: it does not balance"
                )

    def reversal(
        self, posted_at: datetime, booked_on: date, memo: str, posted_by: str
    ) -> Transaction:
        """The transaction that undoes this one: every line negated, naming this one."""
        if self.reverses is not None:
            raise DomainValidationError("transaction", "a reversal is not reversed; post anew")
        return Transaction(
            booked_on=booked_on,
            posted_at=posted_at,
            memo=memo,
            lines=tuple(Line(line.account_id, line.unit, -line.amount) for line in self.lines),
            posted_by=posted_by,
            reverses=self.id,
        )


def totals(lines: Iterable[Line]) -> dict[Unit, int]:
    """The sum of ``lines`` in each unit."""
    summed: dict[Unit, int] = defaultdict(int)
    for line in lines:
        summed[line.unit] += line.amount
    return dict(summed)


def transfer(
    source: Account,
    target: Account,
    amount: int,
    *,
    booked_on: date,
    posted_at: datetime,
    memo: str,
    posted_by: str = "",
    key: str | None = None,
) -> Transaction:
    """Move ``amount`` (positive, in their one unit) from ``source`` to ``target``."""
    if source.unit is not target.unit:
        raise DomainValidationError("account_id", "both accounts must count the same unit")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise DomainValidationError("amount", "must be a whole number above zero")
    return Transaction(
        booked_on=booked_on,
        posted_at=posted_at,
        memo=memo,
        lines=(Line(source.id, source.unit, -amount), Line(target.id, target.unit, amount)),
        posted_by=posted_by,
        source=key,
    )


def check_postable(transaction: Transaction, accounts: Mapping[str, Account]) -> None:
    """Raise unless every line's unit is its account's and no two people's money or hours meet.

    An Individual Service Fund, like every budget and time bank, is held for one person only: a
    transaction may touch the personal accounts of one person at most, so nobody's money is ever
    pooled with anyone else's.
    """
    people = set()
    for line in transaction.lines:
        account = accounts[line.account_id]
        if account.unit is not line.unit:
            raise DomainValidationError(
                "lines.unit", f"account {account.name!r} counts {account.unit.value}"
            )
        if account.person_id is not None:
            people.add(account.person_id)
    if len(people) > 1:
        raise DomainValidationError(
            "lines", "a budget or time bank is one person's: it is never pooled with another's"
        )


def replay(transactions: Iterable[Transaction], until: date | None = None) -> dict[str, int]:
    """Every account's balance from the journal: the sum of its lines (booked by ``until``)."""
    balances: dict[str, int] = defaultdict(int)
    for transaction in transactions:
        if until is None or transaction.booked_on <= until:
            for line in transaction.lines:
                balances[line.account_id] += line.amount
    return dict(balances)
