"""The social prescribing pages: a link worker's caseload, making a referral, and a referral with
the forms for the work that follows (first contact, what matters, the plan, follow-ups,
wellbeing, decline, close); the figures for coordinators and commissioners."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.community.forms import day, text
from careweave.domain.community.social_prescribing import (
    SNOMED_TITLES,
    FollowUp,
    LinkStatus,
    ReferralSource,
    WellbeingRecord,
)
from careweave.domain.community.wellbeing import ONS4_WORDING, Ons4, Swemwbs
from careweave.domain.errors import DomainValidationError
from careweave.domain.values import require_member
from careweave.services.community.access import may_work_referral

router = APIRouter(include_in_schema=False)
SOURCES = {
    ReferralSource.GP.value: "A GP or the practice",
    ReferralSource.WORKER.value: "A care worker or practitioner",
    ReferralSource.SELF.value: "The person themself",
    ReferralSource.OTHER.value: "Someone else",
}
SWEMWBS_STATEMENTS = (
    "I've been feeling optimistic about the future",
    "I've been feeling useful",
    "I've been feeling relaxed",
    "I've been dealing with problems well",
    "I've been thinking clearly",
    "I've been feeling close to other people",
    "I've been able to make up my own mind about things",
)


@router.get("/community/referrals")
def caseload(request: Request, actor: CurrentActor, svc: Svc, templates: Templates) -> Response:
    """The referrals the user holds, then those waiting to be taken on."""
    rows = svc.social_prescribing.caseload(actor)
    return templates.TemplateResponse(request, "pages/community/caseload.html", {"rows": rows})


@router.get("/community/referrals/figures")
def figures(request: Request, actor: CurrentActor, svc: Svc, templates: Templates) -> Response:
    """Referrals, time to first contact, services used and wellbeing change: counts only."""
    found = svc.social_prescribing.figures(actor)
    return templates.TemplateResponse(request, "pages/community/figures.html", {"figures": found})


@router.get("/people/{person_id}/referrals/new")
def new_referral(
    request: Request, person_id: str, actor: CurrentActor, svc: Svc, templates: Templates
) -> Response:
    """The form to refer the person to social prescribing."""
    earlier = svc.social_prescribing.referrals_of(actor, person_id)
    context = {"person_id": person_id, "sources": SOURCES, "earlier": earlier}
    return templates.TemplateResponse(request, "pages/community/refer.html", context)


@router.post("/people/{person_id}/referrals")
async def refer(request: Request, person_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """Make the referral."""
    form = await request.form()
    referral = svc.social_prescribing.refer(
        actor,
        person_id,
        source=require_member("source", text(form, "source"), ReferralSource),
        reason=text(form, "reason"),
        referrer=text(form, "referrer"),
    )
    return RedirectResponse(f"/community/referrals/{referral.id}", status_code=303)


@router.get("/community/referrals/{referral_id}")
def referral_page(
    request: Request,
    referral_id: str,
    actor: CurrentActor,
    svc: Svc,
    clock: ClockDep,
    templates: Templates,
) -> Response:
    """The referral, its plan, follow-ups and wellbeing, with the forms for the work."""
    referral, person = svc.social_prescribing.referral(actor, referral_id)
    names = {}
    for planned in referral.plan:
        names[planned.service_id] = svc.directory.service(planned.service_id).service.name
    context = {
        "referral": referral,
        "person": person,
        "code_title": SNOMED_TITLES[referral.snomed_code],
        "can_work": referral.open and may_work_referral(actor, person),
        "not_contacted": referral.first_contact_on is None,
        "service_names": names,
        "statuses": {s.value: s.value for s in LinkStatus},
        "ons4_questions": ONS4_WORDING,
        "statements": SWEMWBS_STATEMENTS,
        "today": clock.today(),
    }
    return templates.TemplateResponse(request, "pages/community/referral.html", context)


@router.post("/community/referrals/{referral_id}/{action}")
async def act(
    request: Request, referral_id: str, action: str, actor: CurrentActor, svc: Svc
) -> Response:
    """One step of the link worker's work, named by ``action``."""
    form = await request.form()
    sp = svc.social_prescribing
    if action == "contact":
        sp.take_on(actor, referral_id, day(form, "first_contact_on"))
    elif action == "what-matters":
        sp.what_matters(actor, referral_id, text(form, "what_matters"))
    elif action == "plan":
        sp.add_service(actor, referral_id, text(form, "service_id"), text(form, "note"))
    elif action == "plan-status":
        status = require_member("status", text(form, "status"), LinkStatus)
        sp.service_status(actor, referral_id, text(form, "service_id"), status)
    elif action == "follow-up":
        sp.follow_up(actor, referral_id, FollowUp(day(form, "held_on"), text(form, "note")))
    elif action == "wellbeing":
        sp.record_wellbeing(actor, referral_id, _wellbeing(form))
    elif action == "decline":
        sp.decline(actor, referral_id, text(form, "declined_reason"))
    elif action == "close":
        sp.close(actor, referral_id)
    else:
        raise DomainValidationError("action", f"{action!r} is not a step of the work")
    return RedirectResponse(f"/community/referrals/{referral_id}", status_code=303)


def _whole(form: FormData, name: str) -> int | None:
    value = text(form, name)
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise DomainValidationError(name, "must be a whole number") from None


def _wellbeing(form: FormData) -> WellbeingRecord:
    ons4_values = [_whole(form, f"ons4_{q.value}") for q in ONS4_WORDING]
    answers = [_whole(form, f"swemwbs_{n}") for n in range(1, len(SWEMWBS_STATEMENTS) + 1)]
    ons4 = None
    if any(v is not None for v in ons4_values):
        if any(v is None for v in ons4_values):
            raise DomainValidationError("ons4", "answer all four questions, or none")
        ons4 = Ons4(*(v for v in ons4_values if v is not None))
    swemwbs = None
    if any(v is not None for v in answers):
        if any(v is None for v in answers):
            raise DomainValidationError("swemwbs", "answer all seven statements, or none")
        swemwbs = Swemwbs(tuple(v for v in answers if v is not None))
    return WellbeingRecord(day(form, "taken_on"), ons4=ons4, swemwbs=swemwbs)
