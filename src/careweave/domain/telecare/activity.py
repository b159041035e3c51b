"""A person's recent days hour by hour: how much they moved, in which room most, and when they
slept (in bed for most of the hour), for the day-by-hour picture a worker reads at a glance."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from careweave.domain.telecare.devices import Device
from careweave.domain.telecare.events import ACTIVITY_KINDS, HOME_TIME, Event, EventKind
from careweave.domain.telecare.home import HOURS

# In bed for more than half the hour counts as asleep (the bed sensor cannot tell dozing apart).
ASLEEP_MINUTES = 30


@dataclass(frozen=True, slots=True)
class HourCell:
    """One hour of one day."""

    day: date
    hour: int
    activity: int
    room: str
    asleep: bool


@dataclass(frozen=True, slots=True)
class ActivityGrid:
    """``days`` rows of 24 hours, oldest day first, and the rooms seen (most active first)."""

    days: tuple[date, ...]
    cells: Mapping[tuple[date, int], HourCell]
    rooms: tuple[str, ...]

    @property
    def busiest(self) -> int:
        """The most activity in any one hour (at least 1, for scaling a picture)."""
        return max((c.activity for c in self.cells.values()), default=0) or 1

    def cell(self, day: date, hour: int) -> HourCell:
        """The cell of ``day`` at ``hour``."""
        return self.cells[(day, hour)]

    def summary(self, day: date) -> DaySummary:
        """The day in a few numbers (for the table beside the picture)."""
        hours = [self.cells[(day, h)] for h in range(HOURS)]
        active = [c.hour for c in hours if c.activity]
        rooms = Counter(c.room for c in hours if c.room)
        return DaySummary(
            day=day,
            activity=sum(c.activity for c in hours),
            first_hour=min(active) if active else None,
            last_hour=max(active) if active else None,
            hours_asleep=sum(c.asleep for c in hours),
            main_room=rooms.most_common(1)[0][0] if rooms else "",
        )


@dataclass(frozen=True, slots=True)
class DaySummary:
    """One day: how much activity, the first and last active hour, hours asleep, the main room."""

    day: date
    activity: int
    first_hour: int | None
    last_hour: int | None
    hours_asleep: int
    main_room: str


def activity_grid(
    events: Iterable[Event], devices: Mapping[str, Device], last_day: date, days: int
) -> ActivityGrid:
    """The grid of the ``days`` days ending with ``last_day`` (local days)."""
    shown = tuple(last_day - timedelta(days=n) for n in range(days - 1, -1, -1))
    ordered = sorted(events, key=lambda e: e.at)
    counts: dict[tuple[date, int], Counter[str]] = {}
    for event in ordered:
        if event.kind in ACTIVITY_KINDS:
            local = event.local_at
            device = devices.get(event.device_id)
            room = device.location if device else "unknown"
            counts.setdefault((local.date(), local.hour), Counter())[room] += 1
    in_bed = _minutes_in_bed(ordered, shown)
    cells = {}
    for day in shown:
        for hour in range(HOURS):
            seen = counts.get((day, hour), Counter())
            room = seen.most_common(1)[0][0] if seen else ""
            asleep = in_bed.get((day, hour), 0.0) > ASLEEP_MINUTES
            cells[(day, hour)] = HourCell(day, hour, sum(seen.values()), room, asleep)
    rooms = Counter[str]()
    for seen in counts.values():
        rooms.update(seen)
    return ActivityGrid(shown, cells, tuple(room for room, _ in rooms.most_common()))


def _minutes_in_bed(events: list[Event], days: tuple[date, ...]) -> dict[tuple[date, int], float]:
    """Minutes in bed per local hour, from each IN_BED to the next OUT_OF_BED."""
    minutes: dict[tuple[date, int], float] = {}
    if not days:
        return minutes
    end_of_view = datetime.combine(days[-1] + timedelta(days=1), time(0), tzinfo=HOME_TIME)
    went_to_bed: datetime | None = None
    for event in events:
        if event.kind is EventKind.IN_BED and went_to_bed is None:
            went_to_bed = event.at
        elif event.kind is EventKind.OUT_OF_BED and went_to_bed is not None:
            _spread(minutes, went_to_bed, event.at)
            went_to_bed = None
    if went_to_bed is not None:
        _spread(minutes, went_to_bed, min(end_of_view, max(went_to_bed, events[-1].at)))
    return minutes


def _spread(minutes: dict[tuple[date, int], float], start: datetime, end: datetime) -> None:
    """Add the minutes of ``[start, end)`` to the local hours they fall in."""
    moment = start.astimezone(HOME_TIME)
    end = end.astimezone(HOME_TIME)
    while moment < end:
        next_hour = moment.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        step_end = min(next_hour, end)
        key = (moment.date(), moment.hour)
        minutes[key] = minutes.get(key, 0.0) + (step_end - moment).total_seconds() / 60
        moment = step_end
