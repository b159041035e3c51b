"""SQL storage of telecare alerts and their escalation steps: one alert per person and trigger key,
listed most urgent first, then oldest first (the order of the responder's queue)."""

from __future__ import annotations

import builtins
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, insert, select, update
from sqlalchemy.orm import Session

from careweave.adapters.storage.repository import affected_rows, chunks, paginate
from careweave.adapters.storage.telecare import tables as t
from careweave.adapters.storage.telecare.mapping import (
    alert_from,
    alert_row,
    escalation_from,
    escalation_row,
    utc,
)
from careweave.adapters.storage.telecare.repositories import insert_ignoring_repeats
from careweave.domain.errors import NotFoundError
from careweave.domain.telecare.alerts import AlertStatus, Escalation, TelecareAlert


class SqlTelecareAlertRepository:
    """Alerts in ``telecare_alerts``, their steps in ``telecare_escalations``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, alert: TelecareAlert) -> bool:
        """Store ``alert`` unless the person already has one with its key; True when stored."""
        statement = (
            insert_ignoring_repeats(self.session, t.alerts)
            .values(**alert_row(alert))
            .returning(t.alerts.c.id)
        )
        if self.session.execute(statement).first() is None:
            return False
        self._add_steps(alert.id, alert.escalations)
        return True

    def get(self, alert_id: str) -> TelecareAlert:
        """The alert with ``alert_id``."""
        found = self._fetch(select(t.alerts).where(t.alerts.c.id == alert_id))
        if not found:
            raise NotFoundError("alert", alert_id)
        return found[0]

    def update(self, alert: TelecareAlert) -> None:
        """Save the alert's state and the escalation steps not stored yet."""
        row = alert_row(alert)
        result = self.session.execute(
            update(t.alerts).where(t.alerts.c.id == alert.id).values(**row)
        )
        if affected_rows(result) == 0:
            raise NotFoundError("alert", alert.id)
        c = t.escalations.c
        stored = set(self.session.execute(select(c.level).where(c.alert_id == alert.id)).scalars())
        self._add_steps(alert.id, [s for s in alert.escalations if s.level not in stored])

    def raised_keys(self, person_id: str, since: datetime) -> set[str]:
        """The trigger keys of the person's alerts raised at or after ``since``."""
        c = t.alerts.c
        statement = select(c.trigger_key).where(c.person_id == person_id, c.raised_at >= utc(since))
        return set(self.session.execute(statement).scalars())

    def list(
        self,
        *,
        team_ids: Collection[str] | None = None,
        person_ids: Collection[str] | None = None,
        statuses: Collection[AlertStatus] | None = None,
        raised_from: datetime | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[TelecareAlert]:
        """Matching alerts, the most urgent first, then the oldest."""
        c = t.alerts.c
        statement = self._filtered(team_ids, person_ids, statuses, raised_from).order_by(
            c.priority, c.raised_at, c.id
        )
        return self._fetch(paginate(statement, limit, offset))

    def count(
        self,
        *,
        team_ids: Collection[str] | None = None,
        person_ids: Collection[str] | None = None,
        statuses: Collection[AlertStatus] | None = None,
        raised_from: datetime | None = None,
    ) -> int:
        """How many alerts :meth:`list` would return without pagination."""
        filtered = self._filtered(team_ids, person_ids, statuses, raised_from).subquery()
        return int(self.session.execute(select(func.count()).select_from(filtered)).scalar_one())

    @staticmethod
    def _filtered(
        team_ids: Collection[str] | None,
        person_ids: Collection[str] | None,
        statuses: Collection[AlertStatus] | None,
        raised_from: datetime | None,
    ) -> Select[Any]:
        c = t.alerts.c
        statement = select(t.alerts)
        if team_ids is not None:
            statement = statement.where(c.team_id.in_(sorted(team_ids)))
        if person_ids is not None:
            statement = statement.where(c.person_id.in_(sorted(person_ids)))
        if statuses is not None:
            statement = statement.where(c.status.in_(sorted(s.value for s in statuses)))
        if raised_from is not None:
            statement = statement.where(c.raised_at >= utc(raised_from))
        return statement

    def _fetch(self, statement: Select[Any]) -> builtins.list[TelecareAlert]:
        rows = self.session.execute(statement).mappings().all()
        steps = self._steps([row["id"] for row in rows])
        return [alert_from(row, steps.get(row["id"], [])) for row in rows]

    def _steps(self, alert_ids: Sequence[str]) -> dict[str, builtins.list[Escalation]]:
        found: dict[str, builtins.list[Escalation]] = {}
        c = t.escalations.c
        for part in chunks(alert_ids):
            statement = select(t.escalations).where(c.alert_id.in_(part)).order_by(c.level)
            for row in self.session.execute(statement).mappings():
                found.setdefault(row["alert_id"], []).append(escalation_from(row))
        return found

    def _add_steps(self, alert_id: str, steps: Sequence[Escalation]) -> None:
        if steps:
            rows: builtins.list[dict[str, Any]] = [escalation_row(alert_id, s) for s in steps]
            self.session.execute(insert(t.escalations), rows)
