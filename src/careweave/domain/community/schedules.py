"""When a service is open: HSDS schedules, which carry RFC 5545 recurrence rules.

HSDS 3.0 takes a subset of iCalendar's RRULE: a frequency (the UK profile allows ``WEEKLY`` and
``MONTHLY``), an ``interval`` (2 = every other week or month, counted from ``dtstart``), ``byday``
(``MO,TH``; in a monthly rule a weekday may carry its place in the month, ``1MO`` for the first
Monday, ``-1FR`` for the last Friday) and ``bymonthday`` (``1,15``; ``-1`` for the last day),
with the hours it ``opens_at`` and ``closes_at`` and the dates it is ``valid_from`` and
``valid_to``. Weeks start on Monday (RFC 5545's default ``WKST``). A schedule without a frequency
only describes itself in words and never matches a search by day or time.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from enum import StrEnum

from careweave.domain.community.fields import (
    LONG_TEXT,
    check_date_order,
    new_hsds_id,
    optional_date,
    optional_text,
    optional_url,
    optional_uuid,
    require_uuid,
)
from careweave.domain.errors import DomainValidationError
from careweave.domain.values import require_member

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EVERY_WEEKDAY = frozenset(range(7))
MAX_INTERVAL = 52
# How far ahead the next session is looked for: a rule that matches nothing in this time (say a
# monthly 31st every 12 months from February) is treated as having no next session.
LOOK_AHEAD_DAYS = 400
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}


class Frequency(StrEnum):
    """How often the pattern repeats (RFC 5545 ``FREQ``, as the UK profile allows it)."""

    WEEKLY = "WEEKLY"
    MONTHLY = "MONTHLY"


def weekday_of(field_name: str, text: str) -> int:
    """The weekday (Monday 0) a two-letter code or an English day name means, or raise."""
    cleaned = text.strip().upper()
    for number, (code, name) in enumerate(zip(WEEKDAY_CODES, WEEKDAY_NAMES, strict=True)):
        if cleaned in (code, name.upper()):
            return number
    raise DomainValidationError(
        field_name, f"{text!r} is not a day (use MO, TU, WE, TH, FR, SA, SU or the day's name)"
    )


@dataclass(frozen=True, slots=True)
class ByDay:
    """One ``byday`` entry: a weekday, and in a monthly rule perhaps its place in the month."""

    weekday: int
    ordinal: int | None = None

    @classmethod
    def parse(cls, field_name: str, text: str) -> ByDay:
        """``MO`` or ``2TU`` or ``-1FR``; raise naming ``field_name`` otherwise."""
        cleaned = text.strip().upper()
        number, code = cleaned[:-2], cleaned[-2:]
        weekday = weekday_of(field_name, code) if code in WEEKDAY_CODES else None
        ordinal: int | None = None
        if number:
            try:
                ordinal = int(number)
            except ValueError:
                weekday = None
        if weekday is None or (ordinal is not None and not (1 <= abs(ordinal) <= 5)):
            raise DomainValidationError(
                field_name,
                f"{text!r} is not a day such as MO, 1MO (first Monday) or -1FR (last Friday)",
            )
        return cls(weekday, ordinal)

    def code(self) -> str:
        """The RFC 5545 spelling."""
        return f"{self.ordinal or ''}{WEEKDAY_CODES[self.weekday]}"

    def matches(self, day: date) -> bool:
        """Whether ``day`` is this weekday (in this place of its month, when one is given)."""
        if day.weekday() != self.weekday:
            return False
        if self.ordinal is None:
            return True
        if self.ordinal > 0:
            return (day.day - 1) // 7 + 1 == self.ordinal
        days_in_month = calendar.monthrange(day.year, day.month)[1]
        return (days_in_month - day.day) // 7 + 1 == -self.ordinal

    def words(self) -> str:
        """Plain words: ``Tuesday``, ``the first Monday``."""
        name = WEEKDAY_NAMES[self.weekday]
        return name if self.ordinal is None else f"the {_ORDINALS[self.ordinal]} {name}"


def _parse_list(text: str) -> list[str]:
    return [part for part in (p.strip() for p in text.split(",")) if part]


def _parse_month_days(field_name: str, text: str) -> tuple[int, ...]:
    days: list[int] = []
    for part in _parse_list(text):
        try:
            value = int(part)
        except ValueError:
            value = 0
        if not 1 <= abs(value) <= 31:
            raise DomainValidationError(
                field_name, f"{part!r} is not a day of the month (1 to 31, -1 for the last)"
            )
        days.append(value)
    return tuple(days)


@dataclass(frozen=True, slots=True)
class Schedule:
    """When a service (or the service at one of its locations) is open.

    ``byday`` and ``bymonthday`` keep the RFC 5545 text; :attr:`days` and :attr:`month_days` are
    their parsed values.
    """

    freq: Frequency | None = None
    interval: int = 1
    byday: str = ""
    bymonthday: str = ""
    dtstart: date | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    opens_at: time | None = None
    closes_at: time | None = None
    description: str = ""
    notes: str = ""
    attending_type: str = ""
    schedule_link: str = ""
    service_at_location_id: str | None = None
    id: str = field(default_factory=new_hsds_id)
    days: tuple[ByDay, ...] = field(init=False, compare=False, repr=False)
    month_days: tuple[int, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("schedule.id", self.id))
        object.__setattr__(
            self,
            "service_at_location_id",
            optional_uuid("schedule.service_at_location_id", self.service_at_location_id),
        )
        if self.freq is not None:
            object.__setattr__(self, "freq", require_member("schedule.freq", self.freq, Frequency))
        self._check_texts()
        self._check_dates()
        self._check_rule()

    def _check_texts(self) -> None:
        object.__setattr__(
            self, "description", optional_text("schedule.description", self.description, LONG_TEXT)
        )
        object.__setattr__(self, "notes", optional_text("schedule.notes", self.notes, LONG_TEXT))
        object.__setattr__(
            self, "attending_type", optional_text("schedule.attending_type", self.attending_type)
        )
        object.__setattr__(
            self, "schedule_link", optional_url("schedule.schedule_link", self.schedule_link)
        )

    def _check_dates(self) -> None:
        for name in ("dtstart", "valid_from", "valid_to"):
            optional_date(f"schedule.{name}", getattr(self, name))
        check_date_order("schedule.valid_to", self.valid_from, self.valid_to)
        for name in ("opens_at", "closes_at"):
            if getattr(self, name) is not None and not isinstance(getattr(self, name), time):
                raise DomainValidationError(f"schedule.{name}", "must be a time of day")
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise DomainValidationError("schedule.closes_at", "must be after opens_at")

    def _check_rule(self) -> None:
        if isinstance(self.interval, bool) or not isinstance(self.interval, int):
            raise DomainValidationError("schedule.interval", "must be a whole number")
        if not 1 <= self.interval <= MAX_INTERVAL:
            raise DomainValidationError(
                "schedule.interval", f"must be between 1 and {MAX_INTERVAL}"
            )
        days = tuple(ByDay.parse("schedule.byday", p) for p in _parse_list(self.byday))
        month_days = _parse_month_days("schedule.bymonthday", self.bymonthday)
        object.__setattr__(self, "days", days)
        object.__setattr__(self, "month_days", month_days)
        object.__setattr__(self, "byday", ",".join(d.code() for d in days))
        object.__setattr__(self, "bymonthday", ",".join(str(d) for d in month_days))
        if self.freq is None and (days or month_days):
            raise DomainValidationError(
                "schedule.freq", "give WEEKLY or MONTHLY with byday or bymonthday"
            )
        if self.freq is Frequency.WEEKLY:
            if month_days:
                raise DomainValidationError("schedule.bymonthday", "is for monthly schedules only")
            if any(d.ordinal is not None for d in days):
                raise DomainValidationError(
                    "schedule.byday", "a weekly schedule takes plain days (MO, TU), not 1MO"
                )
        if self.freq is not None and not (days or month_days) and self.dtstart is None:
            raise DomainValidationError("schedule.byday", "say which days (or give dtstart)")
        if self.interval > 1 and self.dtstart is None:
            raise DomainValidationError(
                "schedule.dtstart", "an interval above 1 counts from dtstart"
            )

    # -- rules -----------------------------------------------------------------------------

    @property
    def recurs(self) -> bool:
        """Whether the schedule has a rule (and so can match a day or a time)."""
        return self.freq is not None

    def weekdays(self) -> frozenset[int]:
        """The weekdays (Monday 0) on which it may open at all."""
        if self.freq is None:
            return frozenset()
        if self.days:
            return frozenset(d.weekday for d in self.days)
        if self.month_days:
            return EVERY_WEEKDAY
        assert self.dtstart is not None  # checked in __post_init__
        return frozenset({self.dtstart.weekday()})

    def in_force(self, day: date) -> bool:
        """Whether ``day`` lies within the dates the schedule is valid for."""
        starts = [d for d in (self.valid_from, self.dtstart) if d is not None]
        if starts and day < max(starts):
            return False
        return self.valid_to is None or day <= self.valid_to

    def occurs_on(self, day: date) -> bool:
        """Whether the rule opens the service on ``day``."""
        if self.freq is None or not self.in_force(day):
            return False
        if self.freq is Frequency.WEEKLY:
            return self._weekly(day)
        return self._monthly(day)

    def _weekly(self, day: date) -> bool:
        if day.weekday() not in self.weekdays():
            return False
        if self.interval == 1:
            return True
        assert self.dtstart is not None
        weeks = (
            (day - timedelta(day.weekday())) - (self.dtstart - timedelta(self.dtstart.weekday()))
        ).days // 7
        return weeks % self.interval == 0

    def _monthly(self, day: date) -> bool:
        if self.interval > 1:
            assert self.dtstart is not None
            months = (day.year - self.dtstart.year) * 12 + day.month - self.dtstart.month
            if months % self.interval:
                return False
        if self.month_days:
            length = calendar.monthrange(day.year, day.month)[1]
            wanted = {d if d > 0 else length + 1 + d for d in self.month_days}
            if day.day not in wanted:
                return False
        if self.days:
            return any(d.matches(day) for d in self.days)
        if self.month_days:
            return True
        assert self.dtstart is not None
        return day.day == self.dtstart.day

    def overlaps(self, start: time, end: time) -> bool:
        """Whether it is open for some of ``start``..``end`` (a schedule without hours is taken
        to be open all day)."""
        opens = self.opens_at or time.min
        closes = self.closes_at or time.max
        return opens < end and start < closes

    def open_during(self, weekday: int, start: time, end: time, today: date) -> bool:
        """Whether it opens on some ``weekday`` from ``today`` on, for part of ``start``..``end``."""
        if weekday not in self.weekdays() or not self.overlaps(start, end):
            return False
        return self.next_on_or_after(today, weekday=weekday) is not None

    def next_on_or_after(self, day: date, *, weekday: int | None = None) -> date | None:
        """The first day from ``day`` on that it opens (on ``weekday`` if given), or ``None``."""
        for offset in range(LOOK_AHEAD_DAYS):
            candidate = day + timedelta(days=offset)
            if (weekday is None or candidate.weekday() == weekday) and self.occurs_on(candidate):
                return candidate
            if self.valid_to is not None and candidate > self.valid_to:
                return None
        return None

    def words(self) -> str:
        """The schedule in plain words, e.g. ``Every other Tuesday, 10:00 to 12:00``."""
        return ", ".join(part for part in (self._pattern_words(), self._hours_words()) if part)

    def _pattern_words(self) -> str:
        if self.freq is None:
            return self.description
        every = {1: "Every", 2: "Every other"}.get(self.interval, f"Every {self.interval}")
        if self.freq is Frequency.WEEKLY:
            names = [WEEKDAY_NAMES[d] for d in sorted(self.weekdays())]
            unit = "" if self.interval <= 2 else " weeks on"
            return f"{every}{unit} {_join(names)}"
        parts = [d.words() for d in self.days] + [_month_day_words(d) for d in self.month_days]
        month = (
            "month"
            if self.interval == 1
            else "other month"
            if self.interval == 2
            else f"{self.interval} months"
        )
        return f"{_join(parts or [_month_day_words(self.dtstart.day if self.dtstart else 1)])} of every {month}"

    def _hours_words(self) -> str:
        if self.opens_at and self.closes_at:
            return f"{self.opens_at:%H:%M} to {self.closes_at:%H:%M}"
        if self.opens_at:
            return f"from {self.opens_at:%H:%M}"
        return f"until {self.closes_at:%H:%M}" if self.closes_at else ""


def _month_day_words(day: int) -> str:
    if day < 0:
        return "the last day" if day == -1 else f"the {-day}th day from the end"
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"the {day}{suffix}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


class PartOfDay(StrEnum):
    """The parts of a day a person asks about ("open on Tuesday mornings")."""

    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"

    @property
    def hours(self) -> tuple[time, time]:
        """The hours it covers."""
        return _PART_HOURS[self]


_PART_HOURS = {
    PartOfDay.MORNING: (time(8), time(12)),
    PartOfDay.AFTERNOON: (time(12), time(17)),
    PartOfDay.EVENING: (time(17), time(21)),
}
