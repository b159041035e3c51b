"""The rules that notice, each in one place, with the defaults a TEC responder would set.

======================  =====================================================  ========
rule                    fires                                                  priority
======================  =====================================================  ========
pendant press           at once, for each press                                urgent
fall                    at once, for each fall the detector reports            urgent
smoke, flood            at once                                                urgent
no movement             no sign of activity from 04:00 to 10:00                high
out of bed at night     out of bed 30 minutes or more between 22:00 and 07:00  high
door at night           front door opened 23:00–06:00 and not closed within    high
                        10 minutes, or closed with no movement in the 15
                        minutes after (the person may have gone out)
kettle/fridge not used  not used from 04:00 to 11:00                           high
cold home               below 16 °C for 60 minutes                             high
unusual day             see :mod:`.pattern`                                    routine
======================  =====================================================  ========

Each rule reads a :class:`~.home.HomeEvents` and ``now`` and yields :class:`~.home.Trigger`\\ s whose
``key`` names the occasion (a press is its device and sequence number; a quiet morning is its
day), so the same events always give the same keys. Rules never decide what was already raised:
:func:`careweave.domain.telecare.ruleset.evaluate` does, from the keys it is given.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import ClassVar

from careweave.domain.errors import DomainValidationError
from careweave.domain.telecare.alerts import ALERT_TITLES, AlertKind, Priority
from careweave.domain.telecare.devices import DeviceKind
from careweave.domain.telecare.events import ACTIVITY_KINDS, HOME_TIME, Event, EventKind
from careweave.domain.telecare.home import HomeEvents, Trigger, in_window, local_moment
from careweave.domain.values import minutes_words

# Every rule's span (from the first event it looks at to its firing) stays within this, so a
# window of events this long before the freshness limit always holds the whole occasion.
MAX_SPAN = timedelta(hours=12)
# Devices that show someone moving about (what "no movement" needs at least one of).
ACTIVITY_DEVICES = frozenset(
    {
        DeviceKind.MOTION,
        DeviceKind.BED,
        DeviceKind.CHAIR,
        DeviceKind.DOOR,
        DeviceKind.KETTLE,
        DeviceKind.FRIDGE,
    }
)
MOVEMENT_KINDS = ACTIVITY_KINDS - {EventKind.DOOR_OPENED, EventKind.DOOR_CLOSED}


def _hhmm(moment: datetime) -> str:
    return moment.astimezone(HOME_TIME).strftime("%H:%M")


def _minutes(field: str, value: int, high: int = 12 * 60) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= high:
        raise DomainValidationError(field, f"must be a whole number of minutes from 1 to {high}")


@dataclass(frozen=True)
class Rule:
    """What every rule has: whether it is on, and the priority of the alerts it raises."""

    kind: ClassVar[AlertKind]
    enabled: bool = True
    priority: Priority = Priority.HIGH

    def __post_init__(self) -> None:
        if not isinstance(self.enabled, bool):
            raise DomainValidationError("enabled", "must be true or false")
        try:
            object.__setattr__(self, "priority", Priority(self.priority))
        except ValueError:
            raise DomainValidationError("priority", "must be 1 (urgent), 2 or 3") from None

    @property
    def title(self) -> str:
        """The rule's name in plain words."""
        return ALERT_TITLES[self.kind]

    def triggers(self, home: HomeEvents, now: datetime) -> Iterator[Trigger]:
        """Every occasion in ``home`` on which this rule fires, up to ``now``."""
        raise NotImplementedError

    def _trigger(self, key: str, at: datetime, summary: str) -> Trigger:
        return Trigger(self.kind, f"{self.kind.value}:{key}", at, self.priority, summary)


@dataclass(frozen=True)
class AtOnceRule(Rule):
    """Fires for every event of :attr:`event_kind`, at the moment it happened."""

    event_kind: ClassVar[EventKind]
    priority: Priority = Priority.URGENT

    def triggers(self, home: HomeEvents, now: datetime) -> Iterator[Trigger]:
        """One trigger per event of the rule's kind."""
        for event in home.of_kinds({self.event_kind}):
            summary = f"{self.title}: {home.label(event.device_id)} at {_hhmm(event.at)}"
            # A device whose clock runs ahead still raises its emergency now, not later.
            at = min(event.at, now)
            yield self._trigger(f"{event.device_id}:{event.sequence}", at, summary)


@dataclass(frozen=True)
class PendantPress(AtOnceRule):
    """The person pressed their pendant (or a fall detector's button)."""

    kind = AlertKind.PENDANT_PRESS
    event_kind = EventKind.PRESS


@dataclass(frozen=True)
class FallDetected(AtOnceRule):
    """A fall detector reported a fall."""

    kind = AlertKind.FALL
    event_kind = EventKind.FALL


@dataclass(frozen=True)
class SmokeDetected(AtOnceRule):
    """A smoke detector went off."""

    kind = AlertKind.SMOKE
    event_kind = EventKind.SMOKE


@dataclass(frozen=True)
class FloodDetected(AtOnceRule):
    """A flood detector found water."""

    kind = AlertKind.FLOOD
    event_kind = EventKind.FLOOD


@dataclass(frozen=True)
class QuietUntil(Rule):
    """Fires once a day when none of :attr:`watched` happened from ``since`` to ``by``."""

    watched: ClassVar[frozenset[EventKind]]
    needs: ClassVar[frozenset[DeviceKind]]
    since: time = time(4, 0)
    by: time = time(10, 0)

    def __post_init__(self) -> None:
        super().__post_init__()
        for name in ("since", "by"):
            if not isinstance(getattr(self, name), time):
                raise DomainValidationError(name, "must be a time of day")
        if not self.since < self.by:
            raise DomainValidationError("by", "must be later in the day than 'since'")

    def triggers(self, home: HomeEvents, now: datetime) -> Iterator[Trigger]:
        """A trigger for today if it has been quiet from ``since`` to ``by``."""
        today = now.astimezone(HOME_TIME).date()
        # A sensor fitted today has not been watching all morning.
        if not home.has_device(self.needs, installed_before=today):
            return
        start, end = local_moment(today, self.since), local_moment(today, self.by)
        if end <= now and home.first_after(start, self.watched, end) is None:
            yield self._trigger(today.isoformat(), end, self._summary(start, end))

    def _summary(self, start: datetime, end: datetime) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class NoMovement(QuietUntil):
    """No sign of anyone moving about the home all morning."""

    kind = AlertKind.NO_MOVEMENT
    watched = frozenset(ACTIVITY_KINDS)
    needs = ACTIVITY_DEVICES

    def _summary(self, start: datetime, end: datetime) -> str:
        return f"No movement in the home between {_hhmm(start)} and {_hhmm(end)}"


@dataclass(frozen=True)
class ApplianceNotUsed(QuietUntil):
    """The kettle or fridge has not been used by late morning (no breakfast or drink)."""

    kind = AlertKind.APPLIANCE_NOT_USED
    watched = frozenset({EventKind.APPLIANCE_USED})
    needs = frozenset({DeviceKind.KETTLE, DeviceKind.FRIDGE})
    by: time = time(11, 0)

    def _summary(self, start: datetime, end: datetime) -> str:
        return f"Kettle or fridge not used between {_hhmm(start)} and {_hhmm(end)}"


@dataclass(frozen=True)
class NightRule(Rule):
    """A rule that watches the night hours ``night_start`` to ``night_end``."""

    night_start: time = time(22, 0)
    night_end: time = time(7, 0)

    def __post_init__(self) -> None:
        super().__post_init__()
        for name in ("night_start", "night_end"):
            if not isinstance(getattr(self, name), time):
                raise DomainValidationError(name, "must be a time of day")
        if self.night_start == self.night_end:
            raise DomainValidationError("night_end", "must differ from the start of the night")


@dataclass(frozen=True)
class OutOfBed(NightRule):
    """Out of bed at night for ``minutes`` or more and not back (a fall, or confusion)."""

    kind = AlertKind.OUT_OF_BED
    minutes: int = 30

    def __post_init__(self) -> None:
        super().__post_init__()
        _minutes("minutes", self.minutes)

    def triggers(self, home: HomeEvents, now: datetime) -> Iterator[Trigger]:
        """One trigger per getting up at night not followed by getting back in time."""
        for left in home.of_kinds({EventKind.OUT_OF_BED}):
            deadline = left.at + timedelta(minutes=self.minutes)
            if not (in_window(left.at, self.night_start, self.night_end) and deadline <= now):
                continue
            # Out of bed until the night is over is getting up for the day, not a worry.
            if not in_window(deadline, self.night_start, self.night_end):
                continue
            if home.first_after(left.at, {EventKind.IN_BED}, deadline) is None:
                summary = f"Out of bed since {_hhmm(left.at)} and not back after {minutes_words(self.minutes)}"
                yield self._trigger(f"{left.device_id}:{left.sequence}", deadline, summary)


@dataclass(frozen=True)
class DoorAtNight(NightRule):
    """A door opened at night and left open, or closed with no movement inside after."""

    kind = AlertKind.DOOR_AT_NIGHT
    night_start: time = time(23, 0)
    night_end: time = time(6, 0)
    open_minutes: int = 10
    quiet_minutes: int = 15

    def __post_init__(self) -> None:
        super().__post_init__()
        _minutes("open_minutes", self.open_minutes)
        _minutes("quiet_minutes", self.quiet_minutes)

    def triggers(self, home: HomeEvents, now: datetime) -> Iterator[Trigger]:
        """One trigger per night-time opening that was left open or followed by silence."""
        movement_sensed = home.has_device(ACTIVITY_DEVICES - {DeviceKind.DOOR})
        for opened in home.of_kinds({EventKind.DOOR_OPENED}):
            if in_window(opened.at, self.night_start, self.night_end):
                found = self._check(home, opened, now, movement_sensed)
                if found is not None:
                    yield found

    def _check(
        self, home: HomeEvents, opened: Event, now: datetime, movement_sensed: bool
    ) -> Trigger | None:
        key, label = f"{opened.device_id}:{opened.sequence}", home.label(opened.device_id)
        shut_by = opened.at + timedelta(minutes=self.open_minutes)
        closed = home.first_after(opened.at, {EventKind.DOOR_CLOSED}, shut_by)
        if closed is None:
            if shut_by > now:
                return None
            summary = f"{label} opened at {_hhmm(opened.at)} and not closed"
            return self._trigger(key, shut_by, summary)
        quiet_until = closed.at + timedelta(minutes=self.quiet_minutes)
        if not movement_sensed or quiet_until > now:
            return None
        if home.first_after(closed.at, MOVEMENT_KINDS, quiet_until) is not None:
            return None
        summary = (
            f"{label} opened at {_hhmm(opened.at)}, then no movement in the home: "
            "the person may have gone out"
        )
        return self._trigger(key, quiet_until, summary)


@dataclass(frozen=True)
class LowTemperature(Rule):
    """The home has stayed below ``below_celsius`` for ``minutes`` (risk of cold harm)."""

    kind = AlertKind.LOW_TEMPERATURE
    below_celsius: float = 16.0
    minutes: int = 60

    def __post_init__(self) -> None:
        super().__post_init__()
        value = self.below_celsius
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 30:
            raise DomainValidationError("below_celsius", "must be a number from 0 to 30")
        _minutes("minutes", self.minutes)

    def triggers(self, home: HomeEvents, now: datetime) -> Iterator[Trigger]:
        """One trigger per cold spell of each temperature sensor that lasted long enough."""
        readings: dict[str, list[Event]] = {}
        for event in home.of_kinds({EventKind.TEMPERATURE}):
            readings.setdefault(event.device_id, []).append(event)
        for device_readings in readings.values():
            yield from self._cold_spells(home, device_readings, now)

    def _cold_spells(
        self, home: HomeEvents, readings: list[Event], now: datetime
    ) -> Iterator[Trigger]:
        long_enough = timedelta(minutes=self.minutes)
        began: Event | None = None
        for reading in [*readings, None]:
            warm = reading is None or (reading.value or 0.0) >= self.below_celsius
            if began is not None and warm:
                ended = now if reading is None else reading.at
                if ended - began.at >= long_enough:
                    summary = (
                        f"{home.label(began.device_id)}: below {self.below_celsius:g} °C "
                        f"since {_hhmm(began.at)}"
                    )
                    yield self._trigger(
                        f"{began.device_id}:{began.sequence}", began.at + long_enough, summary
                    )
                began = None
            if reading is not None and not warm and began is None:
                began = reading
