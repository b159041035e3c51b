"""Devices: tokens kept as digests, what each kind may send, and the technical alerts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.unit.domain.telecare.homes import DAY, a_device, at, ev

from careweave.domain.errors import DomainValidationError
from careweave.domain.telecare.devices import (
    DEFAULT_HEARTBEAT_MINUTES,
    DeviceKind,
    TechnicalIssue,
    new_device_token,
    technical_issues,
    token_digest,
)
from careweave.domain.telecare.events import EventKind


def test_a_device_proves_itself_with_its_token_and_only_the_digest_is_kept() -> None:
    secret = new_device_token()
    device = a_device(DeviceKind.DOOR, token_hash=token_digest(secret))
    assert secret not in device.token_hash
    assert device.proves(secret)
    assert not device.proves(secret + "x")


def test_a_door_contact_may_not_report_a_fall_but_any_device_sends_a_heartbeat() -> None:
    door = a_device(DeviceKind.DOOR)
    door.check_sends(ev("door", EventKind.DOOR_OPENED, at(9)))
    door.check_sends(ev("door", EventKind.HEARTBEAT, at(9)))
    with pytest.raises(DomainValidationError, match="door device does not send 'fall'") as bad:
        door.check_sends(ev("door", EventKind.FALL, at(9)), where="events.0.")
    assert bad.value.field == "events.0.kind"


def test_pendants_check_in_daily_and_room_sensors_hourly() -> None:
    assert DEFAULT_HEARTBEAT_MINUTES[DeviceKind.PENDANT] == 24 * 60
    assert DEFAULT_HEARTBEAT_MINUTES[DeviceKind.MOTION] == 60


def test_a_device_is_silent_after_one_and_a_half_heartbeats() -> None:
    motion = a_device(DeviceKind.MOTION, heartbeat_minutes=60)
    motion.heard(ev("motion", EventKind.MOTION, at(9)))
    assert technical_issues([motion], at(10, 30)) == []
    (problem,) = technical_issues([motion], at(10, 31))
    assert problem.issue is TechnicalIssue.SILENT
    assert problem.key == f"device_silent:motion:{at(9).isoformat()}"
    assert "not heard from since Mon 02 Mar 09:00" in problem.summary


def test_an_older_event_does_not_move_last_heard_back() -> None:
    motion = a_device(DeviceKind.MOTION)
    motion.heard(ev("motion", EventKind.MOTION, at(9)))
    motion.heard(ev("motion", EventKind.MOTION, at(8)))
    assert motion.last_heard_at == at(9)


def test_a_device_never_heard_from_is_silent_from_the_day_it_was_installed() -> None:
    fresh = a_device(DeviceKind.MOTION, installed_on=DAY)
    assert technical_issues([fresh], at(1, 30)) == []
    assert [p.issue for p in technical_issues([fresh], at(1, 31))] == [TechnicalIssue.SILENT]


def test_a_low_battery_is_one_spell_until_the_battery_is_changed() -> None:
    pendant = a_device(DeviceKind.PENDANT, heartbeat_minutes=24 * 60)
    pendant.heard(ev("pendant", EventKind.HEARTBEAT, at(9), value=19))
    pendant.heard(ev("pendant", EventKind.HEARTBEAT, at(10), value=17))
    (problem,) = technical_issues([pendant], at(11))
    assert problem.issue is TechnicalIssue.LOW_BATTERY
    assert problem.since == at(9)
    assert "battery low (17 %)" in problem.summary
    pendant.heard(ev("pendant", EventKind.HEARTBEAT, at(12), value=100))
    assert technical_issues([pendant], at(13)) == []


def test_a_retired_device_raises_nothing() -> None:
    gone = a_device(DeviceKind.MOTION, active=False)
    assert technical_issues([gone], at(9) + timedelta(days=30)) == []


def test_a_device_needs_a_place_and_a_sensible_heartbeat() -> None:
    with pytest.raises(DomainValidationError) as no_place:
        a_device(DeviceKind.MOTION, location=" ")
    assert no_place.value.field == "device.location"
    with pytest.raises(DomainValidationError) as no_beat:
        a_device(DeviceKind.MOTION, heartbeat_minutes=0)
    assert no_beat.value.field == "device.heartbeat_minutes"
