"""Ports of the reablement capability: episodes in storage."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

from careweave.domain.reablement.episodes import ReablementEpisode


class ReablementRepository(Protocol):
    """Reablement episodes."""

    def get(self, ident: str) -> ReablementEpisode:
        """The episode with ``ident``."""
        ...

    def add(self, item: ReablementEpisode) -> None:
        """Store a new episode."""
        ...

    def add_all(self, items: Iterable[ReablementEpisode]) -> None:
        """Store many episodes."""
        ...

    def update(self, item: ReablementEpisode) -> None:
        """Save a changed episode."""
        ...

    def list_for_person(self, person_id: str) -> Sequence[ReablementEpisode]:
        """The person's episodes by start date."""
        ...

    def list(
        self, *, person_ids: Collection[str] | None = None, open_only: bool = False
    ) -> Sequence[ReablementEpisode]:
        """Episodes of the given people (None: everyone)."""
        ...
