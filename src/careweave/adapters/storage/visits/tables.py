"""Storage models of visits and the workers assigned to each."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.schema import Base, id_column, table_of


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


visits = table_of(VisitRow)


visit_assignments = table_of(VisitAssignmentRow)
