"""The telecare use cases on an in-memory unit of work, in milliseconds: a batch stored once and
all or nothing, an emergency raised once and escalated on the clock, answered in order, and the
learned rule's four weeks of history read only while a look is still open."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.unit.services.telecare.conftest import NIGHT, Store, Telecare

from careweave.domain.accounts.users import NotAuthenticatedError, Role
from careweave.domain.errors import DomainValidationError, NotFoundError
from careweave.domain.telecare.alerts import AlertKind, AlertStatus, Outcome, Tier
from careweave.domain.telecare.events import Event, EventKind
from careweave.services.accounts.access import Actor

WORKER = Actor("u1", "bob", "Bob", Role.CARE_WORKER, team_ids=frozenset({"t1"}))
OUTSIDER = Actor("u2", "cat", "Cat", Role.CARE_WORKER, team_ids=frozenset({"t2"}))


def test_a_batch_is_stored_once_and_a_bad_one_not_at_all(store: Store, telecare: Telecare) -> None:
    ingest = telecare.ingest
    press = Event("pendant", 1, EventKind.PRESS, NIGHT)
    receipt = ingest.ingest_with_token("pendant", [press, press])
    assert (receipt.stored, receipt.repeats, receipt.urgent) == (1, 1, True)
    with pytest.raises(DomainValidationError) as refused:
        ingest.ingest_with_token(
            "door",
            [
                Event("door", 1, EventKind.DOOR_OPENED, NIGHT),
                Event("door", 2, EventKind.FALL, NIGHT),
            ],
        )
    assert refused.value.field == "events.1.kind"
    with pytest.raises(NotAuthenticatedError):
        ingest.ingest_with_token("guess", [press])
    assert len(store.events) == 1
    assert store.devices["pendant"].last_heard_at == NIGHT


def test_a_press_is_raised_once_and_climbs_until_acknowledged(
    store: Store, telecare: Telecare
) -> None:
    clock, ingest, alerting, response = (
        telecare.clock,
        telecare.ingest,
        telecare.alerting,
        telecare.response,
    )
    ingest.ingest_with_token("pendant", [Event("pendant", 1, EventKind.PRESS, NIGHT)])
    (alert,) = alerting.run().raised
    assert alerting.run().raised == []
    clock.set(NIGHT + timedelta(minutes=5))
    assert alerting.run().steps == 1
    assert [s.tier for s in store.alerts[alert.id].escalations] == [
        Tier.RESPONDER,
        Tier.WORKER_ON_SHIFT,
    ]
    assert (
        store.alerts[alert.id].escalations[1].target
        == "the team's workers (nobody has a visit today)"
    )
    response.acknowledge(WORKER, alert.id)
    clock.set(NIGHT + timedelta(hours=1))
    assert alerting.run().steps == 0
    response.record_outcome(WORKER, alert.id, "false_alarm", "")
    assert response.close(WORKER, alert.id).status is AlertStatus.CLOSED
    assert store.alerts[alert.id].outcome is Outcome.FALSE_ALARM
    with pytest.raises(NotFoundError):
        response.alert(OUTSIDER, alert.id)
    details = [e.detail for e in store.audit if e.record_id == alert.id]
    assert details[-3:] == ["acknowledged", "outcome false_alarm", "closed"]


def test_the_learned_rule_reads_its_history_only_while_a_look_is_open(
    store: Store, telecare: Telecare
) -> None:
    clock, alerting = telecare.clock, telecare.alerting
    clock.set(NIGHT + timedelta(hours=8))  # 10:00: yesterday's look is open, today's noon is not
    alerting.run()
    assert store.history_reads == 1
    alerting.run()
    assert store.history_reads == 1  # yesterday was ordinary (no history at all): settled
    clock.set(NIGHT + timedelta(hours=10))  # noon: today's first look opens
    alerting.run()
    assert store.history_reads == 2
    kinds = {a.kind for a in store.alerts.values()}
    assert AlertKind.UNUSUAL_DAY not in kinds
