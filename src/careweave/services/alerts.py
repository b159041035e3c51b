"""Late and missed visit alerts: find them, raise each once to the coordinator, acknowledge them.

The rule for late and missed is :func:`careweave.domain.recording.lateness`. A scan looks at the
visits of today and yesterday (a visit late in the evening is missed at midnight) and raises each
alert once: the store refuses a second alert of the same kind for a visit, so two scans at the
same moment (two coordinators opening the board) cannot raise it twice.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from careweave.domain.accounts import Role
from careweave.domain.audit import AuditAction
from careweave.domain.errors import ConflictError
from careweave.domain.people import Person
from careweave.domain.recording import Alert, lateness
from careweave.domain.visits import Visit, VisitStatus
from careweave.services import audit
from careweave.services.access import Actor, check_can_manage_team, require_role, team_scope
from careweave.services.recording_ports import RecordingUnitOfWork

DUE = (VisitStatus.PLANNED, VisitStatus.ASSIGNED)


def scan(uow: RecordingUnitOfWork, now: datetime, team_ids: Collection[str]) -> list[Alert]:
    """Raise an alert for every late or missed visit of ``team_ids`` not yet alerted; return them.

    A visit found missed gets a *missed* alert even if no *late* one was raised before (the board
    may not have been open in between).
    """
    try:
        with uow:
            raised = _raise_new(uow, now, team_ids)
            uow.commit()
            return raised
    except ConflictError:
        # Another scan raised some of the same alerts at the same moment; it raised them all.
        return []


@dataclass(slots=True)
class ScanSchedule:
    """Spaces out the scans that page views trigger: a team is scanned at most once per
    ``every`` (a busy board would otherwise scan on every refresh). Thread-safe enough: two
    threads may both scan at once, and the store still raises each alert once."""

    every: timedelta = timedelta(seconds=30)
    last: dict[str, datetime] = field(default_factory=dict)

    def due(self, team_ids: Collection[str], now: datetime) -> list[str]:
        """The teams not scanned within ``every`` of ``now``, marked as scanned now."""
        teams = [t for t in sorted(team_ids) if now - self.last.get(t, datetime.min) >= self.every]
        self.last.update(dict.fromkeys(teams, now))
        return teams


def _raise_new(uow: RecordingUnitOfWork, now: datetime, team_ids: Collection[str]) -> list[Alert]:
    new: list[Alert] = []
    for team_id in sorted(team_ids):
        due = uow.visits.list(
            team_id=team_id, day_from=now.date() - timedelta(days=1), day_to=now.date(), status=DUE
        )
        late = [(visit, kind) for visit in due if (kind := lateness(visit, now)) is not None]
        already = uow.alerts.raised_for([visit.id for visit, _ in late])
        for visit, kind in late:
            if (visit.id, kind) not in already:
                alert = Alert(visit_id=visit.id, team_id=team_id, kind=kind, raised_at=now)
                uow.alerts.add(alert)
                new.append(alert)
    return new


def open_alerts(uow: RecordingUnitOfWork, actor: Actor, *, limit: int = 100) -> Sequence[Alert]:
    """The unacknowledged alerts of the actor's teams, newest first."""
    with uow:
        return uow.alerts.list(team_ids=team_scope(actor), open_only=True, limit=limit)


@dataclass(frozen=True, slots=True)
class AlertLine:
    """An alert with the visit and person it is about."""

    alert: Alert
    visit: Visit
    person: Person


def alert_lines(
    uow: RecordingUnitOfWork, actor: Actor, *, open_only: bool = True, limit: int = 100
) -> list[AlertLine]:
    """The alerts of the actor's teams with their visits and people, newest first."""
    require_role(actor, Role.CARE_WORKER, Role.COORDINATOR)
    with uow:
        found = uow.alerts.list(team_ids=team_scope(actor), open_only=open_only, limit=limit)
        visits = {v.id: v for v in (uow.visits.get(a.visit_id) for a in found)}
        people = {p.id: p for p in uow.people.list(ids={v.person_id for v in visits.values()})}
        audit.record(uow, actor, AuditAction.LIST, "alert", "", detail="alerts")
        uow.commit()
    return [AlertLine(a, visits[a.visit_id], people[visits[a.visit_id].person_id]) for a in found]


def acknowledge(
    uow: RecordingUnitOfWork, actor: Actor, alert_id: str, note: str, at: datetime
) -> Alert:
    """Record that the team's coordinator has seen the alert and what they are doing about it."""
    with uow:
        alert = uow.alerts.get(alert_id)
        check_can_manage_team(actor, alert.team_id)
        alert.acknowledge(actor.user_id, at, note)
        uow.alerts.update(alert)
        audit.record(
            uow, actor, AuditAction.UPDATE, "alert", alert.id, team_id=alert.team_id,
            detail=f"acknowledged {alert.kind.value} visit alert",
        )  # fmt: skip
        uow.commit()
        return alert
