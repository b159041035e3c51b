"""What the plans use cases read and write in one transaction: conversations, eligibility,
plans, GAS ratings and risks of a person, and the progress notes from visits on a plan's goals."""

from __future__ import annotations

from typing import Protocol

from careweave.services.accounts.unit_of_work import AuditedUnitOfWork
from careweave.services.people.ports import PersonRepository
from careweave.services.plans.ports import (
    CarePlanRepository,
    ConversationRepository,
    EligibilityRepository,
    GasRatingRepository,
    RiskRepository,
)
from careweave.services.visits.ports import (
    VisitRecordRepository,
    VisitRepository,
)


class PlansUnitOfWork(AuditedUnitOfWork, Protocol):
    """A person's conversations, assessments, plans and outcomes."""

    # Read-only properties, so an implementation may hold more specific repository classes.
    @property
    def conversations(self) -> ConversationRepository:
        """The three conversations."""
        ...

    @property
    def eligibility(self) -> EligibilityRepository:
        """Eligibility assessments."""
        ...

    @property
    def plans(self) -> CarePlanRepository:
        """Care and support plans, every version."""
        ...

    @property
    def ratings(self) -> GasRatingRepository:
        """GAS ratings of goals."""
        ...

    @property
    def risks(self) -> RiskRepository:
        """Risks and risk decisions."""
        ...

    @property
    def people(self) -> PersonRepository:
        """The people."""
        ...

    @property
    def visits(self) -> VisitRepository:
        """Planned visits."""
        ...

    @property
    def visit_records(self) -> VisitRecordRepository:
        """Each worker's record of each visit."""
        ...
