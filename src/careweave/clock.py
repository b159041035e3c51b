"""The one clock: every service, page and command asks it the time instead of the system.

A person reads dates and times in Europe/London; the database keeps instants in UTC. Visits are
planned and recorded in wall-clock time (a visit's day and window, a check-in's time), which is
Europe/London too (:func:`wall_time`). Injecting the clock (built once by
:mod:`careweave.bootstrap`) lets tests and the demo fix "now" without patching. This module is the
only place that reads the system's time (``tests/architecture`` checks it).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


class Clock(Protocol):
    """What every part of careweave that needs the time depends on."""

    def now(self) -> datetime:
        """The current instant, timezone-aware in UTC."""
        ...

    def today(self) -> date:
        """Today's date as a person in England reads it (Europe/London)."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """The current instant, timezone-aware in UTC."""
        return datetime.now(UTC)

    def today(self) -> date:
        """Today's date in Europe/London."""
        return self.now().astimezone(LONDON).date()


class FixedClock:
    """A clock that says what it is told: for tests, the demo and benchmarks.

    Parameters
    ----------
    moment
        The instant it shows; it must be timezone-aware (a naive time is ambiguous).
    """

    def __init__(self, moment: datetime) -> None:
        self._moment = moment
        self.set(moment)

    def now(self) -> datetime:
        """The instant it was set to, in UTC."""
        return self._moment

    def today(self) -> date:
        """The date of that instant in Europe/London."""
        return self._moment.astimezone(LONDON).date()

    def set(self, moment: datetime) -> None:
        """Move the clock to ``moment`` (timezone-aware)."""
        if moment.tzinfo is None:
            raise ValueError("moment must be timezone-aware")
        self._moment = moment.astimezone(UTC)


def wall_time(clock: Clock) -> datetime:
    """The time a clock on the wall in England shows now: naive, Europe/London, to the second.

    Visits are planned and recorded in it, so a visit at 08:00 is at 08:00 in summer and in winter.
    """
    return clock.now().astimezone(LONDON).replace(tzinfo=None, microsecond=0)


def in_london(moment: datetime) -> datetime:
    """``moment`` as a person in England reads it: an instant (timezone-aware) in Europe/London;
    a naive wall-clock time (a visit's) is already that and is returned as it is."""
    return moment if moment.tzinfo is None else moment.astimezone(LONDON)
