"""SQL storage of calendar feeds' secret links (the port of
:mod:`careweave.services.rostering.ports`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from careweave.adapters.storage.accounts import tables as accounts_tables
from careweave.adapters.storage.accounts.repositories import as_utc, maybe_utc
from careweave.adapters.storage.repository import SqlRepository
from careweave.adapters.storage.rostering import tables
from careweave.domain.rostering.calendar_feed import CalendarToken


class SqlCalendarTokenRepository(SqlRepository[CalendarToken]):
    """Calendar feed tokens in ``calendar_tokens``."""

    table = tables.calendar_tokens
    kind = "calendar token"

    def _to_row(self, token: CalendarToken) -> dict[str, Any]:
        return {
            "id": token.id,
            "user_id": token.user_id,
            "token_hash": token.token_hash,
            "created_at": token.created_at,
            "revoked_at": token.revoked_at,
            "last_fetched_at": token.last_fetched_at,
        }

    def _from_row(self, row: RowMapping) -> CalendarToken:
        return CalendarToken(
            id=row["id"],
            user_id=row["user_id"],
            token_hash=row["token_hash"],
            created_at=as_utc(row["created_at"]),
            revoked_at=maybe_utc(row["revoked_at"]),
            last_fetched_at=maybe_utc(row["last_fetched_at"]),
        )

    def _check_references(self, item: CalendarToken) -> None:
        self._require(accounts_tables.users, "user", item.user_id)

    def find_by_hash(self, token_hash: str) -> CalendarToken | None:
        """The token whose secret has ``token_hash``, or ``None``."""
        found = self._fetch(select(self.table).where(self.table.c.token_hash == token_hash))
        return found[0] if found else None

    def list_for_user(self, user_id: str) -> list[CalendarToken]:
        """The user's tokens, newest first."""
        columns = self.table.c
        statement = (
            select(self.table)
            .where(columns.user_id == user_id)
            .order_by(columns.created_at.desc(), columns.id)
        )
        return self._fetch(statement)
