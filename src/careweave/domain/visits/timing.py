"""When a visit's times need a word from the worker: a check-in far earlier than the visit's time,
and a visit much shorter than planned.

Both rules live here, once, with their names; pages get booleans from them.

* A check-in is **early** when it comes more than :data:`EARLY_CHECK_IN_BEFORE` (one hour) before
  the visit's window opens: the time the person was told, the same window lateness is judged
  against (:mod:`careweave.domain.visits.recording`). Arriving an hour before it may wake the
  person or meet a locked door, so :func:`~careweave.domain.visits.recording.start_visit` refuses
  it without a reason, and the coordinator is told (an early check-in alert, with the reason).
* A visit is **much shorter** than planned when the worker stayed less than
  :data:`SHORT_VISIT_SHARE` (two thirds) of its planned length: 19 minutes of a 30-minute visit,
  39 of an hour. NICE QS123 asks that home care visits last at least 30 minutes unless a shorter
  one is agreed. The visit page asks why before such a check-out and keeps the answer on the
  record; it does not refuse the check-out, because a worker called away to an emergency must
  still be able to leave on the record.

Times are naive wall-clock datetimes in Europe/London, like a visit's day and window.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from fractions import Fraction

from careweave.domain.visits.visit import Visit

EARLY_CHECK_IN_BEFORE = timedelta(hours=1)
SHORT_VISIT_SHARE = Fraction(2, 3)


def planned_start_at(visit: Visit) -> datetime:
    """When the visit is planned to start: its planned start, else the start of its window."""
    return datetime.combine(visit.day, visit.planned_start or visit.window_start)


def is_early_check_in(visit: Visit, at: datetime) -> bool:
    """True when checking in at ``at`` is more than an hour before the visit's window opens."""
    return at < datetime.combine(visit.day, visit.window_start) - EARLY_CHECK_IN_BEFORE


def minutes_between(start: datetime, end: datetime) -> int:
    """Whole minutes from ``start`` to ``end``."""
    return int((end - start).total_seconds() // 60)


def is_much_shorter(visit: Visit, minutes: int) -> bool:
    """True when ``minutes`` on the visit is under two thirds of its planned length."""
    return minutes < visit.planned_length * SHORT_VISIT_SHARE
