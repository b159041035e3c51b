"""Storage model of social prescribing referrals: one row each, what the link worker records with
the person (the plan, follow-ups, wellbeing measures) in JSON columns read and written with it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.person_owned import CODE_LENGTH, NAME_LENGTH, person_column
from careweave.adapters.storage.schema import ID_LENGTH, Base, id_column, table_of


class ReferralRow(Base):
    """A social prescribing referral."""

    __tablename__ = "community_referrals"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = person_column()
    referred_on: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(CODE_LENGTH))
    reason: Mapped[str] = mapped_column(Text)
    referrer: Mapped[str] = mapped_column(String(NAME_LENGTH))
    link_worker_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), index=True)
    first_contact_on: Mapped[dt.date | None] = mapped_column(Date)
    what_matters: Mapped[str] = mapped_column(Text)
    declined_on: Mapped[dt.date | None] = mapped_column(Date)
    declined_reason: Mapped[str] = mapped_column(Text)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    plan: Mapped[list[Any]] = mapped_column(JSON)
    follow_ups: Mapped[list[Any]] = mapped_column(JSON)
    wellbeing: Mapped[list[Any]] = mapped_column(JSON)


referrals = table_of(ReferralRow)
