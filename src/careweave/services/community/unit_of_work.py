"""What the community use cases read and write in one transaction: the directory (taxonomies,
organisations, locations, services), social prescribing referrals, and the people referred."""

from __future__ import annotations

from typing import Protocol

from careweave.services.accounts.unit_of_work import AuditedUnitOfWork
from careweave.services.community.ports import (
    DirectoryLocationRepository,
    DirectoryStore,
    OrganizationRepository,
    ServiceRepository,
    SocialReferralRepository,
    TaxonomyRepository,
    TaxonomyTermRepository,
)
from careweave.services.people.ports import PersonRepository


class CommunityUnitOfWork(AuditedUnitOfWork, Protocol):
    """The community directory and social prescribing.

    Its services and referrals are named for the directory and social prescribing, because other
    capabilities' units of work (family support's referrals) share the one implementation.
    """

    # Read-only properties, so an implementation may hold more specific repository classes.
    @property
    def taxonomies(self) -> TaxonomyRepository:
        """The taxonomies."""
        ...

    @property
    def taxonomy_terms(self) -> TaxonomyTermRepository:
        """The taxonomy terms."""
        ...

    @property
    def organizations(self) -> OrganizationRepository:
        """The organisations."""
        ...

    @property
    def directory_locations(self) -> DirectoryLocationRepository:
        """The locations of the directory."""
        ...

    @property
    def directory_services(self) -> ServiceRepository:
        """The services of the directory."""
        ...

    @property
    def directory(self) -> DirectoryStore:
        """The directory as a whole."""
        ...

    @property
    def social_referrals(self) -> SocialReferralRepository:
        """Social prescribing referrals."""
        ...

    @property
    def people(self) -> PersonRepository:
        """The people referred and searched for."""
        ...
