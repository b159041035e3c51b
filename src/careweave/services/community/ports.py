"""Ports of the community capability: the directory's and social prescribing's repositories.

:class:`ServiceQuery` is what the public Open Referral API and the link worker's search ask the
store for; the store answers it with indexes (full text, day bits, position) so that a directory of
ten thousand services is searched in milliseconds.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import time
from typing import Protocol

from careweave.domain.community.locations import DirectoryLocation
from careweave.domain.community.organizations import Organization
from careweave.domain.community.service_details import ServiceAtLocation
from careweave.domain.community.services import Service, ServiceStatus
from careweave.domain.community.social_prescribing import Referral
from careweave.domain.community.taxonomy import Taxonomy, TaxonomyTerm
from careweave.domain.values import Location


@dataclass(frozen=True, slots=True)
class Area:
    """A circle on the map: ``radius_km`` around ``centre``."""

    centre: Location
    radius_km: float


@dataclass(frozen=True, slots=True)
class ServiceQuery:
    """Which services to list; every given filter must hold (``None``: no filter).

    ``words`` are matched by full-text search; ``term_ids`` by any one term (already widened to
    the narrower terms); ``minimum_age`` and ``maximum_age`` as the UK profile's OpenAPI reads
    them (the service's minimum age is at least, its maximum age at most, the value);
    ``weekday``, ``opens_from`` and ``closes_by`` must all hold for one schedule; ``area`` keeps
    the services at a location inside it (for listings of services at locations).
    """

    words: tuple[str, ...] = ()
    term_ids: frozenset[str] | None = None
    taxonomy_id: str | None = None
    organization_id: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    weekday: int | None = None
    opens_from: time | None = None
    closes_by: time | None = None
    statuses: frozenset[ServiceStatus] | None = None
    area: Area | None = None


EVERY_SERVICE = ServiceQuery()
"""The query without filters."""


class TaxonomyRepository(Protocol):
    """Taxonomies, by name."""

    def get(self, ident: str) -> Taxonomy:
        """The taxonomy with ``ident`` (NotFoundError if none)."""
        ...

    def add_all(self, items: Iterable[Taxonomy]) -> None:
        """Store new taxonomies."""
        ...

    def list(self, *, limit: int | None = None, offset: int = 0) -> Sequence[Taxonomy]:
        """Taxonomies by name, one page."""
        ...

    def count(self) -> int:
        """How many taxonomies there are."""
        ...


class TaxonomyTermRepository(Protocol):
    """Taxonomy terms, by name."""

    def get(self, ident: str) -> TaxonomyTerm:
        """The term with ``ident`` (NotFoundError if none)."""
        ...

    def add_all(self, items: Iterable[TaxonomyTerm]) -> None:
        """Store new terms."""
        ...

    def list(
        self, *, taxonomy_id: str | None = None, limit: int | None = None, offset: int = 0
    ) -> Sequence[TaxonomyTerm]:
        """Terms (of one taxonomy if given) by name, one page."""
        ...

    def count(self, *, taxonomy_id: str | None = None) -> int:
        """How many terms :meth:`list` would give without paging."""
        ...

    def all(self) -> Mapping[str, TaxonomyTerm]:
        """Every term by id (for widening a term to its narrower ones)."""
        ...


class OrganizationRepository(Protocol):
    """Organisations, by name."""

    def get(self, ident: str) -> Organization:
        """The organisation with ``ident`` (NotFoundError if none)."""
        ...

    def add(self, item: Organization) -> None:
        """Store a new organisation."""
        ...

    def add_all(self, items: Iterable[Organization]) -> None:
        """Store new organisations."""
        ...

    def update(self, item: Organization) -> None:
        """Save a changed organisation."""
        ...

    def get_many(self, ids: Collection[str]) -> Mapping[str, Organization]:
        """The organisations with these ids that exist, by id."""
        ...

    def list(self) -> Sequence[Organization]:
        """Every organisation by name."""
        ...


class DirectoryLocationRepository(Protocol):
    """Locations of the directory, by name."""

    def get(self, ident: str) -> DirectoryLocation:
        """The location with ``ident`` (NotFoundError if none)."""
        ...

    def add(self, item: DirectoryLocation) -> None:
        """Store a new location."""
        ...

    def add_all(self, items: Iterable[DirectoryLocation]) -> None:
        """Store new locations."""
        ...

    def update(self, item: DirectoryLocation) -> None:
        """Save a changed location."""
        ...

    def get_many(self, ids: Collection[str]) -> Mapping[str, DirectoryLocation]:
        """The locations with these ids that exist, by id."""
        ...

    def list(self) -> Sequence[DirectoryLocation]:
        """Every location by name."""
        ...

    def centre_of_postcode(self, postcode: str) -> Location | None:
        """The middle of the locations at ``postcode`` (or, failing that, in its sector, e.g.
        ``WN1 1``), or ``None`` when the directory knows no place there."""
        ...


class ServiceRepository(Protocol):
    """Services with everything they own, by name."""

    def get(self, ident: str) -> Service:
        """The service with ``ident`` (NotFoundError if none)."""
        ...

    def add(self, item: Service) -> None:
        """Store a new service (its organisation, locations and terms must exist)."""
        ...

    def add_all(self, items: Iterable[Service]) -> None:
        """Store new services."""
        ...

    def update(self, item: Service) -> None:
        """Save a changed service with everything it owns."""
        ...

    def list(
        self, query: ServiceQuery = EVERY_SERVICE, *, limit: int | None = None, offset: int = 0
    ) -> Sequence[Service]:
        """Services matching ``query`` by name, one page."""
        ...

    def count(self, query: ServiceQuery = EVERY_SERVICE) -> int:
        """How many services :meth:`list` would give without paging."""
        ...

    def list_at_locations(
        self, query: ServiceQuery = EVERY_SERVICE, *, limit: int | None = None, offset: int = 0
    ) -> Sequence[tuple[Service, ServiceAtLocation]]:
        """Services at locations matching ``query``: nearest first when it names an area, then by
        service name and location id."""
        ...

    def count_at_locations(self, query: ServiceQuery = EVERY_SERVICE) -> int:
        """How many :meth:`list_at_locations` would give without paging."""
        ...

    def find_at_location(self, service_at_location_id: str) -> tuple[Service, ServiceAtLocation]:
        """The service delivered as ``service_at_location_id`` (NotFoundError if none)."""
        ...


class SocialReferralRepository(Protocol):
    """Social prescribing referrals, by referral date."""

    def get(self, ident: str) -> Referral:
        """The referral with ``ident`` (NotFoundError if none)."""
        ...

    def add(self, item: Referral) -> None:
        """Store a new referral (its person must exist)."""
        ...

    def update(self, item: Referral) -> None:
        """Save a changed referral."""
        ...

    def list(
        self,
        *,
        person_ids: Collection[str] | None = None,
        link_worker_id: str | None = None,
        open_only: bool = False,
    ) -> Sequence[Referral]:
        """Referrals of the given people (``None``: everyone's), of one link worker if given."""
        ...


class DirectoryStore(Protocol):
    """The directory as a whole, for replacing it with an imported one."""

    def clear(self) -> None:
        """Remove every directory record (the work that refers to services is kept)."""
        ...

    def refresh_statistics(self) -> None:
        """Tell the database's query planner the directory was replaced whole."""
        ...
