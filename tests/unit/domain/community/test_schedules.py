"""Schedules: the RFC 5545 subset HSDS uses, checked by hand and against dateutil's rrule."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from careweave.domain.community.schedules import (
    ByDay,
    Frequency,
    PartOfDay,
    Schedule,
    weekday_of,
)
from careweave.domain.errors import DomainValidationError

MONDAY = date(2026, 3, 2)
TUESDAY = MONDAY + timedelta(days=1)


def weekly(byday: str, **more: object) -> Schedule:
    return Schedule(freq=Frequency.WEEKLY, byday=byday, **more)  # type: ignore[arg-type]


def monthly(**more: object) -> Schedule:
    return Schedule(freq=Frequency.MONTHLY, **more)  # type: ignore[arg-type]


def test_a_weekly_schedule_opens_on_its_days_only() -> None:
    lunch_club = weekly("TU,TH", opens_at=time(12), closes_at=time(14))

    assert lunch_club.occurs_on(TUESDAY)
    assert lunch_club.occurs_on(TUESDAY + timedelta(days=2))
    assert not lunch_club.occurs_on(MONDAY)
    assert lunch_club.weekdays() == {1, 3}


def test_every_other_week_counts_from_dtstart() -> None:
    fortnightly = weekly("MO", interval=2, dtstart=MONDAY)

    assert fortnightly.occurs_on(MONDAY)
    assert not fortnightly.occurs_on(MONDAY + timedelta(weeks=1))
    assert fortnightly.occurs_on(MONDAY + timedelta(weeks=2))
    assert not fortnightly.occurs_on(MONDAY - timedelta(weeks=2)), "nothing before dtstart"


def test_the_first_and_last_weekday_of_a_month() -> None:
    first_monday = monthly(byday="1MO")
    last_friday = monthly(byday="-1FR")

    assert first_monday.occurs_on(date(2026, 3, 2))
    assert not first_monday.occurs_on(date(2026, 3, 9))
    assert last_friday.occurs_on(date(2026, 3, 27))
    assert not last_friday.occurs_on(date(2026, 3, 20))


def test_days_of_the_month_count_from_the_end_when_negative() -> None:
    pay_day = monthly(bymonthday="15,-1")

    assert pay_day.occurs_on(date(2026, 2, 15))
    assert pay_day.occurs_on(date(2026, 2, 28))
    assert not pay_day.occurs_on(date(2026, 2, 27))
    assert pay_day.weekdays() == set(range(7))


def test_valid_from_and_valid_to_bound_the_schedule() -> None:
    spring_only = weekly("TU", valid_from=date(2026, 3, 1), valid_to=date(2026, 5, 31))

    assert spring_only.occurs_on(TUESDAY)
    assert not spring_only.occurs_on(date(2026, 6, 2))
    assert spring_only.next_on_or_after(date(2026, 6, 1)) is None


def test_the_next_session_is_found() -> None:
    assert weekly("TH").next_on_or_after(MONDAY) == MONDAY + timedelta(days=3)


def test_a_schedule_without_a_rule_never_matches_a_day() -> None:
    by_appointment = Schedule(description="By appointment")

    assert not by_appointment.occurs_on(MONDAY)
    assert by_appointment.weekdays() == frozenset()
    assert by_appointment.words() == "By appointment"


def test_open_during_a_part_of_the_day() -> None:
    morning_walk = weekly("TU", opens_at=time(10), closes_at=time(11, 30))
    start, end = PartOfDay.MORNING.hours

    assert morning_walk.open_during(1, start, end, MONDAY)
    assert not morning_walk.open_during(1, *PartOfDay.EVENING.hours, MONDAY)
    assert not morning_walk.open_during(2, start, end, MONDAY)


def test_a_schedule_says_itself_in_plain_words() -> None:
    assert weekly("TU,TH", opens_at=time(10), closes_at=time(12)).words() == (
        "Every Tuesday and Thursday, 10:00 to 12:00"
    )
    assert weekly("MO", interval=2, dtstart=MONDAY).words() == "Every other Monday"
    assert monthly(byday="1MO").words() == "the first Monday of every month"
    assert monthly(bymonthday="2").words() == "the 2nd of every month"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"freq": Frequency.WEEKLY, "byday": "XX"}, "schedule.byday"),
        ({"freq": Frequency.WEEKLY, "byday": "1MO"}, "schedule.byday"),
        ({"freq": Frequency.WEEKLY, "byday": "MO", "bymonthday": "3"}, "schedule.bymonthday"),
        ({"freq": Frequency.MONTHLY, "bymonthday": "32"}, "schedule.bymonthday"),
        ({"freq": Frequency.MONTHLY, "byday": "6MO"}, "schedule.byday"),
        ({"freq": Frequency.WEEKLY, "byday": "MO", "interval": 2}, "schedule.dtstart"),
        ({"freq": Frequency.WEEKLY, "byday": "MO", "interval": 0}, "schedule.interval"),
        ({"freq": "DAILY", "byday": "MO"}, "schedule.freq"),
        ({"byday": "MO"}, "schedule.freq"),
        ({"freq": Frequency.WEEKLY}, "schedule.byday"),
        ({"opens_at": time(12), "closes_at": time(11)}, "schedule.closes_at"),
        ({"valid_from": date(2026, 3, 2), "valid_to": date(2026, 3, 1)}, "schedule.valid_to"),
        ({"id": "not-a-uuid"}, "schedule.id"),
        ({"schedule_link": "ftp://x"}, "schedule.schedule_link"),
    ],
)
def test_a_wrong_schedule_names_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(DomainValidationError) as raised:
        Schedule(**changes)  # type: ignore[arg-type]
    assert raised.value.field == field


def test_byday_is_kept_in_its_rfc_spelling() -> None:
    assert weekly(" mo , th ").byday == "MO,TH"
    assert ByDay.parse("f", "-1fr") == ByDay(4, -1)


def test_a_day_may_be_named_by_code_or_name() -> None:
    assert weekday_of("day", "TU") == 1
    assert weekday_of("day", "tuesday") == 1
    with pytest.raises(DomainValidationError, match="not a day"):
        weekday_of("day", "Funday")


RULES = [
    {"freq": Frequency.WEEKLY, "byday": "MO,WE,FR"},
    {"freq": Frequency.WEEKLY, "byday": "SA", "interval": 3},
    {"freq": Frequency.MONTHLY, "byday": "2TU,-1TH"},
    {"freq": Frequency.MONTHLY, "bymonthday": "1,-1", "interval": 2},
    {"freq": Frequency.MONTHLY, "byday": "MO", "bymonthday": "1,2,3,4,5,6,7"},
    {"freq": Frequency.MONTHLY},
]


@pytest.mark.parametrize("rule", RULES, ids=[str(r) for r in RULES])
def test_the_days_match_dateutils_rrule(rule: dict[str, object]) -> None:
    rrule = pytest.importorskip("dateutil.rrule")
    start = date(2026, 1, 7)
    schedule = Schedule(dtstart=start, **rule)  # type: ignore[arg-type]
    text = f"FREQ={schedule.freq};INTERVAL={schedule.interval}"
    text += f";BYDAY={schedule.byday}" if schedule.byday else ""
    text += f";BYMONTHDAY={schedule.bymonthday}" if schedule.bymonthday else ""
    expected = {
        d.date()
        for d in rrule.rrulestr(text, dtstart=datetime(2026, 1, 7)).between(
            datetime(2026, 1, 1), datetime(2027, 12, 31), inc=True
        )
    }
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(730)]
    assert {d for d in days if schedule.occurs_on(d)} == expected
