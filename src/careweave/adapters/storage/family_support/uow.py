"""The SQL unit of work extended with the family-support repositories."""

from __future__ import annotations

from sqlalchemy.orm import Session

from careweave.adapters.storage.accounts.uow import AccountsSqlUnitOfWork
from careweave.adapters.storage.family_support.repositories import (
    SqlArrangementRepository,
    SqlHouseholdRepository,
    SqlReferralRepository,
    SqlSchemeWeightsRepository,
)


class FamilySupportSqlUnitOfWork(AccountsSqlUnitOfWork):
    """Implements :class:`careweave.services.family_support.ports.FamilySupportUnitOfWork`
    (cooperative: combine it with other areas' subclasses by multiple inheritance)."""

    households: SqlHouseholdRepository
    referrals: SqlReferralRepository
    arrangements: SqlArrangementRepository
    scheme_weights: SqlSchemeWeightsRepository

    def open_repositories(self, session: Session) -> None:
        """Open the core, accounts and family-support repositories on ``session``."""
        super().open_repositories(session)
        self.households = SqlHouseholdRepository(session)
        self.referrals = SqlReferralRepository(session)
        self.arrangements = SqlArrangementRepository(session)
        self.scheme_weights = SqlSchemeWeightsRepository(session)
