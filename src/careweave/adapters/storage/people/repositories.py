"""SQL storage of people and what belongs to them: circle of support, strengths, needs."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Protocol, TypeVar

from sqlalchemy import ColumnElement, Select, case, select
from sqlalchemy.engine import RowMapping

from careweave.adapters.storage.people import mapping, tables
from careweave.adapters.storage.repository import SqlRepository, paginate
from careweave.adapters.storage.workforce import tables as workforce_tables
from careweave.domain.people.person import (
    CareModel,
    CircleMember,
    EligibilityOutcome,
    Need,
    Person,
    Strength,
    StrengthKind,
)


class SqlPersonRepository(SqlRepository[Person]):
    """People in the ``people`` table; their circle, strengths and needs go with them on removal."""

    table = tables.people
    kind = "person"

    def _to_row(self, item: Person) -> dict[str, Any]:
        return mapping.person_to_row(item)

    def _from_row(self, row: RowMapping) -> Person:
        return mapping.person_from_row(row)

    def _check_references(self, item: Person) -> None:
        self._require(workforce_tables.teams, "team", item.team_id)

    def list(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        care_model: CareModel | None = None,
        name_contains: str | None = None,
        ids: Collection[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Person]:
        """People matching every given filter, by family name, given name, id."""
        statement = self._filtered(team_id, team_ids, care_model, name_contains, ids)
        people = tables.people.c
        statement = statement.order_by(people.family_name, people.given_name, people.id)
        return self._fetch(paginate(statement, limit, offset))

    def count(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        care_model: CareModel | None = None,
        name_contains: str | None = None,
        ids: Collection[str] | None = None,
    ) -> int:
        """How many people :meth:`list` would return without pagination."""
        return self._count(self._filtered(team_id, team_ids, care_model, name_contains, ids))

    def _filtered(
        self,
        team_id: str | None,
        team_ids: Collection[str] | None,
        care_model: CareModel | None,
        name_contains: str | None,
        ids: Collection[str] | None,
    ) -> Select[Any]:
        people = tables.people.c
        statement = select(tables.people)
        if team_id is not None:
            statement = statement.where(people.team_id == team_id)
        if team_ids is not None:
            statement = statement.where(people.team_id.in_(list(team_ids)))
        if care_model is not None:
            statement = statement.where(people.care_model == CareModel(care_model).value)
        if name_contains:
            needle = name_contains.strip()
            statement = statement.where(
                people.given_name.icontains(needle, autoescape=True)
                | people.family_name.icontains(needle, autoescape=True)
                | people.preferred_name.icontains(needle, autoescape=True)
            )
        if ids is not None:
            statement = statement.where(people.id.in_(list(ids)))
        return statement


class _BelongsToPerson(Protocol):
    person_id: str


P = TypeVar("P", bound=_BelongsToPerson)


class _PersonPartRepository(SqlRepository[P]):
    """Records that belong to one person and are listed per person."""

    def _check_references(self, item: P) -> None:
        self._require(tables.people, "person", item.person_id)

    def _order(self) -> tuple[ColumnElement[Any], ...]:
        raise NotImplementedError

    def list_for_person(self, person_id: str) -> list[P]:
        """The records of the person with ``person_id`` in their natural order."""
        statement = select(self.table).where(self.table.c.person_id == person_id)
        return self._fetch(statement.order_by(*self._order(), self.table.c.id))


def _enum_order(column: ColumnElement[Any], members: list[str]) -> ColumnElement[Any]:
    """Sort key putting ``column`` values in the order of ``members``."""
    return case({value: rank for rank, value in enumerate(members)}, value=column, else_=99)


class SqlCircleRepository(_PersonPartRepository[CircleMember]):
    """Members of circles of support in ``circle_members``."""

    table = tables.circle_members
    kind = "circle member"

    def _to_row(self, item: CircleMember) -> dict[str, Any]:
        return mapping.circle_member_to_row(item)

    def _from_row(self, row: RowMapping) -> CircleMember:
        return mapping.circle_member_from_row(row)

    def _order(self) -> tuple[ColumnElement[Any], ...]:
        columns = tables.circle_members.c
        return (columns.is_emergency_contact.desc(), columns.name)


class SqlStrengthRepository(_PersonPartRepository[Strength]):
    """Strengths and assets in ``strengths``."""

    table = tables.strengths
    kind = "strength"

    def _to_row(self, item: Strength) -> dict[str, Any]:
        return mapping.strength_to_row(item)

    def _from_row(self, row: RowMapping) -> Strength:
        return mapping.strength_from_row(row)

    def _order(self) -> tuple[ColumnElement[Any], ...]:
        columns = tables.strengths.c
        kinds = [kind.value for kind in StrengthKind]
        return (_enum_order(columns.kind, kinds), columns.description)


class SqlNeedRepository(_PersonPartRepository[Need]):
    """Needs against the eligibility outcomes in ``needs``."""

    table = tables.needs
    kind = "need"

    def _to_row(self, item: Need) -> dict[str, Any]:
        return mapping.need_to_row(item)

    def _from_row(self, row: RowMapping) -> Need:
        return mapping.need_from_row(row)

    def _order(self) -> tuple[ColumnElement[Any], ...]:
        outcomes = [outcome.value for outcome in EligibilityOutcome]
        return (_enum_order(tables.needs.c.outcome, outcomes),)
