"""SQL repository of reablement episodes."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.engine import RowMapping

from careweave.adapters.storage.person_owned import _PersonOwned
from careweave.adapters.storage.reablement import mapping
from careweave.adapters.storage.reablement.tables import reablement_episodes
from careweave.adapters.storage.repository import chunks
from careweave.domain.reablement.episodes import ReablementEpisode


class SqlReablementRepository(_PersonOwned):
    """Reablement episodes, by start date."""

    table = reablement_episodes
    kind = "reablement episode"
    order = ("started_on", "id")

    def _to_row(self, e: ReablementEpisode) -> dict[str, Any]:
        return {
            "id": e.id,
            "person_id": e.person_id,
            "plan_id": e.plan_id,
            "started_on": e.started_on,
            "planned_end_on": e.planned_end_on,
            "ended_on": e.ended_on,
            "end_result": e.end_result.value if e.end_result else None,
            "extension_reason": e.extension_reason,
            "at_home_after_91_days": e.at_home_after_91_days,
            "goal_ids": list(e.goal_ids),
            "barthel_start": mapping.barthel_to_json(e.barthel_start),
            "barthel_end": mapping.barthel_to_json(e.barthel_end),
            "reviews": [mapping.review_to_json(r) for r in e.reviews],
        }

    def _from_row(self, r: RowMapping) -> ReablementEpisode:
        return ReablementEpisode(
            id=r["id"],
            person_id=r["person_id"],
            plan_id=r["plan_id"],
            started_on=r["started_on"],
            planned_end_on=r["planned_end_on"],
            ended_on=r["ended_on"],
            end_result=r["end_result"],
            extension_reason=r["extension_reason"],
            at_home_after_91_days=r["at_home_after_91_days"],
            goal_ids=tuple(r["goal_ids"]),
            barthel_start=mapping.barthel_from_json(r["barthel_start"]),
            barthel_end=mapping.barthel_from_json(r["barthel_end"]),
            reviews=tuple(mapping.review_from_json(x) for x in r["reviews"]),
        )

    def list(
        self, *, person_ids: Collection[str] | None = None, open_only: bool = False
    ) -> list[ReablementEpisode]:
        """Episodes of the given people (``None``: everyone), open ones only if asked."""
        columns = self.table.c
        statement: Select[Any] = select(self.table)
        if open_only:
            statement = statement.where(columns.ended_on.is_(None))
        statement = statement.order_by(columns.started_on, columns.id)
        if person_ids is None:
            return self._fetch(statement)
        found: list[ReablementEpisode] = []
        for chunk in chunks(sorted(set(person_ids))):
            found += self._fetch(statement.where(columns.person_id.in_(chunk)))
        return sorted(found, key=lambda e: (e.started_on, e.id))
