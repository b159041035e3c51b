"""Arrangements: the scheme's list (decisions overdue, reviews due), one arrangement with the
forms for its next step, and the scheme's figures with the weights report."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.family_support.views import ArrangementLine
from careweave.adapters.web.pages.plans.forms import day, text
from careweave.bootstrap import Services
from careweave.domain.errors import DomainValidationError
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
from careweave.services.accounts.access import Actor

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


STEPS = ("trial", "agreement", "decline", "start", "review", "end")


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
    return _arrangement_page(request, arrangement_id, actor, svc, templates, clock.today())


def _arrangement_page(
    request: Request,
    arrangement_id: str,
    actor: Actor,
    svc: Services,
    templates: Jinja2Templates,
    today: date,
    refused: tuple[str, Mapping[str, str], DomainValidationError] | None = None,
) -> Response:
    """The arrangement page; after a refused step, that step's form again with what was typed
    and the error in it (422), so nothing typed is lost."""
    view = svc.family_arrangements.get(actor, arrangement_id)
    step, typed, error = refused if refused else ("", {}, None)
    # The domain names the field ("agreement.signed_on"); the form's input is its last part.
    beside = error.field.rsplit(".", 1)[-1] if error else ""
    inputs = {beside: error} if error and beside in typed else {}
    context = {
        "view": view,
        "line": ArrangementLine.of(view.arrangement, today),
        "today": today,
        "factors": [(f.value, FACTOR_TITLES[f]) for f in Factor],
        "declined_by": [d.value for d in DeclinedBy],
        "end_reasons": [(r.value, r.value.replace("_", " ").capitalize()) for r in EndReason],
        "saved": request.query_params.get("saved", ""),
        "typed": typed,
        "input_errors": inputs,
        **{f"{name}_error": error if name == step and not inputs else None for name in STEPS},
    }
    return templates.TemplateResponse(
        request,
        "pages/family_support/arrangement.html",
        context,
        status_code=422 if error else 200,
    )


@router.post("/family-support/arrangements/{arrangement_id}/{step}")
async def next_step(
    request: Request,
    arrangement_id: str,
    step: str,
    actor: CurrentActor,
    svc: Svc,
    clock: ClockDep,
    templates: Templates,
) -> Response:
    """Record the next step: trial, agreement, decline, start, review or end."""
    if step not in STEPS:
        return Response(status_code=404)
    form = await request.form()
    fields = {k: str(v) for k, v in form.items()}
    factors = [str(v) for v in form.getlist("factors")]
    try:
        await run_in_threadpool(_record_step, svc, actor, arrangement_id, step, fields, factors)
    except DomainValidationError as error:
        refused = (step, fields, error)
        again = partial(
            _arrangement_page,
            request,
            arrangement_id,
            actor,
            svc,
            templates,
            clock.today(),
            refused,
        )
        return await run_in_threadpool(again)
    return RedirectResponse(
        f"/family-support/arrangements/{arrangement_id}?saved={step}", status_code=303
    )


def _record_step(
    svc: Services,
    actor: Actor,
    arrangement_id: str,
    step: str,
    fields: dict[str, str],
    factors: list[str],
) -> None:
    service = svc.family_arrangements
    if step == "trial":
        service.start_trial(actor, arrangement_id)
    elif step == "agreement":
        agreed = Agreement(text(fields, "terms"), _day(fields, "signed_on", "agreement.signed_on"))
        service.agree(actor, arrangement_id, agreed)
    elif step == "decline":
        reasons = frozenset(require_member("decline.factors", v, Factor) for v in factors)
        by = require_member("decline.by", text(fields, "by"), DeclinedBy)
        service.decline(actor, arrangement_id, Decline(by, reasons, text(fields, "note")))
    elif step == "start":
        service.activate(actor, arrangement_id, _day(fields, "starts_on", "arrangement.starts_on"))
    elif step == "review":
        held_on = _day(fields, "held_on", "review.held_on")
        service.review(actor, arrangement_id, Review(held_on, text(fields, "notes")))
    else:
        reason = require_member("arrangement.end_reason", text(fields, "reason"), EndReason)
        ends_on = _day(fields, "ends_on", "arrangement.ends_on")
        service.end(actor, arrangement_id, ends_on, reason, text(fields, "note"))


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
