"""``/api/teams``: neighbourhood teams and their figures."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Response

from careweave.adapters.web.api.common import ERROR_RESPONSES, IdempotencyKey, PathId, idempotency
from careweave.adapters.web.api.common_schemas import Page
from careweave.adapters.web.api.workforce.schemas import (
    TeamCreate,
    TeamFiguresPublic,
    TeamPublic,
    TeamUpdate,
)
from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc
from careweave.adapters.web.deps import Page as Paging
from careweave.domain.errors import DomainValidationError

router = APIRouter(prefix="/teams", tags=["teams"], responses=ERROR_RESPONSES)
MAX_FIGURES_DAYS = 366


@router.get("", summary="List teams")
def list_teams(actor: CurrentActor, services: Svc, page: Paging) -> Page[TeamPublic]:
    """Teams you may see: your own (care workers, coordinators) or all (commissioners)."""
    found = services.teams.list(actor, limit=page.limit, offset=page.offset)
    return Page(
        items=[TeamPublic.of(t) for t in found.items],
        total=found.total,
        limit=found.limit,
        offset=found.offset,
    )


@router.post("", status_code=201, summary="Create a team")
def create_team(
    body: TeamCreate, actor: CurrentActor, services: Svc, key: IdempotencyKey = None
) -> TeamPublic:
    """Add a team (administrators)."""
    return TeamPublic.of(services.teams.create(actor, body.to_domain(), idempotency(key, body)))


@router.get("/{team_id}", summary="Read a team")
def get_team(team_id: PathId, actor: CurrentActor, services: Svc) -> TeamPublic:
    """One team."""
    return TeamPublic.of(services.teams.get(actor, team_id))


@router.patch("/{team_id}", summary="Change a team")
def update_team(
    team_id: PathId, body: TeamUpdate, actor: CurrentActor, services: Svc
) -> TeamPublic:
    """Change a team's name or patch (its coordinator)."""
    return TeamPublic.of(services.teams.update(actor, team_id, body.changes()))


@router.delete("/{team_id}", status_code=204, response_class=Response, summary="Remove a team")
def delete_team(team_id: PathId, actor: CurrentActor, services: Svc) -> Response:
    """Remove a team nobody belongs to (administrators)."""
    services.teams.delete(actor, team_id)
    return Response(status_code=204)


@router.get("/{team_id}/figures", summary="Figures of a team")
def team_figures(
    team_id: PathId,
    actor: CurrentActor,
    services: Svc,
    clock: ClockDep,
    day_from: Annotated[date | None, Query(description="First day (default: 28 days ago)")] = None,
    day_to: Annotated[date | None, Query(description="Last day (default: today)")] = None,
) -> TeamFiguresPublic:
    """People, active workers and visits by status over a period: counts only, no names."""
    last = day_to or clock.today()
    first = day_from or last - timedelta(days=27)
    if last < first:
        raise DomainValidationError("day_to", "must not be before day_from")
    if (last - first).days >= MAX_FIGURES_DAYS:
        raise DomainValidationError(
            "day_to", f"the period may span at most {MAX_FIGURES_DAYS} days"
        )
    return TeamFiguresPublic.of(services.teams.figures(actor, team_id, first, last))
