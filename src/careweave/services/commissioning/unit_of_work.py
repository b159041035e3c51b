"""What the commissioning use cases read and write in one transaction: budgets and the
allocation table, the ledger and time banks, with the people, the visits they are for and their eligibility assessments."""

from __future__ import annotations

from typing import Protocol

from careweave.services.accounts.unit_of_work import AuditedUnitOfWork
from careweave.services.commissioning.ports import (
    AllocationTableRepository,
    BudgetRepository,
    InvoiceRepository,
    InvoiceRulesRepository,
    Ledger,
    TimeBankRepository,
)
from careweave.services.people.ports import PersonRepository
from careweave.services.plans.ports import EligibilityRepository
from careweave.services.visits.ports import VisitRecordRepository, VisitRepository
from careweave.services.workforce.ports import TeamRepository


class CommissioningUnitOfWork(AuditedUnitOfWork, Protocol):
    """Personal budgets and the resource allocation table."""

    # Read-only properties, so an implementation may hold more specific repository classes.
    @property
    def budgets(self) -> BudgetRepository:
        """Personal budgets."""
        ...

    @property
    def allocation_table(self) -> AllocationTableRepository:
        """The resource allocation table."""
        ...

    @property
    def ledger(self) -> Ledger:
        """The ledger of money and hours."""
        ...

    @property
    def time_banks(self) -> TimeBankRepository:
        """Hours agreed per person per block."""
        ...

    @property
    def invoices(self) -> InvoiceRepository:
        """Issued invoices and credit notes."""
        ...

    @property
    def invoice_rules(self) -> InvoiceRulesRepository:
        """The rules for paying by the minute."""
        ...

    @property
    def visits(self) -> VisitRepository:
        """The visits whose records say the hours used."""
        ...

    @property
    def visit_records(self) -> VisitRecordRepository:
        """Their records: check-in and check-out."""
        ...

    @property
    def teams(self) -> TeamRepository:
        """The teams that deliver the hours."""
        ...

    @property
    def people(self) -> PersonRepository:
        """The people budgets are for."""
        ...

    @property
    def eligibility(self) -> EligibilityRepository:
        """Their eligibility assessments (the indicative budget's source)."""
        ...
