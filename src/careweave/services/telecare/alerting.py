"""Raising telecare alerts and escalating them on the clock.

:meth:`AlertingService.run` is the heartbeat of the service (the MQTT consumer calls it after each
batch and every few seconds, ``careweave telecare tick`` once): in one transaction it evaluates the
rules of the people it is given (everyone with telecare by default), raises the technical alerts of
silent or flat devices, and takes every open alert's escalation steps that have fallen due.

An alert is raised once per person and trigger key: :func:`~careweave.domain.telecare.ruleset.evaluate`
drops the keys already raised, and the store refuses a second alert with the same key should two
evaluations race. Every alert raised and every step taken is audited.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.people.person import Person
from careweave.domain.telecare.alerts import (
    AlertKind,
    AlertStatus,
    EscalationChain,
    Priority,
    TelecareAlert,
)
from careweave.domain.telecare.devices import technical_issues
from careweave.domain.telecare.events import HOME_TIME
from careweave.domain.telecare.home import HomeEvents, Trigger
from careweave.domain.telecare.ruleset import FRESH, LOOKBACK, evaluate
from careweave.services.telecare.escalation import target_of
from careweave.services.telecare.ports import TelecareUnitOfWork
from careweave.services.telecare.trail import record_system

# The learned rule looks back this many days before the day it judges (plus that day).
HISTORY_DAYS = 29


@dataclass(frozen=True, slots=True)
class RunReport:
    """What one run did: the alerts it raised and how many escalation steps it took."""

    raised: list[TelecareAlert] = field(default_factory=list)
    steps: int = 0


class AlertingService:
    """Evaluates rules, raises alerts and escalates them.

    Parameters
    ----------
    uow_factory
        Makes the unit of work of each call.
    clock
        Says what time it is (rules and escalation run on it).
    """

    def __init__(self, uow_factory: Callable[[], TelecareUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    def run(self, person_ids: Collection[str] | None = None) -> RunReport:
        """Evaluate ``person_ids`` (everyone with telecare when ``None``), raise technical alerts
        and take the escalation steps due, in one transaction."""
        now = self._clock.now()
        with self._uow_factory() as uow:
            people = _people(uow, person_ids)
            raised: list[TelecareAlert] = []
            for person in people:
                raised.extend(_raise(uow, person, _triggers(uow, person, now), now))
            steps = _escalate(uow, now)
            uow.commit()
        return RunReport(raised, steps)


def _people(uow: TelecareUnitOfWork, person_ids: Collection[str] | None) -> list[Person]:
    if person_ids is None:
        wanted = set(uow.telecare_setups.people()) | {d.person_id for d in uow.devices.list()}
    else:
        wanted = set(person_ids)
    return list(uow.people.list(ids=wanted)) if wanted else []


def _triggers(uow: TelecareUnitOfWork, person: Person, now: datetime) -> list[Trigger]:
    rules = uow.telecare_rules.rules_for(person.id)
    devices = list(uow.devices.list(person_ids={person.id}))
    history = None
    if rules[AlertKind.UNUSUAL_DAY].enabled:
        today = now.astimezone(HOME_TIME).date()
        start = today - timedelta(days=HISTORY_DAYS)
        history = uow.telecare_events.hourly_activity(person.id, start, today)
    home = HomeEvents(
        person.id,
        tuple(uow.telecare_events.list_for_person(person.id, now - LOOKBACK, now)),
        {d.id: d for d in devices},
        tuple(uow.absences.list_for_person(person.id)),
        history,
    )
    raised = uow.telecare_alerts.raised_keys(person.id, now - FRESH)
    found = evaluate(rules, home, now, raised)
    for problem in technical_issues(devices, now):
        if problem.key not in raised:
            kind = AlertKind(problem.issue.value)
            found.append(Trigger(kind, problem.key, now, Priority.ROUTINE, problem.summary))
    return found


def _raise(
    uow: TelecareUnitOfWork, person: Person, triggers: list[Trigger], now: datetime
) -> list[TelecareAlert]:
    raised = []
    for trigger in triggers:
        alert = TelecareAlert(
            person_id=person.id,
            team_id=person.team_id,
            kind=trigger.kind,
            priority=trigger.priority,
            trigger_key=trigger.key,
            raised_at=now,
            summary=trigger.summary,
        )
        if uow.telecare_alerts.add(alert):
            record_system(
                uow,
                AuditAction.CREATE,
                "telecare_alert",
                alert.id,
                at=now,
                team_id=person.team_id,
                detail=f"raised {alert.kind.value}",
            )
            raised.append(alert)
    return raised


def _escalate(uow: TelecareUnitOfWork, now: datetime) -> int:
    taken = 0
    open_alerts = uow.telecare_alerts.list(statuses={AlertStatus.OPEN})
    chains: dict[str, EscalationChain] = {}
    people: dict[str, Person] = {}
    for alert in open_alerts:
        if alert.person_id not in chains:
            setup = uow.telecare_setups.find(alert.person_id)
            chains[alert.person_id] = setup.chain if setup else EscalationChain.default()
            people[alert.person_id] = uow.people.get(alert.person_id)
        due = alert.due_steps(chains[alert.person_id], now)
        for level, step in due:
            target = target_of(uow, step, people[alert.person_id], now)
            alert.escalate(level, step.tier, target, now)
            record_system(
                uow,
                AuditAction.UPDATE,
                "telecare_alert",
                alert.id,
                at=now,
                team_id=alert.team_id,
                detail=f"escalated to {step.tier.value}",
            )
        if due:
            uow.telecare_alerts.update(alert)
            taken += len(due)
    return taken
