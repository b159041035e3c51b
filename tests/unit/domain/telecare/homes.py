"""Tiny homes for the telecare domain tests: devices, events at local times, and the home view."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import count

from careweave.domain.telecare.devices import Device, DeviceKind, token_digest
from careweave.domain.telecare.events import HOME_TIME, Event, EventKind
from careweave.domain.telecare.home import Absence, ActivityHistory, HomeEvents

# A Monday in winter (GMT), so local time equals UTC and the examples read plainly.
DAY = date(2026, 3, 2)
PERSON = "p1"
_numbers = count(1)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    """``hour:minute`` on ``day`` in the home's time."""
    return datetime.combine(day, time(hour, minute), tzinfo=HOME_TIME)


def a_device(kind: DeviceKind, location: str = "hall", **changes: object) -> Device:
    """An active device of ``kind`` in ``PERSON``'s home, id ``kind`` unless told."""
    fields: dict[str, object] = {
        "person_id": PERSON,
        "kind": kind,
        "location": location,
        "installed_on": DAY - timedelta(days=60),
        "token_hash": token_digest(f"secret-{kind.value}"),
        "id": kind.value,
    }
    fields.update(changes)
    return Device(**fields)  # type: ignore[arg-type]


def ev(device: str, kind: EventKind, moment: datetime, value: float | None = None) -> Event:
    """An event of ``device`` with the next sequence number."""
    return Event(device, next(_numbers), kind, moment, value)


def a_home(
    events: list[Event],
    kinds: tuple[DeviceKind, ...] = (DeviceKind.MOTION, DeviceKind.BED, DeviceKind.DOOR),
    away: tuple[Absence, ...] = (),
    history: ActivityHistory | None = None,
) -> HomeEvents:
    """The home of ``PERSON`` with a device of each of ``kinds`` (ids are the kinds' values)."""
    devices = {kind.value: a_device(kind) for kind in kinds}
    return HomeEvents(PERSON, tuple(events), devices, away, history)
