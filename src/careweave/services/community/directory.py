"""Reading the directory, as the public Open Referral API and any other reader does.

The directory is public by the standard: these use cases take no actor, audit nothing and never
touch a record about a person. Filters arrive as a :class:`DirectoryFilter` in the terms of the
UK profile's OpenAPI and leave as a :class:`~careweave.services.community.ports.ServiceQuery`
(a term widened to its narrower terms, a postcode placed on the map).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import time

from careweave.clock import Clock
from careweave.domain.community.locations import DirectoryLocation
from careweave.domain.community.organizations import Organization
from careweave.domain.community.schedules import weekday_of
from careweave.domain.community.service_details import ServiceAtLocation
from careweave.domain.community.services import Service
from careweave.domain.community.taxonomy import Taxonomy, TaxonomyTerm, with_narrower_terms
from careweave.domain.community.words import search_words
from careweave.domain.errors import DomainValidationError
from careweave.domain.values import normalise_postcode, require_range
from careweave.services.community.ports import Area, ServiceQuery
from careweave.services.community.unit_of_work import CommunityUnitOfWork
from careweave.services.listing import Paged

MAX_PROXIMITY_M = 200_000.0


@dataclass(frozen=True, slots=True)
class DirectoryFilter:
    """The filters of the UK profile's listings, as a caller gave them (``None``: not given).

    ``day`` is a weekday code or name; ``proximity_m`` metres from the centre of ``postcode``.
    """

    search: str | None = None
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    organization_id: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    day: str | None = None
    start_time: time | None = None
    end_time: time | None = None
    postcode: str | None = None
    proximity_m: float | None = None


@dataclass(frozen=True, slots=True)
class ServiceRecord:
    """A service with everything its full HSDS form names: its organisation, the locations it is
    delivered at and the terms it is tagged with."""

    service: Service
    organization: Organization
    locations: Mapping[str, DirectoryLocation]
    terms: Mapping[str, TaxonomyTerm]


@dataclass(frozen=True, slots=True)
class ListedServiceAtLocation:
    """A service at one location, for a listing."""

    service: Service
    organization: Organization
    service_at_location: ServiceAtLocation
    location: DirectoryLocation


@dataclass(frozen=True, slots=True)
class TaxonomyRecord:
    """A taxonomy with its terms."""

    taxonomy: Taxonomy
    terms: Sequence[TaxonomyTerm]


class DirectoryReader:
    """The public, read-only use cases of the directory; each opens one unit of work."""

    def __init__(self, uow_factory: Callable[[], CommunityUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    def services(
        self, wanted: DirectoryFilter, *, limit: int, offset: int
    ) -> Paged[tuple[Service, Organization]]:
        """Services matching ``wanted`` by name, each with its organisation."""
        with self._uow_factory() as uow:
            query = _query(uow, wanted)
            found = uow.directory_services.list(query, limit=limit, offset=offset)
            organizations = uow.organizations.get_many({s.organization_id for s in found})
            total = uow.directory_services.count(query)
        items = [(s, organizations[s.organization_id]) for s in found]
        return Paged(items, total, limit, offset)

    def service(self, service_id: str) -> ServiceRecord:
        """One service in full (NotFoundError if there is none)."""
        with self._uow_factory() as uow:
            return _record(uow, uow.directory_services.get(service_id))

    def services_at_locations(
        self, wanted: DirectoryFilter, *, limit: int, offset: int
    ) -> Paged[ListedServiceAtLocation]:
        """Services at locations matching ``wanted``, by service name."""
        with self._uow_factory() as uow:
            query = _query(uow, wanted)
            found = uow.directory_services.list_at_locations(query, limit=limit, offset=offset)
            organizations = uow.organizations.get_many({s.organization_id for s, _ in found})
            locations = uow.directory_locations.get_many({sal.location_id for _, sal in found})
            total = uow.directory_services.count_at_locations(query)
        items = [
            ListedServiceAtLocation(
                s, organizations[s.organization_id], sal, locations[sal.location_id]
            )
            for s, sal in found
        ]
        return Paged(items, total, limit, offset)

    def service_at_location(self, ident: str) -> tuple[ServiceRecord, ServiceAtLocation]:
        """One service at a location in full (NotFoundError if there is none)."""
        with self._uow_factory() as uow:
            service, sal = uow.directory_services.find_at_location(ident)
            return _record(uow, service), sal

    def taxonomies(self, *, limit: int, offset: int) -> Paged[Taxonomy]:
        """Taxonomies by name."""
        with self._uow_factory() as uow:
            found = uow.taxonomies.list(limit=limit, offset=offset)
            return Paged(found, uow.taxonomies.count(), limit, offset)

    def taxonomy(self, taxonomy_id: str) -> TaxonomyRecord:
        """One taxonomy with its terms (NotFoundError if there is none)."""
        with self._uow_factory() as uow:
            taxonomy = uow.taxonomies.get(taxonomy_id)
            return TaxonomyRecord(taxonomy, uow.taxonomy_terms.list(taxonomy_id=taxonomy_id))

    def terms(self, *, limit: int, offset: int) -> Paged[TaxonomyTerm]:
        """Taxonomy terms by name."""
        with self._uow_factory() as uow:
            found = uow.taxonomy_terms.list(limit=limit, offset=offset)
            return Paged(found, uow.taxonomy_terms.count(), limit, offset)

    def term(self, term_id: str) -> TaxonomyTerm:
        """One taxonomy term (NotFoundError if there is none)."""
        with self._uow_factory() as uow:
            return uow.taxonomy_terms.get(term_id)


def _record(uow: CommunityUnitOfWork, service: Service) -> ServiceRecord:
    organization = uow.organizations.get(service.organization_id)
    locations = uow.directory_locations.get_many({sal.location_id for sal in service.locations})
    terms = {t.taxonomy_term_id: uow.taxonomy_terms.get(t.taxonomy_term_id) for t in service.terms}
    return ServiceRecord(service, organization, locations, terms)


def _query(uow: CommunityUnitOfWork, wanted: DirectoryFilter) -> ServiceQuery:
    """The store's query for ``wanted``, each wrong value named by its parameter."""
    words = search_words(wanted.search or "")
    term_ids = None
    if wanted.taxonomy_term_id is not None:
        term_ids = frozenset(
            with_narrower_terms([wanted.taxonomy_term_id], uow.taxonomy_terms.all())
        )
    for name in ("minimum_age", "maximum_age"):
        value = getattr(wanted, name)
        if value is not None:
            require_range(name, value, 0, 130)
    return ServiceQuery(
        words=words,
        term_ids=term_ids,
        taxonomy_id=wanted.taxonomy_id,
        organization_id=wanted.organization_id,
        minimum_age=wanted.minimum_age,
        maximum_age=wanted.maximum_age,
        weekday=None if wanted.day is None else weekday_of("day", wanted.day),
        opens_from=wanted.start_time,
        closes_by=wanted.end_time,
        area=_area(uow, wanted),
    )


def _area(uow: CommunityUnitOfWork, wanted: DirectoryFilter) -> Area | None:
    if wanted.proximity_m is None:
        return None
    if wanted.postcode is None:
        raise DomainValidationError("proximity", "give the postcode to measure the distance from")
    require_range("proximity", wanted.proximity_m, 1, MAX_PROXIMITY_M)
    postcode = normalise_postcode("postcode", wanted.postcode)
    centre = uow.directory_locations.centre_of_postcode(postcode)
    if centre is None:
        raise DomainValidationError(
            "postcode", f"the directory knows no place at or near {postcode}"
        )
    return Area(centre, wanted.proximity_m / 1000)
