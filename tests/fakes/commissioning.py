"""In-memory personal budgets, the commissioner's allocation table, the ledger, time banks and
invoices."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from tests.fakes.repository import FakeRepository
from tests.fakes.rows import Rows, Transaction

from careweave.domain.commissioning.allocation import ResourceAllocationTable
from careweave.domain.commissioning.budgets import PersonalBudget
from careweave.domain.commissioning.invoicing import Invoice, InvoiceKind, PerMinuteRules
from careweave.domain.commissioning.ledger import Account, AccountKind, replay
from careweave.domain.commissioning.ledger import Transaction as LedgerTransaction
from careweave.domain.commissioning.time_banks import TimeBankAgreement
from careweave.domain.errors import ConflictError, NotFoundError


class FakeBudgetRepository(FakeRepository[PersonalBudget]):
    """Personal budgets; their person must exist."""

    table = "cm_budgets"
    kind = "budget"

    def list_for_person(self, person_id: str) -> list[PersonalBudget]:
        """The person's budgets, newest period first."""
        found = self._rows.where(lambda b: b.person_id == person_id)
        by_id = sorted(found, key=lambda b: b.id)
        return sorted(by_id, key=lambda b: b.starts_on, reverse=True)

    def list_agreed(self) -> list[PersonalBudget]:
        """Every agreed budget, by start."""
        return sorted(self._rows.where(lambda b: b.is_agreed), key=lambda b: (b.starts_on, b.id))

    def _check_references(self, item: PersonalBudget) -> None:
        self._require("people", "person", item.person_id)


class FakeTimeBankRepository(FakeRepository[TimeBankAgreement]):
    """Time-bank agreements: one per person and block; their person must exist."""

    table = "cm_time_banks"
    kind = "time bank"

    def add(self, item: TimeBankAgreement) -> None:
        """Store an agreement; a second one for the person's block is a conflict."""
        if self.list_for_block(item.block_start, [item.person_id]):
            raise ConflictError(f"time bank {item.id!r} already exists")
        super().add(item)

    def list_for_block(
        self, block_start: date, person_ids: Collection[str]
    ) -> list[TimeBankAgreement]:
        """The agreements of ``person_ids`` for the block, by person."""
        found = self._rows.where(
            lambda a: a.block_start == block_start and a.person_id in person_ids
        )
        return sorted(found, key=lambda a: a.person_id)

    def _check_references(self, item: TimeBankAgreement) -> None:
        self._require("people", "person", item.person_id)


class FakeAllocationTableRepository:
    """The allocation table (the defaults until set)."""

    def __init__(self, transaction: Transaction) -> None:
        self._rows: Rows[str, ResourceAllocationTable] = transaction.rows("cm_settings")

    def get(self) -> ResourceAllocationTable:
        """The table in force."""
        return self._rows.get("allocation_table") or ResourceAllocationTable()

    def put(self, table: ResourceAllocationTable) -> None:
        """Set the table."""
        self._rows.put("allocation_table", table)


class FakeLedger:
    """The ledger's accounts and journal in memory: add and read only, as the SQL one."""

    def __init__(self, transaction: Transaction) -> None:
        self._accounts: Rows[str, Account] = transaction.rows("cm_accounts")
        # Each transaction with the store's sequence number, which orders those of one instant.
        self._journal: Rows[str, tuple[int, LedgerTransaction]] = transaction.rows(
            "cm_transactions"
        )
        self._transaction = transaction

    def add_account(self, account: Account) -> None:
        """Open an account (ConflictError if its key is taken)."""
        if self.find_account(account.key) is not None or self._accounts.exists(account.id):
            raise ConflictError(f"account {account.key!r} already exists")
        if account.person_id is not None and not self._transaction.rows("people").exists(
            account.person_id
        ):
            raise ConflictError(f"account {account.key!r} names a person who does not exist")
        self._accounts.put(account.id, account)

    def get_account(self, ident: str) -> Account:
        """The account with ``ident``."""
        return self.accounts([ident])[ident]

    def find_account(self, key: str) -> Account | None:
        """The account named ``key``, or ``None``."""
        return next(iter(self._accounts.where(lambda a: a.key == key)), None)

    def accounts(self, ids: Collection[str]) -> dict[str, Account]:
        """The accounts with ``ids`` by id."""
        found = {}
        for ident in sorted(set(ids)):
            account = self._accounts.get(ident)
            if account is None:
                raise NotFoundError("account", ident)
            found[ident] = account
        return found

    def list_accounts(
        self, *, kinds: Collection[AccountKind] | None = None, person_id: str | None = None
    ) -> list[Account]:
        """Accounts of ``kinds`` and/or of one person, by name."""
        found = self._accounts.where(
            lambda a: (kinds is None or a.kind in kinds) and person_id in (None, a.person_id)
        )
        return sorted(found, key=lambda a: (a.name, a.id))

    def post(self, transaction: LedgerTransaction) -> None:
        """Write a transaction (ConflictError for a source posted or a reversal made already)."""
        journal = self._posted()
        taken = {t.source for t in journal if t.source} | {
            t.reverses for t in journal if t.reverses
        }
        if transaction.source in taken or transaction.reverses in taken:
            raise ConflictError("the transaction was posted or reversed already")
        self.accounts([line.account_id for line in transaction.lines])
        self._journal.put(transaction.id, (self._transaction.next_number(), transaction))

    def get_transaction(self, ident: str) -> LedgerTransaction:
        """The transaction with ``ident``."""
        found = self._journal.get(ident)
        if found is None:
            raise NotFoundError("transaction", ident)
        return found[1]

    def is_reversed(self, ident: str) -> bool:
        """Whether a reversal of ``ident`` was posted."""
        return any(t.reverses == ident for t in self._posted())

    def posted_sources(self, sources: Collection[str]) -> set[str]:
        """Those of ``sources`` some transaction records."""
        return {t.source for t in self._posted() if t.source is not None and t.source in sources}

    def journal(self, *, account_id: str | None = None) -> list[LedgerTransaction]:
        """Every transaction (with a line on ``account_id``), in the order posted."""
        return [
            t
            for t in self._posted()
            if account_id is None or any(line.account_id == account_id for line in t.lines)
        ]

    def balance(self, account_id: str, *, until: date | None = None) -> int:
        """The sum of the account's lines."""
        return self.balances([account_id], until=until)[account_id]

    def balances(
        self, account_ids: Collection[str], *, until: date | None = None
    ) -> dict[str, int]:
        """Each account's sum of lines (zero without any)."""
        summed = replay(self._posted(), until)
        return {ident: summed.get(ident, 0) for ident in account_ids}

    def _posted(self) -> list[LedgerTransaction]:
        """The journal in the order posted (by instant, then as written)."""
        numbered = sorted(self._journal.all(), key=lambda pair: (pair[1].posted_at, pair[0]))
        return [t for _, t in numbered]


class FakeInvoiceRepository:
    """Invoices and credit notes: added and read only; a provider's period is invoiced once."""

    def __init__(self, transaction: Transaction) -> None:
        self._rows: Rows[str, Invoice] = transaction.rows("cm_invoices")
        self._transaction = transaction

    def add(self, item: Invoice) -> None:
        """Store an issued invoice (ConflictError if the provider's period was invoiced)."""
        if item.kind is InvoiceKind.INVOICE and self.find_run(
            item.provider_team_id, item.period_start
        ):
            raise ConflictError("the period was invoiced already")
        if not self._transaction.rows("teams").exists(item.provider_team_id):
            raise ConflictError("the period was invoiced already")
        self._rows.put(item.id, item)

    def get(self, ident: str) -> Invoice:
        """The invoice with ``ident``."""
        found = self._rows.get(ident)
        if found is None:
            raise NotFoundError("invoice", ident)
        return found

    def find_run(self, provider_team_id: str, period_start: date) -> Invoice | None:
        """The provider's invoice of the period, if issued."""
        found = self._rows.where(
            lambda i: (
                i.kind is InvoiceKind.INVOICE
                and (i.provider_team_id, i.period_start) == (provider_team_id, period_start)
            )
        )
        return found[0] if found else None

    def credit_notes_of(self, invoice_id: str) -> list[Invoice]:
        """Credit notes correcting ``invoice_id``, oldest first."""
        found = self._rows.where(lambda i: i.corrects == invoice_id)
        return sorted(found, key=lambda i: (i.issued_at, i.id))

    def list(self, *, provider_team_id: str | None = None) -> list[Invoice]:
        """Invoices and credit notes, newest period first."""
        found = self._rows.where(lambda i: provider_team_id in (None, i.provider_team_id))
        by_issue = sorted(found, key=lambda i: (i.issued_at, i.id))
        return sorted(by_issue, key=lambda i: i.period_start, reverse=True)


class FakeInvoiceRulesRepository:
    """The rules for paying by the minute (the defaults until set)."""

    def __init__(self, transaction: Transaction) -> None:
        self._rows: Rows[str, PerMinuteRules] = transaction.rows("cm_settings")
        self._blocks: Rows[str, int] = transaction.rows("cm_team_blocks")

    def get(self) -> PerMinuteRules:
        """The rules in force."""
        return self._rows.get("invoice_rules") or PerMinuteRules()

    def put(self, rules: PerMinuteRules) -> None:
        """Set the rules."""
        self._rows.put("invoice_rules", rules)

    def team_block(self, team_id: str) -> int:
        """The team's block price (0 until set)."""
        return self._blocks.get(team_id) or 0

    def put_team_block(self, team_id: str, pence: int) -> None:
        """Set the team's block price."""
        self._blocks.put(team_id, pence)
