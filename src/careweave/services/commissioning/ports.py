"""Ports of commissioning: budgets, the allocation table, the ledger, time banks and invoices in
storage (their unit of work is
:mod:`.unit_of_work`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Protocol

from careweave.domain.commissioning.allocation import ResourceAllocationTable
from careweave.domain.commissioning.budgets import PersonalBudget
from careweave.domain.commissioning.invoicing import Invoice, PerMinuteRules
from careweave.domain.commissioning.ledger import Account, AccountKind, Transaction
from careweave.domain.commissioning.time_banks import TimeBankAgreement


class BudgetRepository(Protocol):
    """Personal budgets."""

    def get(self, ident: str) -> PersonalBudget:
        """The budget with ``ident`` (NotFoundError if none)."""
        ...

    def add(self, item: PersonalBudget) -> None:
        """Store a new budget."""
        ...

    def update(self, item: PersonalBudget) -> None:
        """Save a changed budget."""
        ...

    def list_for_person(self, person_id: str) -> Sequence[PersonalBudget]:
        """The person's budgets, newest period first."""
        ...

    def list_agreed(self) -> Sequence[PersonalBudget]:
        """Every agreed budget, by start (for the commissioner's figures)."""
        ...


class AllocationTableRepository(Protocol):
    """The commissioner's resource allocation table."""

    def get(self) -> ResourceAllocationTable:
        """The table (the defaults until the commissioner sets one)."""
        ...

    def put(self, table: ResourceAllocationTable) -> None:
        """Set the table."""
        ...


class Ledger(Protocol):
    """The ledger's accounts and its journal. It has no way to change or remove either: a
    mistake is corrected by posting a reversal."""

    def add_account(self, account: Account) -> None:
        """Open an account (ConflictError if its key is taken)."""
        ...

    def get_account(self, ident: str) -> Account:
        """The account with ``ident`` (NotFoundError if none)."""
        ...

    def find_account(self, key: str) -> Account | None:
        """The account named ``key``, or ``None``."""
        ...

    def accounts(self, ids: Collection[str]) -> dict[str, Account]:
        """The accounts with ``ids`` by id (NotFoundError naming one that does not exist)."""
        ...

    def list_accounts(
        self, *, kinds: Collection[AccountKind] | None = None, person_id: str | None = None
    ) -> Sequence[Account]:
        """Accounts of ``kinds`` and/or of one person (``None``: any), by name."""
        ...

    def post(self, transaction: Transaction) -> None:
        """Write a balanced transaction; ConflictError if its source was posted already or the
        transaction it reverses was reversed already."""
        ...

    def get_transaction(self, ident: str) -> Transaction:
        """The transaction with ``ident`` (NotFoundError if none)."""
        ...

    def is_reversed(self, ident: str) -> bool:
        """Whether a reversal of transaction ``ident`` was posted."""
        ...

    def posted_sources(self, sources: Collection[str]) -> set[str]:
        """Those of ``sources`` that some transaction already records."""
        ...

    def journal(self, *, account_id: str | None = None) -> Sequence[Transaction]:
        """Every transaction (with a line on ``account_id`` when given), in the order posted."""
        ...

    def balance(self, account_id: str, *, until: date | None = None) -> int:
        """The sum of the account's lines (booked on or before ``until`` when given)."""
        ...

    def balances(
        self, account_ids: Collection[str], *, until: date | None = None
    ) -> dict[str, int]:
        """:meth:`balance` of each account (zero for one without lines)."""
        ...


class TimeBankRepository(Protocol):
    """Hours agreed per person per four-week block."""

    def add(self, item: TimeBankAgreement) -> None:
        """Store an agreement (ConflictError if the person has one for that block)."""
        ...

    def list_for_block(
        self, block_start: date, person_ids: Collection[str]
    ) -> Sequence[TimeBankAgreement]:
        """The agreements of ``person_ids`` for the block starting ``block_start``."""
        ...


class InvoiceRepository(Protocol):
    """Issued invoices and credit notes: added and read, never changed."""

    def add(self, item: Invoice) -> None:
        """Store an issued invoice (ConflictError if its provider's period was invoiced)."""
        ...

    def get(self, ident: str) -> Invoice:
        """The invoice with ``ident`` (NotFoundError if none)."""
        ...

    def find_run(self, provider_team_id: str, period_start: date) -> Invoice | None:
        """The invoice of the provider's period, if it was issued."""
        ...

    def credit_notes_of(self, invoice_id: str) -> Sequence[Invoice]:
        """The credit notes correcting ``invoice_id``, oldest first."""
        ...

    def list(self, *, provider_team_id: str | None = None) -> Sequence[Invoice]:
        """Invoices and credit notes (of one provider when given), newest period first."""
        ...


class InvoiceRulesRepository(Protocol):
    """The commissioner's rules for paying by the minute, and each team's block price."""

    def get(self) -> PerMinuteRules:
        """The rules (the defaults until set)."""
        ...

    def put(self, rules: PerMinuteRules) -> None:
        """Set the rules."""
        ...

    def team_block(self, team_id: str) -> int:
        """The team's block price in pence per four-week period (0 until set)."""
        ...

    def put_team_block(self, team_id: str, pence: int) -> None:
        """Set the team's block price."""
        ...
