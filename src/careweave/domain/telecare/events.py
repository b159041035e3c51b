"""What a device in the home says: one event, numbered by the device itself.

Every event carries the device's id and the device's own sequence number, so the pair names it
uniquely: a device that sends the same event twice (it never heard the acknowledgement) sends the
same pair, and careweave stores it once. Times are timezone-aware instants; the rules read them in
the home's local time (:data:`HOME_TIME`).

:func:`read_event` turns the fields of a payload (parsed JSON) into an :class:`Event`, naming the
field that was wrong, so every way in (HTTP, MQTT, the CLI) refuses bad input the same way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import require_member, require_text

# The homes careweave serves are in England; ``careweave.clock`` says the same outside the domain.
HOME_TIME = ZoneInfo("Europe/London")
DEVICE_ID_MAX_LENGTH = 64
MAX_SEQUENCE = 2**63 - 1
TEMPERATURE_RANGE = (-40.0, 80.0)
BATTERY_RANGE = (0.0, 100.0)


class EventKind(StrEnum):
    """What happened, as the device reports it."""

    PRESS = "press"  # the pendant's button
    FALL = "fall"
    MOTION = "motion"
    IN_BED = "in_bed"
    OUT_OF_BED = "out_of_bed"
    SAT_DOWN = "sat_down"
    STOOD_UP = "stood_up"
    DOOR_OPENED = "door_opened"
    DOOR_CLOSED = "door_closed"
    APPLIANCE_USED = "appliance_used"
    TEMPERATURE = "temperature"  # value: degrees Celsius
    SMOKE = "smoke"
    FLOOD = "flood"
    HEARTBEAT = "heartbeat"  # value: battery percent, when the device knows it


# Signs of someone moving about the home: what "no movement" and the activity pattern count.
ACTIVITY_KINDS = frozenset(
    {
        EventKind.MOTION,
        EventKind.IN_BED,
        EventKind.OUT_OF_BED,
        EventKind.SAT_DOWN,
        EventKind.STOOD_UP,
        EventKind.DOOR_OPENED,
        EventKind.DOOR_CLOSED,
        EventKind.APPLIANCE_USED,
        EventKind.PRESS,
    }
)


# Kinds whose rule fires at once (pendant, fall, smoke, flood): the person's rules are run as soon
# as one is stored. Every other rule fires on the clock and waits for the next periodic run.
AT_ONCE_KINDS = frozenset({EventKind.PRESS, EventKind.FALL, EventKind.SMOKE, EventKind.FLOOD})


@dataclass(frozen=True, slots=True)
class Event:
    """One event of one device.

    Parameters
    ----------
    device_id
        The device that sent it.
    sequence
        The device's own number for it (0 or more); ``(device_id, sequence)`` names the event.
    kind
        What happened.
    at
        When, timezone-aware.
    value
        Degrees Celsius for a temperature (required), battery percent for a heartbeat (optional);
        nothing for the other kinds.
    """

    device_id: str
    sequence: int
    kind: EventKind
    at: datetime
    value: float | None = None

    def __post_init__(self) -> None:
        device_id = require_text("device_id", self.device_id, max_length=DEVICE_ID_MAX_LENGTH)
        object.__setattr__(self, "device_id", device_id)
        if isinstance(self.sequence, bool) or not isinstance(self.sequence, int):
            raise DomainValidationError("sequence", "must be a whole number")
        if not 0 <= self.sequence <= MAX_SEQUENCE:
            raise DomainValidationError("sequence", f"must be between 0 and {MAX_SEQUENCE}")
        object.__setattr__(self, "kind", require_member("kind", self.kind, EventKind))
        if not isinstance(self.at, datetime) or self.at.tzinfo is None:
            raise DomainValidationError("at", "must be a date and time with its UTC offset")
        _check_value(self.kind, self.value)

    @property
    def key(self) -> tuple[str, int]:
        """``(device_id, sequence)``: what makes the event unique."""
        return self.device_id, self.sequence

    @property
    def local_at(self) -> datetime:
        """When it happened, in the home's local time."""
        return self.at.astimezone(HOME_TIME)


def _check_value(kind: EventKind, value: float | None) -> None:
    if kind is EventKind.TEMPERATURE:
        if value is None:
            raise DomainValidationError("value", "a temperature event needs its value in °C")
        _require_number("value", value, TEMPERATURE_RANGE)
    elif kind is EventKind.HEARTBEAT:
        if value is not None:
            _require_number("value", value, BATTERY_RANGE)
    elif value is not None:
        raise DomainValidationError("value", f"a {kind.value} event carries no value")


def _require_number(field: str, value: object, bounds: tuple[float, float]) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DomainValidationError(field, "must be a number")
    low, high = bounds
    if not low <= value <= high:
        raise DomainValidationError(field, f"must be between {low:g} and {high:g}")


EVENT_FIELDS = ("device_id", "sequence", "kind", "at", "value")


def read_event(fields: Mapping[str, object], *, where: str = "") -> Event:
    """The event described by ``fields`` (a parsed JSON object), or an error naming the field.

    Parameters
    ----------
    fields
        ``device_id`` (text), ``sequence`` (whole number), ``kind``, ``at`` (ISO 8601 with its
        offset, e.g. ``2026-03-02T07:15:00Z``) and, for some kinds, ``value``.
    where
        Prefix of the field names in errors (``"events.3."`` for the fourth event of a batch).
    """
    if not isinstance(fields, Mapping):
        raise DomainValidationError(where.rstrip(".") or "event", "must be a JSON object")
    unknown = sorted(set(fields) - set(EVENT_FIELDS))
    if unknown:
        raise DomainValidationError(f"{where}{unknown[0]}", "is not a field of an event")
    for name in EVENT_FIELDS[:4]:
        if name not in fields:
            raise DomainValidationError(f"{where}{name}", "is required")
    try:
        return Event(
            device_id=_text(fields["device_id"]),
            sequence=fields["sequence"],  # type: ignore[arg-type]  # Event checks it
            kind=fields["kind"],  # type: ignore[arg-type]
            at=_instant(fields["at"]),
            value=fields.get("value"),  # type: ignore[arg-type]
        )
    except DomainValidationError as exc:
        raise DomainValidationError(f"{where}{exc.field}", exc.message) from None


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise DomainValidationError("device_id", "must be text")
    return value


def _instant(value: object) -> datetime:
    if not isinstance(value, str):
        raise DomainValidationError("at", "must be an ISO 8601 date and time, as text")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise DomainValidationError(
            "at", f"{value[:40]!r} is not an ISO 8601 date and time"
        ) from None
    if parsed.tzinfo is None:
        raise DomainValidationError("at", "must carry its UTC offset (for example Z or +01:00)")
    return parsed


MAX_BATCH = 1000


def read_batch(payload: object) -> list[Event]:
    """The events of a payload: one event object, or ``{"events": [...]}`` with 1 to 1,000 of them.

    Errors name the field as the sender wrote it (``events.3.kind``; ``kind`` for a lone event).
    """
    if isinstance(payload, Mapping) and "events" in payload:
        unknown = sorted(set(payload) - {"events"})
        if unknown:
            raise DomainValidationError(unknown[0], "is not a field of a batch")
        items = payload["events"]
        if not isinstance(items, list):
            raise DomainValidationError("events", "must be a list of events")
        if not 1 <= len(items) <= MAX_BATCH:
            raise DomainValidationError("events", f"must hold 1 to {MAX_BATCH} events")
        return [read_event(item, where=f"events.{i}.") for i, item in enumerate(items)]
    if not isinstance(payload, Mapping):
        raise DomainValidationError("body", "must be an event or a batch of events (a JSON object)")
    return [read_event(payload)]
