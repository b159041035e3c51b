"""An alert's life (acknowledge, outcome, close, and nothing out of order) and its escalation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.unit.domain.telecare.homes import at

from careweave.domain.errors import ConflictError, DomainValidationError
from careweave.domain.telecare.alerts import (
    AlertKind,
    AlertStatus,
    ChainStep,
    EscalationChain,
    Outcome,
    Priority,
    TelecareAlert,
    Tier,
)

CHAIN = EscalationChain.default(circle_member_id="c1")


def _alert(kind: AlertKind = AlertKind.FALL) -> TelecareAlert:
    return TelecareAlert("p1", "t1", kind, Priority.URGENT, "fall:d:1", at(2), "Fall detected")


def test_acknowledge_then_outcome_then_close() -> None:
    alert = _alert()
    alert.acknowledge("u1", at(2, 1))
    assert alert.response_seconds == 60
    alert.record_outcome(Outcome.VISITED, "Neighbour helped her up")
    alert.close("u1", at(2, 40))
    assert (alert.status, alert.outcome, alert.closed_by) == (
        AlertStatus.CLOSED,
        Outcome.VISITED,
        "u1",
    )


def test_nothing_happens_out_of_order() -> None:
    alert = _alert()
    with pytest.raises(ConflictError, match="acknowledge the alert before"):
        alert.record_outcome(Outcome.FALSE_ALARM, "")
    with pytest.raises(ConflictError, match="open alert cannot be closed"):
        alert.close("u1", at(3))
    alert.acknowledge("u1", at(2, 1))
    with pytest.raises(ConflictError, match="already acknowledged"):
        alert.acknowledge("u2", at(2, 2))
    with pytest.raises(ConflictError, match="record the outcome") as no_outcome:
        alert.close("u1", at(3))
    assert no_outcome.value.field == "outcome"
    alert.record_outcome(Outcome.FALSE_ALARM, "")
    alert.close("u1", at(3))
    with pytest.raises(ConflictError, match="closed"):
        alert.record_outcome(Outcome.VISITED, "")


def test_an_other_outcome_must_say_what_happened() -> None:
    alert = _alert()
    alert.acknowledge("u1", at(2, 1))
    with pytest.raises(DomainValidationError) as refused:
        alert.record_outcome(Outcome.OTHER, " ")
    assert refused.value.field == "note"


def test_the_default_chain_climbs_responder_worker_coordinator_circle() -> None:
    alert = _alert()
    assert [(lvl, s.tier) for lvl, s in alert.due_steps(CHAIN, at(2))] == [(0, Tier.RESPONDER)]
    alert.escalate(0, Tier.RESPONDER, "console", at(2))
    assert alert.due_steps(CHAIN, at(2, 4)) == []
    assert [s.tier for _, s in alert.due_steps(CHAIN, at(2, 5))] == [Tier.WORKER_ON_SHIFT]
    late = alert.due_steps(CHAIN, at(2, 30))
    assert [lvl for lvl, _ in late] == [1, 2, 3]
    assert late[-1][1].circle_member_id == "c1"


def test_an_acknowledged_alert_climbs_no_further() -> None:
    alert = _alert()
    alert.acknowledge("u1", at(2, 3))
    assert alert.due_steps(CHAIN, at(3)) == []


def test_a_technical_alert_only_ever_reaches_the_responder() -> None:
    alert = _alert(AlertKind.LOW_BATTERY)
    assert [s.tier for _, s in alert.due_steps(CHAIN, at(2) + timedelta(hours=5))] == [
        Tier.RESPONDER
    ]


def test_a_chain_starts_with_the_responder_and_a_circle_step_names_its_member() -> None:
    with pytest.raises(DomainValidationError) as no_responder:
        EscalationChain((ChainStep(Tier.COORDINATOR, 0),))
    assert no_responder.value.field == "chain"
    with pytest.raises(DomainValidationError) as nameless:
        ChainStep(Tier.CIRCLE_MEMBER, 5)
    assert nameless.value.field == "chain.circle_member_id"
    assert len(EscalationChain.default().steps) == 3
