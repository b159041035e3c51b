"""Telecare figures per team for commissioners and coordinators: answered within 60 s and 180 s
against the TEC Services Association's targets, alerts per person per week and false alarms by
rule. Counts only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from careweave.adapters.web.deps import Svc, Templates, require_roles
from careweave.domain.accounts.users import Role
from careweave.services.accounts.access import Actor
from careweave.services.telecare.figures import DAYS, TeamFigures

router = APIRouter(include_in_schema=False)
FiguresReader = Annotated[Actor, Depends(require_roles(Role.COMMISSIONER, Role.COORDINATOR))]


@router.get("/telecare/figures")
async def figures(
    request: Request, actor: FiguresReader, services: Svc, templates: Templates
) -> Response:
    """Each team's telecare figures over the last four weeks."""

    def gather() -> list[tuple[str, TeamFigures]]:
        teams = services.teams.list(actor, limit=200, offset=0).items
        return [(t.name, services.telecare_figures.team(actor, t.id)) for t in teams]

    rows = await run_in_threadpool(gather)
    context = {"rows": rows, "days": DAYS}
    return templates.TemplateResponse(request, "pages/telecare/figures.html", context)
