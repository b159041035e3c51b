"""The unit of work every service opens: one transaction, committed explicitly."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

from careweave.services.people.ports import (
    CircleRepository,
    NeedRepository,
    PersonRepository,
    StrengthRepository,
)
from careweave.services.visits.ports import VisitRepository
from careweave.services.workforce.ports import TeamRepository, WorkerRepository


class UnitOfWork(Protocol):
    """One business transaction over all repositories.

    Use as ``with uow: ...; uow.commit()``. Leaving the block without :meth:`commit`, or with an
    exception, rolls everything back, so nothing partial is ever written.
    """

    @property
    def people(self) -> PersonRepository:
        """The people."""
        ...

    @property
    def circles(self) -> CircleRepository:
        """Circles of support."""
        ...

    @property
    def strengths(self) -> StrengthRepository:
        """Strengths and assets."""
        ...

    @property
    def needs(self) -> NeedRepository:
        """Needs against the eligibility outcomes."""
        ...

    @property
    def workers(self) -> WorkerRepository:
        """Care workers."""
        ...

    @property
    def teams(self) -> TeamRepository:
        """Neighbourhood teams."""
        ...

    @property
    def visits(self) -> VisitRepository:
        """Visits."""
        ...

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
