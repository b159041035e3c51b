"""The plan pages: agree a new plan (or its next version), the plan with goals and charts, and
rating a goal."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import CurrentActor, Templates
from careweave.adapters.web.pages.plan_forms import (
    ACTION_SLOTS,
    GOAL_SLOTS,
    day,
    draft_from,
    revision_from,
    risk_from,
    text,
    whole,
)
from careweave.adapters.web.plans_deps import PlanSvc, RecordingPlansUow
from careweave.adapters.web.render.gas_chart import goal_chart, t_score_chart
from careweave.domain.accounts import Role
from careweave.domain.gas import DEFAULT_LEVEL_MEANINGS, GAS_LEVELS, GoalLifecycleStatus
from careweave.domain.plans import ActorKind, FundingSource
from careweave.domain.risk import AtRisk, RiskDecision
from careweave.services.progress_goals import NOTES_PER_GOAL, notes_by_goal

router = APIRouter(include_in_schema=False)

WHO_KINDS = {
    ActorKind.WORKER: "Care worker or team",
    ActorKind.CIRCLE_MEMBER: "Family, friend or neighbour",
    ActorKind.COMMUNITY_ASSET: "Community group or service",
    ActorKind.TECHNOLOGY: "Technology (sensor, alarm)",
    ActorKind.PERSON: "The person themselves",
}
FUNDING = {
    FundingSource.LOCAL_AUTHORITY: "Council-arranged support",
    FundingSource.DIRECT_PAYMENT: "Direct payment",
    FundingSource.INDIVIDUAL_SERVICE_FUND: "Individual Service Fund",
    FundingSource.NHS_CONTINUING_HEALTHCARE: "NHS Continuing Healthcare",
    FundingSource.JOINT_HEALTH_AND_SOCIAL_CARE: "Joint health and social care",
    FundingSource.SELF_FUNDED: "Pays for own support",
    FundingSource.FREE_REABLEMENT: "Free reablement (first six weeks)",
    FundingSource.NO_PAID_SUPPORT: "No paid support",
}


@router.get("/people/{person_id}/plans/new")
def plan_form(
    request: Request, person_id: str, actor: CurrentActor, svc: PlanSvc, templates: Templates
) -> Response:
    """The form to agree a care and support plan with the person."""
    page = svc.person_page(actor, person_id)
    context = {
        "person": page.person, "strengths": "\n".join(s.description for s in page.strengths),
        "goal_slots": range(GOAL_SLOTS), "action_slots": range(ACTION_SLOTS), "levels": GAS_LEVELS,
        "level_words": DEFAULT_LEVEL_MEANINGS, "who_kinds": WHO_KINDS, "funding": FUNDING, "today": date.today(),
    }  # fmt: skip
    return templates.TemplateResponse(request, "pages/plans/plan_form.html", context)


@router.post("/people/{person_id}/plans")
async def create_plan(
    request: Request, person_id: str, actor: CurrentActor, svc: PlanSvc
) -> Response:
    """Save the plan and open it."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    plan = svc.plans.create(actor, person_id, draft_from(form))
    return RedirectResponse(f"/plans/{plan.plan_id}?saved=plan", status_code=303)


@router.get("/plans/{plan_id}")
def plan_page(
    request: Request,
    plan_id: str,
    actor: CurrentActor,
    svc: PlanSvc,
    templates: Templates,
    uow: RecordingPlansUow,
    version: int | None = None,
) -> Response:
    """The plan: goals in the person's words with their ratings, charts and the newest notes
    from visits, and the T-score."""
    view = svc.plans.view(actor, plan_id, version)
    charts = {
        g.goal.id: goal_chart(
            g.goal.id, g.goal.description, [(r.rated_on, r.level) for r in g.ratings], i
        )
        for i, g in enumerate(view.goals)
    }
    context = {
        "view": view, "plan": view.plan, "charts": charts, "notes_per_goal": NOTES_PER_GOAL,
        "goal_notes": notes_by_goal(uow(), actor, plan_id), "t_chart": t_score_chart(list(view.t_scores)),
        "levels": GAS_LEVELS, "who_kinds": WHO_KINDS, "funding": FUNDING, "today": date.today(),
        "saved": request.query_params.get("saved", ""), "statuses": list(GoalLifecycleStatus),
        "at_risk": list(AtRisk), "decisions": list(RiskDecision),
        "can_plan": actor.is_admin or actor.role in (Role.PRACTITIONER, Role.COORDINATOR),
    }  # fmt: skip
    return templates.TemplateResponse(request, "pages/plans/plan.html", context)


@router.post("/plans/{plan_id}/goals/{goal_id}/ratings")
async def rate_goal(
    request: Request, plan_id: str, goal_id: str, actor: CurrentActor, svc: PlanSvc
) -> Response:
    """Record a GAS rating of the goal and go back to the plan."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    rated_on = day(form, "rated_on", "rating.rated_on")
    assert rated_on is not None  # required above
    svc.plans.rate_goal(
        actor, goal_id, whole(form, "level", "rating.level"), rated_on, text(form, "note")
    )
    return RedirectResponse(f"/plans/{plan_id}?saved=rating#goal-{goal_id}", status_code=303)


@router.post("/plans/{plan_id}/revise")
async def revise_plan(
    request: Request, plan_id: str, actor: CurrentActor, svc: PlanSvc
) -> Response:
    """Save the review and goal status changes as the plan's next version."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    based_on = whole(form, "based_on_version", "based_on_version")
    current = svc.plans.view(actor, plan_id, based_on).plan
    plan = svc.plans.revise(actor, plan_id, based_on, revision_from(form, current))
    return RedirectResponse(f"/plans/{plan.plan_id}?saved=version", status_code=303)


@router.post("/plans/{plan_id}/risks")
async def add_risk(request: Request, plan_id: str, actor: CurrentActor, svc: PlanSvc) -> Response:
    """Record a risk and the positive risk-taking decision agreed."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    person_id = svc.plans.view(actor, plan_id).person.id
    svc.plans.add_risk(actor, risk_from(form, person_id, plan_id, actor.display_name))
    return RedirectResponse(f"/plans/{plan_id}?saved=risk#risks", status_code=303)
