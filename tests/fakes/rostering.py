"""In-memory secret links of calendar feeds."""

from __future__ import annotations

from tests.fakes.repository import FakeRepository

from careweave.domain.rostering.calendar_feed import CalendarToken


class FakeCalendarTokenRepository(FakeRepository[CalendarToken]):
    """Calendar feed tokens; each belongs to a stored user."""

    table = "calendar_tokens"
    kind = "calendar token"

    def _check_references(self, item: CalendarToken) -> None:
        self._require("users", "user", item.user_id)

    def find_by_hash(self, token_hash: str) -> CalendarToken | None:
        """The token with ``token_hash``, or ``None``."""
        return next((t for t in self._rows.all() if t.token_hash == token_hash), None)

    def list_for_user(self, user_id: str) -> list[CalendarToken]:
        """The user's tokens, newest first."""
        found = sorted((t for t in self._rows.all() if t.user_id == user_id), key=lambda t: t.id)
        return sorted(found, key=lambda t: t.created_at, reverse=True)
