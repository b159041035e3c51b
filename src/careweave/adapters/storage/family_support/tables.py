"""Storage model of family-based support. What is searched or sorted on has its own column; the
rest of each record (its people, checks, offer, wishes, stays, reviews) is one JSON body, since it
is always read and written whole with its record."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.person_owned import CODE_LENGTH, NAME_LENGTH, person_column
from careweave.adapters.storage.schema import ID_LENGTH, Base, id_column, table_of


def _team_column() -> Mapped[str]:
    return mapped_column(ForeignKey("teams.id"), index=True)


class HouseholdRow(Base):
    """A Shared Lives carer household."""

    __tablename__ = "fs_households"

    id: Mapped[str] = id_column()
    scheme_team_id: Mapped[str] = _team_column()
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    status: Mapped[str] = mapped_column(String(CODE_LENGTH))
    address: Mapped[str] = mapped_column(String(300))
    postcode: Mapped[str] = mapped_column(String(10))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    review_on: Mapped[dt.date | None] = mapped_column(Date)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)


class ReferralRow(Base):
    """Someone seeking an arrangement."""

    __tablename__ = "fs_referrals"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = person_column()
    scheme_team_id: Mapped[str] = _team_column()
    arrangement_type: Mapped[str] = mapped_column(String(CODE_LENGTH))
    support_group: Mapped[str] = mapped_column(String(CODE_LENGTH))
    status: Mapped[str] = mapped_column(String(CODE_LENGTH))
    received_on: Mapped[dt.date] = mapped_column(Date)
    wanted_from: Mapped[dt.date] = mapped_column(Date)
    matched_on: Mapped[dt.date | None] = mapped_column(Date)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)


class ArrangementRow(Base):
    """An arrangement of a person with a household."""

    __tablename__ = "fs_arrangements"

    id: Mapped[str] = id_column()
    referral_id: Mapped[str] = mapped_column(
        ForeignKey("fs_referrals.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[str] = person_column()
    household_id: Mapped[str] = mapped_column(ForeignKey("fs_households.id"), index=True)
    scheme_team_id: Mapped[str] = _team_column()
    arrangement_type: Mapped[str] = mapped_column(String(CODE_LENGTH))
    status: Mapped[str] = mapped_column(String(CODE_LENGTH))
    proposed_on: Mapped[dt.date] = mapped_column(Date)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)
    rate_pence: Mapped[int] = mapped_column(Integer)
    room: Mapped[str | None] = mapped_column(String(60))
    points: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)


class SchemeWeightsRow(Base):
    """A scheme's compatibility weights."""

    __tablename__ = "fs_scheme_weights"

    scheme_team_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("teams.id"), primary_key=True
    )
    weights: Mapped[dict[str, Any]] = mapped_column(JSON)


households = table_of(HouseholdRow)
referrals = table_of(ReferralRow)
arrangements = table_of(ArrangementRow)
scheme_weights = table_of(SchemeWeightsRow)
