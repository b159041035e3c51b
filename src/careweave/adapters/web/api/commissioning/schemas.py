"""Schemas of personal budgets and the allocation table (``XIn`` for requests, ``XPublic`` for
answers). Money is whole pence, never a float."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field

from careweave.adapters.web.api.common_schemas import Name, Schema
from careweave.domain.commissioning.allocation import (
    MAX_POINTS,
    MAX_WEEKLY_PENCE,
    IndicativeBudget,
    ResourceAllocationTable,
)
from careweave.domain.commissioning.budgets import (
    Funding,
    IsfAgreement,
    Management,
    PersonalBudget,
)
from careweave.services.commissioning.budgets import BudgetFigures, BudgetProposal

Points = Annotated[int, Field(ge=0, le=MAX_POINTS, strict=True)]
Pence = Annotated[int, Field(ge=0, le=MAX_WEEKLY_PENCE, strict=True)]


class AllocationTableSchema(Schema):
    """The resource allocation table (in requests and answers)."""

    points_per_outcome: Points = 6
    points_per_extra_reason: Points = 2
    points_per_significant_impact: Points = 1
    pence_per_point: Pence = 1_500
    floor_weekly_pence: Pence = 5_000
    cap_weekly_pence: Pence = 150_000

    def to_domain(self) -> ResourceAllocationTable:
        """The domain table (which checks the floor is not above the cap)."""
        return ResourceAllocationTable(**self.model_dump())

    @classmethod
    def of(cls, table: ResourceAllocationTable) -> AllocationTableSchema:
        """The schema of a domain table."""
        return cls(**table.as_dict())


class IndicativePublic(BaseModel):
    """An indicative weekly budget and where its points came from."""

    points: int
    weekly_pence: int
    lines: list[str]

    @classmethod
    def of(cls, found: IndicativeBudget) -> IndicativePublic:
        """The schema of the domain figure."""
        return cls(points=found.points, weekly_pence=found.weekly_pence, lines=list(found.lines))


class IsfSchema(Schema):
    """An ISF's provider and when each party signed the three-way agreement."""

    provider: Name
    person_signed_on: date | None = None
    council_signed_on: date | None = None
    provider_signed_on: date | None = None

    def to_domain(self) -> IsfAgreement:
        """The domain agreement."""
        return IsfAgreement(**self.model_dump())

    @classmethod
    def of(cls, isf: IsfAgreement | None) -> IsfSchema | None:
        """The schema of a domain agreement."""
        if isf is None:
            return None
        return cls(
            provider=isf.provider,
            person_signed_on=isf.person_signed_on,
            council_signed_on=isf.council_signed_on,
            provider_signed_on=isf.provider_signed_on,
        )


class BudgetIn(Schema):
    """A proposed budget: from when (a year unless ``ends_on``), how managed and funded."""

    starts_on: date
    ends_on: date | None = None
    management: Management
    funding: Funding = Funding.LOCAL_AUTHORITY
    isf: IsfSchema | None = None

    def to_proposal(self) -> BudgetProposal:
        """The service's proposal."""
        isf = None if self.isf is None else self.isf.to_domain()
        return BudgetProposal(self.starts_on, self.management, self.funding, isf, self.ends_on)


class AgreeIn(Schema):
    """The weekly budget agreed, in pence."""

    weekly_pence: Pence


class BudgetPublic(BaseModel):
    """A personal budget."""

    id: str
    person_id: str
    status: str
    management: Management
    funding: Funding
    starts_on: date
    ends_on: date
    indicative_weekly_pence: int
    indicative_points: int
    agreed_weekly_pence: int | None
    agreed_on: date | None
    agreed_by: str
    period_pence: int
    isf: IsfSchema | None

    @classmethod
    def of(cls, b: PersonalBudget) -> BudgetPublic:
        """The schema of a domain budget."""
        return cls(
            id=b.id,
            person_id=b.person_id,
            status=b.status.value,
            management=b.management,
            funding=b.funding,
            starts_on=b.starts_on,
            ends_on=b.ends_on,
            indicative_weekly_pence=b.indicative_weekly_pence,
            indicative_points=b.indicative_points,
            agreed_weekly_pence=b.agreed_weekly_pence,
            agreed_on=b.agreed_on,
            agreed_by=b.agreed_by,
            period_pence=b.period_pence,
            isf=IsfSchema.of(b.isf),
        )


class BudgetFiguresPublic(BaseModel):
    """Agreed budgets running on a day, by management (no names)."""

    day: date
    people: int
    weekly_pence: int
    people_by_management: dict[Management, int]
    weekly_pence_by_management: dict[Management, int]

    @classmethod
    def of(cls, f: BudgetFigures) -> BudgetFiguresPublic:
        """The schema of the service's figures."""
        return cls(
            day=f.day,
            people=f.people,
            weekly_pence=f.weekly_pence,
            people_by_management=f.people_by_management,
            weekly_pence_by_management=f.weekly_pence_by_management,
        )
