"""What every SQL repository shares: get, add, bulk add, update and remove on one table."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar, Generic, TypeVar, cast

from sqlalchemy import Select, Table, delete, exists, func, insert, select, update
from sqlalchemy.engine import CursorResult, Result, RowMapping
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from careweave.domain.errors import ConflictError, DomainValidationError, NotFoundError

T = TypeVar("T")

# Keeps every statement's bound parameters well under SQLite's and PostgreSQL's limits.
CHUNK_SIZE = 2000


def chunks(items: Sequence[str], size: int = CHUNK_SIZE) -> Iterator[Sequence[str]]:
    """``items`` in consecutive slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def check_page(limit: int | None, offset: int) -> None:
    """Refuse a negative offset or a limit below one, naming the field."""
    if limit is not None and limit < 1:
        raise DomainValidationError("limit", "must be at least 1")
    if offset < 0:
        raise DomainValidationError("offset", "must not be negative")


def paginate(statement: Select[Any], limit: int | None, offset: int) -> Select[Any]:
    """``statement`` restricted to one page."""
    check_page(limit, offset)
    if limit is not None:
        statement = statement.limit(limit)
    return statement.offset(offset) if offset else statement


def affected_rows(result: Result[Any]) -> int:
    """How many rows an INSERT, UPDATE or DELETE touched."""
    return cast(CursorResult[Any], result).rowcount


@contextmanager
def integrity_as_conflict(session: Session, message: str) -> Iterator[None]:
    """Run the block in a savepoint; an integrity error undoes it and becomes a :class:`ConflictError`.

    So a refused write, even a bulk one that failed part way, leaves nothing of itself behind and
    the unit of work stays usable, on PostgreSQL (which would otherwise abort the transaction) and
    on SQLite (which would otherwise keep the rows written before the failing one).
    """
    if session.get_bind().dialect.name == "sqlite":
        _begin_sqlite_transaction(session)
    try:
        with session.begin_nested():
            yield
    except IntegrityError as exc:
        raise ConflictError(message) from exc


def _begin_sqlite_transaction(session: Session) -> None:
    # The sqlite3 driver opens its transaction lazily, at the first write. A savepoint taken before
    # that would itself be the outermost transaction, and releasing it would commit.
    raw = session.connection().connection.dbapi_connection
    if raw is not None and not getattr(raw, "in_transaction", True):
        cursor = raw.cursor()
        try:
            cursor.execute("BEGIN")
        finally:
            cursor.close()


class SqlRepository(Generic[T]):
    """Storage of one kind of domain object in one table keyed by ``id``.

    Subclasses name the ``table`` and the ``kind`` (used in messages) and supply the row mapping;
    they override :meth:`_check_references` to say which parent record is missing before a single
    write, which gives a clearer message than the database's constraint error.
    """

    table: ClassVar[Table]
    kind: ClassVar[str]

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, ident: str) -> T:
        """The record with id ``ident``; :class:`NotFoundError` if there is none."""
        row = self.session.execute(select(self.table).where(self.table.c.id == ident)).mappings()
        found = row.first()
        if found is None:
            raise NotFoundError(self.kind, ident)
        return self._load([found])[0]

    def add(self, item: T) -> None:
        """Insert one new record."""
        self._check_references(item)
        row = self._to_row(item)
        with integrity_as_conflict(self.session, f"{self.kind} {row['id']!r} already exists"):
            self.session.execute(insert(self.table).values(**row))
            self._after_insert([item])

    def add_all(self, items: Iterable[T]) -> None:
        """Insert many new records in one bulk statement."""
        batch = list(items)
        if not batch:
            return
        with integrity_as_conflict(
            self.session,
            f"could not add the {self.kind} records: one already exists "
            "or refers to a record that does not exist",
        ):
            self.session.execute(insert(self.table), [self._to_row(item) for item in batch])
            self._after_insert(batch)

    def update(self, item: T) -> None:
        """Save the changed ``item``; :class:`NotFoundError` if it was never stored."""
        self._check_references(item)
        row = self._to_row(item)
        with integrity_as_conflict(self.session, f"{self.kind} {row['id']!r} could not be saved"):
            result = self.session.execute(
                update(self.table).where(self.table.c.id == row["id"]).values(**row)
            )
        if affected_rows(result) == 0:
            raise NotFoundError(self.kind, row["id"])

    def remove(self, ident: str) -> None:
        """Delete the record with id ``ident``."""
        with integrity_as_conflict(
            self.session, f"{self.kind} {ident!r} cannot be removed while other records refer to it"
        ):
            result = self.session.execute(delete(self.table).where(self.table.c.id == ident))
        if affected_rows(result) == 0:
            raise NotFoundError(self.kind, ident)

    def _to_row(self, item: T) -> dict[str, Any]:
        """Column values of ``item``."""
        raise NotImplementedError

    def _from_row(self, row: RowMapping) -> T:
        """The domain object stored in ``row``."""
        raise NotImplementedError

    def _check_references(self, item: T) -> None:
        """Raise :class:`NotFoundError` when ``item`` refers to a record that does not exist."""

    def _after_insert(self, items: Sequence[T]) -> None:
        """Store what lives beside the main row (subclasses with child tables)."""

    def _load(self, rows: Sequence[RowMapping]) -> list[T]:
        """Domain objects for ``rows``; subclasses with child tables load those here."""
        return [self._from_row(row) for row in rows]

    def _fetch(self, statement: Select[Any]) -> list[T]:
        return self._load(self.session.execute(statement).mappings().all())

    def _count(self, statement: Select[Any]) -> int:
        counted = select(func.count()).select_from(statement.order_by(None).subquery())
        return int(self.session.execute(counted).scalar_one())

    def _require(self, table: Table, kind: str, ident: str | None) -> None:
        """Raise :class:`NotFoundError` unless ``table`` holds a row with id ``ident``."""
        if ident is None:
            return
        if not self.session.execute(select(exists().where(table.c.id == ident))).scalar():
            raise NotFoundError(kind, ident)
