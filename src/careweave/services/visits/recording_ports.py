"""Ports of visit recording: visit records and alerts, and the unit of work that carries them.

:class:`RecordingUnitOfWork` is the accounts unit of work (core repositories, audit trail,
idempotency keys) plus the repositories of this module, so a check-in, its idempotency key and
its audit entry are written in one transaction.
"""

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
from careweave.services.accounts.ports import AccountsUnitOfWork
from careweave.services.plans.ports import PlansUnitOfWork


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
        limit: int | None = None,
        offset: int = 0,
    ) -> Sequence[Alert]:
        """Alerts of the given teams and about visits to the given people (``None``: all),
        newest first."""
        ...

    def count(
        self,
        *,
        team_ids: Collection[str] | None = None,
        person_ids: Collection[str] | None = None,
        open_only: bool = False,
        raised_from: datetime | None = None,
    ) -> int:
        """How many alerts :meth:`list` would give without a page limit."""
        ...

    def update(self, alert: Alert) -> None:
        """Save the changed ``alert``."""
        ...


class RecordingUnitOfWork(AccountsUnitOfWork, Protocol):
    """The accounts unit of work plus visit records and alerts."""

    visit_records: VisitRecordRepository
    alerts: AlertRepository


class RecordingPlansUnitOfWork(RecordingUnitOfWork, PlansUnitOfWork, Protocol):
    """The recording unit of work that also reads people's plans: a progress note names one of
    the goals of the person's current plan, and the plan shows the notes under its goals."""
