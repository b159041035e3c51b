"""What the people use cases read and write in one transaction: a person's record (About Me,
circle, strengths, needs), their team and who visits them, and for the person page and the FHIR
record the plans, assessments and episodes about them."""

from __future__ import annotations

from typing import Protocol

from careweave.services.accounts.unit_of_work import AuditedUnitOfWork
from careweave.services.people.ports import (
    CircleRepository,
    NeedRepository,
    PersonRepository,
    StrengthRepository,
)
from careweave.services.plans.ports import (
    CarePlanRepository,
    ConversationRepository,
    EligibilityRepository,
    GasRatingRepository,
    RiskRepository,
)
from careweave.services.reablement.ports import ReablementRepository
from careweave.services.visits.ports import VisitRepository
from careweave.services.workforce.ports import (
    TeamRepository,
    WorkerRepository,
)


class PeopleUnitOfWork(AuditedUnitOfWork, Protocol):
    """A person's record, what is planned for them, and the audit trail."""

    # Read-only properties, so an implementation may hold more specific repository classes.
    @property
    def people(self) -> PersonRepository:
        """The people."""
        ...

    @property
    def circles(self) -> CircleRepository:
        """Circles of support."""
        ...

    @property
    def strengths(self) -> StrengthRepository:
        """Strengths and assets."""
        ...

    @property
    def needs(self) -> NeedRepository:
        """Needs against the eligibility outcomes."""
        ...

    @property
    def teams(self) -> TeamRepository:
        """Neighbourhood teams."""
        ...

    @property
    def workers(self) -> WorkerRepository:
        """Care workers."""
        ...

    @property
    def visits(self) -> VisitRepository:
        """Planned visits."""
        ...

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
    def episodes(self) -> ReablementRepository:
        """Reablement episodes."""
        ...
