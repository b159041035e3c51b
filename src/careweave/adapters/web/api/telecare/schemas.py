"""Telecare API schemas. The events body is described here by hand, as JSON Schema, because it is
read by the same reader as MQTT payloads (:func:`careweave.domain.telecare.events.read_batch`), so
both ways in refuse bad input with the same field names."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, Field

from careweave.adapters.web.api.common_schemas import LongText, Schema
from careweave.domain.telecare.alerts import Outcome, TelecareAlert
from careweave.domain.telecare.events import (
    DEVICE_ID_MAX_LENGTH,
    MAX_BATCH,
    MAX_SEQUENCE,
    EventKind,
)

EVENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "Event",
    "description": "One event of one device; (device_id, sequence) names it.",
    "required": ["device_id", "sequence", "kind", "at"],
    "additionalProperties": False,
    "properties": {
        "device_id": {"type": "string", "minLength": 1, "maxLength": DEVICE_ID_MAX_LENGTH},
        "sequence": {"type": "integer", "minimum": 0, "maximum": MAX_SEQUENCE},
        "kind": {"type": "string", "enum": [k.value for k in EventKind]},
        "at": {"type": "string", "format": "date-time", "description": "ISO 8601 with offset"},
        "value": {
            "type": ["number", "null"],
            "description": "°C for a temperature (required); battery % for a heartbeat (optional)",
        },
    },
}
EVENTS_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    EVENT_SCHEMA,
                    {
                        "type": "object",
                        "title": "EventBatch",
                        "required": ["events"],
                        "additionalProperties": False,
                        "properties": {
                            "events": {
                                "type": "array",
                                "minItems": 1,
                                "maxItems": MAX_BATCH,
                                "items": EVENT_SCHEMA,
                            }
                        },
                    },
                ]
            }
        }
    },
}


class ReceiptPublic(BaseModel):
    """What became of the events: ``stored`` new ones, ``repeats`` already stored before."""

    stored: int
    repeats: int


class AlertPublic(BaseModel):
    """A telecare alert as the API shows it."""

    id: str
    person_id: str
    kind: str
    title: str
    priority: int
    summary: str
    status: str
    raised_at: datetime
    acknowledged_at: datetime | None
    outcome: str | None

    @classmethod
    def of(cls, alert: TelecareAlert) -> AlertPublic:
        """The public view of ``alert``."""
        return cls(
            id=alert.id,
            person_id=alert.person_id,
            kind=alert.kind.value,
            title=alert.title,
            priority=int(alert.priority),
            summary=alert.summary,
            status=alert.status.value,
            raised_at=alert.raised_at,
            acknowledged_at=alert.acknowledged_at,
            outcome=alert.outcome.value if alert.outcome else None,
        )


class OutcomeIn(Schema):
    """What came of an alert: one of the outcomes, and a note (needed for ``other``)."""

    outcome: Outcome
    note: Annotated[LongText, Field(max_length=1000)] = ""
