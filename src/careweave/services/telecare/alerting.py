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
from datetime import date, datetime, timedelta

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
from careweave.domain.telecare.pattern import Look, UnusualDay
from careweave.domain.telecare.rules import Rule
from careweave.domain.telecare.ruleset import FRESH, LOOKBACK, evaluate
from careweave.services.telecare.escalation import target_of
from careweave.services.telecare.trail import record_system
from careweave.services.telecare.unit_of_work import TelecareUnitOfWork

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
        # Looks of the learned rule already found ordinary: a finished look does not change, so
        # it is not judged again (judging reads four weeks of history). Lost on restart, harmlessly.
        self._settled: set[tuple[str, date, int]] = set()

    def run(self, person_ids: Collection[str] | None = None) -> RunReport:
        """Evaluate ``person_ids`` (everyone with telecare when ``None``), raise technical alerts
        and take the escalation steps due, in one transaction."""
        now = self._clock.now()
        with self._uow_factory() as uow:
            people = _people(uow, person_ids)
            raised: list[TelecareAlert] = []
            for person in people:
                raised.extend(_raise(uow, person, self._triggers(uow, person, now), now))
            steps = _escalate(uow, now)
            uow.commit()
        return RunReport(raised, steps)

    def _triggers(self, uow: TelecareUnitOfWork, person: Person, now: datetime) -> list[Trigger]:
        rules = uow.telecare_rules.rules_for(person.id)
        devices = list(uow.devices.list(person_ids={person.id}))
        raised = uow.telecare_alerts.raised_keys(person.id, now - FRESH)
        learned = rules[AlertKind.UNUSUAL_DAY]
        open_looks = self._open_looks(person.id, learned, raised, now)
        history = None
        if open_looks:
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
        found = evaluate(rules, home, now, raised)
        self._settle(person.id, learned, open_looks, {t.key for t in found}, now)
        for problem in technical_issues(devices, now):
            if problem.key not in raised:
                kind = AlertKind(problem.issue.value)
                found.append(Trigger(kind, problem.key, now, Priority.ROUTINE, problem.summary))
        return found

    def _open_looks(
        self, person_id: str, learned: Rule, raised: set[str], now: datetime
    ) -> list[Look]:
        """The learned rule's looks still to judge: not raised, not found ordinary before."""
        if not isinstance(learned, UnusualDay) or not learned.enabled:
            return []
        return [
            look
            for look in learned.looks(now)
            if learned.key_of(look.day) not in raised
            and (person_id, look.day, look.hours) not in self._settled
        ]

    def _settle(
        self, person_id: str, learned: Rule, looks: list[Look], fired: set[str], now: datetime
    ) -> None:
        """Remember the looks just judged ordinary."""
        if isinstance(learned, UnusualDay):
            self._settled.update(
                (person_id, look.day, look.hours)
                for look in looks
                if look.at <= now and learned.key_of(look.day) not in fired
            )


def _people(uow: TelecareUnitOfWork, person_ids: Collection[str] | None) -> list[Person]:
    if person_ids is None:
        wanted = set(uow.telecare_setups.people()) | {d.person_id for d in uow.devices.list()}
    else:
        wanted = set(person_ids)
    return list(uow.people.list(ids=wanted)) if wanted else []


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
