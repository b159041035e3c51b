"""The eligibility pages: record an assessment against the ten outcomes and the nine areas of
well-being, and record a professional judgement that overrides the computed determination."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.plans.forms import assessment_from, text
from careweave.domain.people.person import ELIGIBILITY_OUTCOME_TITLES
from careweave.domain.plans.eligibility import UNABLE_REASON_TITLES, WELLBEING_TITLES, Impact

router = APIRouter(include_in_schema=False)


@router.get("/people/{person_id}/eligibility/new")
def eligibility_form(
    request: Request,
    person_id: str,
    actor: CurrentActor,
    svc: Svc,
    templates: Templates,
    clock: ClockDep,
) -> Response:
    """The assessment form: each outcome, why the person cannot achieve it, and well-being."""
    page = svc.person_pages.read_person_page(actor, person_id)
    context = {
        "person": page.person,
        "needs": {n.outcome for n in page.needs},
        "outcomes": ELIGIBILITY_OUTCOME_TITLES,
        "reasons": UNABLE_REASON_TITLES,
        "areas": WELLBEING_TITLES,
        "impacts": list(Impact),
        "today": clock.today(),
    }
    return templates.TemplateResponse(request, "pages/plans/eligibility_form.html", context)


@router.post("/people/{person_id}/eligibility")
async def record_assessment(
    request: Request, person_id: str, actor: CurrentActor, svc: Svc
) -> Response:
    """Record the assessment and show the determination on the person's page."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    svc.assessments.assess(actor, assessment_from(form, person_id, actor.display_name))
    return RedirectResponse(f"/people/{person_id}?saved=eligibility#eligibility", status_code=303)


@router.post("/eligibility/{assessment_id}/override")
async def override(request: Request, assessment_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """Record a professional judgement with its reason."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    svc.assessments.override(
        actor, assessment_id, text(form, "eligible") == "yes", text(form, "reason")
    )
    person_id = text(form, "person_id")
    return RedirectResponse(f"/people/{person_id}?saved=eligibility#eligibility", status_code=303)
