"""Storage model of calendar feeds' secret links: one row per link, of which only the SHA-256
digest of the secret is kept (as for API tokens), so a copy of the database opens no feed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.accounts.tables import DIGEST_LENGTH, timestamp
from careweave.adapters.storage.schema import Base, id_column, table_of


class CalendarTokenRow(Base):
    """The secret link of one user's calendar feed; revoked links are kept for the audit trail."""

    __tablename__ = "calendar_tokens"

    id: Mapped[str] = id_column()
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(DIGEST_LENGTH), unique=True)
    created_at: Mapped[dt.datetime] = timestamp()
    revoked_at: Mapped[dt.datetime | None] = timestamp()
    last_fetched_at: Mapped[dt.datetime | None] = timestamp()


calendar_tokens = table_of(CalendarTokenRow)
