"""What the workforce use cases read and write in one transaction: teams and workers, and the
people and visits a team's figures count."""

from __future__ import annotations

from typing import Protocol

from careweave.services.accounts.unit_of_work import AuditedUnitOfWork
from careweave.services.people.ports import PersonRepository
from careweave.services.visits.ports import VisitRepository
from careweave.services.workforce.ports import (
    TeamRepository,
    WorkerRepository,
)


class WorkforceUnitOfWork(AuditedUnitOfWork, Protocol):
    """Teams, workers, and what their figures count."""

    # Read-only properties, so an implementation may hold more specific repository classes.
    @property
    def teams(self) -> TeamRepository:
        """Neighbourhood teams."""
        ...

    @property
    def workers(self) -> WorkerRepository:
        """Care workers."""
        ...

    @property
    def people(self) -> PersonRepository:
        """The people."""
        ...

    @property
    def visits(self) -> VisitRepository:
        """Planned visits."""
        ...
