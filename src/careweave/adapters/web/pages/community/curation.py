"""The coordinator's curation of the directory: the list of entries (those due a check
flagged), adding one, editing it, marking it checked on a date and retiring it. Every change goes
through :class:`~careweave.services.community.curation.DirectoryCuration`, which audits it."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from careweave.adapters.web.deps import ClockDep, Svc, Templates, require_roles
from careweave.adapters.web.pages.community.forms import day, text
from careweave.domain.community.schedules import WEEKDAY_CODES, WEEKDAY_NAMES
from careweave.domain.community.services import Service
from careweave.domain.errors import DomainValidationError
from careweave.services.accounts.access import Actor
from careweave.services.community.access import CURATORS
from careweave.services.community.curation import EntryDraft, form_schedule

router = APIRouter(include_in_schema=False)
Coordinator = Annotated[Actor, Depends(require_roles(*CURATORS))]
PER_PAGE = 50
DAYS = dict(zip(WEEKDAY_CODES, WEEKDAY_NAMES, strict=True))


@router.get("/community/directory")
def directory_list(
    request: Request,
    actor: Coordinator,
    svc: Svc,
    clock: ClockDep,
    templates: Templates,
    q: Annotated[str, Query(max_length=200)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """Every entry by name, those due a check flagged."""
    found = svc.directory_curation.entries(
        actor, words=q, limit=PER_PAGE, offset=(page - 1) * PER_PAGE
    )
    today = clock.today()
    rows = [(s, s.check_due(today), s.retired) for s in found.items]
    context = {
        "rows": rows,
        "total": found.total,
        "q": q,
        "page": page,
        "more": page * PER_PAGE < found.total,
    }
    return templates.TemplateResponse(request, "pages/community/directory.html", context)


def _form_context(
    svc: Svc, actor: Actor, service: Service | None, today: date
) -> dict[str, object]:
    choices = svc.directory_curation.choices(actor)
    schedule = form_schedule(service) if service else None
    return {
        "service": service,
        "organizations": {o.id: o.name for o in choices.organizations},
        "locations": {x.id: x.name for x in choices.locations},
        "terms": {t.id: t.name for t in choices.terms},
        "days": DAYS,
        "chosen_terms": set(service.term_ids) if service else set(),
        "chosen_days": {d.strip() for d in schedule.byday.split(",")} if schedule else set(),
        "location_id": service.locations[0].location_id if service and service.locations else "",
        "opens_at": schedule.opens_at.strftime("%H:%M") if schedule and schedule.opens_at else "",
        "closes_at": schedule.closes_at.strftime("%H:%M")
        if schedule and schedule.closes_at
        else "",
        "retired": bool(service and service.retired),
        "due": bool(service and service.check_due(today)),
        "today": today,
    }


@router.get("/community/directory/new")
def new_entry(
    request: Request, actor: Coordinator, svc: Svc, clock: ClockDep, templates: Templates
) -> Response:
    """The form to add an entry."""
    return templates.TemplateResponse(
        request, "pages/community/entry.html", _form_context(svc, actor, None, clock.today())
    )


@router.post("/community/directory")
async def add_entry(request: Request, actor: Coordinator, svc: Svc) -> Response:
    """Add the entry the form describes."""
    draft = _draft(await request.form())
    service = svc.directory_curation.add(actor, draft)
    return RedirectResponse(f"/community/services/{service.id}", status_code=303)


@router.get("/community/services/{service_id}")
def entry(
    request: Request,
    service_id: str,
    actor: Coordinator,
    svc: Svc,
    clock: ClockDep,
    templates: Templates,
) -> Response:
    """One entry with the forms to edit, check and retire it."""
    service = svc.directory_curation.entry(actor, service_id)
    return templates.TemplateResponse(
        request, "pages/community/entry.html", _form_context(svc, actor, service, clock.today())
    )


@router.post("/community/services/{service_id}")
async def edit_entry(request: Request, service_id: str, actor: Coordinator, svc: Svc) -> Response:
    """Save the edited entry."""
    svc.directory_curation.edit(actor, service_id, _draft(await request.form()))
    return RedirectResponse(f"/community/services/{service_id}", status_code=303)


@router.post("/community/services/{service_id}/checked")
async def mark_checked(request: Request, service_id: str, actor: Coordinator, svc: Svc) -> Response:
    """Mark the entry as checked on the date given."""
    form = await request.form()
    svc.directory_curation.mark_checked(actor, service_id, day(form, "checked_on"))
    return RedirectResponse(f"/community/services/{service_id}", status_code=303)


@router.post("/community/services/{service_id}/retire")
def retire_entry(service_id: str, actor: Coordinator, svc: Svc) -> Response:
    """Retire the entry."""
    svc.directory_curation.retire(actor, service_id)
    return RedirectResponse(f"/community/services/{service_id}", status_code=303)


def _time(form: FormData, name: str) -> time | None:
    value = text(form, name)
    if not value:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise DomainValidationError(name, "give a time as HH:MM") from None


def _amount(form: FormData) -> float | None:
    value = text(form, "amount")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise DomainValidationError("amount", "give the cost in pounds, e.g. 3.50") from None


def _draft(form: FormData) -> EntryDraft:
    days = [d for d in form.getlist("day") if isinstance(d, str) and d in DAYS]
    return EntryDraft(
        organization_id=text(form, "organization_id"),
        name=text(form, "name"),
        description=text(form, "description"),
        location_id=text(form, "location_id") or None,
        need_ids=tuple(n for n in form.getlist("need") if isinstance(n, str) and n),
        days=",".join(days),
        opens_at=_time(form, "opens_at"),
        closes_at=_time(form, "closes_at"),
        amount=_amount(form),
        eligibility_description=text(form, "eligibility"),
    )
