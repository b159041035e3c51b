"""Storage models: the database tables of careweave's core domain (SQLAlchemy 2, declarative).

This is a model family of its own, separate from the domain dataclasses; :mod:`.mapping` converts
between the two. Every area adds its tables to the one :data:`metadata` (subclass :class:`Base`) in
its own module under :mod:`careweave.adapters.storage`, and ships an Alembic migration whose
``down_revision`` is ``"0001_foundation"``.

Small sets that are always read with their owner (skills, languages, tasks, preferences) are JSON
columns; anything queried on its own (a worker's visits, a person's circle) has its own table.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, cast

from sqlalchemy import (
    JSON,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Time,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Constraint names spelled out so migrations are stable and the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

ID_LENGTH = 32


class Base(DeclarativeBase):
    """Base of every storage model; all tables share :data:`metadata`."""

    metadata = metadata
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


def id_column() -> Mapped[str]:
    """A primary key column for a uuid-hex identifier."""
    return mapped_column(String(ID_LENGTH), primary_key=True)


class TeamRow(Base):
    """A neighbourhood team and its patch (a centre with a radius, or a polygon)."""

    __tablename__ = "teams"

    id: Mapped[str] = id_column()
    name: Mapped[str] = mapped_column(String(80), unique=True)
    centre_lat: Mapped[float] = mapped_column(Float)
    centre_lon: Mapped[float] = mapped_column(Float)
    radius_km: Mapped[float] = mapped_column(Float)
    polygon: Mapped[list[Any]] = mapped_column(JSON)


class PersonRow(Base):
    """Someone who draws on care and support at home."""

    __tablename__ = "people"

    id: Mapped[str] = id_column()
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"), index=True)
    given_name: Mapped[str] = mapped_column(String(80))
    family_name: Mapped[str] = mapped_column(String(80))
    preferred_name: Mapped[str] = mapped_column(String(80))
    date_of_birth: Mapped[dt.date] = mapped_column(Date)
    address: Mapped[str] = mapped_column(String(300))
    postcode: Mapped[str] = mapped_column(String(8))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    care_model: Mapped[str] = mapped_column(String(32))
    gender: Mapped[str] = mapped_column(String(40))
    languages: Mapped[list[Any]] = mapped_column(JSON)
    nhs_number: Mapped[str] = mapped_column(String(10))
    about_me: Mapped[dict[str, Any]] = mapped_column(JSON)
    continuity_target: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_people_family_name_given_name", "family_name", "given_name"),)


class CircleMemberRow(Base):
    """Someone in a person's circle of support."""

    __tablename__ = "circle_members"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(40))
    relationship: Mapped[str] = mapped_column(String(80))
    phone: Mapped[str] = mapped_column(String(40))
    email: Mapped[str] = mapped_column(String(200))
    is_emergency_contact: Mapped[bool]


class StrengthRow(Base):
    """A strength or asset the person has or can draw on."""

    __tablename__ = "strengths"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(String(500))


class NeedRow(Base):
    """A need against one of the ten Care Act eligibility outcomes."""

    __tablename__ = "needs"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[str] = mapped_column(String(48))
    description: Mapped[str] = mapped_column(String(1000))


class WorkerRow(Base):
    """A member of a neighbourhood team."""

    __tablename__ = "workers"

    id: Mapped[str] = id_column()
    team_id: Mapped[str] = mapped_column(ForeignKey("teams.id"), index=True)
    given_name: Mapped[str] = mapped_column(String(80))
    family_name: Mapped[str] = mapped_column(String(80))
    home_lat: Mapped[float] = mapped_column(Float)
    home_lon: Mapped[float] = mapped_column(Float)
    travel_mode: Mapped[str] = mapped_column(String(16))
    skills: Mapped[list[Any]] = mapped_column(JSON)
    gender: Mapped[str] = mapped_column(String(16))
    languages: Mapped[list[Any]] = mapped_column(JSON)
    contracted_minutes_per_week: Mapped[int] = mapped_column(Integer)
    max_minutes_per_day: Mapped[int] = mapped_column(Integer)
    availability: Mapped[list[Any]] = mapped_column(JSON)
    cost_per_hour: Mapped[float] = mapped_column(Float)
    active: Mapped[bool]


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


def table_of(model: type[Base]) -> Table:
    """The Core :class:`~sqlalchemy.Table` of a storage model (for bulk statements)."""
    return cast(Table, model.__table__)


teams = table_of(TeamRow)
people = table_of(PersonRow)
circle_members = table_of(CircleMemberRow)
strengths = table_of(StrengthRow)
needs = table_of(NeedRow)
workers = table_of(WorkerRow)
visits = table_of(VisitRow)
visit_assignments = table_of(VisitAssignmentRow)
