"""Telecare storage on SQLite and PostgreSQL: each event once, local hours counted, dead letters
kept with their reason, rules and set-ups read back, alerts unique per trigger and queued in order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest
from tests.integration.telecare.conftest import Home

from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.domain.errors import NotFoundError
from careweave.domain.telecare.alerts import (
    AlertKind,
    AlertStatus,
    EscalationChain,
    Priority,
    TelecareAlert,
    Tier,
)
from careweave.domain.telecare.devices import DeviceKind, token_digest
from careweave.domain.telecare.events import Event, EventKind
from careweave.domain.telecare.home import Absence, AwayReason
from careweave.domain.telecare.rules import NoMovement
from careweave.domain.telecare.ruleset import RuleSet
from careweave.domain.telecare.setup import TelecareSetup
from careweave.services.telecare.ports import DeadLetter

Uow = Callable[[], SqlUnitOfWork]
# Midsummer: the home's clock is an hour ahead of UTC, so local hours differ from UTC's.
SUMMER = datetime(2026, 7, 1, 6, 30, tzinfo=UTC)


def _events(home: Home, first: int, count: int, kind: EventKind = EventKind.MOTION) -> list[Event]:
    device = home.devices[DeviceKind.MOTION]
    return [
        Event(device.id, n, kind, SUMMER + timedelta(minutes=n))
        for n in range(first, first + count)
    ]


def _owners(home: Home) -> dict[str, str]:
    return {d.id: home.person.id for d in home.devices.values()}


def test_a_repeated_event_is_stored_once(uow_factory: Uow, home: Home) -> None:
    with uow_factory() as uow:
        stored = uow.telecare_events.add_new(_events(home, 0, 3), _owners(home), SUMMER)
        uow.commit()
    assert [e.sequence for e in stored] == [0, 1, 2]
    batch = _events(home, 2, 3) + _events(home, 4, 1)  # 2 already stored, 4 twice in the batch
    with uow_factory() as uow:
        again = uow.telecare_events.add_new(batch, _owners(home), SUMMER)
        uow.commit()
    assert [e.sequence for e in again] == [3, 4]
    with uow_factory() as uow:
        assert uow.telecare_events.count() == 5
        assert uow.telecare_events.count(device_id=home.devices[DeviceKind.MOTION].id) == 5


def test_events_are_read_back_in_a_window_with_their_times_in_utc(
    uow_factory: Uow, home: Home
) -> None:
    with uow_factory() as uow:
        uow.telecare_events.add_new(_events(home, 0, 10), _owners(home), SUMMER)
        uow.commit()
    with uow_factory() as uow:
        found = uow.telecare_events.list_for_person(
            home.person.id, SUMMER + timedelta(minutes=2), SUMMER + timedelta(minutes=4)
        )
        heard = uow.telecare_events.people_heard_since(SUMMER - timedelta(seconds=1))
    assert [(e.sequence, e.at) for e in found] == [
        (n, SUMMER + timedelta(minutes=n)) for n in (2, 3, 4)
    ]
    assert heard == [home.person.id]


def test_activity_is_counted_per_local_hour(uow_factory: Uow, home: Home) -> None:
    heartbeat = Event(home.devices[DeviceKind.MOTION].id, 99, EventKind.HEARTBEAT, SUMMER)
    with uow_factory() as uow:
        uow.telecare_events.add_new([*_events(home, 0, 40), heartbeat], _owners(home), SUMMER)
        uow.commit()
    with uow_factory() as uow:
        history = uow.telecare_events.hourly_activity(
            home.person.id, date(2026, 7, 1), date(2026, 7, 1)
        )
    counts = history.hours(date(2026, 7, 1))
    # 06:30 to 07:09 UTC is 07:30 to 08:09 in London: 30 in hour 7, 10 in hour 8, no heartbeat.
    assert (counts[7], counts[8], sum(counts)) == (30, 10, 40)


def test_a_dead_letter_keeps_its_reason_and_part_of_a_huge_payload_even_with_nul_bytes(
    uow_factory: Uow,
) -> None:
    letter = DeadLetter(
        SUMMER, "mqtt", "careweave/telecare/x/events", "\x00{" * 10_000, "kind: required"
    )
    with uow_factory() as uow:
        uow.dead_letters.add(letter)
        uow.commit()
    with uow_factory() as uow:
        (kept,) = uow.dead_letters.list()
        assert uow.dead_letters.count() == 1
    assert (kept.reason, kept.source, len(kept.payload), kept.received_at) == (
        "kind: required",
        "mqtt",
        10_000,
        SUMMER,
    )
    assert kept.payload.startswith("\N{REPLACEMENT CHARACTER}{")


def test_a_device_is_found_by_its_token_digest_and_remembers_what_it_heard(
    uow_factory: Uow, home: Home
) -> None:
    with uow_factory() as uow:
        pendant = uow.devices.find_by_token(token_digest("pendant"))
        assert pendant is not None
        pendant.heard(Event(pendant.id, 1, EventKind.HEARTBEAT, SUMMER, 15))
        uow.devices.update(pendant)
        uow.commit()
    with uow_factory() as uow:
        again = uow.devices.get(pendant.id)
        assert uow.devices.find_by_token(token_digest("nobody")) is None
        listed = uow.devices.list(person_ids={home.person.id})
    assert (again.last_heard_at, again.battery_percent, again.battery_low_since) == (
        SUMMER,
        15,
        SUMMER,
    )
    assert [d.kind for d in listed] == sorted(d.kind for d in home.devices.values())


def test_rules_and_set_up_are_read_back_and_default_until_set(uow_factory: Uow, home: Home) -> None:
    person = home.person.id
    with uow_factory() as uow:
        assert uow.telecare_rules.rules_for(person) == RuleSet.default()
        assert uow.telecare_setups.find(person) is None
        uow.telecare_rules.save(person, NoMovement(by=time(9, 30)))
        uow.telecare_rules.save(person, NoMovement(by=time(11, 0)))
        chain = EscalationChain.default(circle_member_id="c1")
        uow.telecare_setups.save(TelecareSetup(person, chain, "Key safe left of the door"))
        uow.commit()
    with uow_factory() as uow:
        rules = uow.telecare_rules.rules_for(person)
        setup = uow.telecare_setups.find(person)
        assert uow.telecare_setups.people() == [person]
    assert rules == RuleSet.default().with_rule(NoMovement(by=time(11, 0)))
    assert setup == TelecareSetup(person, chain, "Key safe left of the door")


def test_absences_are_listed_latest_first(uow_factory: Uow, home: Home) -> None:
    person = home.person.id
    spring = Absence(person, date(2026, 4, 1), AwayReason.HOLIDAY, date(2026, 4, 8))
    summer = Absence(person, date(2026, 7, 1), AwayReason.HOSPITAL)
    with uow_factory() as uow:
        uow.absences.add(spring)
        uow.absences.add(summer)
        uow.commit()
    with uow_factory() as uow:
        assert uow.absences.list_for_person(person) == [summer, spring]


def _alert(home: Home, key: str, priority: Priority, minutes: int) -> TelecareAlert:
    return TelecareAlert(
        home.person.id,
        home.team.id,
        AlertKind.FALL,
        priority,
        key,
        SUMMER + timedelta(minutes=minutes),
        "Fall detected",
    )


def test_an_alert_is_stored_once_per_trigger_and_keeps_its_steps(
    uow_factory: Uow, home: Home
) -> None:
    first = _alert(home, "fall:a:1", Priority.URGENT, 0)
    first.escalate(0, Tier.RESPONDER, "console", SUMMER)
    with uow_factory() as uow:
        assert uow.telecare_alerts.add(first)
        assert not uow.telecare_alerts.add(_alert(home, "fall:a:1", Priority.URGENT, 5))
        uow.commit()
    first.escalate(1, Tier.WORKER_ON_SHIFT, "Bob", SUMMER + timedelta(minutes=5))
    first.acknowledge("u1", SUMMER + timedelta(minutes=6))
    with uow_factory() as uow:
        uow.telecare_alerts.update(first)
        uow.commit()
    with uow_factory() as uow:
        again = uow.telecare_alerts.get(first.id)
        keys = uow.telecare_alerts.raised_keys(home.person.id, SUMMER)
        with pytest.raises(NotFoundError):
            uow.telecare_alerts.get("nope")
    assert again == first
    assert keys == {"fall:a:1"}


def test_the_queue_is_most_urgent_first_then_oldest(uow_factory: Uow, home: Home) -> None:
    routine_old = _alert(home, "a", Priority.ROUTINE, 0)
    urgent_new = _alert(home, "b", Priority.URGENT, 10)
    urgent_old = _alert(home, "c", Priority.URGENT, 5)
    closed = _alert(home, "d", Priority.URGENT, 1)
    closed.status = AlertStatus.CLOSED
    with uow_factory() as uow:
        for alert in (routine_old, urgent_new, urgent_old, closed):
            uow.telecare_alerts.add(alert)
        uow.commit()
    with uow_factory() as uow:
        open_ones = uow.telecare_alerts.list(statuses={AlertStatus.OPEN}, team_ids={home.team.id})
        total = uow.telecare_alerts.count(statuses={AlertStatus.OPEN})
        elsewhere = uow.telecare_alerts.list(team_ids={"another team"})
    assert [a.id for a in open_ones] == [urgent_old.id, urgent_new.id, routine_old.id]
    assert (total, elsewhere) == (3, [])
