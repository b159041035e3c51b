"""The one clock: aware instants in UTC, dates as a person in England reads them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from careweave.clock import FixedClock, SystemClock, in_london, wall_time


def test_the_system_clock_is_aware_and_in_utc() -> None:
    now = SystemClock().now()
    assert now.tzinfo is not None
    assert now.utcoffset() == timedelta(0)


def test_today_is_the_london_date_not_the_utc_one() -> None:
    # 23:30 UTC on a summer evening is already tomorrow in London (BST, UTC+1).
    clock = FixedClock(datetime(2026, 7, 1, 23, 30, tzinfo=UTC))
    assert clock.today() == date(2026, 7, 2)
    # In winter London is on UTC, so the date is the same.
    clock.set(datetime(2026, 12, 1, 23, 30, tzinfo=UTC))
    assert clock.today() == date(2026, 12, 1)


def test_a_fixed_clock_keeps_the_instant_it_was_given_in_utc() -> None:
    moment = datetime(2026, 3, 5, 9, 0, tzinfo=timezone(timedelta(hours=2)))
    assert FixedClock(moment).now() == moment
    assert FixedClock(moment).now().tzinfo == UTC


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        FixedClock(datetime(2026, 3, 5, 9, 0))


def test_wall_time_is_what_a_clock_in_england_shows_to_the_second() -> None:
    summer = FixedClock(datetime(2026, 7, 1, 7, 59, 30, 250_000, tzinfo=UTC))
    assert wall_time(summer) == datetime(2026, 7, 1, 8, 59, 30)
    winter = FixedClock(datetime(2026, 12, 1, 7, 59, 30, tzinfo=UTC))
    assert wall_time(winter) == datetime(2026, 12, 1, 7, 59, 30)
    assert wall_time(winter).tzinfo is None


def test_an_instant_is_shown_in_london_and_a_wall_clock_time_as_it_is() -> None:
    shown = in_london(datetime(2026, 7, 1, 23, 30, tzinfo=UTC))
    assert (shown.date(), shown.hour, shown.minute) == (date(2026, 7, 2), 0, 30)
    naive = datetime(2026, 7, 1, 9, 0)
    assert in_london(naive) is naive
