"""Late and missed visit alerts: the team's coordinator acknowledges them; a family member reads
the ones about the person they support, in plain words, and cannot acknowledge them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.team_common import can_manage
from careweave.clock import wall_time
from careweave.domain.accounts.users import Role
from careweave.services.visits.alerts import FAMILY_DAYS

router = APIRouter(include_in_schema=False)


@router.get("/alerts")
def alert_list(
    request: Request, actor: CurrentActor, templates: Templates, services: Svc, clock: ClockDep
) -> Response:
    """Alerts the actor may see (raising any new ones first): open alerts of a team member's
    teams, or the last two weeks' alerts about a family member's person."""
    now = wall_time(clock)
    services.alerts.scan_for(actor, now)
    if actor.role is Role.FAMILY_MEMBER:
        lines = services.alerts.family_alert_lines(actor, now)
        context = {"lines": lines, "days": FAMILY_DAYS}
        return templates.TemplateResponse(request, "pages/visits/family_alerts.html", context)
    context = {"lines": services.alerts.alert_lines(actor), "can_manage": can_manage(actor)}
    return templates.TemplateResponse(request, "pages/visits/alerts.html", context)


@router.post("/alerts/{alert_id}/acknowledge")
def acknowledge(
    alert_id: str,
    actor: CurrentActor,
    services: Svc,
    clock: ClockDep,
    note: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    """Acknowledge one alert and go back to the list."""
    services.alerts.acknowledge(actor, alert_id, note, wall_time(clock))
    return RedirectResponse("/alerts", status_code=303)
