"""The SQL unit of work extended with the community directory's repositories."""

from __future__ import annotations

from sqlalchemy.orm import Session

from careweave.adapters.storage.accounts.uow import AccountsSqlUnitOfWork
from careweave.adapters.storage.community.referral_repository import SqlReferralRepository
from careweave.adapters.storage.community.repositories import (
    SqlDirectoryLocationRepository,
    SqlDirectoryStore,
    SqlOrganizationRepository,
    SqlTaxonomyRepository,
    SqlTaxonomyTermRepository,
)
from careweave.adapters.storage.community.service_repository import SqlServiceRepository


class CommunitySqlUnitOfWork(AccountsSqlUnitOfWork):
    """Implements :class:`careweave.services.community.ports.CommunityUnitOfWork` (cooperative:
    combine it with other areas' subclasses by multiple inheritance)."""

    taxonomies: SqlTaxonomyRepository
    taxonomy_terms: SqlTaxonomyTermRepository
    organizations: SqlOrganizationRepository
    directory_locations: SqlDirectoryLocationRepository
    services: SqlServiceRepository
    directory: SqlDirectoryStore
    referrals: SqlReferralRepository

    def open_repositories(self, session: Session) -> None:
        """Open the core, accounts and community repositories on ``session``."""
        super().open_repositories(session)
        self.taxonomies = SqlTaxonomyRepository(session)
        self.taxonomy_terms = SqlTaxonomyTermRepository(session)
        self.organizations = SqlOrganizationRepository(session)
        self.directory_locations = SqlDirectoryLocationRepository(session)
        self.services = SqlServiceRepository(session)
        self.directory = SqlDirectoryStore(session)
        self.referrals = SqlReferralRepository(session)
