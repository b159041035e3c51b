"""The person pages: the people you work with, a person's record (About Me, circle, strengths,
needs, eligibility, conversations, plans, reablement) and the conversation form."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import CurrentActor, Svc, Templates
from careweave.adapters.web.pages.plan_forms import CONVERSATION_ACTION_SLOTS, conversation_from
from careweave.adapters.web.plans_deps import PlanSvc
from careweave.domain.conversations import (
    CONVERSATION_TITLES,
    NEXT_ALLOWED,
    REQUIRED_TOPICS,
    ConversationKind,
)
from careweave.domain.eligibility import UNABLE_REASON_TITLES, WELLBEING_TITLES
from careweave.domain.people import ABOUT_ME_TITLES, ELIGIBILITY_OUTCOME_TITLES
from careweave.domain.values import require_member

router = APIRouter(include_in_schema=False)
MAX_LISTED = 200


@router.get("/people")
def people_list(
    request: Request, actor: CurrentActor, services: Svc, templates: Templates
) -> Response:
    """The people the signed-in user may see, by family name, each linked to their page."""
    page = services.people.list(actor, limit=MAX_LISTED, offset=0)
    return templates.TemplateResponse(
        request, "pages/plans/people.html", {"people": page.items, "total": page.total}
    )


@router.get("/people/{person_id}")
def person_page(
    request: Request, person_id: str, actor: CurrentActor, svc: PlanSvc, templates: Templates
) -> Response:
    """A person's record in plain words."""
    page = svc.person_page(actor, person_id)
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
        "page": page, "about_titles": ABOUT_ME_TITLES, "outcome_titles": ELIGIBILITY_OUTCOME_TITLES,
        "reason_titles": UNABLE_REASON_TITLES, "wellbeing_titles": WELLBEING_TITLES,
        "conversation_titles": CONVERSATION_TITLES, "next_kinds": next_kinds, "today": date.today(),
    }  # fmt: skip
    return templates.TemplateResponse(request, "pages/plans/person.html", context)


@router.get("/people/{person_id}/conversations/new")
def conversation_form(
    request: Request,
    person_id: str,
    actor: CurrentActor,
    svc: PlanSvc,
    templates: Templates,
    kind: str = "listen_and_connect",
) -> Response:
    """The form to record conversation 1, 2 or 3."""
    chosen = require_member("kind", kind, ConversationKind)
    page = svc.person_page(actor, person_id)
    context = {
        "person": page.person, "kind": chosen, "kinds": list(ConversationKind), "titles": CONVERSATION_TITLES,
        "topics": REQUIRED_TOPICS[chosen], "action_slots": range(CONVERSATION_ACTION_SLOTS), "today": date.today(),
    }  # fmt: skip
    return templates.TemplateResponse(request, "pages/plans/conversation_form.html", context)


@router.post("/people/{person_id}/conversations")
async def record_conversation(
    request: Request, person_id: str, actor: CurrentActor, svc: PlanSvc
) -> Response:
    """Record the conversation and go back to the person's page."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    conversation = conversation_from(form, person_id, actor.display_name)
    svc.assessments.record_conversation(actor, conversation)
    return RedirectResponse(
        f"/people/{person_id}?saved=conversation#conversations", status_code=303
    )
