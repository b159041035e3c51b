"""The team board: today's visits, who is where, late and missed visits, people needing a review."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import CurrentActor, Templates
from careweave.adapters.web.pages.team_common import (
    RecordingUow,
    Scans,
    first_team,
    local_now,
    parse_day,
)
from careweave.adapters.web.plans_deps import RecordingPlansUow
from careweave.domain.errors import NotFoundError
from careweave.domain.workforce.workers import Team
from careweave.services.visits import alerts
from careweave.services.visits.team_day import check_team_access, my_teams, team_day

router = APIRouter(include_in_schema=False)


@router.get("/team")
def my_board(actor: CurrentActor, uow: RecordingUow) -> Response:
    """Straight to the board of the signed-in member's (first) team."""
    team_id = first_team(actor) if actor.team_ids else first_team_of(my_teams(uow(), actor))
    return RedirectResponse(f"/teams/{team_id}/board", status_code=303)


def first_team_of(teams: Sequence[Team]) -> str:
    """The first of ``teams`` (an administrator's board opens there); NotFound when none."""
    if not teams:
        raise NotFoundError("team", "")
    return teams[0].id


@router.get("/teams/{team_id}/board")
def board(
    request: Request,
    team_id: str,
    actor: CurrentActor,
    templates: Templates,
    uow: RecordingPlansUow,
    scans: Scans,
    day: str | None = None,
) -> Response:
    """The team's day; looking at today first raises any new late or missed visit alerts."""
    now = local_now()
    chosen = parse_day("day", day, now.date())
    check_team_access(actor, team_id)
    if chosen == now.date() and scans.due([team_id], now):
        alerts.scan(uow(), now, [team_id])
    board = team_day(uow(), actor, team_id, chosen, now)
    context = {"board": board, "teams": board.teams}
    return templates.TemplateResponse(request, "pages/visits/board.html", context)
