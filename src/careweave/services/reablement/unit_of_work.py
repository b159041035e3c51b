"""What the reablement use cases read and write in one transaction: episodes, the people they
are about and the plans whose goals they work on."""

from __future__ import annotations

from typing import Protocol

from careweave.services.accounts.unit_of_work import AuditedUnitOfWork
from careweave.services.people.ports import PersonRepository
from careweave.services.plans.ports import CarePlanRepository
from careweave.services.reablement.ports import ReablementRepository


class ReablementUnitOfWork(AuditedUnitOfWork, Protocol):
    """Reablement episodes and the people and plans they belong to."""

    # Read-only properties, so an implementation may hold more specific repository classes.
    @property
    def episodes(self) -> ReablementRepository:
        """Reablement episodes."""
        ...

    @property
    def people(self) -> PersonRepository:
        """The people."""
        ...

    @property
    def plans(self) -> CarePlanRepository:
        """Care and support plans, every version."""
        ...
