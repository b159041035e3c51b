"""SQL storage of visits, with their assigned workers and optimistic concurrency on ``version``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, bindparam, delete, insert, select, update
from sqlalchemy.engine import RowMapping

from careweave.adapters.storage.people import tables as people_tables
from careweave.adapters.storage.repository import (
    SqlRepository,
    affected_rows,
    chunks,
    integrity_as_conflict,
    paginate,
)
from careweave.adapters.storage.visits import mapping, tables
from careweave.adapters.storage.workforce import tables as workforce_tables
from careweave.domain.errors import ConflictError, NotFoundError
from careweave.domain.visits.visit import Visit, VisitStatus

StatusFilter = VisitStatus | Collection[VisitStatus] | None


class SqlVisitRepository(SqlRepository[Visit]):
    """Visits in ``visits`` and their workers in ``visit_assignments``.

    Every update names the version it read; if the stored version has moved on, someone else saved
    the visit first and the update is refused with :class:`ConflictError` (no lost updates).
    """

    table = tables.visits
    kind = "visit"

    def _to_row(self, item: Visit) -> dict[str, Any]:
        return mapping.visit_to_row(item)

    def _from_row(self, row: RowMapping) -> Visit:
        raise NotImplementedError("visits are loaded with their assignments by _load")

    def _check_references(self, item: Visit) -> None:
        self._require(people_tables.people, "person", item.person_id)
        for worker_id in item.assigned_worker_ids:
            self._require(workforce_tables.workers, "worker", worker_id)

    def _after_insert(self, items: Sequence[Visit]) -> None:
        rows = mapping.assignment_rows(items)
        if rows:
            self.session.execute(insert(tables.visit_assignments), rows)

    def _load(self, rows: Sequence[RowMapping]) -> list[Visit]:
        workers = self._assigned_workers([row["id"] for row in rows])
        return [mapping.visit_from_row(row, workers.get(row["id"], ())) for row in rows]

    def _assigned_workers(self, visit_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        assignments = tables.visit_assignments.c
        found: dict[str, list[str]] = defaultdict(list)
        for chunk in chunks(visit_ids):
            statement = (
                select(assignments.visit_id, assignments.worker_id)
                .where(assignments.visit_id.in_(chunk))
                .order_by(assignments.visit_id, assignments.position)
            )
            for visit_id, worker_id in self.session.execute(statement):
                found[visit_id].append(worker_id)
        return {visit_id: tuple(ids) for visit_id, ids in found.items()}

    def list(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        person_id: str | None = None,
        worker_id: str | None = None,
        day_from: date | None = None,
        day_to: date | None = None,
        status: StatusFilter = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Visit]:
        """Visits matching every filter, by day, window start, id (see the port for filters)."""
        visits = tables.visits.c
        statement = self._filtered(
            team_id, team_ids, person_id, worker_id, day_from, day_to, status
        )
        statement = statement.order_by(visits.day, visits.window_start, visits.id)
        return self._fetch(paginate(statement, limit, offset))

    def count(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        person_id: str | None = None,
        worker_id: str | None = None,
        day_from: date | None = None,
        day_to: date | None = None,
        status: StatusFilter = None,
    ) -> int:
        """How many visits :meth:`list` would return without pagination."""
        return self._count(
            self._filtered(team_id, team_ids, person_id, worker_id, day_from, day_to, status)
        )

    def _filtered(
        self,
        team_id: str | None,
        team_ids: Collection[str] | None,
        person_id: str | None,
        worker_id: str | None,
        day_from: date | None,
        day_to: date | None,
        status: StatusFilter,
    ) -> Select[Any]:
        visits = tables.visits.c
        statement = select(tables.visits)
        if team_id is not None:
            team_people = select(people_tables.people.c.id).where(
                people_tables.people.c.team_id == team_id
            )
            statement = statement.where(visits.person_id.in_(team_people))
        if team_ids is not None:
            in_teams = people_tables.people.c.team_id.in_(list(team_ids))
            statement = statement.where(
                visits.person_id.in_(select(people_tables.people.c.id).where(in_teams))
            )
        if person_id is not None:
            statement = statement.where(visits.person_id == person_id)
        if worker_id is not None:
            assignments = tables.visit_assignments.c
            assigned = select(assignments.visit_id).where(assignments.worker_id == worker_id)
            statement = statement.where(visits.id.in_(assigned))
        if day_from is not None:
            statement = statement.where(visits.day >= day_from)
        if day_to is not None:
            statement = statement.where(visits.day <= day_to)
        if status is not None:
            wanted = [status] if isinstance(status, str) else list(status)
            statement = statement.where(visits.status.in_([VisitStatus(s).value for s in wanted]))
        return statement

    def update(self, item: Visit) -> None:
        """Save ``item`` if nobody saved it since it was read; then bump its ``version``."""
        self._check_references(item)
        self._write([item])

    def update_all(self, items: Iterable[Visit]) -> None:
        """Save many visits in bulk; if any one is stale, none is written."""
        batch = list(items)
        if batch:
            stale = self._stale([v.id for v in batch], {v.id: v.version for v in batch})
            if stale:
                raise _conflict(stale[0])
            self._write(batch)

    def _write(self, batch: Sequence[Visit]) -> None:
        visits = tables.visits.c
        rows = [
            {
                **mapping.visit_to_row(v),
                "b_id": v.id,
                "b_version": v.version,
                "version": v.version + 1,
            }
            for v in batch
        ]
        statement = (
            update(tables.visits)
            .where(visits.id == bindparam("b_id"), visits.version == bindparam("b_version"))
            .values({name: bindparam(name) for name in rows[0] if not name.startswith("b_")})
        )
        # On PostgreSQL the savepoint also undoes the rows already written when one is refused.
        with integrity_as_conflict(
            self.session,
            "could not save the visits: one refers to a person or worker that does not exist",
        ):
            result = self.session.execute(statement, rows)
            if affected_rows(result) != len(batch):
                # Someone saved one of these in between this transaction's check and its write.
                expected = {v.id: v.version + 1 for v in batch}
                stale = self._stale([v.id for v in batch], expected)
                raise _conflict(stale[0] if stale else batch[0].id)
            self._replace_assignments(batch)
        for visit in batch:
            visit.version += 1

    def _stale(self, visit_ids: Sequence[str], expected: dict[str, int]) -> Sequence[str]:
        """Ids whose stored version is not ``expected``; :class:`NotFoundError` for a missing one.

        On PostgreSQL the rows are locked until the transaction ends, so they cannot go stale
        between this check and the write that follows it.
        """
        visits = tables.visits.c
        stored: dict[str, int] = {}
        for chunk in chunks(visit_ids):
            statement = select(visits.id, visits.version).where(visits.id.in_(chunk))
            for ident, version in self.session.execute(statement.with_for_update()):
                stored[ident] = version
        for ident in visit_ids:
            if ident not in stored:
                raise NotFoundError(self.kind, ident)
        return [ident for ident in visit_ids if stored[ident] != expected[ident]]

    def _replace_assignments(self, batch: Sequence[Visit]) -> None:
        assignments = tables.visit_assignments
        for chunk in chunks([v.id for v in batch]):
            self.session.execute(delete(assignments).where(assignments.c.visit_id.in_(chunk)))
        rows = mapping.assignment_rows(batch)
        if rows:
            self.session.execute(insert(assignments), rows)


def _conflict(visit_id: str) -> ConflictError:
    return ConflictError(
        f"visit {visit_id!r} was changed by someone else since it was read; reload it and try again",
        field="visit.version",
    )
