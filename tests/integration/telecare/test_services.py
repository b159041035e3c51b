"""The telecare use cases end to end on the database: ingest once, raise once, escalate on the
clock, answer in order, and let nobody see or do what they should not. Every step is audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.integration.telecare.conftest import Telecare

from careweave.domain.accounts.users import NotAuthenticatedError
from careweave.domain.errors import DomainValidationError, NotFoundError, PermissionDeniedError
from careweave.domain.telecare.alerts import AlertKind, AlertStatus, EscalationChain, Outcome, Tier
from careweave.domain.telecare.devices import DeviceKind
from careweave.domain.telecare.events import Event, EventKind
from careweave.domain.telecare.home import AwayReason
from careweave.services.telecare.ingest import BrokerMessage


def _events(t: Telecare) -> int:
    with t.uow() as uow:
        return uow.telecare_events.count()


def test_an_event_is_stored_once_however_often_it_is_sent(telecare: Telecare) -> None:
    pendant = telecare.home.devices[DeviceKind.PENDANT]
    press = Event(pendant.id, 1, EventKind.PRESS, telecare.clock.now())
    first = telecare.ingest.ingest_with_token(telecare.tokens[DeviceKind.PENDANT], [press])
    again = telecare.ingest.ingest_with_token(telecare.tokens[DeviceKind.PENDANT], [press, press])
    assert (first.stored, first.repeats, again.stored, again.repeats) == (1, 0, 0, 2)
    assert _events(telecare) == 1
    with telecare.uow() as uow:
        assert uow.devices.get(pendant.id).last_heard_at == press.at
        trail = uow.audit.list(record_kind="telecare_event")
    assert [e.detail for e in trail] == [
        "0 events by http, 2 repeats",
        "1 events by http, 0 repeats",
    ]


def test_a_hub_token_carries_its_homes_sensors_but_no_one_elses(telecare: Telecare) -> None:
    home = telecare.home.devices
    now = telecare.clock.now()
    batch = [
        Event(home[DeviceKind.BED].id, 1, EventKind.OUT_OF_BED, now),
        Event(home[DeviceKind.MOTION].id, 1, EventKind.MOTION, now),
    ]
    assert telecare.ingest.ingest_with_token(telecare.tokens[DeviceKind.DOOR], batch).stored == 2
    strangers = [*batch, Event("a-device-elsewhere", 1, EventKind.MOTION, now)]
    with pytest.raises(DomainValidationError) as refused:
        telecare.ingest.ingest_with_token(telecare.tokens[DeviceKind.DOOR], strangers)
    assert refused.value.field == "events.2.device_id"
    assert _events(telecare) == 2


def test_a_bad_event_refuses_its_whole_batch_and_writes_nothing(telecare: Telecare) -> None:
    door = telecare.home.devices[DeviceKind.DOOR]
    now = telecare.clock.now()
    batch = [Event(door.id, 1, EventKind.DOOR_OPENED, now), Event(door.id, 2, EventKind.FALL, now)]
    with pytest.raises(DomainValidationError, match="door device does not send 'fall'") as refused:
        telecare.ingest.ingest_with_token(telecare.tokens[DeviceKind.DOOR], batch)
    assert refused.value.field == "events.1.kind"
    assert _events(telecare) == 0


def test_an_unknown_or_retired_token_is_not_authenticated(telecare: Telecare) -> None:
    door = telecare.home.devices[DeviceKind.DOOR]
    opened = [Event(door.id, 1, EventKind.DOOR_OPENED, telecare.clock.now())]
    with pytest.raises(NotAuthenticatedError):
        telecare.ingest.ingest_with_token("not-a-token", opened)
    telecare.homes.retire_device(telecare.actors["alice"], door.id)
    with pytest.raises(NotAuthenticatedError):
        telecare.ingest.ingest_with_token(telecare.tokens[DeviceKind.DOOR], opened)


def test_the_broker_path_keeps_bad_messages_as_dead_letters_beside_good_ones(
    telecare: Telecare,
) -> None:
    motion = telecare.home.devices[DeviceKind.MOTION]
    pendant = telecare.home.devices[DeviceKind.PENDANT]
    now = telecare.clock.now()
    good = BrokerMessage(motion.id, [Event(motion.id, 1, EventKind.MOTION, now)], "t/m", "{}")
    stranger = BrokerMessage("nobody", [Event("nobody", 1, EventKind.MOTION, now)], "t/n", "{}")
    unreadable = BrokerMessage("x", [], "t/x", "{oops", problem="body: is not valid JSON")
    report = telecare.ingest.ingest_from_broker([good, stranger, unreadable, good])
    assert (report.stored, report.repeats, report.dead_letters) == (1, 1, 2)
    assert report.urgent_person_ids == []  # movement waits for the periodic run
    press = BrokerMessage(pendant.id, [Event(pendant.id, 1, EventKind.PRESS, now)], "t/p", "{}")
    assert telecare.ingest.ingest_from_broker([press]).urgent_person_ids == [
        telecare.home.person.id
    ]
    with telecare.uow() as uow:
        letters = uow.dead_letters.list()
    assert [(d.topic, d.reason) for d in letters] == [
        ("t/x", "body: is not valid JSON"),
        ("t/n", "device_id: 'nobody' is not a known device"),
    ]


def test_a_pendant_press_is_raised_once_and_reaches_the_responder_at_once(
    telecare: Telecare,
) -> None:
    telecare.send(DeviceKind.PENDANT, EventKind.PRESS, sequence=1)
    report = telecare.alerting.run()
    (alert,) = report.raised
    assert (alert.kind, alert.status, report.steps) == (
        AlertKind.PENDANT_PRESS,
        AlertStatus.OPEN,
        1,
    )
    assert telecare.alerting.run().raised == []
    with telecare.uow() as uow:
        stored = uow.telecare_alerts.get(alert.id)
        trail = [e.detail for e in uow.audit.list(record_kind="telecare_alert", record_id=alert.id)]
    assert [(s.level, s.tier, s.target) for s in stored.escalations] == [
        (0, Tier.RESPONDER, "Telecare console")
    ]
    assert trail == ["escalated to responder", "raised pendant_press"]


def test_an_unanswered_alert_climbs_to_the_worker_on_shift_the_coordinator_and_the_daughter(
    telecare: Telecare,
) -> None:
    person = telecare.home.person
    chain = EscalationChain.default(circle_member_id=telecare.daughter.id)
    telecare.homes.save_setup(
        telecare.actors["alice"], person.id, chain, "Key safe by the back door"
    )
    telecare.send(DeviceKind.PENDANT, EventKind.PRESS, sequence=1)
    (alert,) = telecare.alerting.run().raised
    for minutes in (5, 10, 15):
        telecare.advance(minutes)
        assert telecare.alerting.run().steps == 1
    with telecare.uow() as uow:
        steps = uow.telecare_alerts.get(alert.id).escalations
    assert [s.target for s in steps] == [
        "Telecare console",
        "Bob Pennywhistle (worker on shift)",
        "Alice Ash (coordinator)",
        "Mary Quill, daughter, 07700 900123",
    ]


def test_an_acknowledged_alert_climbs_no_further_and_closes_with_its_outcome(
    telecare: Telecare,
) -> None:
    telecare.send(DeviceKind.PENDANT, EventKind.PRESS, sequence=1)
    (alert,) = telecare.alerting.run().raised
    telecare.advance(0.5)
    bob = telecare.actors["bob"]
    acknowledged = telecare.response.acknowledge(bob, alert.id)
    assert acknowledged.response_seconds == 30
    telecare.advance(60)
    assert telecare.alerting.run().steps == 0
    with pytest.raises(Exception, match="record the outcome"):
        telecare.response.close(bob, alert.id)
    telecare.response.record_outcome(bob, alert.id, Outcome.FALSE_ALARM, "Pressed by mistake")
    closed = telecare.response.close(bob, alert.id)
    assert (closed.status, closed.outcome) == (AlertStatus.CLOSED, Outcome.FALSE_ALARM)
    assert telecare.response.queue(bob) == []
    with telecare.uow() as uow:
        trail = [
            e.detail for e in uow.audit.list(user_id=bob.user_id, record_kind="telecare_alert")
        ]
    assert trail[:4] == ["0 in queue", "closed", "outcome false_alarm", "acknowledged"]


def test_the_queue_shows_the_person_their_circle_and_key_safe_and_outsiders_see_nothing(
    telecare: Telecare,
) -> None:
    person = telecare.home.person
    telecare.homes.save_setup(
        telecare.actors["alice"], person.id, EscalationChain.default(), "Key safe by the back door"
    )
    telecare.send(DeviceKind.PENDANT, EventKind.PRESS, sequence=1)
    (alert,) = telecare.alerting.run().raised
    (line,) = telecare.response.queue(telecare.actors["bob"])
    assert (line.person.id, line.setup.key_safe_note) == (person.id, "Key safe by the back door")
    assert [m.name for m in line.circle] == ["Mary Quill"]
    charlie = telecare.actors["charlie"]
    assert telecare.response.queue(charlie) == []
    with pytest.raises(NotFoundError):
        telecare.response.acknowledge(charlie, alert.id)
    with pytest.raises(NotFoundError):
        telecare.response.alert(charlie, alert.id)


def test_the_family_reads_their_persons_alerts_and_cannot_answer_them(telecare: Telecare) -> None:
    telecare.send(DeviceKind.PENDANT, EventKind.PRESS, sequence=1)
    (alert,) = telecare.alerting.run().raised
    dora = telecare.actors["dora"]
    assert [line.alert.id for line in telecare.response.family_alerts(dora)] == [alert.id]
    with pytest.raises(PermissionDeniedError):
        telecare.response.acknowledge(dora, alert.id)
    with pytest.raises(PermissionDeniedError):
        telecare.response.queue(dora)
    with telecare.uow() as uow:
        (entry,) = uow.audit.list(user_id=dora.user_id)
    assert (entry.record_id, entry.detail) == (telecare.home.person.id, "alerts about the person")


def test_no_movement_is_not_raised_while_the_person_is_in_hospital(telecare: Telecare) -> None:
    alice = telecare.actors["alice"]
    telecare.advance(8 * 60 + 30)  # 10:30
    today = telecare.clock.today()
    telecare.homes.mark_away(
        alice, telecare.home.person.id, today - timedelta(days=1), AwayReason.HOSPITAL
    )
    kinds = {a.kind for a in telecare.alerting.run().raised}
    assert AlertKind.NO_MOVEMENT not in kinds


def test_a_quiet_morning_at_home_raises_no_movement(telecare: Telecare) -> None:
    telecare.advance(8 * 60 + 30)  # 10:30, and nothing heard since 02:00
    kinds = [a.kind for a in telecare.alerting.run().raised]
    assert AlertKind.NO_MOVEMENT in kinds


def test_a_silent_device_raises_one_technical_alert(telecare: Telecare) -> None:
    telecare.send(DeviceKind.MOTION, EventKind.MOTION, sequence=1)
    telecare.advance(91)
    first = telecare.alerting.run().raised
    silent = [a for a in first if a.kind is AlertKind.DEVICE_SILENT]
    assert {a.summary.split(":")[0] for a in silent} >= {"Motion sensor, hall"}
    telecare.advance(30)
    assert [a for a in telecare.alerting.run().raised if a.kind is AlertKind.DEVICE_SILENT] == []


def test_registering_a_device_is_for_the_coordinator_and_its_token_works_at_once(
    telecare: Telecare,
) -> None:
    person = telecare.home.person.id
    with pytest.raises(PermissionDeniedError):
        telecare.homes.register_device(telecare.actors["bob"], person, "kettle", "kitchen")
    with pytest.raises(NotFoundError):
        telecare.homes.register_device(telecare.actors["charlie"], person, "kettle", "kitchen")
    with pytest.raises(DomainValidationError) as bad_kind:
        telecare.homes.register_device(telecare.actors["alice"], person, "toaster", "kitchen")
    assert bad_kind.value.field == "device.kind"
    kettle = telecare.homes.register_device(telecare.actors["alice"], person, "kettle", "kitchen")
    used = Event(kettle.device.id, 1, EventKind.APPLIANCE_USED, telecare.clock.now())
    assert telecare.ingest.ingest_with_token(kettle.token, [used]).stored == 1
    view = telecare.homes.view(telecare.actors["bob"], person)
    assert "kitchen" in {d.location for d in view.devices}


def test_a_rule_is_changed_by_field_and_a_bad_field_is_named(telecare: Telecare) -> None:
    alice, person = telecare.actors["alice"], telecare.home.person.id
    rules = telecare.homes.save_rule(alice, person, "out_of_bed", {"minutes": "20"})
    assert rules[AlertKind.OUT_OF_BED].minutes == 20  # type: ignore[attr-defined]
    with pytest.raises(DomainValidationError) as refused:
        telecare.homes.save_rule(alice, person, "out_of_bed", {"minutes": "0"})
    assert refused.value.field == "minutes"
    with pytest.raises(PermissionDeniedError):
        telecare.homes.save_rule(telecare.actors["bob"], person, "out_of_bed", {"minutes": "25"})


def test_a_chain_may_only_name_someone_in_the_persons_circle(telecare: Telecare) -> None:
    chain = EscalationChain.default(circle_member_id="a-stranger")
    with pytest.raises(DomainValidationError) as refused:
        telecare.homes.save_setup(telecare.actors["alice"], telecare.home.person.id, chain, "")
    assert refused.value.field == "chain.circle_member_id"


def test_the_activity_picture_counts_hours_and_sees_sleep(telecare: Telecare) -> None:
    telecare.advance(-3 * 60)  # 23:00 the evening before
    telecare.send(DeviceKind.BED, EventKind.IN_BED, sequence=1)
    telecare.advance(8 * 60)  # 07:00
    telecare.send(DeviceKind.BED, EventKind.OUT_OF_BED, sequence=2)
    telecare.advance(5)
    telecare.send(DeviceKind.MOTION, EventKind.MOTION, sequence=1)
    telecare.send(DeviceKind.MOTION, EventKind.MOTION, sequence=2)
    found = telecare.activity.recent(telecare.actors["bob"], telecare.home.person.id)
    today = telecare.clock.today()
    assert (found.grid.days[-1], len(found.grid.days)) == (today, 28)
    assert (found.grid.cell(today, 3).asleep, found.grid.cell(today, 7).asleep) == (True, False)
    assert (found.grid.cell(today, 7).activity, found.grid.cell(today, 7).room) == (3, "hall")
    with pytest.raises(NotFoundError):
        telecare.activity.recent(telecare.actors["charlie"], telecare.home.person.id)
