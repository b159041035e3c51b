"""In-memory neighbourhood teams and their care workers."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from tests.fakes.repository import FakeRepository
from tests.fakes.rows import page

from careweave.domain.errors import ConflictError
from careweave.domain.workforce.workers import Skill, Team, Worker


class FakeTeamRepository(FakeRepository[Team]):
    """Teams by name; names are unique; removal refused while people, workers or alerts refer."""

    table = "teams"
    kind = "team"

    def find_by_name(self, name: str) -> Team | None:
        """The team called ``name`` (exactly), or ``None``."""
        return next((t for t in self._rows.all() if t.name == name.strip()), None)

    def list(self, *, limit: int | None = None, offset: int = 0) -> list[Team]:
        """Teams by name."""
        return page(sorted(self._rows.all(), key=lambda t: (t.name, t.id)), limit, offset)

    def count(self) -> int:
        """How many teams there are."""
        return len(self._rows.all())

    def _check_references(self, item: Team) -> None:
        other = self.find_by_name(item.name)
        if other is not None and other.id != item.id:
            raise ConflictError(f"a team called {item.name!r} already exists", field="team.name")

    def _in_use(self, ident: str) -> bool:
        rows = self._transaction.rows
        return any(
            row.team_id == ident
            for table in ("people", "workers", "visit_alerts")
            for row in rows(table).all()
        )


class FakeWorkerRepository(FakeRepository[Worker]):
    """Care workers by family name, given name, id; removal refused while visits name them."""

    table = "workers"
    kind = "worker"

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
        """Workers matching every given filter (see the port)."""
        found = self._filtered(team_id, team_ids, active, skill, ids)
        return page(sorted(found, key=lambda w: (w.family_name, w.given_name, w.id)), limit, offset)

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
        return len(self._filtered(team_id, team_ids, active, skill, ids))

    def _filtered(
        self,
        team_id: str | None,
        team_ids: Collection[str] | None,
        active: bool | None,
        skill: Skill | None,
        ids: Collection[str] | None,
    ) -> Sequence[Worker]:
        def matches(w: Worker) -> bool:
            return (
                (team_id is None or w.team_id == team_id)
                and (team_ids is None or w.team_id in team_ids)
                and (active is None or w.active == active)
                and (skill is None or skill in w.skills)
                and (ids is None or w.id in ids)
            )

        return self._rows.where(matches)

    def _check_references(self, item: Worker) -> None:
        self._require("teams", "team", item.team_id)

    def _in_use(self, ident: str) -> bool:
        rows = self._transaction.rows
        return any(ident in v.assigned_worker_ids for v in rows("visits").all()) or any(
            r.worker_id == ident for r in rows("visit_records").all()
        )
