"""In-memory visits (optimistic on their version), visit records and late or missed visit alerts."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime

from tests.fakes.repository import FakeRepository
from tests.fakes.rows import page

from careweave.domain.errors import ConflictError, NotFoundError
from careweave.domain.visits.recording import (
    Alert,
    GoalNote,
    Lateness,
    MedicationOutcome,
    MedicationResult,
    VisitRecord,
)
from careweave.domain.visits.visit import Visit, VisitStatus

StatusFilter = VisitStatus | Collection[VisitStatus] | None


class FakeVisitRepository(FakeRepository[Visit]):
    """Visits by day, window start, id. An update naming a version that is no longer the stored
    one is a :class:`ConflictError` (someone else saved the visit first); nothing is written."""

    table = "visits"
    kind = "visit"

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
        """Visits matching every filter (see the port)."""
        found = self._filtered(team_id, team_ids, person_id, worker_id, day_from, day_to, status)
        return page(sorted(found, key=lambda v: (v.day, v.window_start, v.id)), limit, offset)

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
        return len(
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
    ) -> Sequence[Visit]:
        # The team of a visit is the team of the visited person.
        team_of = {p.id: p.team_id for p in self._transaction.rows("people").all()}
        statuses = None if status is None else {status} if isinstance(status, str) else set(status)

        def matches(v: Visit) -> bool:
            team = team_of.get(v.person_id)
            return (
                (team_id is None or team == team_id)
                and (team_ids is None or team in team_ids)
                and (person_id is None or v.person_id == person_id)
                and (worker_id is None or worker_id in v.assigned_worker_ids)
                and (day_from is None or v.day >= day_from)
                and (day_to is None or v.day <= day_to)
                and (statuses is None or v.status in statuses)
            )

        return self._rows.where(matches)

    def update(self, item: Visit) -> None:
        """Save ``item`` if nobody saved it since it was read; then bump its ``version``."""
        self._check_references(item)
        self._check_versions([item])
        self._write([item])

    def update_all(self, visits: Iterable[Visit]) -> None:
        """Save many visits; if any one is stale or refers to a missing record, none is written."""
        batch = list(visits)
        self._check_versions(batch)
        try:
            for visit in batch:
                self._check_references(visit)
        except NotFoundError:
            raise ConflictError(
                "could not save the visits: one refers to a person or worker that does not exist"
            ) from None
        self._write(batch)

    def _check_versions(self, batch: Sequence[Visit]) -> None:
        for visit in batch:
            if self.get(visit.id).version != visit.version:
                raise ConflictError(
                    f"visit {visit.id!r} was changed by someone else since it was read; "
                    "reload it and try again",
                    field="visit.version",
                )

    def _write(self, batch: Sequence[Visit]) -> None:
        for visit in batch:
            visit.version += 1
            self._rows.put(visit.id, visit)

    def _check_references(self, item: Visit) -> None:
        self._require("people", "person", item.person_id)
        for worker_id in item.assigned_worker_ids:
            self._require("workers", "worker", worker_id)

    def _remove_dependants(self, ident: str) -> None:
        for table in ("visit_records", "visit_alerts"):
            self._transaction.rows(table).delete_where(lambda row: row.visit_id == ident)


class FakeVisitRecordRepository(FakeRepository[VisitRecord]):
    """Each worker's record of each visit, at most one per worker and visit."""

    table = "visit_records"
    kind = "visit record"

    def find(self, visit_id: str, worker_id: str) -> VisitRecord | None:
        """The record of ``worker_id`` on ``visit_id``, or ``None``."""
        mine = (r for r in self._rows.all() if (r.visit_id, r.worker_id) == (visit_id, worker_id))
        return next(mine, None)

    def list_for_visits(self, visit_ids: Collection[str]) -> list[VisitRecord]:
        """Every record of the given visits, by check-in time then id."""
        found = self._rows.where(lambda r: r.visit_id in visit_ids)
        return sorted(found, key=lambda r: (r.check_in.at, r.id))

    def medication_results(
        self, team_id: str, day_from: date, day_to: date, results: Collection[MedicationResult]
    ) -> list[tuple[str, date, MedicationOutcome]]:
        """``(person_id, day, outcome)`` of the outcomes with one of ``results`` on the team's
        visits from ``day_from`` to ``day_to``, by day, visit and the outcome's position."""
        team_of = {p.id: p.team_id for p in self._transaction.rows("people").all()}
        visits = {
            v.id: v
            for v in self._transaction.rows("visits").all()
            if team_of.get(v.person_id) == team_id and day_from <= v.day <= day_to
        }
        found = [
            (visits[r.visit_id], m)
            for r in self._rows.all()
            if r.visit_id in visits
            for m in r.outcomes.medications
            if m.result in results
        ]
        # sorted() is stable, so one record's outcomes keep their order.
        found.sort(key=lambda pair: (pair[0].day, pair[0].id))
        return [(visit.person_id, visit.day, outcome) for visit, outcome in found]

    def goal_notes(
        self, person_id: str, goal_ids: Collection[str], per_goal: int
    ) -> list[GoalNote]:
        """The newest ``per_goal`` progress notes on each of the person's ``goal_ids``, by goal
        and newest first."""
        visits = {v.id: v for v in self._transaction.rows("visits").all()}
        first_names = {w.id: w.given_name for w in self._transaction.rows("workers").all()}
        noted = [
            r
            for r in self._rows.all()
            if r.outcomes.progress is not None
            and r.outcomes.progress.goal_id in goal_ids
            and visits[r.visit_id].person_id == person_id
        ]
        noted.sort(key=lambda r: (r.check_in.at, r.id), reverse=True)
        by_goal: dict[str, list[GoalNote]] = {}
        for r in noted:
            assert r.outcomes.progress is not None  # kept above
            note = r.outcomes.progress
            day, worker = visits[r.visit_id].day, first_names[r.worker_id]
            by_goal.setdefault(note.goal_id, []).append(
                GoalNote(note.goal_id, day, worker, note.text)
            )
        return [note for goal in sorted(by_goal) for note in by_goal[goal][:per_goal]]

    def add(self, item: VisitRecord) -> None:
        """Store a new record; a second record of the same worker on a visit is a conflict."""
        self._check_references(item)
        if self.find(item.visit_id, item.worker_id) is not None:
            raise ConflictError("you have already checked in to this visit")
        super().add(item)

    def _check_references(self, item: VisitRecord) -> None:
        self._require("visits", "visit", item.visit_id)
        self._require("workers", "worker", item.worker_id)


class FakeAlertRepository(FakeRepository[Alert]):
    """Late and missed visit alerts, newest first; one of each kind per visit."""

    table = "visit_alerts"
    kind = "alert"

    def raised_for(self, visit_ids: Collection[str]) -> set[tuple[str, Lateness]]:
        """``(visit_id, kind)`` of every alert already raised for the given visits."""
        return {(a.visit_id, a.kind) for a in self._rows.all() if a.visit_id in visit_ids}

    def raised_since(self, team_id: str, since: datetime) -> list[tuple[str, date, Lateness]]:
        """``(person_id, visit day, kind)`` of the team's alerts raised since ``since``."""
        visits = {v.id: v for v in self._transaction.rows("visits").all()}
        raised = [
            (visits[a.visit_id], a.kind)
            for a in self._rows.all()
            if a.team_id == team_id and a.raised_at >= since
        ]
        raised.sort(key=lambda pair: (pair[0].day, pair[0].window_start, pair[1]))
        return [(visit.person_id, visit.day, kind) for visit, kind in raised]

    def add(self, item: Alert) -> None:
        """Store a new alert; a second alert of one kind for one visit is a conflict."""
        if (item.visit_id, item.kind) in self.raised_for([item.visit_id]):
            raise ConflictError(f"alert {item.id!r} could not be added: already raised")
        super().add(item)

    def list(
        self,
        *,
        team_ids: Collection[str] | None = None,
        person_ids: Collection[str] | None = None,
        open_only: bool = False,
        raised_from: datetime | None = None,
        kinds: Collection[Lateness] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Alert]:
        """Alerts of the given teams and about visits to the given people, newest first."""
        found = sorted(
            self._filtered(team_ids, person_ids, open_only, raised_from, kinds), key=lambda a: a.id
        )
        # Two stable sorts: newest first, and on one moment by id (ascending, as the SQL orders).
        return page(sorted(found, key=lambda a: a.raised_at, reverse=True), limit, offset)

    def count(
        self,
        *,
        team_ids: Collection[str] | None = None,
        person_ids: Collection[str] | None = None,
        open_only: bool = False,
        raised_from: datetime | None = None,
        kinds: Collection[Lateness] | None = None,
    ) -> int:
        """How many alerts :meth:`list` would give without a page limit."""
        return len(self._filtered(team_ids, person_ids, open_only, raised_from, kinds))

    def _filtered(
        self,
        team_ids: Collection[str] | None,
        person_ids: Collection[str] | None,
        open_only: bool,
        raised_from: datetime | None,
        kinds: Collection[Lateness] | None,
    ) -> Sequence[Alert]:
        person_of = {v.id: v.person_id for v in self._transaction.rows("visits").all()}

        def matches(a: Alert) -> bool:
            return (
                (team_ids is None or a.team_id in team_ids)
                and (person_ids is None or person_of.get(a.visit_id) in person_ids)
                and (not open_only or a.is_open)
                and (raised_from is None or a.raised_at >= raised_from)
                and (kinds is None or a.kind in kinds)
            )

        return self._rows.where(matches)

    def _check_references(self, item: Alert) -> None:
        self._require("visits", "visit", item.visit_id)
        self._require("teams", "team", item.team_id)
