"""What the team's-day pages share: reading dates and the team a page opens on."""

from __future__ import annotations

from datetime import date

from careweave.domain.errors import DomainValidationError, NotFoundError
from careweave.services.accounts.access import Actor


def parse_day(field: str, value: str | None, default: date) -> date:
    """``value`` (YYYY-MM-DD) as a date, ``default`` when empty; a clear error naming ``field``."""
    if not value:
        return default
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DomainValidationError(field, f"{value!r} is not a date like 2026-03-02") from None


def first_team(actor: Actor) -> str:
    """The team a team member's pages open on (their first team); NotFound for anyone else."""
    if not actor.team_ids:
        raise NotFoundError("team", "")
    return sorted(actor.team_ids)[0]
