"""The ledger's use cases: payees' accounts, paying from a budget, reversing a transaction, and
statements whose balances are summed from the journal.

A person's money is read and moved by those who manage their budget (access is as for budgets);
accounts that are nobody's (the council's, providers') are the commissioner's to read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.commissioning.ledger import (
    PAYEE_KINDS,
    Account,
    AccountKind,
    Transaction,
    Unit,
    transfer,
)
from careweave.domain.errors import ConflictError, DomainValidationError
from careweave.services.accounts.access import Actor
from careweave.services.accounts.audit import AuditTrail
from careweave.services.commissioning.access import (
    check_can_keep_payees,
    check_can_manage_budget,
    check_can_read_budget,
    check_can_read_figures,
)
from careweave.services.commissioning.audit_kinds import LEDGER_ACCOUNT, LEDGER_TRANSACTION
from careweave.services.commissioning.postings import budget_account, post
from careweave.services.commissioning.unit_of_work import CommissioningUnitOfWork


@dataclass(frozen=True, slots=True)
class Entry:
    """A transaction as one account's statement shows it: what it moved into that account."""

    transaction: Transaction
    amount: int
    reversed: bool


@dataclass(frozen=True, slots=True)
class Statement:
    """An account, its balance summed from the journal, and its entries oldest first."""

    account: Account
    balance: int
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Payment:
    """A payment from a budget: to whom, how much, on which day, what for."""

    payee_account_id: str
    amount_pence: int
    booked_on: date
    memo: str


class LedgerService:
    """Use cases of the ledger."""

    def __init__(self, uow_factory: Callable[[], CommissioningUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def open_payee(self, actor: Actor, kind: AccountKind, name: str) -> Account:
        """Open the account of a provider, a carer or a micro-enterprise paid from budgets."""
        check_can_keep_payees(actor)
        if kind not in PAYEE_KINDS:
            raise DomainValidationError(
                "kind", "a payee is a provider, a carer or a micro-enterprise"
            )
        key = f"{kind.value}:{name.strip().lower()}"
        account = Account(key, kind, Unit.PENCE, name)
        with self._uow_factory() as uow:
            if uow.ledger.find_account(account.key) is not None:
                raise ConflictError(f"{name!r} already has an account", field="name")
            uow.ledger.add_account(account)
            self._audit.record(uow, actor, AuditAction.CREATE, LEDGER_ACCOUNT, account.id)
            uow.commit()
        return account

    def payees(self, actor: Actor) -> list[Account]:
        """Every payee's account, by name."""
        check_can_keep_payees(actor)
        with self._uow_factory() as uow:
            return list(uow.ledger.list_accounts(kinds=PAYEE_KINDS))

    def pay(self, actor: Actor, budget_id: str, payment: Payment) -> Transaction:
        """Pay a payee from an agreed budget, on a day of its period."""
        with self._uow_factory() as uow:
            budget = uow.budgets.get(budget_id)
            person = uow.people.get(budget.person_id)
            check_can_manage_budget(actor, person)
            if not budget.is_agreed:
                raise DomainValidationError("budget_id", "agree the budget before paying from it")
            if not budget.covers(payment.booked_on):
                raise DomainValidationError("booked_on", "must fall in the budget's period")
            payee = uow.ledger.get_account(payment.payee_account_id)
            if payee.kind not in PAYEE_KINDS:
                raise DomainValidationError("payee_account_id", "is not a payee's account")
            paid = transfer(
                budget_account(uow.ledger, budget),
                payee,
                payment.amount_pence,
                booked_on=payment.booked_on,
                posted_at=self._clock.now(),
                memo=payment.memo,
                posted_by=actor.display_name,
            )
            post(uow.ledger, paid)
            self._audit.record(
                uow, actor, AuditAction.CREATE, LEDGER_TRANSACTION, paid.id, team_id=person.team_id
            )
            uow.commit()
        return paid

    def reverse(self, actor: Actor, transaction_id: str, memo: str) -> Transaction:
        """Post the reversal of a transaction (once): the correction of a mistake."""
        with self._uow_factory() as uow:
            original = uow.ledger.get_transaction(transaction_id)
            team_id = self._check_may_correct(uow, actor, original)
            if uow.ledger.is_reversed(original.id):
                raise ConflictError("the transaction was reversed already", field="transaction_id")
            now = self._clock.now()
            reversal = original.reversal(now, self._clock.today(), memo, actor.display_name)
            post(uow.ledger, reversal)
            self._audit.record(
                uow, actor, AuditAction.CREATE, LEDGER_TRANSACTION, reversal.id, team_id=team_id
            )
            uow.commit()
        return reversal

    def budget_statement(self, actor: Actor, budget_id: str) -> Statement:
        """The budget's account: what was allocated, paid and corrected, and what is left."""
        with self._uow_factory() as uow:
            budget = uow.budgets.get(budget_id)
            person = uow.people.get(budget.person_id)
            check_can_read_budget(actor, person)
            account = uow.ledger.find_account(f"budget:{budget.id}")
            found = None if account is None else statement_of(uow, account)
            self._audit.record(
                uow, actor, AuditAction.READ, LEDGER_ACCOUNT, budget.id, team_id=person.team_id
            )
            uow.commit()
        if found is None:
            empty = Account(
                f"budget:{budget.id}",
                AccountKind.BUDGET,
                Unit.PENCE,
                "Not agreed yet",
                budget.person_id,
            )
            return Statement(empty, 0, ())
        return found

    def account_statement(self, actor: Actor, account_id: str) -> Statement:
        """An account that is nobody's (the council's, a provider's): the commissioner's."""
        check_can_read_figures(actor)
        with self._uow_factory() as uow:
            account = uow.ledger.get_account(account_id)
            if account.person_id is not None:
                raise DomainValidationError(
                    "account_id", "a person's account is read with their budget"
                )
            return statement_of(uow, account)

    def _check_may_correct(
        self, uow: CommissioningUnitOfWork, actor: Actor, original: Transaction
    ) -> str | None:
        accounts = uow.ledger.accounts([line.account_id for line in original.lines])
        people = {a.person_id for a in accounts.values() if a.person_id is not None}
        if not people:
            check_can_read_figures(actor)
            return None
        person = uow.people.get(people.pop())
        check_can_manage_budget(actor, person)
        return person.team_id


def statement_of(uow: CommissioningUnitOfWork, account: Account) -> Statement:
    """``account``'s statement: its balance is summed by the database, its entries listed."""
    journal = uow.ledger.journal(account_id=account.id)
    reversed_ids = {t.reverses for t in journal if t.reverses is not None}
    entries = tuple(
        Entry(
            t,
            sum(line.amount for line in t.lines if line.account_id == account.id),
            t.id in reversed_ids,
        )
        for t in journal
    )
    return Statement(account, uow.ledger.balance(account.id), entries)
