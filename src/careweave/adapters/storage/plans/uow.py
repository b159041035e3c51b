"""The SQL unit of work extended with the plans repositories."""

from __future__ import annotations

from sqlalchemy.orm import Session

from careweave.adapters.storage.accounts.uow import AccountsSqlUnitOfWork
from careweave.adapters.storage.plans.repositories import (
    SqlCarePlanRepository,
    SqlConversationRepository,
    SqlEligibilityRepository,
    SqlGasRatingRepository,
    SqlRiskRepository,
)
from careweave.adapters.storage.reablement.repositories import SqlReablementRepository


class PlansSqlUnitOfWork(AccountsSqlUnitOfWork):
    """The SQL unit of work with accounts/audit and the plans repositories (cooperative: combine
    it with other areas' subclasses by multiple inheritance)."""

    conversations: SqlConversationRepository
    eligibility: SqlEligibilityRepository
    plans: SqlCarePlanRepository
    ratings: SqlGasRatingRepository
    episodes: SqlReablementRepository
    risks: SqlRiskRepository

    def open_repositories(self, session: Session) -> None:
        """Open the core, accounts and plans repositories on ``session``."""
        super().open_repositories(session)
        self.conversations = SqlConversationRepository(session)
        self.eligibility = SqlEligibilityRepository(session)
        self.plans = SqlCarePlanRepository(session)
        self.ratings = SqlGasRatingRepository(session)
        self.episodes = SqlReablementRepository(session)
        self.risks = SqlRiskRepository(session)
