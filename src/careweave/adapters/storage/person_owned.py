"""What the tables and repositories of records that belong to one person share."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ForeignKey,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.people import tables as people_tables
from careweave.adapters.storage.repository import SqlRepository

NAME_LENGTH = 120


CODE_LENGTH = 40


def person_column() -> Mapped[str]:
    """The owning person; their plans and records go when they are removed."""
    return mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)


class _PersonOwned(SqlRepository[Any]):
    """Records owned by a person: the person must exist; listed per person."""

    order: tuple[str, ...] = ("id",)

    def _check_references(self, item: Any) -> None:
        self._require(people_tables.people, "person", item.person_id)

    def list_for_person(self, person_id: str) -> list[Any]:
        """The person's records in the repository's order."""
        columns = self.table.c
        statement = select(self.table).where(columns.person_id == person_id)
        return self._fetch(statement.order_by(*(columns[c] for c in self.order)))
