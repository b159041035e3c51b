"""Ports of commissioning: budgets and the allocation table in storage (their unit of work is
:mod:`.unit_of_work`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from careweave.domain.commissioning.allocation import ResourceAllocationTable
from careweave.domain.commissioning.budgets import PersonalBudget


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
