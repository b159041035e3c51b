"""Ports of the visits capability: planned visits in storage."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date
from typing import Protocol

from careweave.domain.visits.visit import Visit, VisitStatus


class VisitRepository(Protocol):
    """Visits, ordered by day, window start, id. Updates are optimistic on ``Visit.version``."""

    def get(self, visit_id: str) -> Visit:
        """The visit with ``visit_id``."""
        ...

    def add(self, visit: Visit) -> None:
        """Store a new visit."""
        ...

    def add_all(self, visits: Iterable[Visit]) -> None:
        """Store many new visits at once."""
        ...

    def list(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        person_id: str | None = None,
        worker_id: str | None = None,
        day_from: date | None = None,
        day_to: date | None = None,
        status: VisitStatus | Collection[VisitStatus] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Sequence[Visit]:
        """Visits matching every filter; ``team_id`` (or any of ``team_ids``) is the team of the
        visited person, ``worker_id`` a worker assigned to the visit, and ``day_from``/``day_to``
        are inclusive."""
        ...

    def count(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        person_id: str | None = None,
        worker_id: str | None = None,
        day_from: date | None = None,
        day_to: date | None = None,
        status: VisitStatus | Collection[VisitStatus] | None = None,
    ) -> int:
        """How many visits :meth:`list` would return without pagination."""
        ...

    def update(self, visit: Visit) -> None:
        """Save the changed ``visit`` and increase its ``version``.

        Raises :class:`~careweave.domain.errors.ConflictError` when the stored visit has moved on
        since ``visit`` was read (someone else saved it first); nothing is written then.
        """
        ...

    def update_all(self, visits: Iterable[Visit]) -> None:
        """Save many changed visits at once, with the same conflict check as :meth:`update`."""
        ...

    def remove(self, visit_id: str) -> None:
        """Delete a visit (prefer cancelling it: a cancelled visit keeps its history)."""
        ...
