"""The reablement board: the team's open episodes, what day each is on, free days left and when
the next weekly review is due; and the report figures."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from careweave.adapters.web.deps import CurrentActor, Templates
from careweave.adapters.web.plans_deps import PlanSvc
from careweave.domain.reablement import END_RESULT_TITLES, FREE_DAYS

router = APIRouter(include_in_schema=False)


@router.get("/reablement")
def board(request: Request, actor: CurrentActor, svc: PlanSvc, templates: Templates) -> Response:
    """Open episodes, fewest free days left first, with the figures of the episodes you may see."""
    today = date.today()
    rows = svc.reablement.board(actor, today)
    figures = svc.reablement.figures(actor)
    context = {
        "rows": rows,
        "figures": figures,
        "today": today,
        "free_days": FREE_DAYS,
        "results": END_RESULT_TITLES,
    }
    return templates.TemplateResponse(request, "pages/plans/reablement.html", context)
