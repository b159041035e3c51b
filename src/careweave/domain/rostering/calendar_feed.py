"""Calendar feeds of visits: what a worker's or a family's calendar app is shown, as plain data.

A feed covers :data:`DAYS_BACK` days back and :data:`DAYS_AHEAD` days ahead of today. Cancelled
visits are left out (rather than sent with ``STATUS:CANCELLED``): calendar apps that subscribe to a
feed replace it whole on each refresh, so a visit left out disappears, while some apps show a
cancelled event as if it were still on. Times are Europe/London, as a person reads them; a visit
lasts its planned minutes of real time, so one across the night the clocks change ends at the
right hour. Each visit keeps one ``uid`` for ever, and its ``sequence`` grows with every change,
so a calendar app replaces the event it had when a visit moves to another time or worker.

The feed is reached by a secret link (:class:`CalendarToken`): only a digest of the secret is
kept, and revoking the token stops the link for good.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from careweave.domain.people.person import Person
from careweave.domain.values import new_id
from careweave.domain.visits.visit import Visit, VisitStatus

LONDON = ZoneInfo("Europe/London")
DAYS_BACK = 14
DAYS_AHEAD = 56
# A cancelled visit is left out of every feed (see the module's docstring).
FEED_STATUSES = frozenset(s for s in VisitStatus if s is not VisitStatus.CANCELLED)
# What a calendar says of a visit that is over, or under way, in plain words.
STATUS_NOTES = {
    VisitStatus.IN_PROGRESS: "Under way now.",
    VisitStatus.DONE: "Recorded as done.",
    VisitStatus.MISSED: "Recorded as missed: nobody came.",
}


class FeedKind(StrEnum):
    """Whose feed it is: a care worker's own visits, or who is coming to a family's person."""

    WORKER = "worker"
    FAMILY = "family"


@dataclass(frozen=True, slots=True)
class CalendarToken:
    """The secret link of one user's feed; ``token_hash`` is the digest of the secret, never it."""

    user_id: str
    token_hash: str
    created_at: datetime
    revoked_at: datetime | None = None
    last_fetched_at: datetime | None = None
    id: str = field(default_factory=new_id)

    @property
    def active(self) -> bool:
        """True until the token is revoked."""
        return self.revoked_at is None

    def revoked(self, at: datetime) -> CalendarToken:
        """The token stopped at ``at`` (kept, so the audit trail can still name it)."""
        return dataclasses.replace(self, revoked_at=at)

    def fetched(self, at: datetime) -> CalendarToken:
        """The token as last read by a calendar app at ``at``."""
        return dataclasses.replace(self, last_fetched_at=at)


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """One visit as a calendar event. ``start`` and ``end`` are aware, in Europe/London."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    sequence: int
    confirmed: bool
    description: str = ""
    location: str = ""


@dataclass(frozen=True, slots=True)
class CalendarFeed:
    """Everything one fetch of a feed shows, made at ``stamp`` (UTC)."""

    name: str
    first_day: date
    last_day: date
    stamp: datetime
    events: tuple[FeedEvent, ...]


def feed_window(today: date) -> tuple[date, date]:
    """The first and last day (inclusive) a feed fetched on ``today`` covers."""
    return today - timedelta(days=DAYS_BACK), today + timedelta(days=DAYS_AHEAD)


def london_instant(day: date, clock_time: time) -> datetime:
    """The instant a clock in England shows ``clock_time`` on ``day``, in Europe/London.

    A time the spring change skips (01:30 on the last Sunday of March) is read as the clocks
    would have shown it without the change, which is an hour later in summer time.
    """
    return datetime.combine(day, clock_time, tzinfo=LONDON).astimezone(UTC).astimezone(LONDON)


def visit_span(visit: Visit) -> tuple[datetime, datetime]:
    """When ``visit`` starts (its planned start, else its window's start) and ends, in
    Europe/London; the end is its planned minutes of real time later, across a clock change too."""
    start = london_instant(visit.day, visit.planned_start or visit.window_start)
    end = start.astimezone(UTC) + timedelta(minutes=visit.planned_length)
    return start, end.astimezone(LONDON)


def first_name(person: Person) -> str:
    """The name the person likes to be called (a family's feed uses no more of it)."""
    return person.preferred_name or person.given_name


def worker_event(visit: Visit, person: Person, colleagues: tuple[str, ...]) -> FeedEvent:
    """``visit`` in its worker's feed: the person's name and address as the team sees them, what
    the visit is for (its tasks from the plan) and the first names of any ``colleagues`` on it."""
    lines = []
    if visit.tasks:
        lines.append("For: " + ", ".join(visit.tasks) + ".")
    if colleagues:
        lines.append("With " + " and ".join(colleagues) + ".")
    lines.append(_window_words(visit))
    return _event(
        visit,
        FeedKind.WORKER,
        summary=f"Visit: {person.display_name}",
        lines=lines,
        location=f"{person.address}, {person.postcode}",
    )


def family_event(visit: Visit, person: Person, workers: tuple[str, ...]) -> FeedEvent:
    """``visit`` in a family's feed: who is coming to their person (first names only) and when."""
    name = first_name(person)
    if workers:
        summary = f"{' and '.join(workers)} visiting {name}"
    else:
        summary = f"Visit to {name} (who is coming is not settled yet)"
    lines = [] if visit.planned_start else [_window_words(visit)]
    return _event(visit, FeedKind.FAMILY, summary=summary, lines=lines, location="")


def _event(
    visit: Visit, kind: FeedKind, *, summary: str, lines: list[str], location: str
) -> FeedEvent:
    start, end = visit_span(visit)
    note = STATUS_NOTES.get(visit.status)
    return FeedEvent(
        uid=f"visit-{visit.id}-{kind.value}@careweave",
        start=start,
        end=end,
        summary=summary,
        # A visit is stored at version 1 and each save adds one; calendars count from 0.
        sequence=visit.version - 1,
        confirmed=bool(visit.assigned_worker_ids),
        description="\n".join([*lines, note] if note else lines),
        location=location,
    )


def _window_words(visit: Visit) -> str:
    return f"Expected between {visit.window_start:%H:%M} and {visit.window_end:%H:%M}."
