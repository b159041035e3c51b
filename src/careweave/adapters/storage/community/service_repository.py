"""SQL repository of services: each with its term links, locations and schedules, filtered in the
database (full text, terms, ages, day and hours, area) so that pages stay fast on a large
directory."""

from __future__ import annotations

import builtins
import math
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, insert, select, update
from sqlalchemy.engine import RowMapping

from careweave.adapters.storage.community import mapping, search_index, tables
from careweave.adapters.storage.repository import (
    SqlRepository,
    chunks,
    integrity_as_conflict,
    paginate,
)
from careweave.domain.community.service_details import ServiceAtLocation, TermLink
from careweave.domain.community.services import Service
from careweave.domain.errors import NotFoundError
from careweave.domain.values import EARTH_RADIUS_KM
from careweave.services.community.ports import EVERY_SERVICE, Area, ServiceQuery

S = tables.services.c
SAL = tables.service_at_locations.c
LOC = tables.locations.c


class SqlServiceRepository(SqlRepository[Service]):
    """Services in ``community_services`` with their rows in the child tables."""

    table = tables.services
    kind = "service"

    def add(self, item: Service) -> None:
        """Store a new service with everything it owns."""
        self.add_all([item])

    def add_all(self, items: Iterable[Service]) -> None:
        """Store new services with everything they own."""
        batch = list(items)
        if not batch:
            return
        for item in batch:
            self._check_references(item)
        texts = self._search_texts(batch)
        rows = [mapping.service_to_row(s, texts[s.id]) for s in batch]
        with integrity_as_conflict(self.session, "a service with that id already exists"):
            self.session.execute(insert(self.table), rows)
            self._insert_children(batch)

    def update(self, item: Service) -> None:
        """Save a changed service, replacing its term links, locations and schedules."""
        self._check_references(item)
        row = mapping.service_to_row(item, self._search_texts([item])[item.id])
        with integrity_as_conflict(self.session, f"service {item.id!r} could not be saved"):
            result = self.session.execute(update(self.table).where(S.id == item.id).values(**row))
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFoundError(self.kind, item.id)
            for child in (tables.schedules, tables.service_terms, tables.service_at_locations):
                self.session.execute(child.delete().where(child.c.service_id == item.id))
            self._insert_children([item])

    def _check_references(self, item: Service) -> None:
        self._require(tables.organizations, "organization", item.organization_id)
        for sal in item.locations:
            self._require(tables.locations, "location", sal.location_id)
        for term in item.terms:
            self._require(tables.taxonomy_terms, "taxonomy term", term.taxonomy_term_id)

    def _search_texts(self, batch: Sequence[Service]) -> dict[str, str]:
        """What to index for each service: its words, its organisation's name and the names of
        its terms and of every broader term above them (so "loneliness" finds befriending)."""
        orgs = tables.organizations.c
        org_names: dict[str, str] = {}
        for chunk in chunks(sorted({s.organization_id for s in batch})):
            rows = self.session.execute(select(orgs.id, orgs.name).where(orgs.id.in_(chunk)))
            org_names.update((row.id, row.name) for row in rows)
        terms = tables.taxonomy_terms.c
        hierarchy = {
            row.id: (row.name, row.parent_id)
            for row in self.session.execute(select(terms.id, terms.name, terms.parent_id))
        }
        return {
            s.id: search_index.search_text(
                s.name,
                s.description,
                s.eligibility_description,
                org_names.get(s.organization_id, ""),
                *sorted(_term_names(s.term_ids, hierarchy)),
            )
            for s in batch
        }

    def _insert_children(self, batch: Sequence[Service]) -> None:
        sals = [
            {"id": sal.id, "service_id": s.id, "location_id": sal.location_id, "position": n}
            for s in batch
            for n, sal in enumerate(s.locations)
        ]
        terms = [
            {
                "id": t.id,
                "service_id": s.id,
                "taxonomy_term_id": t.taxonomy_term_id,
                "link_type": t.link_type,
                "position": n,
            }
            for s in batch
            for n, t in enumerate(s.terms)
        ]
        schedules = [
            mapping.schedule_to_row(s.id, n, x) for s in batch for n, x in enumerate(s.schedules)
        ]
        for table, rows in (
            (tables.service_at_locations, sals),
            (tables.service_terms, terms),
            (tables.schedules, schedules),
        ):
            if rows:
                self.session.execute(insert(table), rows)

    def _load(self, rows: Sequence[RowMapping]) -> list[Service]:
        ids = [r["id"] for r in rows]
        terms: dict[str, list[TermLink]] = {i: [] for i in ids}
        sals: dict[str, list[ServiceAtLocation]] = {i: [] for i in ids}
        schedules: dict[str, list[Any]] = {i: [] for i in ids}
        for chunk in chunks(ids):
            for t in self._children(tables.service_terms, chunk):
                terms[t["service_id"]].append(
                    TermLink(
                        id=t["id"], taxonomy_term_id=t["taxonomy_term_id"], link_type=t["link_type"]
                    )
                )
            for x in self._children(tables.service_at_locations, chunk):
                sals[x["service_id"]].append(
                    ServiceAtLocation(id=x["id"], location_id=x["location_id"])
                )
            for x in self._children(tables.schedules, chunk):
                schedules[x["service_id"]].append(mapping.schedule_from_row(x))
        return [
            mapping.service_from_row(
                r, tuple(terms[r["id"]]), tuple(sals[r["id"]]), tuple(schedules[r["id"]])
            )
            for r in rows
        ]

    def _children(self, table: Any, service_ids: Sequence[str]) -> Sequence[RowMapping]:
        statement = (
            select(table)
            .where(table.c.service_id.in_(service_ids))
            .order_by(table.c.service_id, table.c.position)
        )
        return self.session.execute(statement).mappings().all()

    # -- queries ---------------------------------------------------------------------------

    def list(
        self, query: ServiceQuery = EVERY_SERVICE, *, limit: int | None = None, offset: int = 0
    ) -> list[Service]:
        """Services matching ``query`` by name, one page."""
        statement = select(self.table).where(*self._conditions(query)).order_by(S.name, S.id)
        return self._fetch(paginate(statement, limit, offset))

    def count(self, query: ServiceQuery = EVERY_SERVICE) -> int:
        """How many services :meth:`list` would give without paging."""
        return self._count(select(S.id).where(*self._conditions(query)))

    def list_at_locations(
        self, query: ServiceQuery = EVERY_SERVICE, *, limit: int | None = None, offset: int = 0
    ) -> Sequence[tuple[Service, ServiceAtLocation]]:
        """Services at locations matching ``query``: nearest first when it names an area, then by
        service name and location id."""
        statement = self._at_locations(query, SAL.id, SAL.service_id, SAL.location_id)
        if query.area is not None:
            statement = statement.order_by(_flat_distance(query.area))
        statement = paginate(statement.order_by(S.name, S.id, SAL.id), limit, offset)
        pairs = self.session.execute(statement).all()
        services = {
            s.id: s for s in self._fetch(select(self.table).where(S.id.in_({p[1] for p in pairs})))
        }
        return [(services[p[1]], ServiceAtLocation(id=p[0], location_id=p[2])) for p in pairs]

    def count_at_locations(self, query: ServiceQuery = EVERY_SERVICE) -> int:
        """How many :meth:`list_at_locations` would give without paging."""
        return self._count(self._at_locations(query, SAL.id))

    def find_at_location(self, service_at_location_id: str) -> tuple[Service, ServiceAtLocation]:
        """The service delivered as ``service_at_location_id``."""
        row = self.session.execute(
            select(SAL.service_id, SAL.location_id).where(SAL.id == service_at_location_id)
        ).first()
        if row is None:
            raise NotFoundError("service at location", service_at_location_id)
        return self.get(row[0]), ServiceAtLocation(id=service_at_location_id, location_id=row[1])

    def _at_locations(self, query: ServiceQuery, *columns: Any) -> Select[Any]:
        statement = (
            select(*columns)
            .select_from(tables.service_at_locations.join(self.table, S.id == SAL.service_id))
            .where(*self._conditions(query))
        )
        if query.area is not None:
            statement = statement.join(tables.locations, LOC.id == SAL.location_id).where(
                *_inside(query.area)
            )
        return statement

    def _conditions(self, query: ServiceQuery) -> Sequence[ColumnElement[bool]]:
        conditions: builtins.list[ColumnElement[bool]] = []
        if query.words:
            dialect = self.session.get_bind().dialect.name
            conditions.append(search_index.matching(dialect, query.words))
        if query.statuses is not None:
            conditions.append(S.status.in_(sorted(s.value for s in query.statuses)))
        if query.organization_id is not None:
            conditions.append(S.organization_id == query.organization_id)
        if query.minimum_age is not None:
            conditions.append(S.minimum_age >= query.minimum_age)
        if query.maximum_age is not None:
            conditions.append(S.maximum_age <= query.maximum_age)
        conditions += _term_conditions(query)
        schedule = _schedule_condition(query)
        if schedule is not None:
            conditions.append(schedule)
        return conditions


def _term_names(term_ids: Iterable[str], hierarchy: dict[str, tuple[str, str | None]]) -> set[str]:
    names: set[str] = set()
    for term_id in term_ids:
        seen: set[str] = set()
        current: str | None = term_id
        while current is not None and current in hierarchy and current not in seen:
            seen.add(current)
            name, current = hierarchy[current]
            names.add(name)
    return names


def _term_conditions(query: ServiceQuery) -> list[ColumnElement[bool]]:
    # Uncorrelated subqueries: the database reads the links once, instead of once per service
    # (a correlated EXISTS made SQLite walk every link of a term for each of 10,000 services).
    links = tables.service_terms.c
    conditions: list[ColumnElement[bool]] = []
    if query.term_ids is not None:
        tagged = select(links.service_id).where(links.taxonomy_term_id.in_(sorted(query.term_ids)))
        conditions.append(S.id.in_(tagged))
    if query.taxonomy_id is not None:
        terms = tables.taxonomy_terms.c
        in_taxonomy = select(terms.id).where(terms.taxonomy_id == query.taxonomy_id)
        conditions.append(
            S.id.in_(select(links.service_id).where(links.taxonomy_term_id.in_(in_taxonomy)))
        )
    return conditions


def _schedule_condition(query: ServiceQuery) -> ColumnElement[bool] | None:
    """One schedule of the service must hold every time filter."""
    rows = tables.schedules.c
    parts: list[ColumnElement[bool]] = []
    if query.weekday is not None:
        parts.append(rows.weekday_mask.op("&")(1 << query.weekday) != 0)
    if query.opens_from is not None:
        parts.append(rows.opens_at >= query.opens_from)
    if query.closes_by is not None:
        parts.append(rows.closes_at <= query.closes_by)
    if not parts:
        return None
    return S.id.in_(select(rows.service_id).where(and_(*parts)))


def _flat_distance(area: Area) -> ColumnElement[float]:
    """The squared distance from the area's centre in degrees of latitude, on a flat map scaled
    at the centre's latitude: plain arithmetic both databases can do, within 0.1 % of the
    great-circle distance over the tens of kilometres a search covers."""
    scale = max(math.cos(math.radians(area.centre.lat)), 0.01)
    north, east = LOC.latitude - area.centre.lat, (LOC.longitude - area.centre.lon) * scale
    return north * north + east * east


def _inside(area: Area) -> list[ColumnElement[bool]]:
    """Locations within ``area``: a box the latitude index narrows, then the flat distance."""
    dlat = math.degrees(area.radius_km / EARTH_RADIUS_KM)
    scale = max(math.cos(math.radians(area.centre.lat)), 0.01)
    dlon = min(180.0, dlat / scale)
    return [
        LOC.latitude.between(area.centre.lat - dlat, area.centre.lat + dlat),
        LOC.longitude.between(area.centre.lon - dlon, area.centre.lon + dlon),
        _flat_distance(area) <= dlat * dlat,
    ]
