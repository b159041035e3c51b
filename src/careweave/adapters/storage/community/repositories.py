"""SQL repositories of the directory's taxonomies, terms, organisations and locations, and the
directory as a whole."""

from __future__ import annotations

from collections.abc import Collection
from statistics import fmean
from typing import Any, Protocol, TypeVar

from sqlalchemy import delete, select, text
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from careweave.adapters.storage.community import mapping, tables
from careweave.adapters.storage.community.search_index import SEARCH_TABLE
from careweave.adapters.storage.repository import SqlRepository, chunks, paginate
from careweave.domain.community.locations import DirectoryLocation
from careweave.domain.community.organizations import Organization
from careweave.domain.community.taxonomy import Taxonomy, TaxonomyTerm
from careweave.domain.values import Location


class SqlTaxonomyRepository(SqlRepository[Taxonomy]):
    """Taxonomies in ``community_taxonomies``."""

    table = tables.taxonomies
    kind = "taxonomy"

    def _to_row(self, item: Taxonomy) -> dict[str, Any]:
        return mapping.taxonomy_to_row(item)

    def _from_row(self, row: RowMapping) -> Taxonomy:
        return mapping.taxonomy_from_row(row)

    def list(self, *, limit: int | None = None, offset: int = 0) -> list[Taxonomy]:
        """Taxonomies by name, one page."""
        columns = self.table.c
        statement = select(self.table).order_by(columns.name, columns.id)
        return self._fetch(paginate(statement, limit, offset))

    def count(self) -> int:
        """How many taxonomies there are."""
        return self._count(select(self.table))


class SqlTaxonomyTermRepository(SqlRepository[TaxonomyTerm]):
    """Taxonomy terms in ``community_taxonomy_terms``."""

    table = tables.taxonomy_terms
    kind = "taxonomy term"

    def _to_row(self, item: TaxonomyTerm) -> dict[str, Any]:
        return mapping.term_to_row(item)

    def _from_row(self, row: RowMapping) -> TaxonomyTerm:
        return mapping.term_from_row(row)

    def list(
        self, *, taxonomy_id: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[TaxonomyTerm]:
        """Terms (of one taxonomy if given) by name, one page."""
        columns = self.table.c
        statement = select(self.table).order_by(columns.name, columns.id)
        if taxonomy_id is not None:
            statement = statement.where(columns.taxonomy_id == taxonomy_id)
        return self._fetch(paginate(statement, limit, offset))

    def count(self, *, taxonomy_id: str | None = None) -> int:
        """How many terms :meth:`list` would give without paging."""
        statement = select(self.table)
        if taxonomy_id is not None:
            statement = statement.where(self.table.c.taxonomy_id == taxonomy_id)
        return self._count(statement)

    def all(self) -> dict[str, TaxonomyTerm]:
        """Every term by id."""
        return {t.id: t for t in self._fetch(select(self.table))}


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


K = TypeVar("K", bound=_HasId)


class _KeyedRepository(SqlRepository[K]):
    """A repository that also fetches many records by id at once."""

    def get_many(self, ids: Collection[str]) -> dict[str, K]:
        """The records with these ids that exist, by id."""
        found: dict[str, K] = {}
        for chunk in chunks(sorted(set(ids))):
            statement = select(self.table).where(self.table.c.id.in_(chunk))
            found.update((item.id, item) for item in self._fetch(statement))
        return found


class SqlOrganizationRepository(_KeyedRepository[Organization]):
    """Organisations in ``community_organizations``."""

    table = tables.organizations
    kind = "organization"

    def _to_row(self, item: Organization) -> dict[str, Any]:
        return mapping.organization_to_row(item)

    def _from_row(self, row: RowMapping) -> Organization:
        return mapping.organization_from_row(row)

    def list(self) -> list[Organization]:
        """Every organisation by name."""
        return self._fetch(select(self.table).order_by(self.table.c.name, self.table.c.id))


class SqlDirectoryLocationRepository(_KeyedRepository[DirectoryLocation]):
    """Locations in ``community_locations``."""

    table = tables.locations
    kind = "location"

    def _to_row(self, item: DirectoryLocation) -> dict[str, Any]:
        return mapping.location_to_row(item)

    def _from_row(self, row: RowMapping) -> DirectoryLocation:
        return mapping.location_from_row(row)

    def list(self) -> list[DirectoryLocation]:
        """Every location by name."""
        return self._fetch(select(self.table).order_by(self.table.c.name, self.table.c.id))

    def centre_of_postcode(self, postcode: str) -> Location | None:
        """The middle of the located places at ``postcode``, else in its sector (``WN1 1``)."""
        cleaned = " ".join(postcode.upper().split())
        columns = self.table.c
        located = select(columns.latitude, columns.longitude).where(columns.latitude.is_not(None))
        for condition in (
            columns.postal_code == cleaned,
            columns.postal_code.like(cleaned[:-2] + "__"),
        ):
            rows = self.session.execute(located.where(condition)).all()
            if rows:
                return Location(fmean(r[0] for r in rows), fmean(r[1] for r in rows))
        return None


class SqlDirectoryStore:
    """The directory as a whole."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def clear(self) -> None:
        """Remove every directory record, parts before what they belong to."""
        if self.session.get_bind().dialect.name == "sqlite":
            # Emptying the index first spares its delete trigger a scan for every service.
            self.session.execute(text(f"DELETE FROM {SEARCH_TABLE}"))
        for table in (
            tables.schedules,
            tables.service_terms,
            tables.service_at_locations,
            tables.services,
            tables.locations,
            tables.organizations,
            tables.taxonomy_terms,
            tables.taxonomies,
        ):
            self.session.execute(delete(table))

    def refresh_statistics(self) -> None:
        """Let PostgreSQL's planner see the directory as it now is (after replacing it whole, its
        statistics would otherwise describe the old one until autovacuum comes round)."""
        if self.session.get_bind().dialect.name != "postgresql":
            return
        for table in (tables.services, tables.service_terms, tables.schedules, tables.locations):
            self.session.execute(text(f"ANALYZE {table.name}"))
