"""The one evaluation: nothing fires twice, stale occasions are dropped, and an absent person's
home raises no activity alerts; a person's settings read and written as plain fields."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from tests.unit.domain.telecare.homes import DAY, PERSON, a_home, at, ev

from careweave.domain.errors import DomainValidationError
from careweave.domain.telecare.alerts import AlertKind, Priority
from careweave.domain.telecare.events import EventKind
from careweave.domain.telecare.home import Absence, AwayReason
from careweave.domain.telecare.rules import NoMovement, OutOfBed
from careweave.domain.telecare.ruleset import (
    FRESH,
    LOOKBACK,
    RuleSet,
    evaluate,
    rule_fields,
    rule_from_fields,
)

NIGHT = [ev("bed", EventKind.OUT_OF_BED, at(2)), ev("pendant", EventKind.PRESS, at(2, 5))]


def test_evaluating_the_same_events_again_fires_nothing_twice() -> None:
    home = a_home(NIGHT)
    first = evaluate(RuleSet.default(), home, at(3), raised=set())
    assert [t.kind for t in first] == [AlertKind.PENDANT_PRESS, AlertKind.OUT_OF_BED]
    again = evaluate(RuleSet.default(), home, at(3), raised={t.key for t in first})
    assert again == []


def test_a_later_look_fires_only_what_became_true_since() -> None:
    home = a_home(NIGHT)
    early = evaluate(RuleSet.default(), home, at(2, 10), raised=set())
    assert [t.kind for t in early] == [AlertKind.PENDANT_PRESS]
    later = evaluate(RuleSet.default(), home, at(3), raised={t.key for t in early})
    assert [t.kind for t in later] == [AlertKind.OUT_OF_BED]


def test_an_occasion_older_than_a_day_is_not_raised_late() -> None:
    home = a_home(NIGHT)
    assert evaluate(RuleSet.default(), home, at(2, 30) + FRESH + timedelta(minutes=1), set()) == []
    assert timedelta(hours=12) <= LOOKBACK - FRESH


def test_a_disabled_rule_fires_nothing() -> None:
    rules = RuleSet.default().with_rule(OutOfBed(enabled=False))
    assert [t.kind for t in evaluate(rules, a_home(NIGHT), at(3), set())] == [
        AlertKind.PENDANT_PRESS
    ]


def test_away_in_hospital_silences_activity_rules_but_not_the_pendant() -> None:
    hospital = Absence(PERSON, DAY - timedelta(days=3), AwayReason.HOSPITAL)
    home = a_home(NIGHT, away=(hospital,))
    found = evaluate(RuleSet.default(), home, at(11), set())
    assert [t.kind for t in found] == [AlertKind.PENDANT_PRESS]


def test_back_home_the_day_after_an_absence_the_rules_watch_again() -> None:
    holiday = Absence(
        PERSON, DAY - timedelta(days=7), AwayReason.HOLIDAY, ends_on=DAY - timedelta(days=1)
    )
    found = evaluate(RuleSet.default(), a_home([], away=(holiday,)), at(10), set())
    assert [t.kind for t in found] == [AlertKind.NO_MOVEMENT]


def test_an_absence_cannot_end_before_it_starts() -> None:
    with pytest.raises(DomainValidationError) as refused:
        Absence(PERSON, date(2026, 3, 5), AwayReason.HOLIDAY, ends_on=date(2026, 3, 4))
    assert refused.value.field == "away.ends_on"


def test_a_rules_settings_go_out_and_come_back_as_plain_fields() -> None:
    rule = NoMovement(by=time(9, 30), priority=Priority.URGENT)
    fields = rule_fields(rule)
    assert fields == {"enabled": True, "priority": 1, "since": "04:00", "by": "09:30"}
    assert rule_from_fields(AlertKind.NO_MOVEMENT, fields) == rule
    assert rule_from_fields("no_movement", {"by": "11:00", "enabled": "on"}).by == time(11)


@pytest.mark.parametrize(
    ("kind", "fields", "field"),
    [
        ("no_movement", {"by": "ten o'clock"}, "by"),
        ("no_movement", {"colour": "red"}, "colour"),
        ("device_silent", {}, "rule"),
        ("juggling", {}, "rule"),
        ("out_of_bed", {"minutes": "many"}, "minutes"),
    ],
)
def test_bad_settings_are_refused_naming_the_field(
    kind: str, fields: dict[str, object], field: str
) -> None:
    with pytest.raises(DomainValidationError) as refused:
        rule_from_fields(kind, fields)
    assert refused.value.field == field
