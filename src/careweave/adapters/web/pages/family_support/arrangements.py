"""Arrangements: the scheme's list (decisions overdue, reviews due), one arrangement with the
forms for its next step, and the scheme's figures with the weights report."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.family_support.views import ArrangementLine
from careweave.adapters.web.pages.plans.forms import day, text
from careweave.domain.family_support.arrangements import (
    Agreement,
    Decline,
    DeclinedBy,
    EndReason,
    Review,
)
from careweave.domain.family_support.factors import FACTOR_TITLES, Factor
from careweave.domain.family_support.figures import SAVING_SOURCE
from careweave.domain.values import require_member

router = APIRouter(include_in_schema=False)


@router.get("/family-support/{team_id}/arrangements")
def arrangements(
    request: Request,
    team_id: str,
    actor: CurrentActor,
    svc: Svc,
    clock: ClockDep,
    templates: Templates,
) -> Response:
    """The scheme's arrangements, with decisions overdue and reviews due marked."""
    today = clock.today()
    views = svc.family_arrangements.of_scheme(actor, team_id)
    lines = [(v, ArrangementLine.of(v.arrangement, today)) for v in views]
    context = {"team_id": team_id, "lines": lines}
    return templates.TemplateResponse(request, "pages/family_support/arrangements.html", context)


@router.get("/family-support/arrangements/{arrangement_id}")
def arrangement(
    request: Request,
    arrangement_id: str,
    actor: CurrentActor,
    svc: Svc,
    clock: ClockDep,
    templates: Templates,
) -> Response:
    """One arrangement and the form for its next step."""
    today = clock.today()
    view = svc.family_arrangements.get(actor, arrangement_id)
    context = {
        "view": view,
        "line": ArrangementLine.of(view.arrangement, today),
        "today": today,
        "factors": [(f.value, FACTOR_TITLES[f]) for f in Factor],
        "declined_by": [d.value for d in DeclinedBy],
        "end_reasons": [(r.value, r.value.replace("_", " ").capitalize()) for r in EndReason],
        "saved": request.query_params.get("saved", ""),
    }
    return templates.TemplateResponse(request, "pages/family_support/arrangement.html", context)


@router.post("/family-support/arrangements/{arrangement_id}/{step}")
async def next_step(
    request: Request, arrangement_id: str, step: str, actor: CurrentActor, svc: Svc
) -> Response:
    """Record the next step: trial, agreement, decline, start, review or end."""
    form = await request.form()
    fields = {k: str(v) for k, v in form.items()}
    service = svc.family_arrangements
    if step == "trial":
        service.start_trial(actor, arrangement_id)
    elif step == "agreement":
        service.agree(
            actor,
            arrangement_id,
            Agreement(text(fields, "terms"), _day(fields, "signed_on", "agreement.signed_on")),
        )
    elif step == "decline":
        factors = frozenset(
            require_member("decline.factors", str(v), Factor) for v in form.getlist("factors")
        )
        by = require_member("decline.by", text(fields, "by"), DeclinedBy)
        service.decline(actor, arrangement_id, Decline(by, factors, text(fields, "note")))
    elif step == "start":
        service.activate(actor, arrangement_id, _day(fields, "starts_on", "arrangement.starts_on"))
    elif step == "review":
        service.review(
            actor,
            arrangement_id,
            Review(_day(fields, "held_on", "review.held_on"), text(fields, "notes")),
        )
    elif step == "end":
        reason = require_member("arrangement.end_reason", text(fields, "reason"), EndReason)
        service.end(
            actor,
            arrangement_id,
            _day(fields, "ends_on", "arrangement.ends_on"),
            reason,
            text(fields, "note"),
        )
    else:
        return Response(status_code=404)
    return RedirectResponse(
        f"/family-support/arrangements/{arrangement_id}?saved={step}", status_code=303
    )


def _day(fields: dict[str, str], name: str, field: str) -> date:
    found = day(fields, name, field)
    assert found is not None  # required
    return found


@router.get("/family-support/{team_id}/figures")
def figures(
    request: Request, team_id: str, actor: CurrentActor, svc: Svc, templates: Templates
) -> Response:
    """The scheme's figures and the weights report."""
    found, rows = svc.family_arrangements.figures(actor, team_id)
    context = {
        "team_id": team_id,
        "figures": found,
        "rows": [(FACTOR_TITLES[r.factor], r) for r in rows],
        "source": SAVING_SOURCE,
    }
    return templates.TemplateResponse(request, "pages/family_support/figures.html", context)
