"""Pages of results, and paging across several teams a user may see."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Paged(Generic[T]):
    """One page of a listing, with the total number of matches."""

    items: Sequence[T]
    total: int
    limit: int
    offset: int


def page_across(
    scopes: Iterable[str | None],
    count: Callable[[str | None], int],
    fetch: Callable[[str | None, int, int], Sequence[T]],
    limit: int,
    offset: int,
) -> Paged[T]:
    """Page through the concatenated results of several scopes (teams) in the given order.

    Each scope is counted, and only the scopes overlapping ``[offset, offset + limit)`` are read,
    so a coordinator of several teams pages as cheaply as a worker of one.

    Parameters
    ----------
    scopes
        The teams (``None``: everything) in the order their results are shown.
    count
        How many results one scope has.
    fetch
        ``fetch(scope, limit, offset)``: one slice of one scope's results.
    limit, offset
        The page wanted.
    """
    items: list[T] = []
    total = 0
    for scope in scopes:
        size = count(scope)
        start = max(offset - total, 0)
        wanted = limit - len(items)
        if wanted > 0 and start < size:
            items.extend(fetch(scope, wanted, start))
        total += size
    return Paged(items=items, total=total, limit=limit, offset=offset)


def scopes_of(allowed: frozenset[str] | None, wanted: str | None) -> Sequence[str | None]:
    """The team scopes to read: the one ``wanted`` if allowed, else every allowed team, in order.

    ``allowed`` ``None`` means every team (admins). A wanted team the user may not see gives no
    scope at all, so the listing is simply empty.
    """
    if wanted is not None:
        return [wanted] if allowed is None or wanted in allowed else []
    if allowed is None:
        return [None]
    return sorted(allowed)
