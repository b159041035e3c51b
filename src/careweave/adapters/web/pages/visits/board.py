"""The team board: today's visits, who is where, late and missed visits, people needing a review."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.team_common import first_team, parse_day
from careweave.clock import wall_time
from careweave.domain.errors import NotFoundError
from careweave.domain.workforce.workers import Team
from careweave.services.accounts.access import Actor, can_see_person, can_see_visits_to
from careweave.services.visits.team_day import TeamDay, check_team_access

router = APIRouter(include_in_schema=False)


@router.get("/team")
def my_board(actor: CurrentActor, services: Svc) -> Response:
    """Straight to the board of the signed-in member's (first) team."""
    if actor.team_ids:
        team_id = first_team(actor)
    else:
        team_id = first_team_of(services.team_days.my_teams(actor))
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
    services: Svc,
    clock: ClockDep,
    day: str | None = None,
) -> Response:
    """The team's day; looking at today first raises any new late or missed visit alerts."""
    now = wall_time(clock)
    chosen = parse_day("day", day, now.date())
    check_team_access(actor, team_id)
    if chosen == now.date():
        services.alerts.scan_if_due(now, [team_id])
    board = services.team_days.team_day(actor, team_id, chosen, now)
    context = {"board": board, "teams": board.teams, **links_on(board, actor)}
    return templates.TemplateResponse(request, "pages/visits/board.html", context)


def links_on(board: TeamDay, actor: Actor) -> dict[str, dict[str, bool]]:
    """Which people (by id) and which visits (by id) on ``board`` ``actor`` may open, so that
    only those names and visits become links."""
    people = [line.person for line in board.lines] + [flag.person for flag in board.reviews]
    return {
        "may_open_person": {p.id: can_see_person(actor, p) for p in people},
        "may_open_visit": {
            line.visit.id: can_see_visits_to(actor, line.person) for line in board.lines
        },
    }
