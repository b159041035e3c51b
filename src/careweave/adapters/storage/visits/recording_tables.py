"""Storage models of visit recording: visit records, medication outcomes and late/missed alerts.

They live on the shared :data:`~.tables.metadata`. Times are naive wall-clock datetimes in
Europe/London, like a visit's day and window (see :mod:`careweave.domain.visits.recording`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.schema import ID_LENGTH, Base, id_column, table_of


def wall_clock() -> Mapped[dt.datetime]:
    """A local wall-clock timestamp column."""
    return mapped_column(DateTime(timezone=False))


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
    """A late or missed visit raised to the coordinator; one per visit and kind."""

    __tablename__ = "visit_alerts"

    id: Mapped[str] = id_column()
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    team_id: Mapped[str] = mapped_column(ForeignKey("teams.id"))
    kind: Mapped[str] = mapped_column(String(16))
    raised_at: Mapped[dt.datetime] = wall_clock()
    acknowledged_at: Mapped[dt.datetime | None] = wall_clock()
    acknowledged_by: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    note: Mapped[str] = mapped_column(String(500))

    __table_args__ = (
        Index("uq_visit_alerts_visit_id_kind", "visit_id", "kind", unique=True),
        Index("ix_visit_alerts_team_id_acknowledged_at", "team_id", "acknowledged_at"),
    )


visit_records = table_of(VisitRecordRow)
medication_outcomes = table_of(MedicationOutcomeRow)
visit_alerts = table_of(VisitAlertRow)
