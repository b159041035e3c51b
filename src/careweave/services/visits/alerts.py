"""Late and missed visit alerts: find them, raise each once to the coordinator, acknowledge them.

The rule for late and missed is :func:`careweave.domain.visits.recording.lateness`. A scan looks at the
visits of today and yesterday (a visit late in the evening is missed at midnight) and raises each
alert once: the store refuses a second alert of the same kind for a visit, so two scans at the
same moment (two coordinators opening the board) cannot raise it twice.

Who sees alerts (the access policy of alerts, in the style of :mod:`.access`): care workers and
coordinators see their teams' alerts; a family member sees the alerts about the people they
support and nothing of anyone else; only the team's coordinator (or an admin) acknowledges one.
Every read is audited.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.accounts.users import Role
from careweave.domain.errors import ConflictError, NotFoundError
from careweave.domain.people.person import Person
from careweave.domain.visits.recording import MISSED_OR_LATE, Alert, Lateness, lateness
from careweave.domain.visits.visit import PENDING_STATUSES, Visit
from careweave.services.accounts.access import (
    TEAM_ROLES,
    Actor,
    check_can_manage_team,
    require_role,
    team_scope,
)
from careweave.services.accounts.audit import AuditTrail
from careweave.services.listing import Paged
from careweave.services.visits.team_day import teams_in_scope
from careweave.services.visits.unit_of_work import VisitsUnitOfWork

ALERT_READERS = (Role.CARE_WORKER, Role.COORDINATOR, Role.FAMILY_MEMBER)
# How far back a family member's page looks: long enough to see a pattern, short enough to read.
FAMILY_DAYS = 14
# What a family member is told of: a visit late or missed. An early check-in is the team's business
# (and the worker's reason theirs), not news.
FAMILY_ALERT_KINDS = MISSED_OR_LATE


# -- who may see and acknowledge alerts ---------------------------------------------------------


def can_see_alert(actor: Actor, alert: Alert, person: Person) -> bool:
    """True when ``actor`` may see ``alert`` about a visit to ``person``."""
    if actor.is_admin:
        return True
    if actor.role in TEAM_ROLES:
        return alert.team_id in actor.team_ids
    if actor.role is Role.FAMILY_MEMBER:
        return person.id in actor.person_ids and alert.kind in FAMILY_ALERT_KINDS
    return False


def check_can_acknowledge_alert(actor: Actor, alert: Alert, person: Person) -> None:
    """Raise NotFoundError unless ``actor`` may see the alert, PermissionDeniedError unless they
    are its team's coordinator (a family member or care worker sees it but may not acknowledge)."""
    if not can_see_alert(actor, alert, person):
        raise NotFoundError("alert", alert.id)
    require_role(actor, Role.COORDINATOR)
    check_can_manage_team(actor, alert.team_id)


def alert_filter(actor: Actor) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """``(team_ids, person_ids)`` restricting an alert listing for ``actor`` (``None``: any);
    PermissionDeniedError for a role that never sees alerts."""
    require_role(actor, *ALERT_READERS)
    if actor.role is Role.FAMILY_MEMBER:
        return None, actor.person_ids
    return team_scope(actor), None


def alert_kinds(actor: Actor) -> frozenset[Lateness] | None:
    """The kinds of alert ``actor`` may see (``None``: every kind)."""
    return FAMILY_ALERT_KINDS if actor.role is Role.FAMILY_MEMBER else None


# -- raising alerts -----------------------------------------------------------------------------


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


@dataclass(frozen=True, slots=True)
class AlertLine:
    """An alert with the visit and person it is about."""

    alert: Alert
    visit: Visit
    person: Person


class AlertService:
    """Raising, reading and acknowledging late and missed visit alerts; each use case checks
    access, audits and owns its transaction. Scans that page views trigger are spaced out by
    the service's :class:`ScanSchedule`."""

    def __init__(self, uow_factory: Callable[[], VisitsUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._audit = AuditTrail(clock)
        self._scans = ScanSchedule()

    def scan_if_due(self, now: datetime, team_ids: Collection[str]) -> list[Alert]:
        """:meth:`scan` the teams of ``team_ids`` not scanned in the last moments (see
        :class:`ScanSchedule`); return the alerts raised."""
        due = self._scans.due(team_ids, now)
        return self.scan(now, due) if due else []

    def scan_for(self, actor: Actor, now: datetime) -> list[Alert]:
        """Raise the new alerts of the teams whose alerts ``actor`` reads (their teams, or a
        family member's people's teams), spaced out as :meth:`scan_if_due`, in one transaction:
        the alerts page shows them even when no coordinator has opened the board."""
        try:
            with self._uow_factory() as uow:
                due = self._scans.due(_alert_teams(uow, actor), now)
                raised = _raise_new(uow, now, due)
                uow.commit()
                return raised
        except ConflictError:
            # Another scan raised some of the same alerts at the same moment; it raised them all.
            return []

    def scan(self, now: datetime, team_ids: Collection[str]) -> list[Alert]:
        """Raise an alert for every late or missed visit of ``team_ids`` not yet alerted; return them.

        A visit found missed gets a *missed* alert even if no *late* one was raised before (the board
        may not have been open in between).
        """
        try:
            with self._uow_factory() as uow:
                raised = _raise_new(uow, now, team_ids)
                uow.commit()
                return raised
        except ConflictError:
            # Another scan raised some of the same alerts at the same moment; it raised them all.
            return []

    def open_alerts(self, actor: Actor, *, limit: int = 100) -> Sequence[Alert]:
        """The unacknowledged alerts the actor may see, newest first."""
        team_ids, person_ids = alert_filter(actor)
        with self._uow_factory() as uow:
            return uow.alerts.list(
                team_ids=team_ids,
                person_ids=person_ids,
                kinds=alert_kinds(actor),
                open_only=True,
                limit=limit,
            )

    def alert_lines(
        self,
        actor: Actor,
        *,
        open_only: bool = True,
        raised_from: datetime | None = None,
        limit: int = 100,
    ) -> list[AlertLine]:
        """The alerts the actor may see with their visits and people, newest first."""
        page = self.alert_page(actor, open_only=open_only, raised_from=raised_from, limit=limit)
        return list(page.items)

    def alert_page(
        self,
        actor: Actor,
        *,
        open_only: bool = True,
        raised_from: datetime | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> Paged[AlertLine]:
        """One page of the alerts the actor may see, with their visits and people, newest first."""
        team_ids, person_ids = alert_filter(actor)
        with self._uow_factory() as uow:
            found = uow.alerts.list(
                team_ids=team_ids,
                person_ids=person_ids,
                open_only=open_only,
                raised_from=raised_from,
                kinds=alert_kinds(actor),
                limit=limit,
                offset=offset,
            )
            total = uow.alerts.count(
                team_ids=team_ids,
                person_ids=person_ids,
                open_only=open_only,
                raised_from=raised_from,
                kinds=alert_kinds(actor),
            )
            visits = {v.id: v for v in (uow.visits.get(a.visit_id) for a in found)}
            people = {p.id: p for p in uow.people.list(ids={v.person_id for v in visits.values()})}
            lines = [
                AlertLine(a, visits[a.visit_id], people[visits[a.visit_id].person_id])
                for a in found
            ]
            # The filter above already scopes the listing; this is the policy checked once more.
            lines = [line for line in lines if can_see_alert(actor, line.alert, line.person)]
            self._audit_listing(uow, actor, people.values())
            uow.commit()
        return Paged(items=lines, total=total, limit=limit, offset=offset)

    def family_alert_lines(self, actor: Actor, now: datetime) -> list[AlertLine]:
        """A family member's alerts of the last :data:`FAMILY_DAYS` days, acknowledged or not, one
        per visit (a visit that was late and then missed shows once, as missed), newest first."""
        require_role(actor, Role.FAMILY_MEMBER)
        lines = self.alert_lines(
            actor, open_only=False, raised_from=now - timedelta(days=FAMILY_DAYS)
        )
        missed = {line.visit.id for line in lines if line.alert.kind is Lateness.MISSED}
        return [
            line
            for line in lines
            if line.alert.kind is Lateness.MISSED or line.visit.id not in missed
        ]

    def _audit_listing(self, uow: VisitsUnitOfWork, actor: Actor, people: Iterable[Person]) -> None:
        """One entry for a team listing; for a family member, one per person whose alerts were read
        (so each person's team sees it in its audit trail)."""
        if actor.role is not Role.FAMILY_MEMBER:
            self._audit.record(uow, actor, AuditAction.LIST, "alert", "", detail="alerts")
            return
        for person in sorted(people, key=lambda p: p.id):
            self._audit.record(
                uow,
                actor,
                AuditAction.LIST,
                "alert",
                person.id,
                team_id=person.team_id,
                detail="alerts about the person",
            )

    def acknowledge(self, actor: Actor, alert_id: str, note: str, at: datetime) -> AlertLine:
        """Record that the team's coordinator has seen the alert and what they are doing about it."""
        with self._uow_factory() as uow:
            alert = uow.alerts.get(alert_id)
            visit = uow.visits.get(alert.visit_id)
            person = uow.people.get(visit.person_id)
            check_can_acknowledge_alert(actor, alert, person)
            alert.acknowledge(actor.user_id, at, note)
            uow.alerts.update(alert)
            self._audit.record(
                uow,
                actor,
                AuditAction.UPDATE,
                "alert",
                alert.id,
                team_id=alert.team_id,
                detail=f"acknowledged {alert.kind.value} visit alert",
            )
            uow.commit()
            return AlertLine(alert, visit, person)


def _raise_new(uow: VisitsUnitOfWork, now: datetime, team_ids: Collection[str]) -> list[Alert]:
    new: list[Alert] = []
    for team_id in sorted(team_ids):
        due = uow.visits.list(
            team_id=team_id,
            day_from=now.date() - timedelta(days=1),
            day_to=now.date(),
            status=PENDING_STATUSES,
        )
        late = [(visit, kind) for visit in due if (kind := lateness(visit, now)) is not None]
        already = uow.alerts.raised_for([visit.id for visit, _ in late])
        for visit, kind in late:
            if (visit.id, kind) not in already:
                alert = Alert(visit_id=visit.id, team_id=team_id, kind=kind, raised_at=now)
                uow.alerts.add(alert)
                new.append(alert)
    return new


def _alert_teams(uow: VisitsUnitOfWork, actor: Actor) -> list[str]:
    """The teams whose alerts ``actor`` reads; PermissionDeniedError for a role that reads none."""
    if actor.role is not Role.FAMILY_MEMBER:
        return [team.id for team in teams_in_scope(uow, actor)]
    people = uow.people.list(ids=actor.person_ids) if actor.person_ids else []
    return sorted({p.team_id for p in people if p.team_id is not None})
