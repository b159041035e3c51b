"""Storage models of visits, the workers assigned to each, each worker's record of a visit with
its medication outcomes, and late/missed visit alerts.

A record's and an alert's times are naive wall-clock datetimes in Europe/London, like a visit's
day and window (see :mod:`careweave.domain.visits.recording`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.schema import ID_LENGTH, Base, id_column, table_of


def wall_clock() -> Mapped[dt.datetime]:
    """A wall-clock timestamp column (Europe/London, naive)."""
    return mapped_column(DateTime(timezone=False))


class VisitRow(Base):
    """A visit to a person at home. ``version`` guards against lost updates."""

    __tablename__ = "visits"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    day: Mapped[dt.date] = mapped_column(Date)
    window_start: Mapped[dt.time] = mapped_column(Time)
    window_end: Mapped[dt.time] = mapped_column(Time)
    duration_min: Mapped[int] = mapped_column(Integer)
    duration_max: Mapped[int] = mapped_column(Integer)
    tasks: Mapped[list[Any]] = mapped_column(JSON)
    required_skills: Mapped[list[Any]] = mapped_column(JSON)
    workers_needed: Mapped[int] = mapped_column(Integer)
    preferred_worker_ids: Mapped[list[Any]] = mapped_column(JSON)
    excluded_worker_ids: Mapped[list[Any]] = mapped_column(JSON)
    priority: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    planned_start: Mapped[dt.time | None] = mapped_column(Time)
    planned_minutes: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_visits_person_id_day", "person_id", "day"),
        Index("ix_visits_day_status", "day", "status"),
    )


class VisitAssignmentRow(Base):
    """One worker given a visit; ``position`` keeps the order of a double-handed pair."""

    __tablename__ = "visit_assignments"

    visit_id: Mapped[str] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True
    )
    worker_id: Mapped[str] = mapped_column(ForeignKey("workers.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_visit_assignments_worker_id", "worker_id"),)


class VisitRecordRow(Base):
    """One worker's record of one visit (one per worker and visit)."""

    __tablename__ = "visit_records"

    id: Mapped[str] = id_column()
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    worker_id: Mapped[str] = mapped_column(ForeignKey("workers.id"), index=True)
    check_in_at: Mapped[dt.datetime] = wall_clock()
    check_in_lat: Mapped[float | None] = mapped_column(Float)
    check_in_lon: Mapped[float | None] = mapped_column(Float)
    check_in_distance_km: Mapped[float | None] = mapped_column(Float)
    check_out_at: Mapped[dt.datetime | None] = wall_clock()
    check_out_lat: Mapped[float | None] = mapped_column(Float)
    check_out_lon: Mapped[float | None] = mapped_column(Float)
    check_out_distance_km: Mapped[float | None] = mapped_column(Float)
    tasks: Mapped[list[Any]] = mapped_column(JSON)
    notes: Mapped[str] = mapped_column(Text)
    progress_goal_id: Mapped[str | None] = mapped_column(String(64))
    progress_text: Mapped[str | None] = mapped_column(Text)
    # Why the worker checked in early, cut the visit short, and left each task undone.
    check_in_reason: Mapped[str] = mapped_column(Text, server_default="")
    check_out_reason: Mapped[str] = mapped_column(Text, server_default="")
    tasks_not_done: Mapped[list[Any]] = mapped_column(JSON, server_default="[]")

    __table_args__ = (
        Index("uq_visit_records_visit_id_worker_id", "visit_id", "worker_id", unique=True),
    )


class MedicationOutcomeRow(Base):
    """What happened to one medication item on a visit (its own table: medication reports read
    across visits)."""

    __tablename__ = "medication_outcomes"

    record_id: Mapped[str] = mapped_column(
        ForeignKey("visit_records.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    item: Mapped[str] = mapped_column(String(200))
    result: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(500))


class VisitAlertRow(Base):
    """A late or missed visit, or an early check-in, raised to the coordinator; one per visit and
    kind. ``note`` is the coordinator's on acknowledging, ``reason`` the worker's."""

    __tablename__ = "visit_alerts"

    id: Mapped[str] = id_column()
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    team_id: Mapped[str] = mapped_column(ForeignKey("teams.id"))
    kind: Mapped[str] = mapped_column(String(16))
    raised_at: Mapped[dt.datetime] = wall_clock()
    acknowledged_at: Mapped[dt.datetime | None] = wall_clock()
    acknowledged_by: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    note: Mapped[str] = mapped_column(String(500))
    reason: Mapped[str] = mapped_column(String(500), server_default="")

    __table_args__ = (
        Index("uq_visit_alerts_visit_id_kind", "visit_id", "kind", unique=True),
        Index("ix_visit_alerts_team_id_acknowledged_at", "team_id", "acknowledged_at"),
    )


visits = table_of(VisitRow)
visit_assignments = table_of(VisitAssignmentRow)
visit_records = table_of(VisitRecordRow)
medication_outcomes = table_of(MedicationOutcomeRow)
visit_alerts = table_of(VisitAlertRow)
