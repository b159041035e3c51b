"""A person's telecare pages: their activity picture, and their devices, rules, escalation chain,
key safe note and days away (changed by the team's coordinator, read by the team)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from careweave.adapters.web.deps import CurrentActor, Svc, Templates
from careweave.adapters.web.pages.telecare.activity_picture import activity_svg
from careweave.adapters.web.pages.telecare.settings_form import (
    LABELS,
    chain_form_of,
    chain_from_form,
    rule_form,
    settings_of,
)
from careweave.adapters.web.pages.telecare.views import local_time, may_configure
from careweave.bootstrap import Services
from careweave.domain.errors import DomainValidationError
from careweave.domain.telecare.devices import DEVICE_LABELS
from careweave.domain.telecare.home import AwayReason
from careweave.services.accounts.access import Actor

router = APIRouter(include_in_schema=False)
AWAY_LABELS = {
    AwayReason.HOLIDAY: "Holiday",
    AwayReason.HOSPITAL: "In hospital",
    AwayReason.RESPITE: "Respite stay",
    AwayReason.WITH_FAMILY: "Staying with family",
    AwayReason.OTHER: "Somewhere else",
}


@router.get("/telecare/people/{person_id}/activity")
def activity(
    request: Request, person_id: str, actor: CurrentActor, services: Svc, templates: Templates
) -> Response:
    """The person's last 28 days, hour by hour, as a picture and a table."""
    found = services.telecare_activity.recent(actor, person_id)
    grid = found.grid
    context = {
        "person": found.person,
        "picture": activity_svg(grid, found.person.display_name),
        "days": [grid.summary(day) for day in reversed(grid.days)],
    }
    return templates.TemplateResponse(request, "pages/telecare/activity.html", context)


@router.get("/telecare/people/{person_id}/rules")
def rules_page(
    request: Request, person_id: str, actor: CurrentActor, services: Svc, templates: Templates
) -> Response:
    """The person's devices, rules, chain, key safe note and absences."""
    return _page(request, person_id, actor, services, templates)


@router.post("/telecare/people/{person_id}/rules/{kind}")
async def save_rule(
    request: Request,
    person_id: str,
    kind: str,
    actor: CurrentActor,
    services: Svc,
    templates: Templates,
) -> Response:
    """Change one rule; a bad setting shows the page again with the field named."""
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    try:
        await run_in_threadpool(
            services.telecare_homes.save_rule, actor, person_id, kind, rule_form(form)
        )
    except DomainValidationError as exc:
        errors = {kind: f"{LABELS.get(exc.field, exc.field)}: {exc.message}"}
        return await run_in_threadpool(
            _page, request, person_id, actor, services, templates, errors
        )
    return RedirectResponse(f"/telecare/people/{person_id}/rules#rule-{kind}", status_code=303)


@router.post("/telecare/people/{person_id}/setup")
async def save_setup(
    request: Request, person_id: str, actor: CurrentActor, services: Svc, templates: Templates
) -> Response:
    """Change the escalation chain and key safe note."""
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    homes = services.telecare_homes
    try:
        view = await run_in_threadpool(homes.view, actor, person_id)
        chain = chain_from_form(form, view.circle)
        note = form.get("key_safe_note", "")
        await run_in_threadpool(homes.save_setup, actor, person_id, chain, note)
    except DomainValidationError as exc:
        errors = {"setup": f"{exc.field}: {exc.message}"}
        return await run_in_threadpool(
            _page, request, person_id, actor, services, templates, errors
        )
    return RedirectResponse(f"/telecare/people/{person_id}/rules#setup", status_code=303)


@router.post("/telecare/people/{person_id}/away")
def mark_away(
    person_id: str,
    actor: CurrentActor,
    services: Svc,
    starts_on: Annotated[str, Form(max_length=20)],
    reason: Annotated[str, Form(max_length=20)],
    ends_on: Annotated[str, Form(max_length=20)] = "",
    note: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    """Record days away (no activity alerts then)."""
    first = _day("starts_on", starts_on)
    last = _day("ends_on", ends_on) if ends_on.strip() else None
    services.telecare_homes.mark_away(actor, person_id, first, reason, last, note)
    return RedirectResponse(f"/telecare/people/{person_id}/rules#away", status_code=303)


@router.post("/telecare/people/{person_id}/devices")
def register_device(
    request: Request,
    person_id: str,
    actor: CurrentActor,
    services: Svc,
    templates: Templates,
    kind: Annotated[str, Form(max_length=30)],
    location: Annotated[str, Form(max_length=80)],
) -> Response:
    """Fit a device; the page shows its token this once."""
    fitted = services.telecare_homes.register_device(actor, person_id, kind, location)
    context = {"device": fitted.device, "token": fitted.token, "person_id": person_id}
    return templates.TemplateResponse(request, "pages/telecare/device_token.html", context)


@router.post("/telecare/devices/{device_id}/retire")
def retire_device(device_id: str, actor: CurrentActor, services: Svc) -> Response:
    """Take a device out of service."""
    device = services.telecare_homes.retire_device(actor, device_id)
    return RedirectResponse(f"/telecare/people/{device.person_id}/rules#devices", status_code=303)


def _day(field: str, text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DomainValidationError(field, f"{text[:20]!r} is not a date like 2026-03-02") from None


def _page(
    request: Request,
    person_id: str,
    actor: Actor,
    services: Services,
    templates: Templates,
    errors: dict[str, str] | None = None,
) -> Response:
    view = services.telecare_homes.view(actor, person_id)
    rules = [(rule, settings_of(rule)) for rule in view.rules.ordered()]
    devices = [(d, DEVICE_LABELS[d.kind], local_time(d.last_heard_at)) for d in view.devices]
    context = {
        "view": view,
        "rules": rules,
        "devices": devices,
        "device_kinds": DEVICE_LABELS,
        "chain": chain_form_of(view.setup.chain),
        "away_reasons": AWAY_LABELS,
        "can_configure": may_configure(actor, view.person),
        "errors": errors or {},
    }
    status = 422 if errors else 200
    return templates.TemplateResponse(
        request, "pages/telecare/rules.html", context, status_code=status
    )
