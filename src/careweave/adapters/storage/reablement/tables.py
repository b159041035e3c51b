"""Storage model of reablement episodes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.person_owned import CODE_LENGTH, person_column
from careweave.adapters.storage.schema import ID_LENGTH, Base, id_column, table_of


class ReablementEpisodeRow(Base):
    """A reablement episode with its reviews and Barthel scores."""

    __tablename__ = "reablement_episodes"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = person_column()
    plan_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    started_on: Mapped[dt.date] = mapped_column(Date)
    planned_end_on: Mapped[dt.date] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    end_result: Mapped[str | None] = mapped_column(String(CODE_LENGTH))
    extension_reason: Mapped[str] = mapped_column(Text)
    at_home_after_91_days: Mapped[bool | None] = mapped_column(Boolean)
    goal_ids: Mapped[list[Any]] = mapped_column(JSON)
    barthel_start: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    barthel_end: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reviews: Mapped[list[Any]] = mapped_column(JSON)


reablement_episodes = table_of(ReablementEpisodeRow)
