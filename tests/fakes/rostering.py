"""In-memory secret links of calendar feeds."""

from __future__ import annotations

from tests.fakes.repository import FakeRepository

from careweave.domain.errors import ConflictError
from careweave.domain.rostering.calendar_feed import CalendarToken


class FakeCalendarTokenRepository(FakeRepository[CalendarToken]):
    """Calendar feed tokens; each belongs to a stored user and has a digest of its own."""

    table = "calendar_tokens"
    kind = "calendar token"

    def add(self, item: CalendarToken) -> None:
        """Store a new token; :class:`ConflictError` when its digest is taken (a unique column)."""
        self._check_references(item)
        if self.find_by_hash(item.token_hash) is not None:
            raise ConflictError(f"{self.kind} {item.id!r} could not be added: its digest is taken")
        super().add(item)

    def _check_references(self, item: CalendarToken) -> None:
        self._require("users", "user", item.user_id)

    def find_by_hash(self, token_hash: str) -> CalendarToken | None:
        """The token with ``token_hash``, or ``None``."""
        return next((t for t in self._rows.all() if t.token_hash == token_hash), None)

    def list_for_user(self, user_id: str) -> list[CalendarToken]:
        """The user's tokens, newest first."""
        found = sorted((t for t in self._rows.all() if t.user_id == user_id), key=lambda t: t.id)
        return sorted(found, key=lambda t: t.created_at, reverse=True)
