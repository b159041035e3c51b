"""SQL storage of visit records (with medication outcomes) and late/missed visit alerts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, delete, func, insert, select
from sqlalchemy.engine import RowMapping

from careweave.adapters.storage.people import tables as people_tables
from careweave.adapters.storage.repository import (
    SqlRepository,
    chunks,
    integrity_as_conflict,
    paginate,
)
from careweave.adapters.storage.visits import mapping, tables
from careweave.adapters.storage.visits.tables import (
    medication_outcomes,
    visit_alerts,
    visit_records,
)
from careweave.adapters.storage.workforce import tables as workforce_tables
from careweave.domain.visits.recording import (
    Alert,
    GoalNote,
    Lateness,
    MedicationOutcome,
    MedicationResult,
    VisitRecord,
)


class SqlVisitRecordRepository(SqlRepository[VisitRecord]):
    """Visit records in ``visit_records``, their medication outcomes in ``medication_outcomes``."""

    table = visit_records
    kind = "visit record"

    def _to_row(self, item: VisitRecord) -> dict[str, Any]:
        return mapping.record_to_row(item)

    def _check_references(self, item: VisitRecord) -> None:
        self._require(tables.visits, "visit", item.visit_id)
        self._require(workforce_tables.workers, "worker", item.worker_id)

    def _after_insert(self, items: Sequence[VisitRecord]) -> None:
        rows = mapping.medication_rows(items)
        if rows:
            self.session.execute(insert(medication_outcomes), rows)

    def _load(self, rows: Sequence[RowMapping]) -> list[VisitRecord]:
        medications = self._medications([row["id"] for row in rows])
        return [mapping.record_from_row(row, medications.get(row["id"], ())) for row in rows]

    def _medications(self, record_ids: Sequence[str]) -> dict[str, list[MedicationOutcome]]:
        found: dict[str, list[MedicationOutcome]] = defaultdict(list)
        columns = medication_outcomes.c
        for chunk in chunks(record_ids):
            statement = (
                select(medication_outcomes)
                .where(columns.record_id.in_(chunk))
                .order_by(columns.record_id, columns.position)
            )
            for row in self.session.execute(statement).mappings():
                found[row["record_id"]].append(
                    MedicationOutcome(row["item"], row["result"], row["reason"])
                )
        return found

    def find(self, visit_id: str, worker_id: str) -> VisitRecord | None:
        """The record of ``worker_id`` on ``visit_id``, or ``None``."""
        columns = self.table.c
        found = self._fetch(
            select(self.table).where(columns.visit_id == visit_id, columns.worker_id == worker_id)
        )
        return found[0] if found else None

    def list_for_visits(self, visit_ids: Collection[str]) -> list[VisitRecord]:
        """Every record of the given visits, by check-in time then id."""
        found: list[VisitRecord] = []
        for chunk in chunks(sorted(set(visit_ids))):
            found += self._fetch(select(self.table).where(self.table.c.visit_id.in_(chunk)))
        return sorted(found, key=lambda r: (r.check_in.at, r.id))

    def medication_results(
        self, team_id: str, day_from: date, day_to: date, results: Collection[MedicationResult]
    ) -> list[tuple[str, date, MedicationOutcome]]:
        """``(person_id, day, outcome)`` of the outcomes with one of ``results`` on the team's
        visits from ``day_from`` to ``day_to``."""
        med, record, visit, person = (
            medication_outcomes.c,
            visit_records.c,
            tables.visits.c,
            people_tables.people.c,
        )
        statement = (
            select(visit.person_id, visit.day, med.item, med.result, med.reason)
            .select_from(
                medication_outcomes.join(visit_records, med.record_id == record.id)
                .join(tables.visits, record.visit_id == visit.id)
                .join(people_tables.people, visit.person_id == person.id)
            )
            .where(
                person.team_id == team_id,
                visit.day.between(day_from, day_to),
                med.result.in_(sorted(r.value for r in results)),
            )
            .order_by(visit.day, visit.id, med.position)
        )
        return [
            (person_id, day, MedicationOutcome(item, MedicationResult(result), reason))
            for person_id, day, item, result, reason in self.session.execute(statement)
        ]

    def goal_notes(
        self, person_id: str, goal_ids: Collection[str], per_goal: int
    ) -> list[GoalNote]:
        """The newest ``per_goal`` progress notes on each of the person's ``goal_ids``, newest
        first (a window function ranks each goal's notes, so it is one query however many goals)."""
        record, visit, worker = visit_records.c, tables.visits.c, workforce_tables.workers.c
        rank = func.row_number().over(
            partition_by=record.progress_goal_id,
            order_by=(record.check_in_at.desc(), record.id.desc()),
        )
        ranked = (
            select(
                record.progress_goal_id,
                visit.day,
                worker.given_name,
                record.progress_text,
                record.check_in_at,
                record.id,
                rank.label("rank"),
            )
            .select_from(
                visit_records.join(tables.visits, record.visit_id == visit.id).join(
                    workforce_tables.workers, record.worker_id == worker.id
                )
            )
            .where(
                visit.person_id == person_id,
                record.progress_goal_id.in_(sorted(goal_ids)),
                record.progress_text.is_not(None),
            )
            .subquery()
        )
        statement = (
            select(
                ranked.c.progress_goal_id, ranked.c.day, ranked.c.given_name, ranked.c.progress_text
            )
            .where(ranked.c.rank <= per_goal)
            .order_by(ranked.c.progress_goal_id, ranked.c.check_in_at.desc(), ranked.c.id.desc())
        )
        return [GoalNote(*row) for row in self.session.execute(statement)]

    def add(self, item: VisitRecord) -> None:
        """Store a new record; a second record of the same worker on a visit is a conflict."""
        self._check_references(item)
        with integrity_as_conflict(self.session, "you have already checked in to this visit"):
            self.session.execute(insert(self.table).values(**self._to_row(item)))
        self._after_insert([item])

    def update(self, item: VisitRecord) -> None:
        """Save ``item`` and replace its medication outcomes."""
        super().update(item)
        self.session.execute(
            delete(medication_outcomes).where(medication_outcomes.c.record_id == item.id)
        )
        self._after_insert([item])


class SqlAlertRepository(SqlRepository[Alert]):
    """Late and missed visit alerts in ``visit_alerts``."""

    table = visit_alerts
    kind = "alert"

    def _to_row(self, item: Alert) -> dict[str, Any]:
        return mapping.alert_to_row(item)

    def _from_row(self, row: RowMapping) -> Alert:
        return mapping.alert_from_row(row)

    def _check_references(self, item: Alert) -> None:
        self._require(tables.visits, "visit", item.visit_id)
        self._require(workforce_tables.teams, "team", item.team_id)

    def raised_for(self, visit_ids: Collection[str]) -> set[tuple[str, Lateness]]:
        """``(visit_id, kind)`` of every alert already raised for the given visits."""
        raised: set[tuple[str, Lateness]] = set()
        columns = self.table.c
        for chunk in chunks(sorted(set(visit_ids))):
            statement = select(columns.visit_id, columns.kind).where(columns.visit_id.in_(chunk))
            raised |= {(v, Lateness(k)) for v, k in self.session.execute(statement)}
        return raised

    def raised_since(self, team_id: str, since: datetime) -> list[tuple[str, date, Lateness]]:
        """``(person_id, visit day, kind)`` of the team's alerts raised since ``since``."""
        alert, visit = self.table.c, tables.visits.c
        statement = (
            select(visit.person_id, visit.day, alert.kind)
            .select_from(self.table.join(tables.visits, alert.visit_id == visit.id))
            .where(alert.team_id == team_id, alert.raised_at >= since)
            .order_by(visit.day, visit.window_start, alert.kind)
        )
        return [(p, d, Lateness(k)) for p, d, k in self.session.execute(statement)]

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
        """Alerts of the given teams, about visits to the given people and of the given kinds
        (``None``: all), newest first."""
        statement = self._filtered(team_ids, person_ids, open_only, raised_from, kinds)
        statement = statement.order_by(self.table.c.raised_at.desc(), self.table.c.id)
        return self._fetch(paginate(statement, limit, offset))

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
        return self._count(self._filtered(team_ids, person_ids, open_only, raised_from, kinds))

    def _filtered(
        self,
        team_ids: Collection[str] | None,
        person_ids: Collection[str] | None,
        open_only: bool,
        raised_from: datetime | None,
        kinds: Collection[Lateness] | None,
    ) -> Select[Any]:
        columns = self.table.c
        statement: Select[Any] = select(self.table)
        if team_ids is not None:
            statement = statement.where(columns.team_id.in_(sorted(team_ids)))
        if person_ids is not None:
            about = select(tables.visits.c.id).where(
                tables.visits.c.person_id.in_(sorted(person_ids))
            )
            statement = statement.where(columns.visit_id.in_(about))
        if open_only:
            statement = statement.where(columns.acknowledged_at.is_(None))
        if raised_from is not None:
            statement = statement.where(columns.raised_at >= raised_from)
        if kinds is not None:
            statement = statement.where(columns.kind.in_(sorted(k.value for k in kinds)))
        return statement
