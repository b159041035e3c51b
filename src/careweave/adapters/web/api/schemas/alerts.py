"""Schemas of late and missed visit alerts."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated

from pydantic import BaseModel, Field

from careweave.adapters.web.api.schemas.common import LongText, Schema
from careweave.domain.recording import Lateness
from careweave.services.alerts import AlertLine


class AlertPublic(BaseModel):
    """An alert about a visit nobody had checked in to in time (``late``: 15 minutes after its
    window; ``missed``: 2 hours after, or by midnight). Who acknowledged it and their note stay
    with the team."""

    id: str
    kind: Lateness
    person_id: str
    visit_id: str
    day: date
    window_start: time
    window_end: time
    raised_at: datetime
    acknowledged: bool
    acknowledged_at: datetime | None

    @classmethod
    def of(cls, line: AlertLine) -> AlertPublic:
        """The schema of an alert with its visit."""
        alert, visit = line.alert, line.visit
        return cls(
            id=alert.id, kind=alert.kind, person_id=line.person.id, visit_id=visit.id,
            day=visit.day, window_start=visit.window_start, window_end=visit.window_end,
            raised_at=alert.raised_at, acknowledged=not alert.is_open,
            acknowledged_at=alert.acknowledged_at,
        )  # fmt: skip


class AlertAcknowledge(Schema):
    """What the coordinator is doing about the alert."""

    note: Annotated[LongText, Field(max_length=500)] = ""
