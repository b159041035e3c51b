"""Storage models of people and what belongs to them: circle of support, strengths, needs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.schema import Base, id_column, table_of


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


people = table_of(PersonRow)


circle_members = table_of(CircleMemberRow)


strengths = table_of(StrengthRow)


needs = table_of(NeedRow)
