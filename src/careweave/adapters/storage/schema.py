"""The declarative base every capability's tables share: naming convention, metadata and id columns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, cast

from sqlalchemy import (
    JSON,
    MetaData,
    String,
    Table,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Constraint names spelled out so migrations are stable and the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


metadata = MetaData(naming_convention=NAMING_CONVENTION)


ID_LENGTH = 32


class Base(DeclarativeBase):
    """Base of every storage model; all tables share :data:`metadata`."""

    metadata = metadata
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


def id_column() -> Mapped[str]:
    """A primary key column for a uuid-hex identifier."""
    return mapped_column(String(ID_LENGTH), primary_key=True)


def table_of(model: type[Base]) -> Table:
    """The Core :class:`~sqlalchemy.Table` of a storage model (for bulk statements)."""
    return cast(Table, model.__table__)


Row = Mapping[Any, Any]
