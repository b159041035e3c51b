"""In-memory reablement episodes."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from tests.fakes.repository import FakePersonOwnedRepository

from careweave.domain.reablement.episodes import ReablementEpisode


class FakeReablementRepository(FakePersonOwnedRepository[ReablementEpisode]):
    """Reablement episodes, by start date."""

    table = "reablement_episodes"
    kind = "reablement episode"

    def list(
        self, *, person_ids: Collection[str] | None = None, open_only: bool = False
    ) -> list[ReablementEpisode]:
        """Episodes of the given people (``None``: everyone), open ones only if asked."""
        found = [
            e
            for e in self._rows.all()
            if (person_ids is None or e.person_id in person_ids)
            and (not open_only or e.ended_on is None)
        ]
        return sorted(found, key=lambda e: (e.started_on, e.id))

    def _order(self, record: ReablementEpisode) -> tuple[date]:
        return (record.started_on,)
