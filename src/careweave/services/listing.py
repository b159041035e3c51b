"""Pages of results, and narrowing a listing to the teams a user may see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from careweave.domain.errors import DomainValidationError, NotFoundError
from careweave.services.workforce.ports import TeamRepository

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Paged(Generic[T]):
    """One page of a listing, with the total number of matches."""

    items: Sequence[T]
    total: int
    limit: int
    offset: int


def empty_page(limit: int, offset: int) -> Paged[Any]:
    """A page with nothing on it."""
    return Paged(items=(), total=0, limit=limit, offset=offset)


def team_filter(allowed: frozenset[str] | None, wanted: str | None) -> dict[str, Any] | None:
    """Repository filter keywords for the teams to list, or ``None`` when nothing may be listed.

    ``allowed`` ``None`` means every team (admins). A ``wanted`` team the user may not see gives
    ``None``, so the listing is simply empty and does not tell whether the team exists.
    """
    if wanted is not None:
        return {"team_id": wanted} if allowed is None or wanted in allowed else None
    return {"team_ids": allowed}


def require_team(teams: TeamRepository, team_id: str | None) -> None:
    """Raise DomainValidationError naming ``team_id`` unless it is one of ``teams`` (``None``
    passes)."""
    if team_id is None:
        return
    try:
        teams.get(team_id)
    except NotFoundError:
        raise DomainValidationError("team_id", "no such team") from None
