"""Telecare figures: answered within 60 and 180 seconds against the TEC Services Association's
targets, and alerts and false alarms by rule."""

from __future__ import annotations

from datetime import timedelta

from tests.unit.domain.telecare.homes import at

from careweave.domain.telecare.alerts import AlertKind, Outcome, Priority, TelecareAlert
from careweave.domain.telecare.figures import response_shares, rule_figures

RAISED = at(9)


def _alert(
    kind: AlertKind = AlertKind.PENDANT_PRESS, answered_after: float | None = None
) -> TelecareAlert:
    alert = TelecareAlert("p1", "t1", kind, Priority.URGENT, f"k{id(object())}", RAISED, "Pressed")
    if answered_after is not None:
        alert.acknowledge("u1", RAISED + timedelta(seconds=answered_after))
    return alert


def test_shares_within_60_and_180_seconds_count_late_and_unanswered_alerts() -> None:
    alerts = [_alert(answered_after=s) for s in (10, 59, 60, 61, 170, 300)]
    alerts += [_alert(), _alert(AlertKind.LOW_BATTERY, answered_after=5000)]
    within_60, within_180 = response_shares(alerts, RAISED + timedelta(minutes=10))
    assert (within_60.within, within_60.counted, within_60.target) == (3, 7, 0.975)
    assert (within_180.within, within_180.counted, within_180.target) == (5, 7, 0.99)
    assert not within_60.met


def test_an_alert_still_young_is_not_counted_yet_and_all_in_time_meets_the_target() -> None:
    alerts = [_alert(answered_after=20), _alert()]
    within_60, _ = response_shares(alerts, RAISED + timedelta(seconds=30))
    assert (within_60.within, within_60.counted, within_60.met) == (1, 1, True)


def test_false_alarms_and_alerts_per_person_week_by_rule() -> None:
    presses = [_alert(answered_after=5) for _ in range(4)]
    for alert, outcome in zip(
        presses[:3], (Outcome.FALSE_ALARM, Outcome.FALSE_ALARM, Outcome.VISITED), strict=True
    ):
        alert.record_outcome(outcome, "")
    (figures,) = rule_figures(presses, people=2, weeks=4)
    assert (figures.kind, figures.alerts, figures.per_person_week) == (
        AlertKind.PENDANT_PRESS,
        4,
        0.5,
    )
    assert (figures.with_outcome, figures.false_alarms) == (3, 2)
    assert figures.false_share == 2 / 3
