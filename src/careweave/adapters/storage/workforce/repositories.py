"""SQL storage of neighbourhood teams and their care workers."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Select, String, cast, select
from sqlalchemy.engine import RowMapping

from careweave.adapters.storage.repository import SqlRepository, paginate
from careweave.adapters.storage.workforce import mapping, tables
from careweave.domain.errors import ConflictError
from careweave.domain.workforce.workers import Skill, Team, Worker


class SqlTeamRepository(SqlRepository[Team]):
    """Teams in ``teams``; names are unique."""

    table = tables.teams
    kind = "team"

    def _to_row(self, item: Team) -> dict[str, Any]:
        return mapping.team_to_row(item)

    def _from_row(self, row: RowMapping) -> Team:
        return mapping.team_from_row(row)

    def _check_references(self, item: Team) -> None:
        other = self.find_by_name(item.name)
        if other is not None and other.id != item.id:
            raise ConflictError(f"a team called {item.name!r} already exists", field="team.name")

    def find_by_name(self, name: str) -> Team | None:
        """The team called ``name`` (exactly), or ``None``."""
        statement = select(tables.teams).where(tables.teams.c.name == name.strip())
        found = self._fetch(statement)
        return found[0] if found else None

    def list(self, *, limit: int | None = None, offset: int = 0) -> list[Team]:
        """Teams by name."""
        statement = select(tables.teams).order_by(tables.teams.c.name, tables.teams.c.id)
        return self._fetch(paginate(statement, limit, offset))

    def count(self) -> int:
        """How many teams there are."""
        return self._count(select(tables.teams))


class SqlWorkerRepository(SqlRepository[Worker]):
    """Care workers in ``workers``."""

    table = tables.workers
    kind = "worker"

    def _to_row(self, item: Worker) -> dict[str, Any]:
        return mapping.worker_to_row(item)

    def _from_row(self, row: RowMapping) -> Worker:
        return mapping.worker_from_row(row)

    def _check_references(self, item: Worker) -> None:
        self._require(tables.teams, "team", item.team_id)

    def list(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        active: bool | None = None,
        skill: Skill | None = None,
        ids: Collection[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Worker]:
        """Workers matching every given filter, by family name, given name, id."""
        workers = tables.workers.c
        statement = self._filtered(team_id, team_ids, active, skill, ids).order_by(
            workers.family_name, workers.given_name, workers.id
        )
        return self._fetch(paginate(statement, limit, offset))

    def count(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        active: bool | None = None,
        skill: Skill | None = None,
        ids: Collection[str] | None = None,
    ) -> int:
        """How many workers :meth:`list` would return without pagination."""
        return self._count(self._filtered(team_id, team_ids, active, skill, ids))

    def _filtered(
        self,
        team_id: str | None,
        team_ids: Collection[str] | None,
        active: bool | None,
        skill: Skill | None,
        ids: Collection[str] | None,
    ) -> Select[Any]:
        workers = tables.workers.c
        statement = select(tables.workers)
        if team_id is not None:
            statement = statement.where(workers.team_id == team_id)
        if team_ids is not None:
            statement = statement.where(workers.team_id.in_(list(team_ids)))
        if active is not None:
            statement = statement.where(workers.active == active)
        if skill is not None:
            # Skills are a JSON list of plain words; the quoted word matches one whole element.
            quoted = f'"{Skill(skill).value}"'
            statement = statement.where(cast(workers.skills, String).contains(quoted))
        if ids is not None:
            statement = statement.where(workers.id.in_(list(ids)))
        return statement
