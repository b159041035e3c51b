"""Storage model of commissioning. What is searched or summed on has its own column; the rest of
a budget (the indicative figure, the ISF agreement, who agreed it) is one JSON body."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.person_owned import CODE_LENGTH, person_column
from careweave.adapters.storage.schema import Base, id_column, table_of


class BudgetRow(Base):
    """A personal budget."""

    __tablename__ = "cm_budgets"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = person_column()
    status: Mapped[str] = mapped_column(String(CODE_LENGTH))
    management: Mapped[str] = mapped_column(String(CODE_LENGTH))
    funding: Mapped[str] = mapped_column(String(CODE_LENGTH))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    agreed_weekly_pence: Mapped[int | None] = mapped_column(Integer)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)


class SettingRow(Base):
    """A commissioner's setting by name (the resource allocation table)."""

    __tablename__ = "cm_settings"

    name: Mapped[str] = mapped_column(String(CODE_LENGTH), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)


budgets = table_of(BudgetRow)
settings = table_of(SettingRow)
