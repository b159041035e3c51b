"""The roster: a timeline per day or per week by worker, and reassigning a visit with the verdict of
the checks shown at once (HTMX) or after pressing "Check" (without JavaScript)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.errors import is_htmx
from careweave.adapters.web.pages.rostering.roster_view import day_rows, week_rows
from careweave.adapters.web.pages.team_common import parse_day
from careweave.adapters.web.render.timeline import (
    TimelineRow,
    render_day_timeline,
    render_week_timeline,
)
from careweave.clock import wall_time
from careweave.domain.errors import DomainValidationError
from careweave.services.accounts.access import can_manage_team
from careweave.services.rostering.team_week import monday_of

router = APIRouter(include_in_schema=False)
# Wide enough that a 30-minute visit carries its person's name; the page scrolls sideways.
DAY_HOUR_PX = 110


@router.get("/teams/{team_id}/roster")
def roster(
    request: Request,
    team_id: str,
    actor: CurrentActor,
    templates: Templates,
    services: Svc,
    clock: ClockDep,
    day: str | None = None,
    view: str = "day",
) -> Response:
    """The team's roster as a timeline with a table of the same visits."""
    now = wall_time(clock)
    chosen = parse_day("day", day, now.date())
    if view not in ("day", "week"):
        raise DomainValidationError("view", "must be day or week")
    week = services.team_weeks.team_week(actor, team_id, monday_of(chosen), now)
    if view == "day":
        rows = day_rows(week, chosen)
        title = f"{week.team.name}: roster for {chosen:%A %d %B %Y}"
        svg = render_day_timeline(rows, title=title, desc=_desc(rows), hour_px=DAY_HOUR_PX)
    else:
        rows = week_rows(week)
        title = f"{week.team.name}: roster for the week of {week.monday:%d %B %Y}"
        labels = [f"{d:%a %d}" for d in week.days]
        svg = render_week_timeline(rows, labels, title=title, desc=_desc(rows))
    context = {
        "week": week,
        "day": chosen,
        "view": view,
        "svg": svg,
        "title": title,
        "lines": [ln for ln in week.lines if view == "week" or ln.visit.day == chosen],
        "can_manage": can_manage_team(actor, team_id),
        "previous": chosen - timedelta(days=1 if view == "day" else 7),
        "following": chosen + timedelta(days=1 if view == "day" else 7),
    }
    return templates.TemplateResponse(request, "pages/rostering/roster.html", context)


def _desc(rows: Sequence[TimelineRow]) -> str:
    visits = sum(len(r.bars) for r in rows)
    return (
        f"{visits} visits across {len(rows)} rows, one row per worker; the table below lists them."
    )


@router.get("/visits/{visit_id}/reassign")
def reassign_form(
    request: Request,
    visit_id: str,
    actor: CurrentActor,
    templates: Templates,
    services: Svc,
    worker: str | None = None,
) -> Response:
    """The form to give a visit to someone else (``worker`` preselects one, e.g. after a drag)."""
    reassignments = services.reassignments
    options = reassignments.reassign_options(actor, visit_id)
    chosen = [worker] if worker else list(options.visit.assigned_worker_ids)
    start = options.visit.planned_start or options.visit.window_start
    verdict = reassignments.check_reassignment(actor, visit_id, chosen, start) if worker else None
    context = {"options": options, "chosen": chosen, "start": start, "verdict": verdict}
    return templates.TemplateResponse(request, "pages/rostering/reassign.html", context)


def _parse_start(value: str) -> time | None:
    if not value:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise DomainValidationError("start", f"{value!r} is not a time like 09:30") from None


@router.post("/visits/{visit_id}/reassign/check")
def reassign_check(
    request: Request,
    visit_id: str,
    actor: CurrentActor,
    templates: Templates,
    services: Svc,
    worker_ids: Annotated[list[str], Form(max_length=2)],
    start: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    """The verdict of the checks on the proposed change; nothing is saved."""
    chosen = [w for w in worker_ids if w]
    reassignments = services.reassignments
    verdict = reassignments.check_reassignment(actor, visit_id, chosen, _parse_start(start))
    if is_htmx(request):
        return templates.TemplateResponse(
            request, "pages/rostering/verdict.html", {"verdict": verdict}
        )
    options = reassignments.reassign_options(actor, visit_id)
    context = {
        "options": options,
        "chosen": chosen,
        "start": _parse_start(start) or "",
        "verdict": verdict,
    }
    return templates.TemplateResponse(request, "pages/rostering/reassign.html", context)


@router.post("/visits/{visit_id}/reassign")
def reassign_save(
    visit_id: str,
    actor: CurrentActor,
    services: Svc,
    worker_ids: Annotated[list[str], Form(max_length=2)],
    version: Annotated[int, Form(ge=1)],
    start: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    """Save the change (409 if the visit changed meanwhile) and go back to the roster day."""
    chosen = [w for w in worker_ids if w]
    reassignments = services.reassignments
    visit = reassignments.reassign(actor, visit_id, chosen, _parse_start(start), version)
    options = reassignments.reassign_options(actor, visit_id)
    team_id = options.person.team_id
    return RedirectResponse(
        f"/teams/{team_id}/roster?day={visit.day.isoformat()}&saved={visit.id}", status_code=303
    )
