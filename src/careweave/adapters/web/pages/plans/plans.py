"""The plan pages: agree a new plan, the plan with goals and charts, rating a goal, and changing
the plan (the review and goal statuses in place, or everything on its own page) as a new version."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.plans.change_form import (
    ChangeForm,
    FormProblemsError,
    apply_button,
    draft_of,
    form_of_plan,
    form_of_submission,
    problem_of,
)
from careweave.adapters.web.pages.plans.forms import (
    ACTION_SLOTS,
    GOAL_SLOTS,
    day,
    draft_from,
    revision_from,
    risk_from,
    text,
    whole,
)
from careweave.adapters.web.render.gas_chart import goal_chart, t_score_chart
from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import ELIGIBILITY_OUTCOME_TITLES
from careweave.domain.plans.care_plan import (
    ActionStatus,
    ActorKind,
    AgreedBy,
    CarePlan,
    FundingSource,
    first_review_on,
)
from careweave.domain.plans.gas import DEFAULT_LEVEL_MEANINGS, GAS_LEVELS, GoalLifecycleStatus
from careweave.domain.plans.risk import AtRisk, RiskDecision
from careweave.services.accounts.access import Actor
from careweave.services.plans.access import may_plan, may_rate
from careweave.services.plans.plans import PlanView
from careweave.services.plans.progress_goals import NOTES_PER_GOAL

router = APIRouter(include_in_schema=False)

WHO_KINDS = {
    ActorKind.WORKER: "Care worker or team",
    ActorKind.CIRCLE_MEMBER: "Family, friend or neighbour",
    ActorKind.COMMUNITY_ASSET: "Community group or service",
    ActorKind.TECHNOLOGY: "Technology (sensor, alarm)",
    ActorKind.PERSON: "The person themselves",
}
AGREED_BY = {
    AgreedBy.PERSON: "The person",
    AgreedBy.REPRESENTATIVE: "Their representative",
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
    request: Request,
    person_id: str,
    actor: CurrentActor,
    svc: Svc,
    templates: Templates,
    clock: ClockDep,
) -> Response:
    """The form to agree a care and support plan with the person."""
    page = svc.person_pages.read_person_page(actor, person_id)
    context = {
        "person": page.person,
        "strengths": "\n".join(s.description for s in page.strengths),
        "goal_slots": range(GOAL_SLOTS),
        "action_slots": range(ACTION_SLOTS),
        "levels": GAS_LEVELS,
        "level_words": DEFAULT_LEVEL_MEANINGS,
        "who_kinds": WHO_KINDS,
        "funding": FUNDING,
        "agreed_by": AGREED_BY,
        "today": clock.today(),
        "review_on": first_review_on(clock.today()),
    }
    return templates.TemplateResponse(request, "pages/plans/plan_form.html", context)


@router.post("/people/{person_id}/plans")
async def create_plan(request: Request, person_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """Save the plan and open it."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    plan = svc.plans.create(actor, person_id, draft_from(form))
    return RedirectResponse(f"/plans/{plan.plan_id}?saved=plan", status_code=303)


@router.get("/plans/{plan_id}")
def plan_page(
    request: Request,
    plan_id: str,
    actor: CurrentActor,
    svc: Svc,
    templates: Templates,
    clock: ClockDep,
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
        "view": view,
        "plan": view.plan,
        "charts": charts,
        "notes_per_goal": NOTES_PER_GOAL,
        "goal_notes": svc.progress_notes.notes_by_goal(actor, plan_id),
        "t_chart": t_score_chart(list(view.t_scores)),
        "levels": GAS_LEVELS,
        "who_kinds": WHO_KINDS,
        "funding": FUNDING,
        "today": clock.today(),
        "saved": request.query_params.get("saved", ""),
        "statuses": list(GoalLifecycleStatus),
        "at_risk": list(AtRisk),
        "decisions": list(RiskDecision),
        # Only the newest version is changed or rated; older ones are for reading.
        "can_change": view.is_latest and may_plan(actor),
        "rateable": _rateable_goal_ids(view, actor),
    }
    return templates.TemplateResponse(request, "pages/plans/plan.html", context)


def _rateable_goal_ids(view: PlanView, actor: Actor) -> set[str]:
    """The goals the plan page offers to rate: on the newest version, to those who may rate."""
    if not (view.is_latest and may_rate(actor)):
        return set()
    return {g.goal.id for g in view.goals if g.goal.can_be_rated}


@router.post("/plans/{plan_id}/goals/{goal_id}/ratings")
async def rate_goal(
    request: Request, plan_id: str, goal_id: str, actor: CurrentActor, svc: Svc
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
async def revise_plan(request: Request, plan_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """Save the review and goal status changes as the plan's next version."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    based_on = whole(form, "based_on_version", "based_on_version")
    current = svc.plans.view(actor, plan_id, based_on).plan
    plan = svc.plans.revise(actor, plan_id, based_on, revision_from(form, current))
    return RedirectResponse(f"/plans/{plan.plan_id}?saved=version", status_code=303)


@router.post("/plans/{plan_id}/risks")
async def add_risk(request: Request, plan_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """Record a risk and the positive risk-taking decision agreed."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    person_id = svc.plans.view(actor, plan_id).person.id
    svc.plans.add_risk(actor, risk_from(form, person_id, plan_id, actor.display_name))
    return RedirectResponse(f"/plans/{plan_id}?saved=risk#risks", status_code=303)


@router.get("/plans/{plan_id}/change")
def change_form(
    request: Request, plan_id: str, actor: CurrentActor, svc: Svc, templates: Templates
) -> Response:
    """Every part of the newest version, editable; saving makes the next version."""
    plan = svc.plans.open_for_change(actor, plan_id)
    return _change_page(request, templates, plan, form_of_plan(plan))


@router.post("/plans/{plan_id}/change")
async def change_plan(
    request: Request, plan_id: str, actor: CurrentActor, svc: Svc, templates: Templates
) -> Response:
    """Add or remove a row (the form comes back), or save the form as the next version; a bad
    value comes back next to its input (422), a version someone else changed meanwhile is a 409."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    current = svc.plans.open_for_change(
        actor, plan_id, whole(form, "based_on_version", "based_on_version")
    )
    change = form_of_submission(form)
    button = text(form, "do") or "save"
    if button != "save":
        # A row button (or one whose row is gone since): show the form again, never save.
        apply_button(change, button)
        return _change_page(request, templates, current, change)
    try:
        draft = draft_of(change, current)
        svc.plans.revise(actor, plan_id, current.version, draft)
    except FormProblemsError as found:
        return _change_page(request, templates, current, change, found)
    except DomainValidationError as error:
        refused = FormProblemsError([problem_of(error)])
        return _change_page(request, templates, current, change, refused)
    return RedirectResponse(f"/plans/{plan_id}?saved=version", status_code=303)


def _change_page(
    request: Request,
    templates: Jinja2Templates,
    plan: CarePlan,
    change: ChangeForm,
    problems: FormProblemsError | None = None,
) -> Response:
    found = problems.problems if problems else []
    context = {
        "plan": plan,
        "form": change.top,
        "rows": change.rows,
        "problems": found,
        "errors": {p.input: f"{p.message} ({p.field})" for p in found if p.input},
        "levels": GAS_LEVELS,
        "who_kinds": {k.value: w for k, w in WHO_KINDS.items()},
        "funding": {k.value: w for k, w in FUNDING.items()},
        "agreed_by": {k.value: w for k, w in AGREED_BY.items()},
        "statuses": [s.value for s in GoalLifecycleStatus],
        "action_statuses": [s.value for s in ActionStatus],
        "outcomes": ELIGIBILITY_OUTCOME_TITLES,
        "person_id": plan.person_id,
    }
    return templates.TemplateResponse(
        request, "pages/plans/plan_change.html", context, status_code=422 if found else 200
    )
