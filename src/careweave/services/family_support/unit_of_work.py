"""What the family-support use cases read and write in one transaction: carer households,
referrals, arrangements and each scheme's weights, with the people referred and the teams that
run the schemes."""

from __future__ import annotations

from typing import Protocol

from careweave.services.accounts.unit_of_work import AuditedUnitOfWork
from careweave.services.family_support.ports import (
    ArrangementRepository,
    HouseholdRepository,
    ReferralRepository,
    SchemeWeightsRepository,
)
from careweave.services.people.ports import PersonRepository
from careweave.services.workforce.ports import TeamRepository


class FamilySupportUnitOfWork(AuditedUnitOfWork, Protocol):
    """Shared Lives and Homeshare schemes: households, referrals, arrangements and weights."""

    # Read-only properties, so an implementation may hold more specific repository classes.
    @property
    def households(self) -> HouseholdRepository:
        """Carer households."""
        ...

    @property
    def referrals(self) -> ReferralRepository:
        """Referrals."""
        ...

    @property
    def arrangements(self) -> ArrangementRepository:
        """Arrangements."""
        ...

    @property
    def scheme_weights(self) -> SchemeWeightsRepository:
        """Each scheme's weights."""
        ...

    @property
    def people(self) -> PersonRepository:
        """The people referred."""
        ...

    @property
    def teams(self) -> TeamRepository:
        """The teams that run the schemes (a scheme is a team)."""
        ...
