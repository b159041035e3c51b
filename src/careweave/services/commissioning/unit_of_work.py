"""What the commissioning use cases read and write in one transaction: budgets and the
allocation table, the ledger, with the people they are for and their eligibility assessments."""

from __future__ import annotations

from typing import Protocol

from careweave.services.accounts.unit_of_work import AuditedUnitOfWork
from careweave.services.commissioning.ports import (
    AllocationTableRepository,
    BudgetRepository,
    Ledger,
)
from careweave.services.people.ports import PersonRepository
from careweave.services.plans.ports import EligibilityRepository


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
    def people(self) -> PersonRepository:
        """The people budgets are for."""
        ...

    @property
    def eligibility(self) -> EligibilityRepository:
        """Their eligibility assessments (the indicative budget's source)."""
        ...
