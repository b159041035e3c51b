"""Dates and times as JSON columns and naive UTC timestamps hold them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

Json = dict[str, Any]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def naive_utc(moment: datetime) -> datetime:
    """``moment`` in UTC without its zone (how the tables store timestamps)."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def aware_utc(moment: datetime) -> datetime:
    """A stored naive-UTC timestamp with its zone back."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
