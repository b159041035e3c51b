"""The person pages: the people you work with, a person's record (About Me, circle, strengths,
needs, eligibility, conversations, plans, reablement), adding and removing strengths and needs,
and the conversation form."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.plans.forms import CONVERSATION_ACTION_SLOTS, conversation_from
from careweave.bootstrap import Services
from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import ABOUT_ME_TITLES, ELIGIBILITY_OUTCOME_TITLES, StrengthKind
from careweave.domain.plans.conversations import (
    CONVERSATION_TITLES,
    NEXT_ALLOWED,
    REQUIRED_TOPICS,
    ConversationKind,
)
from careweave.domain.plans.eligibility import UNABLE_REASON_TITLES, WELLBEING_TITLES
from careweave.domain.values import require_member
from careweave.services.accounts.access import Actor

router = APIRouter(include_in_schema=False)
MAX_LISTED = 200
# What a redirect's ``?saved=`` says, and the section of the person page that says it.
SAVED_NOTES = {
    "conversation": ("conversations", "Conversation saved."),
    "eligibility": ("eligibility", "Eligibility saved."),
    "strength": ("strengths", "Strength saved."),
    "strength-removed": ("strengths", "Strength removed."),
    "need": ("needs", "Need saved."),
    "need-removed": ("needs", "Need removed."),
}


def saved_notes(saved: str) -> dict[str, str]:
    """The note a section of the person page shows after ``?saved=saved`` (none if unknown)."""
    section_and_note = SAVED_NOTES.get(saved)
    return dict([section_and_note]) if section_and_note else {}


@router.get("/people")
def people_list(
    request: Request, actor: CurrentActor, services: Svc, templates: Templates
) -> Response:
    """The people the signed-in user may see, by family name, each linked to their page."""
    page = services.people.list(actor, limit=MAX_LISTED, offset=0)
    return templates.TemplateResponse(
        request, "pages/people/people.html", {"people": page.items, "total": page.total}
    )


@router.get("/people/{person_id}")
def person_page(
    request: Request, person_id: str, actor: CurrentActor, svc: Svc, templates: Templates
) -> Response:
    """A person's record in plain words."""
    return _person_response(request, person_id, actor, svc, templates)


def _person_response(
    request: Request,
    person_id: str,
    actor: Actor,
    svc: Services,
    templates: Jinja2Templates,
    errors: dict[str, str] | None = None,
    form: dict[str, str] | None = None,
) -> Response:
    """The person page, with the errors of a strength or need form next to its fields (422)."""
    page = svc.person_pages.read_person_page(actor, person_id)
    latest = (
        max(page.conversations, key=lambda c: (c.held_on, c.kind.number))
        if page.conversations
        else None
    )
    next_kinds = (
        sorted(NEXT_ALLOWED[latest.kind], key=lambda k: k.number)
        if latest
        else [ConversationKind.LISTEN_AND_CONNECT]
    )
    context = {
        "page": page,
        "about_titles": ABOUT_ME_TITLES,
        "outcome_titles": ELIGIBILITY_OUTCOME_TITLES,
        "reason_titles": UNABLE_REASON_TITLES,
        "wellbeing_titles": WELLBEING_TITLES,
        "conversation_titles": CONVERSATION_TITLES,
        "next_kinds": next_kinds,
        "today": svc.clock.today(),
        "strength_kinds": list(StrengthKind),
        "saved_notes": saved_notes(request.query_params.get("saved", "")),
        "errors": errors or {},
        "form": form or {},
    }
    status = 422 if errors else 200
    return templates.TemplateResponse(
        request, "pages/people/person.html", context, status_code=status
    )


async def _form(request: Request) -> dict[str, str]:
    return {k: str(v) for k, v in (await request.form()).items()}


def _refused(
    request: Request,
    error: DomainValidationError,
    person_id: str,
    actor: Actor,
    svc: Services,
    templates: Jinja2Templates,
    form: dict[str, str],
) -> Response:
    """The person page again with the error next to the field it names (``strength.kind`` is
    the input ``strength_kind``)."""
    name = error.field.replace(".", "_")
    errors = {name: f"{error.message} ({error.field})"}
    return _person_response(request, person_id, actor, svc, templates, errors, form)


@router.post("/people/{person_id}/strengths")
async def add_strength(
    request: Request, person_id: str, actor: CurrentActor, svc: Svc, templates: Templates
) -> Response:
    """Record a strength of the person and go back to their page."""
    form = await _form(request)
    try:
        svc.person_pages.add_strength(
            actor,
            person_id,
            form.get("strength_kind", ""),
            form.get("strength_description", ""),
        )
    except DomainValidationError as error:
        return _refused(request, error, person_id, actor, svc, templates, form)
    return RedirectResponse(f"/people/{person_id}?saved=strength#strengths", status_code=303)


@router.post("/people/{person_id}/strengths/{strength_id}/remove")
def remove_strength(person_id: str, strength_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """Remove one of the person's strengths."""
    svc.person_pages.remove_strength(actor, person_id, strength_id)
    return RedirectResponse(
        f"/people/{person_id}?saved=strength-removed#strengths", status_code=303
    )


@router.post("/people/{person_id}/needs")
async def add_need(
    request: Request, person_id: str, actor: CurrentActor, svc: Svc, templates: Templates
) -> Response:
    """Record a need of the person against one of the ten outcomes."""
    form = await _form(request)
    try:
        svc.person_pages.add_need(
            actor,
            person_id,
            form.get("need_outcome", ""),
            form.get("need_description", ""),
        )
    except DomainValidationError as error:
        return _refused(request, error, person_id, actor, svc, templates, form)
    return RedirectResponse(f"/people/{person_id}?saved=need#needs", status_code=303)


@router.post("/people/{person_id}/needs/{need_id}/remove")
def remove_need(person_id: str, need_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """Remove one of the person's needs."""
    svc.person_pages.remove_need(actor, person_id, need_id)
    return RedirectResponse(f"/people/{person_id}?saved=need-removed#needs", status_code=303)


@router.get("/people/{person_id}/conversations/new")
def conversation_form(
    request: Request,
    person_id: str,
    actor: CurrentActor,
    svc: Svc,
    templates: Templates,
    clock: ClockDep,
    kind: str = "listen_and_connect",
) -> Response:
    """The form to record conversation 1, 2 or 3."""
    chosen = require_member("kind", kind, ConversationKind)
    page = svc.person_pages.read_person_page(actor, person_id)
    context = {
        "person": page.person,
        "kind": chosen,
        "kinds": list(ConversationKind),
        "titles": CONVERSATION_TITLES,
        "topics": REQUIRED_TOPICS[chosen],
        "action_slots": range(CONVERSATION_ACTION_SLOTS),
        "today": clock.today(),
    }
    return templates.TemplateResponse(request, "pages/plans/conversation_form.html", context)


@router.post("/people/{person_id}/conversations")
async def record_conversation(
    request: Request, person_id: str, actor: CurrentActor, svc: Svc
) -> Response:
    """Record the conversation and go back to the person's page."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    conversation = conversation_from(form, person_id, actor.display_name)
    svc.assessments.record_conversation(actor, conversation)
    return RedirectResponse(
        f"/people/{person_id}?saved=conversation#conversations", status_code=303
    )
