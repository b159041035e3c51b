"""What most fakes share: get, add, bulk add, update and remove of records keyed by their ``id``.

It mirrors :class:`careweave.adapters.storage.repository.SqlRepository`: a missing record is a
:class:`NotFoundError` naming the same kind, a taken id or a bulk add that cannot be made whole is
a :class:`ConflictError` that writes nothing, and a record other records still refer to is not
removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from tests.fakes.rows import Rows, Transaction

from careweave.domain.errors import ConflictError, NotFoundError


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


class _OwnedByPerson(_HasId, Protocol):
    @property
    def person_id(self) -> str: ...


R = TypeVar("R", bound=_HasId)
P = TypeVar("P", bound=_OwnedByPerson)


class FakeRepository(Generic[R]):
    """Records of one kind in the table ``table``; ``kind`` names them in errors.

    Subclasses override :meth:`_check_references` (a parent that must exist), :meth:`_in_use`
    (records that forbid removal) and :meth:`_remove_dependants` (what goes with a removed record).
    """

    table: ClassVar[str]
    kind: ClassVar[str]

    def __init__(self, transaction: Transaction) -> None:
        self._transaction = transaction
        self._rows: Rows[str, R] = transaction.rows(self.table)

    def get(self, ident: str) -> R:
        """The record with id ``ident``; :class:`NotFoundError` if there is none."""
        found = self._rows.get(ident)
        if found is None:
            raise NotFoundError(self.kind, ident)
        return found

    def add(self, item: R) -> None:
        """Store one new record."""
        self._check_references(item)
        if self._rows.exists(item.id):
            raise ConflictError(f"{self.kind} {item.id!r} already exists")
        self._rows.put(item.id, item)

    def add_all(self, items: Iterable[R]) -> None:
        """Store many new records, all or none."""
        batch = list(items)
        ids = [item.id for item in batch]
        try:
            for item in batch:
                self._check_references(item)
        except NotFoundError:
            whole = False
        else:
            whole = len(set(ids)) == len(ids) and not any(self._rows.exists(i) for i in ids)
        if not whole:
            raise ConflictError(
                f"could not add the {self.kind} records: one already exists "
                "or refers to a record that does not exist"
            )
        for item in batch:
            self._rows.put(item.id, item)

    def update(self, item: R) -> None:
        """Save the changed ``item``; :class:`NotFoundError` if it was never stored."""
        self._check_references(item)
        if not self._rows.exists(item.id):
            raise NotFoundError(self.kind, item.id)
        self._rows.put(item.id, item)

    def remove(self, ident: str) -> None:
        """Delete the record with id ``ident`` and what depends on it."""
        if not self._rows.exists(ident):
            raise NotFoundError(self.kind, ident)
        if self._in_use(ident):
            raise ConflictError(
                f"{self.kind} {ident!r} cannot be removed while other records refer to it"
            )
        self._rows.delete(ident)
        self._remove_dependants(ident)

    def _check_references(self, item: R) -> None:
        """Raise :class:`NotFoundError` when ``item`` refers to a record that does not exist."""

    def _in_use(self, ident: str) -> bool:
        """True while records that may not simply go with it refer to record ``ident``."""
        return False

    def _remove_dependants(self, ident: str) -> None:
        """Delete the records that go with record ``ident``."""

    def _require(self, table: str, kind: str, ident: str | None) -> None:
        """Raise :class:`NotFoundError` unless ``table`` holds a record with id ``ident``."""
        if ident is not None and not self._transaction.rows(table).exists(ident):
            raise NotFoundError(kind, ident)


class FakePersonOwnedRepository(FakeRepository[P]):
    """Records that belong to one person (who must exist), listed per person in their
    :meth:`_order`, then by id; they go when their person is removed."""

    def _check_references(self, item: P) -> None:
        self._require("people", "person", item.person_id)

    def list_for_person(self, person_id: str) -> list[P]:
        """The person's records in their natural order."""
        found = self._rows.where(lambda r: r.person_id == person_id)
        return sorted(found, key=lambda r: (*self._order(r), r.id))

    def _order(self, record: P) -> tuple[Any, ...]:
        """What the records sort by before their id."""
        raise NotImplementedError
