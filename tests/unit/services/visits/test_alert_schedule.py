"""The schedule that spaces out late/missed scans triggered by page views."""

from __future__ import annotations

from datetime import datetime, timedelta

from careweave.services.visits.alerts import ScanSchedule

NOON = datetime(2026, 3, 2, 12, 0)


def test_each_team_is_scanned_at_most_once_per_interval() -> None:
    schedule = ScanSchedule(every=timedelta(seconds=30))
    assert schedule.due(["b", "a"], NOON) == ["a", "b"]
    assert schedule.due(["a", "b"], NOON + timedelta(seconds=29)) == []
    assert schedule.due(["a", "c"], NOON + timedelta(seconds=30)) == ["a", "c"]
    assert schedule.due(["b"], NOON + timedelta(seconds=31)) == ["b"]
