"""A visit as a calendar event: London times across both 2026 clock changes, the window, and what
a worker's and a family's feeds say."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from tests.integration.storage_builders import a_person, a_team, a_visit

from careweave.domain.rostering.calendar_feed import (
    LONDON,
    CalendarToken,
    family_event,
    feed_window,
    london_instant,
    visit_span,
    worker_event,
)
from careweave.domain.visits.visit import VisitStatus

SPRING = date(2026, 3, 29)  # clocks go forward at 01:00 GMT
AUTUMN = date(2026, 10, 25)  # clocks go back at 02:00 BST


def test_the_window_is_two_weeks_back_and_eight_weeks_ahead() -> None:
    assert feed_window(date(2026, 3, 2)) == (date(2026, 2, 16), date(2026, 4, 27))


@pytest.mark.parametrize(("day", "utc_hour"), [(SPRING, 8), (AUTUMN, 9)])
def test_nine_o_clock_on_a_change_day_is_nine_in_london(day: date, utc_hour: int) -> None:
    visit = a_visit(a_person(a_team()), day, start=time(9))

    start, end = visit_span(visit)

    assert (start.tzinfo, start.hour, start.minute) == (LONDON, 9, 0)
    assert start.astimezone(UTC) == datetime(day.year, day.month, day.day, utc_hour, tzinfo=UTC)
    assert end - start == timedelta(minutes=30)


@pytest.mark.parametrize(
    ("night_before", "ends_at"),
    [
        (SPRING - timedelta(days=1), time(9)),  # 22:00 GMT + 10 h = 08:00 UTC = 09:00 BST
        (AUTUMN - timedelta(days=1), time(7)),  # 22:00 BST + 10 h = 07:00 UTC = 07:00 GMT
    ],
)
def test_a_night_visit_across_the_change_lasts_its_real_length(
    night_before: date, ends_at: time
) -> None:
    visit = a_visit(
        a_person(a_team()),
        night_before,
        start=time(22),
        duration_min=600,
        duration_max=600,
    )

    start, end = visit_span(visit)

    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=10)
    assert (end.date(), end.time()) == (night_before + timedelta(days=1), ends_at)


def test_a_time_the_spring_change_skips_is_read_an_hour_later() -> None:
    moment = london_instant(SPRING, time(1, 30))

    assert (moment.hour, moment.minute) == (2, 30)
    assert moment.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_a_worker_sees_the_person_the_address_and_what_the_visit_is_for() -> None:
    person = a_person(a_team(), given="Agatha", family="Quixleyworth", preferred_name="")
    visit = a_visit(person, SPRING, start=time(9), workers_needed=2)
    visit.assign(("w1", "w2"), time(9, 15))

    event = worker_event(visit, person, ("Charlie",))

    assert event.summary == "Visit: Agatha Quixleyworth"
    assert event.location == "12 Stapleton Road, Bristol, BS5 0QX"
    assert "For: breakfast together, medication prompt." in event.description
    assert "With Charlie." in event.description
    assert (event.start.hour, event.start.minute) == (9, 15)
    assert event.confirmed
    assert event.uid == f"visit-{visit.id}-worker@careweave"


def test_a_family_sees_first_names_and_when_nothing_else() -> None:
    person = a_person(a_team(), given="Agatha", family="Quixleyworth", preferred_name="Aggie")
    visit = a_visit(person, SPRING, start=time(9))

    waiting = family_event(visit, person, ())
    visit.assign(("w1",), time(9, 30))
    booked = family_event(visit, person, ("Bob",))

    assert waiting.summary == "Visit to Aggie (who is coming is not settled yet)"
    assert waiting.description == "Expected between 09:00 and 10:00."
    assert not waiting.confirmed
    assert booked.summary == "Bob visiting Aggie"
    assert booked.confirmed
    for event in (waiting, booked):
        assert event.location == ""
        assert "Quixleyworth" not in event.summary + event.description
        assert "medication" not in event.description


def test_every_change_to_a_visit_raises_its_sequence_and_keeps_its_uid() -> None:
    person = a_person(a_team())
    visit = a_visit(person, SPRING)
    before = worker_event(visit, person, ())

    visit.version += 1
    visit.status = VisitStatus.MISSED
    after = worker_event(visit, person, ())

    assert (before.sequence, after.sequence) == (0, 1)
    assert before.uid == after.uid
    assert after.description.endswith("Recorded as missed: nobody came.")


def test_a_token_stays_live_until_revoked() -> None:
    made = datetime(2026, 3, 2, 12, tzinfo=UTC)
    token = CalendarToken(user_id="u", token_hash="h" * 64, created_at=made)

    stopped = token.fetched(made).revoked(made + timedelta(hours=1))

    assert token.active
    assert not stopped.active
    assert stopped.last_fetched_at == made
