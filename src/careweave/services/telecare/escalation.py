"""Who an escalation step reaches, in plain words the responder can act on.

* the **responder on duty** is whoever watches the telecare console;
* the **worker on shift** is the worker of the person's team whose visit today is nearest in time
  to now (they are out and about in the patch); without one, the team as a whole;
* the **coordinator** is the team's coordinator (the users who coordinate the team);
* the **circle member** is the one named in the chain, with their phone number.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from careweave.domain.accounts.users import Role
from careweave.domain.errors import NotFoundError
from careweave.domain.people.person import Person
from careweave.domain.telecare.alerts import ChainStep, Tier
from careweave.domain.telecare.events import HOME_TIME
from careweave.domain.visits.visit import VisitStatus
from careweave.services.telecare.unit_of_work import TelecareUnitOfWork

ON_SHIFT_STATUSES = (VisitStatus.ASSIGNED, VisitStatus.IN_PROGRESS, VisitStatus.DONE)
CONSOLE = "Telecare console"


def target_of(uow: TelecareUnitOfWork, step: ChainStep, person: Person, now: datetime) -> str:
    """Who ``step`` reaches for an alert about ``person`` at ``now``."""
    if step.tier is Tier.RESPONDER:
        return CONSOLE
    if step.tier is Tier.CIRCLE_MEMBER:
        return _circle_member(uow, step.circle_member_id or "")
    if person.team_id is None:
        return "nobody: the person has no team"
    if step.tier is Tier.WORKER_ON_SHIFT:
        return _worker_on_shift(uow, person.team_id, now)
    return _coordinator(uow, person.team_id)


def _worker_on_shift(uow: TelecareUnitOfWork, team_id: str, now: datetime) -> str:
    local = now.astimezone(HOME_TIME)
    visits = uow.visits.list(
        team_id=team_id, day_from=local.date(), day_to=local.date(), status=ON_SHIFT_STATUSES
    )
    nearest: tuple[timedelta, str] | None = None
    for visit in visits:
        start = datetime.combine(visit.day, visit.planned_start or visit.window_start, HOME_TIME)
        gap = abs(start - local)
        for worker_id in visit.assigned_worker_ids:
            if nearest is None or gap < nearest[0]:
                nearest = (gap, worker_id)
    if nearest is None:
        return "the team's workers (nobody has a visit today)"
    worker = uow.workers.get(nearest[1])
    return f"{worker.display_name} (worker on shift)"


def _coordinator(uow: TelecareUnitOfWork, team_id: str) -> str:
    names = [
        user.display_name
        for user in uow.users.list(role=Role.COORDINATOR)
        if team_id in user.team_ids and user.active
    ]
    return f"{', '.join(names)} (coordinator)" if names else "the team's coordinator"


def _circle_member(uow: TelecareUnitOfWork, member_id: str) -> str:
    try:
        member = uow.circles.get(member_id)
    except NotFoundError:
        return "the named circle member (no longer in the circle)"
    relationship = f", {member.relationship}" if member.relationship else ""
    phone = f", {member.phone}" if member.phone else ""
    return f"{member.name}{relationship}{phone}"
