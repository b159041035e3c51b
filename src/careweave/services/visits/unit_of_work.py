"""What the visits use cases read and write in one transaction: visits with their records and
alerts, the people visited and the workers who go, and the plans whose goals a visit notes
progress on and whose reviews the team board shows, and what a worker reads before a visit
(risks, the key safe note)."""

from __future__ import annotations

from typing import Protocol

from careweave.services.accounts.unit_of_work import AuditedUnitOfWork
from careweave.services.people.ports import PersonRepository
from careweave.services.plans.ports import CarePlanRepository, RiskRepository
from careweave.services.telecare.ports import SetupRepository
from careweave.services.visits.ports import (
    AlertRepository,
    VisitRecordRepository,
    VisitRepository,
)
from careweave.services.workforce.ports import (
    TeamRepository,
    WorkerRepository,
)


class VisitsUnitOfWork(AuditedUnitOfWork, Protocol):
    """Visits, their records and alerts, and who and what they are about."""

    # Read-only properties, so an implementation may hold more specific repository classes.
    @property
    def visits(self) -> VisitRepository:
        """Planned visits."""
        ...

    @property
    def visit_records(self) -> VisitRecordRepository:
        """Each worker's record of each visit."""
        ...

    @property
    def alerts(self) -> AlertRepository:
        """Late and missed visit alerts."""
        ...

    @property
    def people(self) -> PersonRepository:
        """The people."""
        ...

    @property
    def workers(self) -> WorkerRepository:
        """Care workers."""
        ...

    @property
    def teams(self) -> TeamRepository:
        """Neighbourhood teams."""
        ...

    @property
    def plans(self) -> CarePlanRepository:
        """Care and support plans, every version."""
        ...

    @property
    def risks(self) -> RiskRepository:
        """The risks agreed with each person (the visit page shows them before check-in)."""
        ...

    @property
    def telecare_setups(self) -> SetupRepository:
        """Each home's set-up, whose key safe note the workers on a visit read."""
        ...
