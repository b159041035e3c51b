"""The in-memory database the fakes share, and one table as an open unit of work sees it.

A :class:`FakeDatabase` holds the committed rows of every table. Each unit of work opens a
:class:`Transaction` on it, whose :class:`Rows` lay the transaction's own writes over the committed
rows: its reads see its own writes, nobody else sees them until :meth:`Transaction.commit`, and
closing without a commit discards them. Another transaction's commit is seen at once (read
committed, like PostgreSQL's default), which is what makes a stale optimistic version detectable.
Nothing blocks: of two transactions writing one row, the later commit wins, as only visits carry
a version that would tell.

Rows go in and come out as deep copies, as a database hands back new objects: changing an object
a repository returned changes nothing stored until it is saved.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from careweave.adapters.storage.repository import check_page

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
T = TypeVar("T")


@dataclass
class FakeDatabase:
    """The committed rows of every table, by table name and key, and the store's one sequence."""

    tables: dict[str, dict[Any, Any]] = field(default_factory=dict)
    sequence: Iterator[int] = field(default_factory=lambda: itertools.count(1))


class Transaction:
    """The writes of one unit of work's ``with`` block, invisible to others until committed."""

    def __init__(self, database: FakeDatabase) -> None:
        self._database = database
        self._rows: dict[str, Rows[Any, Any]] = {}
        self._open = True

    def rows(self, table: str) -> Rows[Any, Any]:
        """The table called ``table`` as this transaction sees it (one view per table)."""
        if table not in self._rows:
            self._rows[table] = Rows(self._database.tables.setdefault(table, {}), self)
        return self._rows[table]

    def next_number(self) -> int:
        """The next number of the store's sequence (like a database's, never handed out twice,
        even when the transaction that took it rolls back)."""
        return next(self._database.sequence)

    def check_open(self) -> None:
        """Raise RuntimeError when the ``with`` block of this transaction has ended."""
        if not self._open:
            raise RuntimeError("the unit of work is used outside its `with` block")

    def commit(self) -> None:
        """Make every write of this transaction visible to every later reader."""
        self.check_open()
        for rows in self._rows.values():
            rows.apply()

    def rollback(self) -> None:
        """Discard every write since the last commit."""
        self.check_open()
        for rows in self._rows.values():
            rows.discard()

    def close(self) -> None:
        """Discard what was not committed and refuse any further use."""
        self.rollback()
        self._open = False


class Rows(Generic[K, V]):
    """One table seen from one transaction: committed rows with the transaction's writes on top."""

    def __init__(self, committed: dict[K, V], transaction: Transaction) -> None:
        self._committed = committed
        self._transaction = transaction
        # The transaction's writes by key; None marks a row it deleted.
        self._written: dict[K, V | None] = {}

    def get(self, key: K) -> V | None:
        """A copy of the row under ``key``, or ``None``."""
        return copy.deepcopy(self._current(key))

    def exists(self, key: K) -> bool:
        """True when a row is stored under ``key``."""
        return self._current(key) is not None

    def _current(self, key: K) -> V | None:
        self._transaction.check_open()
        return self._written[key] if key in self._written else self._committed.get(key)

    def all(self) -> list[V]:
        """Copies of every row, in no particular order (repositories sort)."""
        return self.where(lambda _: True)

    def where(self, keep: Callable[[V], bool]) -> list[V]:
        """Copies of the rows for which ``keep`` is true, in no particular order.

        ``keep`` sees the stored rows, so only those kept are copied; it must not change them.
        """
        return [copy.deepcopy(row) for _, row in self._visible() if keep(row)]

    def _visible(self) -> list[tuple[K, V]]:
        self._transaction.check_open()
        merged = {**self._committed, **self._written}
        return [(key, row) for key, row in merged.items() if row is not None]

    def put(self, key: K, row: V) -> None:
        """Write ``row`` under ``key`` (inserting or replacing it)."""
        self._transaction.check_open()
        self._written[key] = copy.deepcopy(row)

    def delete(self, key: K) -> None:
        """Delete the row under ``key``."""
        self._transaction.check_open()
        self._written[key] = None

    def delete_where(self, doomed: Callable[[V], bool]) -> None:
        """Delete every row for which ``doomed`` is true (what ON DELETE CASCADE does)."""
        for key, row in self._visible():
            if doomed(row):
                self.delete(key)

    def apply(self) -> None:
        """Write this transaction's changes into the committed rows."""
        for key, row in self._written.items():
            if row is None:
                self._committed.pop(key, None)
            else:
                self._committed[key] = row
        self._written.clear()

    def discard(self) -> None:
        """Forget this transaction's changes."""
        self._written.clear()


def page(items: Sequence[T], limit: int | None, offset: int) -> list[T]:
    """One page of ``items``, refusing a bad limit or offset as the SQL repositories do."""
    check_page(limit, offset)
    end = None if limit is None else offset + limit
    return list(items[offset:end])
