"""``/api``: conversations, eligibility, care and support plans, GAS ratings, risks and the FHIR
export of a person. Each route parses, calls a plans service (which checks access and audits) and
answers; errors are answered by the app's handlers, naming the field."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from careweave.adapters.fhir.bundle import to_bundle
from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.api.plans.schemas import (
    AssessmentIn,
    ConversationIn,
    ConversationPublic,
    DeterminationPublic,
    OverrideIn,
    PlanIn,
    PlanPublic,
    PlanRevisionIn,
    PlanSummary,
    RatingIn,
    RatingPublic,
)
from careweave.adapters.web.api.reablement.schemas import RiskIn, RiskPublic
from careweave.adapters.web.deps import CurrentActor, Svc

router = APIRouter(tags=["plans"], responses=ERROR_RESPONSES)


@router.post("/people/{person_id}/conversations", status_code=201, summary="Record a conversation")
def record_conversation(
    person_id: PathId, body: ConversationIn, actor: CurrentActor, svc: Svc
) -> ConversationPublic:
    """Record conversation 1, 2 or 3 (people move 1→3 or 1→2→3)."""
    stored = svc.assessments.record_conversation(
        actor, body.to_domain(person_id, actor.display_name)
    )
    return ConversationPublic.of(stored)


@router.get("/people/{person_id}/conversations", summary="A person's conversations")
def list_conversations(
    person_id: PathId, actor: CurrentActor, svc: Svc
) -> list[ConversationPublic]:
    """The person's conversations, oldest first."""
    return [ConversationPublic.of(c) for c in svc.assessments.conversations(actor, person_id)]


@router.post("/people/{person_id}/eligibility", status_code=201, summary="Assess eligibility")
def assess(
    person_id: PathId, body: AssessmentIn, actor: CurrentActor, svc: Svc
) -> DeterminationPublic:
    """Record an assessment against the ten outcomes and get the determination with its reasons."""
    assessment = body.to_domain(person_id, actor.display_name)
    return DeterminationPublic.of(assessment.id, svc.assessments.assess(actor, assessment))


@router.get("/people/{person_id}/eligibility", summary="A person's eligibility determinations")
def list_determinations(
    person_id: PathId, actor: CurrentActor, svc: Svc
) -> list[DeterminationPublic]:
    """Every assessment's determination, oldest first."""
    return [
        DeterminationPublic.of(a.id, a.determine())
        for a in svc.assessments.assessments(actor, person_id)
    ]


@router.post("/eligibility/{assessment_id}/override", summary="Record a professional judgement")
def override(
    assessment_id: PathId, body: OverrideIn, actor: CurrentActor, svc: Svc
) -> DeterminationPublic:
    """Replace the computed determination with a recorded professional judgement and its reason."""
    return DeterminationPublic.of(
        assessment_id, svc.assessments.override(actor, assessment_id, body.eligible, body.reason)
    )


@router.get("/people/{person_id}/plans", summary="A person's plans")
def list_plans(person_id: PathId, actor: CurrentActor, svc: Svc) -> list[PlanSummary]:
    """The newest version of each of the person's plans."""
    return [
        PlanSummary(
            plan_id=p.plan_id,
            version=p.version,
            review_on=p.review_on,
            agreed=p.agreed,
            goals=len(p.goals),
        )
        for p in svc.plans.plans_of(actor, person_id)
    ]


@router.post("/people/{person_id}/plans", status_code=201, summary="Make a plan")
def create_plan(person_id: PathId, body: PlanIn, actor: CurrentActor, svc: Svc) -> PlanPublic:
    """Make a care and support plan (version 1)."""
    plan = svc.plans.create(actor, person_id, body.to_draft())
    return PlanPublic.of(svc.plans.view(actor, plan.plan_id))


@router.get("/plans/{plan_id}", summary="Read a plan")
def get_plan(
    plan_id: PathId,
    actor: CurrentActor,
    svc: Svc,
    version: Annotated[int | None, Query(ge=1)] = None,
) -> PlanPublic:
    """A version of the plan (the newest by default) with goals, ratings and T-scores."""
    return PlanPublic.of(svc.plans.view(actor, plan_id, version))


@router.put("/plans/{plan_id}", summary="Change a plan (makes a new version)")
def revise_plan(plan_id: PathId, body: PlanRevisionIn, actor: CurrentActor, svc: Svc) -> PlanPublic:
    """Save the plan as its next version; 409 when someone changed it since ``based_on_version``."""
    plan = svc.plans.revise(actor, plan_id, body.based_on_version, body.to_draft())
    return PlanPublic.of(svc.plans.view(actor, plan.plan_id))


@router.post("/goals/{goal_id}/ratings", status_code=201, summary="Rate a goal")
def rate_goal(goal_id: PathId, body: RatingIn, actor: CurrentActor, svc: Svc) -> RatingPublic:
    """Record a GAS rating (−2..+2) of a goal."""
    r = svc.plans.rate_goal(actor, goal_id, body.level, body.rated_on, body.note)
    return RatingPublic(
        id=r.id,
        goal_id=r.goal_id,
        rated_on=r.rated_on,
        level=r.level,
        rated_by=r.rated_by,
        note=r.note,
    )


@router.post("/plans/{plan_id}/risks", status_code=201, summary="Record a risk")
def add_risk(plan_id: PathId, body: RiskIn, actor: CurrentActor, svc: Svc) -> RiskPublic:
    """Record a risk and the positive risk-taking decision agreed, on the plan."""
    person_id = svc.plans.view(actor, plan_id).person.id
    return RiskPublic.of(
        svc.plans.add_risk(actor, body.to_domain(person_id, plan_id, actor.display_name))
    )


@router.get("/plans/{plan_id}/risks", summary="A plan's risks")
def list_risks(plan_id: PathId, actor: CurrentActor, svc: Svc) -> list[RiskPublic]:
    """The risks recorded on the plan."""
    return [RiskPublic.of(r) for r in svc.plans.view(actor, plan_id).risks]


@router.get("/people/{person_id}/fhir", summary="Export a person as FHIR R4")
def export_fhir(person_id: PathId, actor: CurrentActor, svc: Svc) -> dict[str, Any]:
    """A FHIR R4 Bundle (collection) of the person's record; every resource validated."""
    return to_bundle(svc.fhir.export_record(actor, person_id))
