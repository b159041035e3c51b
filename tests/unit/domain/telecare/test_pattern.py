"""The learned rule, measured: on simulated homes with a daily routine and realistic noise, how
often a normal day is called unusual, and how often planted departures are caught.

Each simulated person has a routine (a rate of activity events per hour of the day); each day is
that routine times a day-level factor (gamma, coefficient of variation 0.35) and an hour-level
factor (gamma, coefficient of variation 0.5), then Poisson. That is noisier than most homes, so
the rates measured here are on the cautious side.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from tests.unit.domain.telecare.homes import PERSON, a_home, at

from careweave.domain.telecare.alerts import AlertKind
from careweave.domain.telecare.home import HOURS, Absence, ActivityHistory, AwayReason
from careweave.domain.telecare.pattern import UnusualDay, assess, baseline

ROUTINE = [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 1, 6, 10, 8, 6, 5, 7, 5, 4, 4, 5, 6, 8, 6, 5, 3, 1, 0.4]
JUDGED = date(2026, 3, 2)
TRIALS = 60


def _poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _day(rng: random.Random, scale: float = 1.0, night_extra: int = 0) -> tuple[int, ...]:
    factor = rng.gammavariate(8, 1 / 8) * scale
    counts = [_poisson(rng, rate * factor * rng.gammavariate(4, 1 / 4)) for rate in ROUTINE]
    for hour in (1, 2, 3):
        counts[hour] += night_extra
    return tuple(counts)


def _unusual(rng: random.Random, judged: tuple[int, ...]) -> bool:
    days = {JUDGED - timedelta(days=n): _day(rng) for n in range(1, 29)}
    history = ActivityHistory({**days, JUDGED: judged})
    base = baseline(history, JUDGED, 28, set())
    return any(assess(judged, base, hours, JUDGED).unusual for hours in (12, HOURS))


def _rate(kind: str, seed: int) -> float:
    rng = random.Random(seed)
    make = {
        "normal": lambda: _day(rng),
        "quarter": lambda: _day(rng, scale=0.25),
        "night wander": lambda: _day(rng, night_extra=6),
    }[kind]
    return sum(_unusual(rng, make()) for _ in range(TRIALS)) / TRIALS


def test_a_normal_day_is_rarely_called_unusual() -> None:
    assert _rate("normal", seed=1) <= 0.02


def test_a_night_up_and_about_is_almost_always_caught() -> None:
    assert _rate("night wander", seed=2) >= 0.8


def test_a_day_with_a_quarter_of_the_usual_activity_is_caught_now_and_then() -> None:
    assert _rate("quarter", seed=3) >= 0.15


def test_an_ordinary_day_matches_its_own_routine_exactly() -> None:
    routine = tuple(round(r * 4) for r in ROUTINE)
    base = [routine] * 20
    found = assess(routine, base, HOURS, JUDGED)
    assert (found.level, found.shape, found.unusual) == (0.0, 0.0, False)
    quiet = assess(tuple(c // 8 for c in routine), base, HOURS, JUDGED)
    assert quiet.unusual
    assert quiet.summary.startswith("Much less activity than usual")


def test_the_rule_needs_two_weeks_of_history_and_skips_days_away() -> None:
    rng = random.Random(4)
    days = {JUDGED - timedelta(days=n): _day(rng) for n in range(1, 15)}
    empty_today = ActivityHistory({**days, JUDGED: (0,) * HOURS})
    rule = UnusualDay()
    home = a_home([], history=empty_today)
    assert rule.assess_day(home, JUDGED, 12) is not None
    away = Absence(
        PERSON, JUDGED - timedelta(days=3), AwayReason.RESPITE, JUDGED - timedelta(days=1)
    )
    assert rule.assess_day(a_home([], away=(away,), history=empty_today), JUDGED, 12) is None


def test_the_rule_looks_at_noon_and_after_midnight_once_per_day() -> None:
    rng = random.Random(5)
    days = {JUDGED - timedelta(days=n): _day(rng) for n in range(1, 29)}
    home = a_home([], history=ActivityHistory({**days, JUDGED: (0,) * HOURS}))
    assert [t.key for t in UnusualDay().triggers(home, at(11, 59))] == []
    (found,) = UnusualDay().triggers(home, at(12))
    assert (found.kind, found.key, found.at) == (
        AlertKind.UNUSUAL_DAY,
        "unusual_day:2026-03-02",
        at(12),
    )
    next_day = at(0, 5, JUDGED + timedelta(days=1))
    assert [t.key for t in UnusualDay().triggers(home, next_day)] == ["unusual_day:2026-03-02"]
