"""Storage models of neighbourhood teams and their care workers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Float,
    ForeignKey,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.schema import Base, id_column, table_of


class TeamRow(Base):
    """A neighbourhood team and its patch (a centre with a radius, or a polygon)."""

    __tablename__ = "teams"

    id: Mapped[str] = id_column()
    name: Mapped[str] = mapped_column(String(80), unique=True)
    centre_lat: Mapped[float] = mapped_column(Float)
    centre_lon: Mapped[float] = mapped_column(Float)
    radius_km: Mapped[float] = mapped_column(Float)
    polygon: Mapped[list[Any]] = mapped_column(JSON)


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


teams = table_of(TeamRow)


workers = table_of(WorkerRow)
