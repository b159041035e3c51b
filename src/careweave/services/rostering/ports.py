"""Ports of the rostering capability: the secret links of calendar feeds in storage (its unit of
work is :mod:`.unit_of_work`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from careweave.domain.rostering.calendar_feed import CalendarToken


class CalendarTokenRepository(Protocol):
    """The tokens of calendar feeds, looked up by the digest of their secret."""

    def add(self, token: CalendarToken) -> None:
        """Store a new token."""
        ...

    def update(self, token: CalendarToken) -> None:
        """Save the changed ``token`` (revoked, or read by a calendar app)."""
        ...

    def find_by_hash(self, token_hash: str) -> CalendarToken | None:
        """The token whose secret has ``token_hash``, or ``None``."""
        ...

    def list_for_user(self, user_id: str) -> Sequence[CalendarToken]:
        """The user's tokens, newest first."""
        ...
