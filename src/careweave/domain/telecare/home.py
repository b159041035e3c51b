"""A person's home as the rules see it: the events of a recent window, the devices that sent them,
the days the person is away, and their activity history (for the learned rule).

Rules read this and nothing else, so each rule is a pure function of it and ``now``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from operator import attrgetter

from careweave.domain.errors import DomainValidationError
from careweave.domain.telecare.alerts import AlertKind, Priority
from careweave.domain.telecare.devices import Device, DeviceKind
from careweave.domain.telecare.events import ACTIVITY_KINDS, HOME_TIME, Event, EventKind
from careweave.domain.values import new_id, require_member, require_text

HOURS = 24


class AwayReason(StrEnum):
    """Why a person is not at home."""

    HOLIDAY = "holiday"
    HOSPITAL = "hospital"
    RESPITE = "respite"
    WITH_FAMILY = "with_family"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Absence:
    """Days the person is away from home (``ends_on`` inclusive; ``None`` until they are back)."""

    person_id: str
    starts_on: date
    reason: AwayReason
    ends_on: date | None = None
    note: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", require_member("away.reason", self.reason, AwayReason))
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise DomainValidationError("away.ends_on", "must not be before the first day away")
        note = require_text("away.note", self.note, max_length=300, allow_empty=True)
        object.__setattr__(self, "note", note)

    def covers(self, day: date) -> bool:
        """True when the person is away on ``day``."""
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A rule's finding: raise an alert of ``kind`` for the occasion ``key`` (the same occasion
    always gives the same key, which is what keeps an alert from being raised twice)."""

    kind: AlertKind
    key: str
    at: datetime
    priority: Priority
    summary: str


@dataclass(frozen=True, slots=True)
class ActivityHistory:
    """Activity events counted per local hour: ``days`` maps a day to its 24 counts."""

    days: Mapping[date, tuple[int, ...]]

    def __post_init__(self) -> None:
        for day, counts in self.days.items():
            if len(counts) != HOURS or any(c < 0 for c in counts):
                raise DomainValidationError("history", f"{day} needs 24 counts of 0 or more")

    @classmethod
    def of(cls, events: Iterable[Event]) -> ActivityHistory:
        """Count the activity events of ``events`` per local day and hour."""
        counts: dict[date, list[int]] = {}
        for event in events:
            if event.kind in ACTIVITY_KINDS:
                local = event.local_at
                counts.setdefault(local.date(), [0] * HOURS)[local.hour] += 1
        return cls({day: tuple(hours) for day, hours in counts.items()})

    def hours(self, day: date) -> tuple[int, ...]:
        """The 24 counts of ``day`` (zeros for a day without any)."""
        return self.days.get(day, (0,) * HOURS)


def local_moment(day: date, at: time) -> datetime:
    """``at`` o'clock on ``day`` in the home's time, as an aware instant."""
    return datetime.combine(day, at, tzinfo=HOME_TIME)


def in_window(moment: datetime, start: time, end: time) -> bool:
    """True when ``moment``'s local time of day is within ``[start, end)``, which may run past
    midnight (22:00 to 07:00)."""
    clock = moment.astimezone(HOME_TIME).time().replace(tzinfo=None)
    if start <= end:
        return start <= clock < end
    return clock >= start or clock < end


@dataclass(frozen=True, slots=True)
class HomeEvents:
    """What the rules look at for one person at one moment.

    Parameters
    ----------
    person_id
        Whose home.
    events
        The events of the window, in any order (kept sorted by time).
    devices
        The home's devices, by id.
    away
        The person's absences.
    history
        Activity per local hour over the last weeks (for the learned rule), if known.
    """

    person_id: str
    events: tuple[Event, ...]
    devices: Mapping[str, Device]
    away: tuple[Absence, ...] = ()
    history: ActivityHistory | None = None
    _times: tuple[datetime, ...] = field(default=(), repr=False, compare=False)
    _by_kind: Mapping[EventKind, list[Event]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.events, key=attrgetter("at")))
        object.__setattr__(self, "events", ordered)
        object.__setattr__(self, "_times", tuple(e.at for e in ordered))
        by_kind: dict[EventKind, list[Event]] = {}
        for event in ordered:
            by_kind.setdefault(event.kind, []).append(event)
        object.__setattr__(self, "_by_kind", by_kind)

    def of_kinds(self, kinds: Collection[EventKind]) -> list[Event]:
        """The events of ``kinds``, oldest first."""
        if len(kinds) == 1:
            return list(self._by_kind.get(next(iter(kinds)), ()))
        return [e for e in self.events if e.kind in kinds]

    def after(self, moment: datetime) -> tuple[Event, ...]:
        """The events strictly after ``moment``, oldest first."""
        return self.events[bisect_right(self._times, moment) :]

    def first_after(
        self, moment: datetime, kinds: Collection[EventKind], until: datetime
    ) -> Event | None:
        """The first event of ``kinds`` after ``moment`` and no later than ``until``."""
        for event in self.after(moment):
            if event.at > until:
                return None
            if event.kind in kinds:
                return event
        return None

    def has_device(
        self, kinds: Collection[DeviceKind], *, installed_before: date | None = None
    ) -> bool:
        """True when the home has an active device of one of ``kinds`` (fitted before
        ``installed_before``, when given)."""
        return any(
            d.active
            and d.kind in kinds
            and (installed_before is None or d.installed_on < installed_before)
            for d in self.devices.values()
        )

    def label(self, device_id: str) -> str:
        """The device in plain words ("Door contact, front door"), or its kind if unknown."""
        device = self.devices.get(device_id)
        return device.label if device else "a device"

    def is_away(self, moment: datetime) -> bool:
        """True when the person is away from home on ``moment``'s local day."""
        day = moment.astimezone(HOME_TIME).date()
        return any(absence.covers(day) for absence in self.away)
