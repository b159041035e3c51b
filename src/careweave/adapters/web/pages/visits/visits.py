"""Recording a visit on a phone: the worker's visits of the day, check in, what happened, check out.

Every form works without JavaScript (post, then redirect back to the visit). With HTMX the forms
swap only the visit panel; a small script fills in the phone's location when the worker allows it.
Each form carries a fresh idempotency key, so a form re-sent after a dropped connection is
recorded once. A refused form comes back as the whole page (422, or 409 when the visit changed
since the page was drawn) with what was typed still in it and each error beside its input, so the
HTMX swap, which selects the visit panel, finds the panel in the answer too.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.team_common import parse_day
from careweave.adapters.web.pages.visits.record_form import (
    FORM_LIMIT,
    FieldError,
    RefusedFormError,
    input_of,
    read_outcomes,
)
from careweave.adapters.web.pages.visits.record_view import days_of_visits, record_context
from careweave.bootstrap import Services
from careweave.clock import Clock, wall_time
from careweave.domain.errors import ConflictError, DomainValidationError
from careweave.domain.values import Location
from careweave.services.accounts.access import Actor
from careweave.services.visits.recording import Submission

router = APIRouter(include_in_schema=False)

MY_VISITS_DAYS = 7  # the day chosen and the six after it: a worker plans their week
CHECK_IN_REASON = "check_in.reason"  # the domain's name for the early check-in's reason
STALE_CHECK_IN = (
    "This visit changed after this page was opened (perhaps you checked in from another tab, "
    "or a colleague did): here it is as it is now."
)
STALE_RECORD = (
    "This visit changed after this form was opened (perhaps in another tab, or a colleague "
    "checked in or out). Nothing was saved; what you typed is still here. Check it and save again."
)


@router.get("/my-visits")
def my_day(
    request: Request,
    actor: CurrentActor,
    templates: Templates,
    services: Svc,
    clock: ClockDep,
    day: str | None = None,
) -> Response:
    """The signed-in care worker's visits of the day and the coming days, in order, with a
    button for each."""
    now = wall_time(clock)
    chosen = parse_day("day", day, now.date())
    lines = services.team_days.my_visits(actor, chosen, now, days=MY_VISITS_DAYS)
    context = {"days": days_of_visits(lines, chosen, now.date(), MY_VISITS_DAYS), "day": chosen}
    return templates.TemplateResponse(request, "pages/visits/my_visits.html", context)


@router.get("/visits/{visit_id}/record")
def record_page(
    request: Request,
    visit_id: str,
    actor: CurrentActor,
    templates: Templates,
    services: Svc,
    clock: ClockDep,
) -> Response:
    """The visit's recording page: check in, then tasks, notes, medication and progress towards
    one of the person's current goals."""
    page = RecordPage(request, visit_id, actor, templates, services, clock)
    return page.render(saved=request.query_params.get("saved", ""))


@dataclass(frozen=True, slots=True)
class RecordPage:
    """The recording page of one visit for one worker, drawn afresh or again after a refusal."""

    request: Request
    visit_id: str
    actor: Actor
    templates: Jinja2Templates
    services: Services
    clock: Clock

    def render(
        self,
        *,
        saved: str = "",
        typed: Mapping[str, str] | None = None,
        errors: Mapping[str, FieldError] | None = None,
        problem: str = "",
        status: int = 200,
    ) -> Response:
        """The page, its form drawn from ``typed`` when given (else from the saved record)."""
        now = wall_time(self.clock)
        briefing = self.services.visit_briefings.brief(self.actor, self.visit_id, now)
        context = record_context(briefing, self.actor.worker_id, now, typed, errors, problem)
        context |= {"form_key": secrets.token_urlsafe(16), "saved": saved}
        return self.templates.TemplateResponse(
            self.request, "pages/visits/record.html", context, status_code=status
        )


def _location(lat: str, lon: str) -> Location | None:
    """The phone's position when the browser gave one (both empty otherwise)."""
    if not lat and not lon:
        return None
    try:
        return Location(float(lat), float(lon))
    except ValueError:
        raise DomainValidationError("location", "the phone's position could not be read") from None


def _back(visit_id: str, saved: str) -> Response:
    return RedirectResponse(f"/visits/{visit_id}/record?saved={saved}", status_code=303)


async def _fields(request: Request) -> dict[str, str]:
    form = await request.form(max_fields=FORM_LIMIT)
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _submission(
    visit_id: str, fields: Mapping[str, str], now: datetime, reason_field: str
) -> Submission:
    return Submission(
        visit_id=visit_id,
        expected_version=_version(fields.get("version", "")),
        idempotency_key=fields.get("idempotency_key", ""),
        at=now,
        location=_location(fields.get("lat", ""), fields.get("lon", "")),
        reason=fields.get(reason_field, "").strip(),
    )


@router.post("/visits/{visit_id}/check-in")
async def check_in(
    request: Request,
    visit_id: str,
    actor: CurrentActor,
    templates: Templates,
    services: Svc,
    clock: ClockDep,
) -> Response:
    """Check in now, where the phone says (if it says)."""
    fields = await _fields(request)
    page = RecordPage(request, visit_id, actor, templates, services, clock)
    try:
        submission = _submission(visit_id, fields, wall_time(clock), "reason")
        await run_in_threadpool(services.recording.check_in, actor, submission)
    except ConflictError:
        return await run_in_threadpool(partial(page.render, problem=STALE_CHECK_IN, status=409))
    except DomainValidationError as error:
        if error.field == CHECK_IN_REASON:
            errors = {"reason": FieldError(error.message, error.field)}
            again = partial(page.render, typed=fields, errors=errors, status=422)
        else:
            again = partial(page.render, problem=error.message, status=422)
        return await run_in_threadpool(again)
    return _back(visit_id, "checked-in")


@router.post("/visits/{visit_id}/outcomes")
async def outcomes(
    request: Request,
    visit_id: str,
    actor: CurrentActor,
    templates: Templates,
    services: Svc,
    clock: ClockDep,
) -> Response:
    """Save tasks, notes, medication and progress; check out when the worker pressed that button.

    A refusal draws the form again with everything typed; a visit changed since the form was drawn
    (another tab, a colleague) is said so, and the form carries the visit's new version to resend.
    """
    fields = await _fields(request)
    page = RecordPage(request, visit_id, actor, templates, services, clock)
    now = wall_time(clock)
    check_out = fields.get("action") == "check_out"
    try:
        line = await run_in_threadpool(services.team_days.visit_line, actor, visit_id, now)
        parsed = read_outcomes(fields, line.visit.tasks)
        await run_in_threadpool(
            partial(services.recording.record_outcomes, check_out=check_out),
            actor,
            _submission(visit_id, fields, now, "check_out_reason"),
            parsed,
        )
    except RefusedFormError as refused:
        again = partial(page.render, typed=fields, errors=refused.errors, status=422)
        return await run_in_threadpool(again)
    except ConflictError:
        again = partial(page.render, typed=fields, problem=STALE_RECORD, status=409)
        return await run_in_threadpool(again)
    except DomainValidationError as error:
        where = input_of(error)
        errors = {where: FieldError(error.message, error.field)} if where else {}
        problem = "" if where else error.message
        again = partial(page.render, typed=fields, errors=errors, problem=problem, status=422)
        return await run_in_threadpool(again)
    return _back(visit_id, "checked-out" if check_out else "saved")


def _version(value: str) -> int:
    if not value.isdigit():
        raise DomainValidationError("version", "is missing; reload the page")
    return int(value)
