"""Answering alerts: the responder's queue with what they need beside each alert, acknowledging,
recording the outcome and closing, and what a family member sees.

Every read of the queue and every answer is audited in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.accounts.users import Role
from careweave.domain.people.person import CircleMember, Person
from careweave.domain.telecare.alerts import AlertStatus, Outcome, TelecareAlert
from careweave.domain.telecare.setup import TelecareSetup
from careweave.domain.values import require_member
from careweave.services.accounts.access import Actor, require_role
from careweave.services.accounts.audit import AuditTrail
from careweave.services.telecare.access import (
    check_can_respond,
    check_can_see_telecare,
    queue_scope,
)
from careweave.services.telecare.unit_of_work import TelecareUnitOfWork

LIVE = frozenset({AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED})
QUEUE_LIMIT = 200
FAMILY_DAYS = 14


@dataclass(frozen=True, slots=True)
class QueueLine:
    """An alert with the person it is about, their circle and their set-up (key safe note)."""

    alert: TelecareAlert
    person: Person
    circle: Sequence[CircleMember]
    setup: TelecareSetup


class ResponseService:
    """The responder's queue and answers; the family's view of their person's alerts.

    Parameters
    ----------
    uow_factory
        Makes the unit of work of each call.
    clock
        Says when an answer was given.
    """

    def __init__(self, uow_factory: Callable[[], TelecareUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._trail = AuditTrail(clock)

    def queue(self, actor: Actor, *, limit: int = QUEUE_LIMIT) -> list[QueueLine]:
        """Alerts still being dealt with in the actor's teams: most urgent first, then oldest."""
        teams = queue_scope(actor)
        with self._uow_factory() as uow:
            alerts = uow.telecare_alerts.list(team_ids=teams, statuses=LIVE, limit=limit)
            lines = _lines(uow, alerts)
            self._trail.record(
                uow,
                actor,
                AuditAction.LIST,
                "telecare_alert",
                "",
                detail=f"{len(lines)} in queue",
            )
            uow.commit()
        return lines

    def alert(self, actor: Actor, alert_id: str) -> QueueLine:
        """One alert with what the responder needs beside it (NotFoundError if hidden)."""
        with self._uow_factory() as uow:
            alert = uow.telecare_alerts.get(alert_id)
            (line,) = _lines(uow, [alert])
            check_can_see_telecare(actor, line.person)
            self._audit(uow, actor, AuditAction.READ, alert, "read alert")
            uow.commit()
        return line

    def acknowledge(self, actor: Actor, alert_id: str) -> TelecareAlert:
        """Take the alert on: it stops climbing its chain."""
        return self._answer(
            actor,
            alert_id,
            lambda a: a.acknowledge(actor.user_id, self._clock.now()),
            "acknowledged",
        )

    def record_outcome(
        self, actor: Actor, alert_id: str, outcome: Outcome | str, note: str
    ) -> TelecareAlert:
        """Say what came of the alert (it may be changed until it is closed)."""
        chosen = require_member("outcome", outcome, Outcome)
        return self._answer(
            actor, alert_id, lambda a: a.record_outcome(chosen, note), f"outcome {chosen.value}"
        )

    def close(self, actor: Actor, alert_id: str) -> TelecareAlert:
        """End the alert (it needs an outcome first)."""
        return self._answer(
            actor, alert_id, lambda a: a.close(actor.user_id, self._clock.now()), "closed"
        )

    def family_alerts(self, actor: Actor) -> list[QueueLine]:
        """The alerts of the last two weeks about the people a family member supports."""
        require_role(actor, Role.FAMILY_MEMBER)
        since = self._clock.now() - timedelta(days=FAMILY_DAYS)
        with self._uow_factory() as uow:
            alerts = uow.telecare_alerts.list(
                person_ids=actor.person_ids, raised_from=since, limit=QUEUE_LIMIT
            )
            lines = sorted(_lines(uow, alerts), key=lambda line: line.alert.raised_at, reverse=True)
            for person_id in sorted({line.person.id for line in lines}):
                person = next(line.person for line in lines if line.person.id == person_id)
                self._trail.record(
                    uow,
                    actor,
                    AuditAction.LIST,
                    "telecare_alert",
                    person.id,
                    team_id=person.team_id,
                    detail="alerts about the person",
                )
            uow.commit()
        return lines

    def _answer(
        self, actor: Actor, alert_id: str, change: Callable[[TelecareAlert], None], what: str
    ) -> TelecareAlert:
        with self._uow_factory() as uow:
            alert = uow.telecare_alerts.get(alert_id)
            check_can_respond(actor, uow.people.get(alert.person_id))
            change(alert)
            uow.telecare_alerts.update(alert)
            self._audit(uow, actor, AuditAction.UPDATE, alert, what)
            uow.commit()
        return alert

    def _audit(
        self,
        uow: TelecareUnitOfWork,
        actor: Actor,
        action: AuditAction,
        alert: TelecareAlert,
        detail: str,
    ) -> None:
        self._trail.record(
            uow,
            actor,
            action,
            "telecare_alert",
            alert.id,
            team_id=alert.team_id,
            detail=detail,
        )


def _lines(uow: TelecareUnitOfWork, alerts: Sequence[TelecareAlert]) -> list[QueueLine]:
    people = {p.id: p for p in uow.people.list(ids={a.person_id for a in alerts})} if alerts else {}
    lines = []
    for alert in alerts:
        person = people[alert.person_id]
        setup = uow.telecare_setups.find(person.id) or TelecareSetup(person.id)
        lines.append(QueueLine(alert, person, uow.circles.list_for_person(person.id), setup))
    return lines
