"""Late and missed visit alerts for the team's coordinator to acknowledge."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import CurrentActor, Templates
from careweave.adapters.web.pages.team_common import RecordingUow, Scans, can_manage, local_now
from careweave.services import alerts
from careweave.services.team_day import my_teams

router = APIRouter(include_in_schema=False)


@router.get("/alerts")
def alert_list(
    request: Request, actor: CurrentActor, templates: Templates, uow: RecordingUow, scans: Scans
) -> Response:
    """Open alerts of the actor's teams (raising any new ones first)."""
    now = local_now()
    teams = scans.due([team.id for team in my_teams(uow(), actor)], now)
    if teams:
        alerts.scan(uow(), now, teams)
    context = {"lines": alerts.alert_lines(uow(), actor), "can_manage": can_manage(actor)}
    return templates.TemplateResponse(request, "pages/team/alerts.html", context)


@router.post("/alerts/{alert_id}/acknowledge")
def acknowledge(
    alert_id: str,
    actor: CurrentActor,
    uow: RecordingUow,
    note: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    """Acknowledge one alert and go back to the list."""
    alerts.acknowledge(uow(), actor, alert_id, note, local_now())
    return RedirectResponse("/alerts", status_code=303)
