"""The one clock: aware instants in UTC, dates as a person in England reads them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from careweave.clock import FixedClock, SystemClock


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
