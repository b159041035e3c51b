"""The transaction every unit of work is: opened with ``with``, written only by :meth:`commit`."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self


class Transaction(Protocol):
    """One business transaction.

    Use as ``with uow: ...; uow.commit()``. Leaving the block without :meth:`commit`, or with an
    exception, rolls everything back, so nothing partial is ever written. Each capability's unit
    of work adds the repositories its use cases read and write in that one transaction.
    """

    def __enter__(self) -> Self:
        """Begin the transaction."""
        ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed and end the transaction."""
        ...

    def commit(self) -> None:
        """Make every write of this unit of work permanent."""
        ...

    def rollback(self) -> None:
        """Discard every write since the last commit."""
        ...
