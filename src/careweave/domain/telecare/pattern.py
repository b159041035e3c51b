"""The learned rule: a day that departs from the person's own activity pattern well beyond its
normal variation.

How it decides
--------------
1. **Profile.** Activity events (movement, bed, chair, doors, kettle, pendant) are counted per local
   hour. The *baseline* is the 28 days before the day judged, leaving out days the person was away
   and days with no activity at all (the sensors were off, or an absence nobody recorded); at least
   14 such days are needed, else the rule stays quiet. The expected count of hour *h* is the
   baseline's mean count at *h*, floored at :data:`FLOOR` (an hour that was always empty may still
   see a little activity without it being remarkable).
2. **Two departures.** A day may differ in *how much* happens (a fall or an illness: far less; an
   agitated day: far more) or in *when* it happens (up and about at 3 a.m., rising hours late):

   * *level*: the log of the day's total count over the hours judged, as a robust z-score against
     the baseline days' log totals, ``(x − median) / (1.4826 · MAD)``;
   * *shape*: the Poisson deviance ``D = 2 Σ_h [x_h ln(x_h / μ_h) − (x_h − μ_h)]`` of the day's
     hourly counts from the profile rescaled to the day's own total (so a quiet but ordinary day
     has no shape departure), as a robust z-score against the same deviance of each baseline day
     from the profile of the *other* baseline days (leave one out).

   Real days vary more than a Poisson process does; scoring against the person's own days is what
   makes "well beyond normal variation" mean *for this person*.
3. **Verdict.** The day is unusual when ``|level| > k_level`` (default 5) or ``shape > k_shape``
   (default 8). The spreads are floored (:data:`MIN_LOG_MAD`, :data:`MIN_MAD`) so a very regular
   person is not alarmed by a handful of events.
4. **When.** Each day is judged twice: at noon over its first 12 hours, and after midnight over
   the whole day. It raises at most one alert (the key is the day).

The false alarm rate and the detection of planted incidents are measured in the unit tests
(tests/unit/domain/telecare/test_pattern.py) and, on simulated homes, in docs/telecare.md.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from careweave.domain.errors import DomainValidationError
from careweave.domain.telecare.alerts import AlertKind, Priority
from careweave.domain.telecare.events import HOME_TIME
from careweave.domain.telecare.home import HOURS, ActivityHistory, HomeEvents, Trigger, local_moment
from careweave.domain.telecare.rules import Rule

FLOOR = 0.25
MAD_TO_SIGMA = 1.4826
MIN_MAD = 1.0
MIN_LOG_MAD = 0.05
MIDDAY_HOURS = 12


def deviance(counts: Sequence[int], expected: Sequence[float]) -> float:
    """The Poisson deviance of ``counts`` from ``expected`` (hour by hour, summed)."""
    return 2.0 * sum(_term(x, mu) for x, mu in zip(counts, expected, strict=True))


def _term(x: int, mu: float) -> float:
    return (x * math.log(x / mu) if x else 0.0) - (x - mu)


def profile(days: Sequence[Sequence[int]], hours: int) -> list[float]:
    """The expected count of each of the first ``hours`` hours: the mean over ``days``, floored."""
    return [max(FLOOR, sum(day[h] for day in days) / len(days)) for h in range(hours)]


def robust_z(value: float, sample: Sequence[float], min_mad: float) -> float:
    """How far ``value`` lies from the median of ``sample``, in robust standard deviations."""
    middle = statistics.median(sample)
    spread = max(min_mad, statistics.median(abs(s - middle) for s in sample))
    return (value - middle) / (MAD_TO_SIGMA * spread)


def shape_deviance(counts: Sequence[int], days: Sequence[Sequence[int]], hours: int) -> float:
    """The deviance of ``counts`` from the profile of ``days`` rescaled to the same total."""
    return _rescaled_deviance(counts, profile(days, hours), hours)


def _rescaled_deviance(counts: Sequence[int], expected: Sequence[float], hours: int) -> float:
    scale = max(sum(counts[:hours]), 1) / sum(expected)
    return deviance(counts[:hours], [max(FLOOR, mu * scale) for mu in expected])


def leave_one_out_shapes(days: Sequence[Sequence[int]], hours: int) -> list[float]:
    """Each day's shape deviance from the profile of the other days (sums kept, so it is linear)."""
    totals = [sum(day[h] for day in days) for h in range(hours)]
    others = len(days) - 1
    return [
        _rescaled_deviance(
            day, [max(FLOOR, (totals[h] - day[h]) / others) for h in range(hours)], hours
        )
        for day in days
    ]


@dataclass(frozen=True, slots=True)
class Assessment:
    """How one day compares with its baseline over its first ``hours`` hours."""

    day: date
    hours: int
    baseline_days: int
    level: float
    shape: float
    observed: int
    expected: float
    peak_hour: int
    k_level: float
    k_shape: float

    @property
    def unusual(self) -> bool:
        """True when the day departs beyond normal variation, in level or in shape."""
        return abs(self.level) > self.k_level or self.shape > self.k_shape

    @property
    def summary(self) -> str:
        """The finding in plain words."""
        by = f"by {self.hours:02d}:00" if self.hours < HOURS else "all day"
        usual = f"{self.observed} signs of activity {by} where about {self.expected:.0f} is usual"
        if abs(self.level) > self.k_level:
            direction = "less" if self.level < 0 else "more"
            return f"Much {direction} activity than usual: {usual}"
        peak = f"{self.peak_hour:02d}:00–{(self.peak_hour + 1) % HOURS:02d}:00"
        return f"Activity at unusual times, most of all {peak} ({usual})"


def baseline(
    history: ActivityHistory, day: date, days: int, away: set[date]
) -> list[tuple[int, ...]]:
    """The hourly counts of the ``days`` days before ``day``, without away or empty days."""
    found = []
    for back in range(1, days + 1):
        earlier = day - timedelta(days=back)
        counts = history.hours(earlier)
        if earlier not in away and sum(counts) > 0:
            found.append(counts)
    return found


def assess(
    counts: Sequence[int],
    base: Sequence[Sequence[int]],
    hours: int,
    day: date,
    k: tuple[float, float] = (5.0, 8.0),
) -> Assessment:
    """Judge the first ``hours`` of ``counts`` against ``base`` (see the module notes).

    ``k`` is ``(k_level, k_shape)``.
    """
    observed = list(counts[:hours])
    totals = [math.log1p(sum(other[:hours])) for other in base]
    shapes = leave_one_out_shapes(base, hours)
    expected = profile(base, hours)
    return Assessment(
        day=day,
        hours=hours,
        baseline_days=len(base),
        level=robust_z(math.log1p(sum(observed)), totals, MIN_LOG_MAD),
        shape=robust_z(shape_deviance(observed, base, hours), shapes, MIN_MAD),
        observed=sum(observed),
        expected=sum(expected),
        peak_hour=max(range(hours), key=lambda h: abs(observed[h] - expected[h])),
        k_level=k[0],
        k_shape=k[1],
    )


@dataclass(frozen=True, slots=True)
class Look:
    """One judgement of the learned rule: the first ``hours`` hours of ``day``, due ``at``."""

    day: date
    hours: int
    at: datetime


@dataclass(frozen=True)
class UnusualDay(Rule):
    """A day unlike the person's last four weeks (see the module notes for how it decides)."""

    kind = AlertKind.UNUSUAL_DAY
    priority: Priority = Priority.ROUTINE
    k_level: float = 5.0
    k_shape: float = 8.0
    baseline_days: int = 28
    min_days: int = 14

    def __post_init__(self) -> None:
        super().__post_init__()
        for name in ("k_level", "k_shape"):
            value = getattr(self, name)
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not 1 <= value <= 20
            ):
                raise DomainValidationError(name, "must be a number from 1 to 20")
        if not 7 <= self.baseline_days <= 90:
            raise DomainValidationError("baseline_days", "must be from 7 to 90")
        if not 3 <= self.min_days <= self.baseline_days:
            raise DomainValidationError("min_days", "must be from 3 to the baseline days")

    def looks(self, now: datetime) -> list[Look]:
        """The judgements due by ``now``: yesterday whole, and today's first 12 hours once it is
        past noon."""
        yesterday, today = (
            now.astimezone(HOME_TIME).date() - timedelta(days=1),
            now.astimezone(HOME_TIME).date(),
        )
        # Yesterday's verdict belongs to yesterday (its last second), so an absence then counts.
        found = [Look(yesterday, HOURS, local_moment(today, time(0)) - timedelta(seconds=1))]
        noon = local_moment(today, time(MIDDAY_HOURS))
        if noon <= now:
            found.append(Look(today, MIDDAY_HOURS, noon))
        return found

    def key_of(self, day: date) -> str:
        """The trigger key of ``day``'s verdict (one alert a day at most)."""
        return f"{self.kind.value}:{day.isoformat()}"

    def triggers(self, home: HomeEvents, now: datetime) -> Iterator[Trigger]:
        """A trigger for each look of :meth:`looks` that finds the day unusual."""
        if home.history is None:
            return
        for look in self.looks(now):
            found = self.assess_day(home, look.day, look.hours)
            if found is not None and found.unusual:
                yield self._trigger(look.day.isoformat(), look.at, found.summary)

    def assess_day(self, home: HomeEvents, day: date, hours: int) -> Assessment | None:
        """The assessment of ``day``'s first ``hours`` hours, or ``None`` without enough history."""
        assert home.history is not None
        earlier = [day - timedelta(days=n) for n in range(1, self.baseline_days + 1)]
        away = {d for d in earlier if home.is_away(local_moment(d, time(12)))}
        base = baseline(home.history, day, self.baseline_days, away)
        if len(base) < self.min_days:
            return None
        return assess(home.history.hours(day), base, hours, day, (self.k_level, self.k_shape))
