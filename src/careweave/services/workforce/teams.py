"""Neighbourhood teams: list, read, create, change, remove, and the figures commissioners see."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.accounts.users import Role
from careweave.domain.errors import PermissionDeniedError
from careweave.domain.visits.visit import VisitStatus
from careweave.domain.workforce.workers import Team
from careweave.services.accounts.access import (
    Actor,
    check_can_manage_team,
    check_can_see_aggregates,
    check_can_see_team,
    require_role,
    team_scope,
)
from careweave.services.accounts.audit import AuditTrail
from careweave.services.accounts.idempotency import Idempotency, already_done, remember
from careweave.services.listing import Paged
from careweave.services.workforce.unit_of_work import WorkforceUnitOfWork

KIND = "team"


@dataclass(frozen=True, slots=True)
class TeamFigures:
    """Counts for one team over a period: no names, nothing that identifies anyone."""

    team_id: str
    people: int
    active_workers: int
    visits_by_status: Mapping[str, int]
    day_from: date
    day_to: date

    def visits_in(self, statuses: Iterable[VisitStatus]) -> int:
        """How many of the team's visits have one of ``statuses``."""
        return sum(self.visits_by_status[status.value] for status in statuses)


class TeamService:
    """Use cases of teams; each checks access and owns its transaction."""

    def __init__(self, uow_factory: Callable[[], WorkforceUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def list(self, actor: Actor, *, limit: int, offset: int) -> Paged[Team]:
        """Teams ``actor`` may see: all for admins and commissioners, else their own."""
        require_role(actor, Role.CARE_WORKER, Role.COORDINATOR, Role.COMMISSIONER)
        allowed = None if actor.role is Role.COMMISSIONER else team_scope(actor)
        with self._uow_factory() as uow:
            if allowed is None:
                return Paged(
                    uow.teams.list(limit=limit, offset=offset), uow.teams.count(), limit, offset
                )
            mine = [team for team in uow.teams.list() if team.id in allowed]
        return Paged(mine[offset : offset + limit], len(mine), limit, offset)

    def get(self, actor: Actor, team_id: str) -> Team:
        """One team (NotFoundError for teams ``actor`` may not see)."""
        check_can_see_team(actor, team_id)
        with self._uow_factory() as uow:
            return uow.teams.get(team_id)

    def create(self, actor: Actor, team: Team, idem: Idempotency | None = None) -> Team:
        """Add a team (admins only); a retry with the same ``idem`` returns the first one."""
        require_role(actor, Role.ADMIN)
        with self._uow_factory() as uow:
            earlier = already_done(uow, actor, idem, KIND)
            if earlier is not None:
                return uow.teams.get(earlier)
            uow.teams.add(team)
            remember(uow, actor, idem, KIND, team.id, at=self._clock.now())
            self._audit.record(uow, actor, AuditAction.CREATE, KIND, team.id, team_id=team.id)
            uow.commit()
        return team

    def update(self, actor: Actor, team_id: str, changes: Mapping[str, Any]) -> Team:
        """Change a team's name or patch (its coordinator, or an admin)."""
        check_can_manage_team(actor, team_id)
        with self._uow_factory() as uow:
            team = dataclasses.replace(uow.teams.get(team_id), **changes)
            uow.teams.update(team)
            self._audit.record(uow, actor, AuditAction.UPDATE, KIND, team_id, team_id=team_id)
            uow.commit()
        return team

    def delete(self, actor: Actor, team_id: str) -> None:
        """Remove an empty team (admins only)."""
        check_can_see_team(actor, team_id)
        if not actor.is_admin:
            raise PermissionDeniedError("only an administrator may remove a team")
        with self._uow_factory() as uow:
            uow.teams.remove(team_id)
            self._audit.record(uow, actor, AuditAction.DELETE, KIND, team_id, team_id=team_id)
            uow.commit()

    def figures(self, actor: Actor, team_id: str, day_from: date, day_to: date) -> TeamFigures:
        """Counts of people, workers and visits by status for a team over ``[day_from, day_to]``."""
        check_can_see_aggregates(actor, team_id)
        with self._uow_factory() as uow:
            uow.teams.get(team_id)
            by_status = {
                status.value: uow.visits.count(
                    team_id=team_id, day_from=day_from, day_to=day_to, status=status
                )
                for status in VisitStatus
            }
            return TeamFigures(
                team_id=team_id,
                people=uow.people.count(team_id=team_id),
                active_workers=uow.workers.count(team_id=team_id, active=True),
                visits_by_status=by_status,
                day_from=day_from,
                day_to=day_to,
            )
