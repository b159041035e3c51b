"""Ports of the visits capability: planned visits, each worker's record of a visit, and late and
missed visit alerts in storage."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime
from typing import Protocol

from careweave.domain.visits.recording import (
    Alert,
    GoalNote,
    Lateness,
    MedicationOutcome,
    MedicationResult,
    VisitRecord,
)
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


class VisitRecordRepository(Protocol):
    """Each worker's record of each visit (at most one per worker and visit)."""

    def get(self, record_id: str) -> VisitRecord:
        """The record with ``record_id`` (NotFoundError if none)."""
        ...

    def find(self, visit_id: str, worker_id: str) -> VisitRecord | None:
        """The record of ``worker_id`` on ``visit_id``, or ``None``."""
        ...

    def list_for_visits(self, visit_ids: Collection[str]) -> Sequence[VisitRecord]:
        """Every record of the given visits, by check-in time."""
        ...

    def medication_results(
        self, team_id: str, day_from: date, day_to: date, results: Collection[MedicationResult]
    ) -> Sequence[tuple[str, date, MedicationOutcome]]:
        """``(person_id, day, outcome)`` of every medication outcome with one of ``results`` on
        visits to the team's people from ``day_from`` to ``day_to`` (inclusive)."""
        ...

    def goal_notes(
        self, person_id: str, goal_ids: Collection[str], per_goal: int
    ) -> Sequence[GoalNote]:
        """The newest ``per_goal`` progress notes on each of ``goal_ids`` from visits to the
        person, by goal and newest first."""
        ...

    def add(self, record: VisitRecord) -> None:
        """Store a new record (ConflictError if the worker already has one for the visit)."""
        ...

    def add_all(self, records: Iterable[VisitRecord]) -> None:
        """Store many new records at once (one bulk insert), e.g. a history being imported."""
        ...

    def update(self, record: VisitRecord) -> None:
        """Save the changed ``record`` with its medication outcomes."""
        ...


class AlertRepository(Protocol):
    """Late and missed visit alerts, newest first."""

    def get(self, alert_id: str) -> Alert:
        """The alert with ``alert_id`` (NotFoundError if none)."""
        ...

    def raised_for(self, visit_ids: Collection[str]) -> set[tuple[str, Lateness]]:
        """``(visit_id, kind)`` of every alert already raised for the given visits."""
        ...

    def raised_since(self, team_id: str, since: datetime) -> Sequence[tuple[str, date, Lateness]]:
        """``(person_id, visit day, kind)`` of the team's alerts raised at or after ``since``, by
        visit day."""
        ...

    def add(self, alert: Alert) -> None:
        """Store a new alert (ConflictError if one of its kind exists for the visit)."""
        ...

    def list(
        self,
        *,
        team_ids: Collection[str] | None = None,
        person_ids: Collection[str] | None = None,
        open_only: bool = False,
        raised_from: datetime | None = None,
        kinds: Collection[Lateness] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Sequence[Alert]:
        """Alerts of the given teams, about visits to the given people and of the given kinds
        (``None``: all), newest first."""
        ...

    def count(
        self,
        *,
        team_ids: Collection[str] | None = None,
        person_ids: Collection[str] | None = None,
        open_only: bool = False,
        raised_from: datetime | None = None,
        kinds: Collection[Lateness] | None = None,
    ) -> int:
        """How many alerts :meth:`list` would give without a page limit."""
        ...

    def update(self, alert: Alert) -> None:
        """Save the changed ``alert``."""
        ...
