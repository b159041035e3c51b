"""In-memory fakes of the community ports: the directory in dictionaries, filtered in Python the
way the SQL repositories filter in the database, and a unit of work that keeps nothing unless it
is committed (as the real one)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from statistics import fmean
from types import TracebackType
from typing import Any, Self, cast

from careweave.domain.accounts.audit import AuditEntry
from careweave.domain.community.locations import DirectoryLocation
from careweave.domain.community.organizations import Organization
from careweave.domain.community.service_details import ServiceAtLocation
from careweave.domain.community.services import Service
from careweave.domain.community.social_prescribing import Referral
from careweave.domain.community.taxonomy import Taxonomy, TaxonomyTerm
from careweave.domain.errors import ConflictError, NotFoundError
from careweave.domain.people.person import Person
from careweave.domain.values import Location
from careweave.services.community.ports import EVERY_SERVICE, CommunityUnitOfWork, ServiceQuery


class _Keyed:
    """Records by id, ordered by name."""

    kind = "record"

    def __init__(self, store: dict[str, Any]) -> None:
        self.store = store

    def get(self, ident: str) -> Any:
        if ident not in self.store:
            raise NotFoundError(self.kind, ident)
        return self.store[ident]

    def add(self, item: Any) -> None:
        if item.id in self.store:
            raise ConflictError(f"{self.kind} {item.id} already exists")
        self.store[item.id] = item

    def add_all(self, items: Iterable[Any]) -> None:
        for item in items:
            self.add(item)

    def update(self, item: Any) -> None:
        self.get(item.id)
        self.store[item.id] = item

    def get_many(self, ids: Collection[str]) -> dict[str, Any]:
        return {i: self.store[i] for i in ids if i in self.store}

    def list(self, *, limit: int | None = None, offset: int = 0, **_: Any) -> list[Any]:
        ordered = sorted(self.store.values(), key=lambda x: (x.name, x.id))
        return ordered[offset : None if limit is None else offset + limit]

    def count(self) -> int:
        return len(self.store)


class FakeTerms(_Keyed):
    kind = "taxonomy term"

    def list(
        self, *, taxonomy_id: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[TaxonomyTerm]:
        chosen = [t for t in super().list() if taxonomy_id in (None, t.taxonomy_id)]
        return chosen[offset : None if limit is None else offset + limit]

    def count(self, *, taxonomy_id: str | None = None) -> int:
        return len(self.list(taxonomy_id=taxonomy_id))

    def all(self) -> Mapping[str, TaxonomyTerm]:
        return dict(self.store)


class FakeLocations(_Keyed):
    kind = "location"

    def centre_of_postcode(self, postcode: str) -> Location | None:
        cleaned = " ".join(postcode.upper().split())
        for matches in (
            lambda p: p == cleaned,
            lambda p: p[:-2] == cleaned[:-2] and len(p) == len(cleaned),
        ):
            points = [x.point for x in self.store.values() if x.point and matches(x.postal_code)]
            if points:
                return Location(fmean(p.lat for p in points), fmean(p.lon for p in points))
        return None


class FakeServices(_Keyed):
    kind = "service"

    def __init__(self, store: dict[str, Any], uow: FakeCommunityUnitOfWork) -> None:
        super().__init__(store)
        self.uow = uow

    def _matches(self, s: Service, q: ServiceQuery) -> bool:
        words = f"{s.name} {s.description} {self._term_text(s)}".lower()
        checks = [
            all(w in words for w in q.words),
            q.term_ids is None or bool(s.term_ids & q.term_ids),
            q.taxonomy_id is None
            or any(self.uow.data.terms[t].taxonomy_id == q.taxonomy_id for t in s.term_ids),
            q.organization_id in (None, s.organization_id),
            q.statuses is None or s.status in q.statuses,
            q.minimum_age is None or (s.minimum_age is not None and s.minimum_age >= q.minimum_age),
            q.maximum_age is None or (s.maximum_age is not None and s.maximum_age <= q.maximum_age),
        ]
        return all(checks) and self._scheduled(s, q)

    def _term_text(self, s: Service) -> str:
        names: list[str] = []
        for term_id in s.term_ids:
            current: str | None = term_id
            while current is not None and current in self.uow.data.terms:
                names.append(self.uow.data.terms[current].name)
                current = self.uow.data.terms[current].parent_id
        return " ".join(names)

    @staticmethod
    def _scheduled(s: Service, q: ServiceQuery) -> bool:
        if q.weekday is None and q.opens_from is None and q.closes_by is None:
            return True
        return any(
            (q.weekday is None or q.weekday in x.weekdays())
            and (q.opens_from is None or (x.opens_at is not None and x.opens_at >= q.opens_from))
            and (q.closes_by is None or (x.closes_at is not None and x.closes_at <= q.closes_by))
            for x in s.schedules
        )

    def list(
        self, query: ServiceQuery = EVERY_SERVICE, *, limit: int | None = None, offset: int = 0
    ) -> list[Service]:
        chosen = [s for s in super().list() if self._matches(s, query)]
        return chosen[offset : None if limit is None else offset + limit]

    def count(self, query: ServiceQuery = EVERY_SERVICE) -> int:  # type: ignore[override]
        return len(self.list(query))

    def list_at_locations(
        self, query: ServiceQuery = EVERY_SERVICE, *, limit: int | None = None, offset: int = 0
    ) -> list[tuple[Service, ServiceAtLocation]]:
        pairs = [
            (s, sal)
            for s in self.list(query)
            for sal in sorted(s.locations, key=lambda x: x.id)
            if query.area is None or self._inside(sal.location_id, query)
        ]
        return pairs[offset : None if limit is None else offset + limit]

    def _inside(self, location_id: str, query: ServiceQuery) -> bool:
        assert query.area is not None
        point = self.uow.data.locations[location_id].point
        return point is not None and point.distance_km(
            query.area.centre
        ) <= query.area.radius_km * (1 + 1e-9)

    def count_at_locations(self, query: ServiceQuery = EVERY_SERVICE) -> int:
        return len(self.list_at_locations(query))

    def find_at_location(self, service_at_location_id: str) -> tuple[Service, ServiceAtLocation]:
        for s in self.store.values():
            for sal in s.locations:
                if sal.id == service_at_location_id:
                    return s, sal
        raise NotFoundError("service at location", service_at_location_id)


class FakeReferrals(_Keyed):
    kind = "referral"

    def list(  # type: ignore[override]
        self,
        *,
        person_ids: Collection[str] | None = None,
        link_worker_id: str | None = None,
        open_only: bool = False,
    ) -> list[Referral]:
        found = [
            r
            for r in self.store.values()
            if (person_ids is None or r.person_id in person_ids)
            and link_worker_id in (None, r.link_worker_id)
            and (r.open or not open_only)
        ]
        return sorted(found, key=lambda r: (r.referred_on, r.id))


class FakePeople(_Keyed):
    kind = "person"

    def list(  # type: ignore[override]
        self,
        *,
        ids: Collection[str] | None = None,
        team_ids: Collection[str] | None = None,
        **_: Any,
    ) -> list[Person]:
        return [
            p
            for p in self.store.values()
            if (ids is None or p.id in ids) and (team_ids is None or p.team_id in team_ids)
        ]


class FakeAudit:
    def __init__(self, entries: list[AuditEntry]) -> None:
        self.entries = entries

    def append(self, entry: AuditEntry) -> None:
        self.entries.append(entry)


@dataclass
class DirectoryData:
    """Everything the fake stores; a unit of work works on a copy and keeps it on commit."""

    taxonomies: dict[str, Taxonomy] = field(default_factory=dict)
    terms: dict[str, TaxonomyTerm] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    locations: dict[str, DirectoryLocation] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)
    referrals: dict[str, Referral] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    audit: list[AuditEntry] = field(default_factory=list)
    commits: int = 0


KINDS = ("taxonomies", "terms", "organizations", "locations", "services", "referrals", "people")


class FakeCommunityUnitOfWork:
    """One transaction over :class:`DirectoryData`."""

    def __init__(self, saved: DirectoryData) -> None:
        self.saved = saved
        self.data = saved

    def __enter__(self) -> Self:
        self.data = copy.copy(self.saved)
        for name in KINDS:
            setattr(self.data, name, dict(getattr(self.saved, name)))
        self.data.audit = list(self.saved.audit)
        self.taxonomies = _Keyed(self.data.taxonomies)
        self.taxonomy_terms = FakeTerms(self.data.terms)
        self.organizations = _Keyed(self.data.organizations)
        self.directory_locations = FakeLocations(self.data.locations)
        self.services = FakeServices(self.data.services, self)
        self.directory = self
        self.referrals = FakeReferrals(self.data.referrals)
        self.people = FakePeople(self.data.people)
        self.audit = FakeAudit(self.data.audit)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.data = self.saved

    def commit(self) -> None:
        for name in (*KINDS, "audit"):
            setattr(self.saved, name, getattr(self.data, name))
        self.saved.commits += 1

    def rollback(self) -> None:
        self.__enter__()

    def refresh_statistics(self) -> None:
        pass

    def clear(self) -> None:
        for name in ("taxonomies", "terms", "organizations", "locations", "services"):
            getattr(self.data, name).clear()


def fake_uow_factory(data: DirectoryData) -> Callable[[], CommunityUnitOfWork]:
    """A factory of fake units of work on ``data``, typed as the port (the fake has the
    community and audit repositories only, which is all the community services use)."""
    return cast(Callable[[], CommunityUnitOfWork], lambda: FakeCommunityUnitOfWork(data))


def stored(small: Any) -> DirectoryData:
    """The small directory as fake data."""
    return DirectoryData(
        taxonomies={small.needs.id: small.needs},
        terms={t.id: t for t in small.terms.values()},
        organizations={o.id: o for o in small.organizations.values()},
        locations={x.id: x for x in small.locations.values()},
        services={s.id: s for s in small.services.values()},
    )
