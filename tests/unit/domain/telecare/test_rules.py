"""Each rule on tiny named homes: when it fires, when it keeps quiet, and the key it gives."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from tests.unit.domain.telecare.homes import DAY, a_home, at, ev

from careweave.domain.errors import DomainValidationError
from careweave.domain.telecare.alerts import AlertKind, Priority
from careweave.domain.telecare.devices import DeviceKind
from careweave.domain.telecare.events import EventKind
from careweave.domain.telecare.rules import (
    ApplianceNotUsed,
    DoorAtNight,
    LowTemperature,
    NoMovement,
    OutOfBed,
    PendantPress,
)

NEXT_DAY = DAY + timedelta(days=1)


def test_a_pendant_press_fires_at_once_and_urgently_for_each_press() -> None:
    presses = [ev("pendant", EventKind.PRESS, at(9)), ev("pendant", EventKind.PRESS, at(9, 1))]
    home = a_home(presses, kinds=(DeviceKind.PENDANT,))
    found = list(PendantPress().triggers(home, at(9, 2)))
    assert [t.key for t in found] == [f"pendant_press:pendant:{e.sequence}" for e in presses]
    assert {t.priority for t in found} == {Priority.URGENT}
    assert found[0].summary == "Pendant pressed: Pendant alarm, hall at 09:00"


def test_a_press_from_a_device_whose_clock_runs_ahead_is_raised_now() -> None:
    home = a_home([ev("pendant", EventKind.PRESS, at(9, 5))], kinds=(DeviceKind.PENDANT,))
    (found,) = PendantPress().triggers(home, at(9))
    assert found.at == at(9)


def test_no_movement_by_ten_fires_once_for_the_day_at_ten() -> None:
    home = a_home([ev("motion", EventKind.MOTION, at(3, 50))])
    assert list(NoMovement().triggers(home, at(9, 59))) == []
    (found,) = NoMovement().triggers(home, at(10))
    assert (found.kind, found.key, found.at) == (
        AlertKind.NO_MOVEMENT,
        "no_movement:2026-03-02",
        at(10),
    )
    assert found.summary == "No movement in the home between 04:00 and 10:00"


def test_any_sign_of_activity_in_the_morning_keeps_no_movement_quiet() -> None:
    for kind in (EventKind.MOTION, EventKind.OUT_OF_BED, EventKind.DOOR_CLOSED):
        home = a_home([ev("bed", kind, at(8))])
        assert list(NoMovement().triggers(home, at(11))) == []


def test_no_movement_needs_a_sensor_that_could_see_movement() -> None:
    home = a_home([], kinds=(DeviceKind.PENDANT, DeviceKind.SMOKE))
    assert list(NoMovement().triggers(home, at(11))) == []


def test_a_kettle_not_used_by_eleven_fires_only_in_a_home_with_a_kettle() -> None:
    with_kettle = a_home([], kinds=(DeviceKind.KETTLE,))
    (found,) = ApplianceNotUsed().triggers(with_kettle, at(11))
    assert found.key == "appliance_not_used:2026-03-02"
    used = a_home([ev("kettle", EventKind.APPLIANCE_USED, at(7))], kinds=(DeviceKind.KETTLE,))
    assert list(ApplianceNotUsed().triggers(used, at(11))) == []
    assert list(ApplianceNotUsed().triggers(a_home([]), at(11))) == []


def test_out_of_bed_thirty_minutes_at_night_fires_at_the_thirtieth_minute() -> None:
    left = ev("bed", EventKind.OUT_OF_BED, at(2))
    home = a_home([left])
    assert list(OutOfBed().triggers(home, at(2, 29))) == []
    (found,) = OutOfBed().triggers(home, at(2, 30))
    assert (found.key, found.at) == (f"out_of_bed:bed:{left.sequence}", at(2, 30))


def test_back_in_bed_within_thirty_minutes_is_a_trip_to_the_toilet() -> None:
    home = a_home([ev("bed", EventKind.OUT_OF_BED, at(2)), ev("bed", EventKind.IN_BED, at(2, 20))])
    assert list(OutOfBed().triggers(home, at(5))) == []


def test_getting_up_near_the_end_of_the_night_is_getting_up_for_the_day() -> None:
    home = a_home([ev("bed", EventKind.OUT_OF_BED, at(6, 45))])
    assert list(OutOfBed().triggers(home, at(9))) == []


def test_the_night_may_run_past_midnight_with_the_persons_own_hours() -> None:
    late_riser = OutOfBed(minutes=20, night_start=time(23), night_end=time(8))
    home = a_home([ev("bed", EventKind.OUT_OF_BED, at(23, 30))])
    (found,) = late_riser.triggers(home, at(0, 0, NEXT_DAY))
    assert found.at == at(23, 50)


def test_a_door_opened_at_night_and_left_open_fires_after_ten_minutes() -> None:
    opened = ev("door", EventKind.DOOR_OPENED, at(2))
    (found,) = DoorAtNight().triggers(a_home([opened]), at(2, 10))
    assert (found.key, found.at) == (f"door_at_night:door:{opened.sequence}", at(2, 10))
    assert "not closed" in found.summary


def test_a_door_closed_with_no_movement_after_means_the_person_may_have_gone_out() -> None:
    events = [ev("door", EventKind.DOOR_OPENED, at(2)), ev("door", EventKind.DOOR_CLOSED, at(2, 1))]
    assert list(DoorAtNight().triggers(a_home(events), at(2, 15))) == []
    (found,) = DoorAtNight().triggers(a_home(events), at(2, 16))
    assert "may have gone out" in found.summary
    back_inside = [*events, ev("motion", EventKind.MOTION, at(2, 5))]
    assert list(DoorAtNight().triggers(a_home(back_inside), at(3))) == []


def test_a_door_opened_in_the_day_is_nobodys_business() -> None:
    assert (
        list(DoorAtNight().triggers(a_home([ev("door", EventKind.DOOR_OPENED, at(14))]), at(16)))
        == []
    )


def test_a_cold_home_fires_once_per_cold_spell_after_an_hour() -> None:
    readings = [
        ev("temperature", EventKind.TEMPERATURE, at(1), 18.0),
        first := ev("temperature", EventKind.TEMPERATURE, at(2), 15.0),
        ev("temperature", EventKind.TEMPERATURE, at(2, 30), 14.0),
    ]
    home = a_home(readings, kinds=(DeviceKind.TEMPERATURE,))
    assert list(LowTemperature().triggers(home, at(2, 59))) == []
    (found,) = LowTemperature().triggers(home, at(3))
    assert (found.key, found.at) == (f"low_temperature:temperature:{first.sequence}", at(3))
    assert "below 16 °C since 02:00" in found.summary


def test_a_cold_spell_broken_by_a_warm_reading_within_the_hour_is_not_an_alert() -> None:
    readings = [
        ev("temperature", EventKind.TEMPERATURE, at(2), 15.0),
        ev("temperature", EventKind.TEMPERATURE, at(2, 40), 17.0),
        ev("temperature", EventKind.TEMPERATURE, at(3), 15.5),
    ]
    home = a_home(readings, kinds=(DeviceKind.TEMPERATURE,))
    assert list(LowTemperature().triggers(home, at(3, 59))) == []


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: NoMovement(since=time(10), by=time(9)), "by"),
        (lambda: OutOfBed(minutes=0), "minutes"),
        (lambda: OutOfBed(minutes=13 * 60), "minutes"),
        (lambda: DoorAtNight(night_start=time(1), night_end=time(1)), "night_end"),
        (lambda: LowTemperature(below_celsius=40), "below_celsius"),
        (lambda: PendantPress(priority=7), "priority"),  # type: ignore[arg-type]
    ],
)
def test_a_bad_setting_is_refused_naming_it(make: object, field: str) -> None:
    with pytest.raises(DomainValidationError) as refused:
        make()  # type: ignore[operator]
    assert refused.value.field == field
