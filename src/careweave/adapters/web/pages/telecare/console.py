"""The responder console: the live queue of alerts still being dealt with, most urgent and oldest
first, refreshing itself every few seconds (HTMX polling), one click to acknowledge; an alert's own
page to record the outcome and close it. A family member gets their person's alerts instead."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.errors import is_htmx
from careweave.adapters.web.pages.telecare.views import AlertRow, alert_row, local_time, may_respond
from careweave.bootstrap import Services
from careweave.clock import Clock
from careweave.domain.accounts.users import Role
from careweave.domain.errors import ConflictError
from careweave.domain.telecare.alerts import OUTCOME_LABELS
from careweave.services.accounts.access import Actor
from careweave.services.telecare.response import QueueLine

router = APIRouter(include_in_schema=False)
POLL_SECONDS = 10
# Without a consumer running (HTTP only), the console's polling is what runs the rules on time.
RUN_EVERY = timedelta(seconds=15)


@router.get("/telecare")
def console(
    request: Request, actor: CurrentActor, services: Svc, clock: ClockDep, templates: Templates
) -> Response:
    """The console for the team; the person's alerts for a family member."""
    if actor.role is Role.FAMILY_MEMBER:
        lines = services.telecare_response.family_alerts(actor)
        rows = [_row(clock, line) for line in lines]
        return templates.TemplateResponse(request, "pages/telecare/family.html", {"rows": rows})
    return templates.TemplateResponse(
        request, "pages/telecare/console.html", _queue(request, actor, services, clock)
    )


@router.get("/telecare/queue")
def queue(
    request: Request, actor: CurrentActor, services: Svc, clock: ClockDep, templates: Templates
) -> Response:
    """The queue alone, for the console's polling."""
    return templates.TemplateResponse(
        request, "pages/telecare/_queue.html", _queue(request, actor, services, clock)
    )


@router.post("/telecare/alerts/{alert_id}/acknowledge")
def acknowledge(
    request: Request,
    alert_id: str,
    actor: CurrentActor,
    services: Svc,
    clock: ClockDep,
    templates: Templates,
) -> Response:
    """Take the alert on; the console's queue comes back (HTMX) or the console reloads."""
    notice = ""
    try:
        services.telecare_response.acknowledge(actor, alert_id)
    except ConflictError:
        notice = "Someone else took this alert on first."
    if is_htmx(request):
        context = {**_queue(request, actor, services, clock), "notice": notice}
        return templates.TemplateResponse(request, "pages/telecare/_queue.html", context)
    return RedirectResponse("/telecare", status_code=303)


@router.get("/telecare/alerts/{alert_id}")
def alert_page(
    request: Request,
    alert_id: str,
    actor: CurrentActor,
    services: Svc,
    clock: ClockDep,
    templates: Templates,
) -> Response:
    """One alert with the person, their circle, the steps taken, and the outcome form."""
    line = services.telecare_response.alert(actor, alert_id)
    recorded = line.alert.outcome
    context = {
        "row": _row(clock, line),
        "outcomes": [(o.value, label, o is recorded) for o, label in OUTCOME_LABELS.items()],
        "outcome_label": OUTCOME_LABELS[recorded] if recorded else "",
        "can_respond": may_respond(actor, line.person),
    }
    return templates.TemplateResponse(request, "pages/telecare/alert.html", context)


@router.post("/telecare/alerts/{alert_id}/outcome")
def record_outcome(
    alert_id: str,
    actor: CurrentActor,
    services: Svc,
    outcome: Annotated[str, Form(max_length=40)],
    note: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    """Save what came of the alert and go back to it."""
    services.telecare_response.record_outcome(actor, alert_id, outcome, note)
    return RedirectResponse(f"/telecare/alerts/{alert_id}", status_code=303)


@router.post("/telecare/alerts/{alert_id}/close")
def close(alert_id: str, actor: CurrentActor, services: Svc) -> Response:
    """Close the alert and go back to the console."""
    services.telecare_response.close(actor, alert_id)
    return RedirectResponse("/telecare", status_code=303)


def _queue(request: Request, actor: Actor, services: Services, clock: Clock) -> dict[str, object]:
    _run_if_due(request, services, clock)
    lines = services.telecare_response.queue(actor)
    rows = [_row(clock, line) for line in lines]
    return {
        "rows": rows,
        "open_count": sum(1 for r in rows if r.alert.can_acknowledge),
        "updated": local_time(clock.now()),
        "poll_seconds": POLL_SECONDS,
        "notice": "",
    }


def _row(clock: Clock, line: QueueLine) -> AlertRow:
    return alert_row(line, clock.now(), clock.today())


def _run_if_due(request: Request, services: Services, clock: Clock) -> None:
    """Run the rules and escalation for everyone if nobody has in the last :data:`RUN_EVERY`."""
    now = clock.now()
    last = getattr(request.app.state, "telecare_last_run", None)
    if isinstance(last, datetime) and now - last < RUN_EVERY:
        return
    request.app.state.telecare_last_run = now
    services.telecare_alerting.run()
