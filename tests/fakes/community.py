"""In-memory community directory and social prescribing referrals.

The directory is filtered in Python the way the SQL repositories filter in the database: words
against a service's name, description and the names of its terms and their broader terms,
terms, taxonomy, organisation, ages, status, day and times, and the reach of an area.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from statistics import fmean

from tests.fakes.repository import FakeRepository
from tests.fakes.rows import Transaction, page

from careweave.domain.community.locations import DirectoryLocation
from careweave.domain.community.organizations import Organization
from careweave.domain.community.service_details import ServiceAtLocation
from careweave.domain.community.services import Service
from careweave.domain.community.social_prescribing import Referral
from careweave.domain.community.taxonomy import Taxonomy, TaxonomyTerm
from careweave.domain.errors import NotFoundError
from careweave.domain.values import Location
from careweave.services.community.ports import EVERY_SERVICE, ServiceQuery

TAXONOMIES = "community_taxonomies"
TERMS = "community_taxonomy_terms"
ORGANIZATIONS = "community_organizations"
LOCATIONS = "community_locations"
SERVICES = "community_services"
REFERRALS = "community_referrals"
DIRECTORY_TABLES = (TAXONOMIES, TERMS, ORGANIZATIONS, LOCATIONS, SERVICES)
"""The tables an import replaces (referrals stay: they are work done, not the directory)."""


class FakeTaxonomyRepository(FakeRepository[Taxonomy]):
    """Taxonomies by name."""

    table = TAXONOMIES
    kind = "taxonomy"

    def list(self, *, limit: int | None = None, offset: int = 0) -> list[Taxonomy]:
        """A page of taxonomies by name."""
        return page(sorted(self._rows.all(), key=lambda t: (t.name, t.id)), limit, offset)

    def count(self) -> int:
        """How many taxonomies there are."""
        return len(self._rows.all())


class FakeTaxonomyTermRepository(FakeRepository[TaxonomyTerm]):
    """Taxonomy terms by name."""

    table = TERMS
    kind = "taxonomy term"

    def list(
        self, *, taxonomy_id: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[TaxonomyTerm]:
        """A page of the terms (of one taxonomy if given) by name."""
        found = self._rows.where(lambda t: taxonomy_id in (None, t.taxonomy_id))
        return page(sorted(found, key=lambda t: (t.name, t.id)), limit, offset)

    def count(self, *, taxonomy_id: str | None = None) -> int:
        """How many terms (of one taxonomy if given) there are."""
        return len(self.list(taxonomy_id=taxonomy_id))

    def all(self) -> Mapping[str, TaxonomyTerm]:
        """Every term by id."""
        return {t.id: t for t in self._rows.all()}


class FakeOrganizationRepository(FakeRepository[Organization]):
    """Organisations by name."""

    table = ORGANIZATIONS
    kind = "organization"

    def get_many(self, ids: Collection[str]) -> Mapping[str, Organization]:
        """The organisations of ``ids`` that exist, by id."""
        return {o.id: o for o in self._rows.where(lambda o: o.id in ids)}

    def list(self) -> list[Organization]:
        """Every organisation by name."""
        return sorted(self._rows.all(), key=lambda o: (o.name, o.id))


class FakeDirectoryLocationRepository(FakeRepository[DirectoryLocation]):
    """The directory's locations by name."""

    table = LOCATIONS
    kind = "location"

    def get_many(self, ids: Collection[str]) -> Mapping[str, DirectoryLocation]:
        """The locations of ``ids`` that exist, by id."""
        return {x.id: x for x in self._rows.where(lambda x: x.id in ids)}

    def list(self) -> list[DirectoryLocation]:
        """Every location by name."""
        return sorted(self._rows.all(), key=lambda x: (x.name, x.id))

    def centre_of_postcode(self, postcode: str) -> Location | None:
        """The mean of the places at ``postcode``, else of its sector (all but the last two
        characters), else ``None``."""
        cleaned = " ".join(postcode.upper().split())
        places = [x for x in self._rows.all() if x.point is not None]
        for near in (
            [x.point for x in places if x.postal_code == cleaned],
            [x.point for x in places if _same_sector(x.postal_code, cleaned)],
        ):
            points = [p for p in near if p is not None]
            if points:
                return Location(fmean(p.lat for p in points), fmean(p.lon for p in points))
        return None


def _same_sector(postcode: str, other: str) -> bool:
    return len(postcode) == len(other) and postcode[:-2] == other[:-2]


class FakeServiceRepository(FakeRepository[Service]):
    """The directory's services by name, filtered as :class:`ServiceQuery` asks."""

    table = SERVICES
    kind = "service"

    def __init__(self, transaction: Transaction) -> None:
        super().__init__(transaction)
        self._terms: Mapping[str, TaxonomyTerm] = {}
        self._locations: Mapping[str, DirectoryLocation] = {}

    def list(
        self, query: ServiceQuery = EVERY_SERVICE, *, limit: int | None = None, offset: int = 0
    ) -> list[Service]:
        """A page of the services that match ``query``, by name."""
        self._terms = {t.id: t for t in self._transaction.rows(TERMS).all()}
        chosen = self._rows.where(lambda s: self._matches(s, query))
        return page(sorted(chosen, key=lambda s: (s.name, s.id)), limit, offset)

    def count(self, query: ServiceQuery = EVERY_SERVICE) -> int:
        """How many services match ``query``."""
        return len(self.list(query))

    def list_at_locations(
        self, query: ServiceQuery = EVERY_SERVICE, *, limit: int | None = None, offset: int = 0
    ) -> Sequence[tuple[Service, ServiceAtLocation]]:
        """A page of the matching services at each of their locations within the area."""
        self._locations = {x.id: x for x in self._transaction.rows(LOCATIONS).all()}
        pairs = [
            (s, at)
            for s in self.list(query)
            for at in sorted(s.locations, key=lambda x: x.id)
            if query.area is None or self._inside(at.location_id, query)
        ]
        return page(pairs, limit, offset)

    def count_at_locations(self, query: ServiceQuery = EVERY_SERVICE) -> int:
        """How many (service, location) pairs match ``query``."""
        return len(self.list_at_locations(query))

    def find_at_location(self, service_at_location_id: str) -> tuple[Service, ServiceAtLocation]:
        """The service delivered as ``service_at_location_id``."""
        for s in self._rows.all():
            for at in s.locations:
                if at.id == service_at_location_id:
                    return s, at
        raise NotFoundError("service at location", service_at_location_id)

    def _matches(self, s: Service, q: ServiceQuery) -> bool:
        words = f"{s.name} {s.description} {self._term_text(s)}".lower()
        checks = [
            all(w in words for w in q.words),
            q.term_ids is None or bool(s.term_ids & q.term_ids),
            q.taxonomy_id is None
            or any(self._terms[t].taxonomy_id == q.taxonomy_id for t in s.term_ids),
            q.organization_id in (None, s.organization_id),
            q.statuses is None or s.status in q.statuses,
            q.minimum_age is None or (s.minimum_age is not None and s.minimum_age >= q.minimum_age),
            q.maximum_age is None or (s.maximum_age is not None and s.maximum_age <= q.maximum_age),
        ]
        return all(checks) and _scheduled(s, q)

    def _term_text(self, s: Service) -> str:
        # A service is found by the words of its terms and of every broader term above them.
        names: list[str] = []
        for term_id in s.term_ids:
            current: str | None = term_id
            while current is not None and current in self._terms:
                names.append(self._terms[current].name)
                current = self._terms[current].parent_id
        return " ".join(names)

    def _inside(self, location_id: str, query: ServiceQuery) -> bool:
        assert query.area is not None
        point = self._locations[location_id].point
        # The SQL repositories compare in floating point too; the tolerance keeps the edge in.
        reach = query.area.radius_km * (1 + 1e-9)
        return point is not None and point.distance_km(query.area.centre) <= reach


def _scheduled(s: Service, q: ServiceQuery) -> bool:
    if q.weekday is None and q.opens_from is None and q.closes_by is None:
        return True
    return any(
        (q.weekday is None or q.weekday in x.weekdays())
        and (q.opens_from is None or (x.opens_at is not None and x.opens_at >= q.opens_from))
        and (q.closes_by is None or (x.closes_at is not None and x.closes_at <= q.closes_by))
        for x in s.schedules
    )


class FakeSocialReferralRepository(FakeRepository[Referral]):
    """Social prescribing referrals by referral date; their person must exist."""

    table = REFERRALS
    kind = "referral"

    def list(
        self,
        *,
        person_ids: Collection[str] | None = None,
        link_worker_id: str | None = None,
        open_only: bool = False,
    ) -> list[Referral]:
        """Referrals of the given people (``None``: everyone's), of one link worker if given."""
        found = self._rows.where(
            lambda r: (
                (person_ids is None or r.person_id in person_ids)
                and link_worker_id in (None, r.link_worker_id)
                and (r.open or not open_only)
            )
        )
        return sorted(found, key=lambda r: (r.referred_on, r.id))

    def _check_references(self, item: Referral) -> None:
        self._require("people", "person", item.person_id)


class FakeDirectoryStore:
    """The directory as a whole."""

    def __init__(self, transaction: Transaction) -> None:
        self._transaction = transaction

    def clear(self) -> None:
        """Remove every directory record (referrals are kept)."""
        for table in DIRECTORY_TABLES:
            self._transaction.rows(table).delete_where(lambda _: True)

    def refresh_statistics(self) -> None:
        """Nothing to do: an in-memory store has no query planner."""
