"""In-memory personal budgets and the commissioner's allocation table."""

from __future__ import annotations

from tests.fakes.repository import FakeRepository
from tests.fakes.rows import Rows, Transaction

from careweave.domain.commissioning.allocation import ResourceAllocationTable
from careweave.domain.commissioning.budgets import PersonalBudget


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
