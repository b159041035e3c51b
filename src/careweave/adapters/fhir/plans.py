"""Mapping between care plans, goals and GAS ratings and FHIR CarePlan, Goal and Observation.

Every version of a plan is one CarePlan (id ``<plan>-v<version>``) whose ``replaces`` points at
the version before; its goals are Goal resources of that version (id ``<goal>-v<version>``) and
carry the careweave goal id as an identifier. GAS ratings are Observations whose focus is the goal.
"""

from __future__ import annotations

from collections.abc import Sequence

from careweave.adapters.fhir.extensions import (
    CODES,
    Extensions,
    Json,
    code_of,
    complex_ext,
    ext,
    optional,
    parse_date,
    parse_datetime,
    reference_id,
    sub,
)
from careweave.domain.errors import DomainValidationError
from careweave.domain.plans.care_plan import Action, Agreement, CarePlan, Contingency, Goal
from careweave.domain.plans.gas import GasRating, GasScale, achievement_from_ratings

PLAN_SYSTEM = f"{CODES}care-plan"
GOAL_SYSTEM = f"{CODES}goal"
OBSERVATION_SYSTEM = f"{CODES}observation"
GAS_CODE = "gas-level"
ACHIEVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/goal-achievement"
PRIORITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/goal-priority"


def plan_resource_id(plan_id: str, version: int) -> str:
    """The FHIR id of one version of a plan."""
    return f"{plan_id}-v{version}"


def goal_resource_id(goal_id: str, version: int) -> str:
    """The FHIR id of a goal as it stands in one version of a plan."""
    return f"{goal_id}-v{version}"


def care_plan_of(plan: CarePlan, *, latest: bool) -> Json:
    """The FHIR CarePlan of one plan version (``latest`` decides active/draft versus revoked)."""
    status = ("active" if plan.agreed else "draft") if latest else "revoked"
    resource: Json = {
        "resourceType": "CarePlan",
        "id": plan_resource_id(plan.plan_id, plan.version),
        "identifier": [{"system": PLAN_SYSTEM, "value": plan.plan_id}],
        "status": status,
        "intent": "plan",
        "title": "Care and support plan",
        "subject": {"reference": f"Patient/{plan.person_id}"},
        "created": plan.created_at.isoformat(),
        "goal": [{"reference": f"Goal/{goal_resource_id(g.id, plan.version)}"} for g in plan.goals],
        "activity": [_activity(a, plan.version) for a in plan.actions],
        "extension": [
            ext("version", plan.version),
            ext("review-on", plan.review_on),
            ext("review-by", plan.review_by),
            ext("funding-source", plan.funding_source.value),
            ext("created-by", plan.created_by),
            *[ext("strength", s) for s in plan.strengths],
            *[_contingency(c) for c in plan.contingencies],
            *([_agreement(plan.agreement)] if plan.agreement else []),
        ],
    }
    if plan.summary:
        resource["description"] = plan.summary
    if plan.version > 1:
        resource["replaces"] = [
            {"reference": f"CarePlan/{plan_resource_id(plan.plan_id, plan.version - 1)}"}
        ]
    if not resource["goal"]:
        del resource["goal"]
    if not resource["activity"]:
        del resource["activity"]
    return resource


def _activity(action: Action, version: int) -> Json:
    detail: Json = {
        "status": action.status.value,
        "description": action.what,
        "scheduledString": action.when,
        "performer": [{"display": action.who}],
        "extension": [
            ext("action-id", action.id),
            ext("who-kind", action.who_kind.value),
            *optional("goal-id", action.goal_id),
        ],
    }
    if action.goal_id:
        detail["goal"] = [{"reference": f"Goal/{goal_resource_id(action.goal_id, version)}"}]
    return {"detail": detail}


def _contingency(c: Contingency) -> Json:
    parts = [sub("if-this-happens", c.if_this_happens), sub("do-this", c.do_this)]
    return complex_ext("contingency", [*parts, *optional("contact", c.contact, nested=True)])


def _agreement(a: Agreement) -> Json:
    parts = [
        sub("agreed-by", a.agreed_by.value),
        sub("agreed-on", a.agreed_on),
        sub("has-capacity", a.has_capacity),
        sub("consent-given", a.consent_given),
        *optional("representative-name", a.representative_name, nested=True),
        *optional("capacity-assessed-by", a.capacity_assessed_by, nested=True),
        *optional("best-interests-reason", a.best_interests_reason, nested=True),
    ]
    return complex_ext("agreement", parts)


def goal_of(goal: Goal, plan: CarePlan, ratings: Sequence[GasRating]) -> Json:
    """The FHIR Goal of ``goal`` as it stands in ``plan``, with the achievement its ratings show."""
    ended = goal.lifecycle_status.value in {
        "completed",
        "cancelled",
        "entered-in-error",
        "rejected",
    }
    achievement = achievement_from_ratings(
        [r for r in ratings if r.goal_id == goal.id], ended=ended
    )
    priority = (
        "high-priority"
        if goal.importance >= 8
        else "medium-priority"
        if goal.importance >= 4
        else "low-priority"
    )
    resource: Json = {
        "resourceType": "Goal",
        "id": goal_resource_id(goal.id, plan.version),
        "identifier": [{"system": GOAL_SYSTEM, "value": goal.id}],
        "lifecycleStatus": goal.lifecycle_status.value,
        "achievementStatus": {
            "coding": [{"system": ACHIEVEMENT_SYSTEM, "code": achievement.value}]
        },
        "priority": {"coding": [{"system": PRIORITY_SYSTEM, "code": priority}]},
        "description": {"text": goal.description},
        "subject": {"reference": f"Patient/{plan.person_id}"},
        "extension": [
            ext("importance", goal.importance),
            ext("weight", float(goal.weight)),
            *optional("hopes", goal.hopes),
            *optional("need-outcome", goal.need_outcome.value if goal.need_outcome else None),
            complex_ext(
                "gas-scale",
                [
                    complex_ext("level", [sub("value", lv), sub("description", words)], nested=True)
                    for lv, words in goal.scale.levels.items()
                ],
            ),
        ],
    }
    if goal.start_on:
        resource["startDate"] = goal.start_on.isoformat()
    if goal.target_on:
        resource["target"] = [{"dueDate": goal.target_on.isoformat()}]
    return resource


def rating_of(rating: GasRating, person_id: str, goal_fhir_id: str) -> Json:
    """The FHIR Observation of one GAS rating."""
    resource: Json = {
        "resourceType": "Observation",
        "id": rating.id,
        "status": "final",
        "code": {
            "coding": [
                {
                    "system": OBSERVATION_SYSTEM,
                    "code": GAS_CODE,
                    "display": "Goal attainment scaling level",
                }
            ]
        },
        "subject": {"reference": f"Patient/{person_id}"},
        "focus": [{"reference": f"Goal/{goal_fhir_id}"}],
        "effectiveDateTime": rating.rated_on.isoformat(),
        "valueInteger": rating.level,
        "extension": [ext("goal-id", rating.goal_id), ext("rated-by", rating.rated_by)],
    }
    if rating.note:
        resource["note"] = [{"text": rating.note}]
    return resource


def is_gas_rating(resource: Json) -> bool:
    """Whether an Observation is a GAS rating."""
    return _observation_code(resource) == GAS_CODE


def _observation_code(resource: Json) -> str:
    try:
        return code_of(resource.get("code"), OBSERVATION_SYSTEM, "Observation.code")
    except DomainValidationError:
        return ""


def rating_from(resource: Json) -> GasRating:
    """The GAS rating in a FHIR Observation."""
    exts = Extensions(resource.get("extension"), "Observation.extension")
    return GasRating(
        id=resource.get("id", ""),
        goal_id=exts.required("goal-id"),
        rated_on=parse_date(resource.get("effectiveDateTime"), "Observation.effectiveDateTime"),
        level=resource.get("valueInteger"),  # type: ignore[arg-type]
        rated_by=exts.required("rated-by"),
        note=(resource.get("note") or [{}])[0].get("text", ""),
    )


def goal_from(resource: Json) -> Goal:
    """The goal a FHIR Goal describes."""
    exts = Extensions(resource.get("extension"), "Goal.extension")
    levels = {
        lv.required("value"): lv.required("description")
        for scale in exts.complex("gas-scale")
        for lv in scale.complex("level")
    }
    identifiers = [
        i["value"] for i in resource.get("identifier", []) if i.get("system") == GOAL_SYSTEM
    ]
    if not identifiers:
        raise DomainValidationError("Goal.identifier", "needs the careweave goal id")
    start = resource.get("startDate")
    due = (resource.get("target") or [{}])[0].get("dueDate")
    return Goal(
        id=identifiers[0],
        description=(resource.get("description") or {}).get("text", ""),
        importance=exts.required("importance"),
        weight=exts.value("weight", 1.0),
        scale=GasScale(levels),
        hopes=exts.value("hopes", ""),
        need_outcome=exts.value("need-outcome"),
        lifecycle_status=resource.get("lifecycleStatus", ""),
        start_on=parse_date(start, "Goal.startDate") if start else None,
        target_on=parse_date(due, "Goal.target.dueDate") if due else None,
    )


def care_plan_from(resource: Json, goals_by_fhir_id: dict[str, Goal]) -> CarePlan:
    """The plan version a FHIR CarePlan describes, with its goals looked up by FHIR id."""
    exts = Extensions(resource.get("extension"), "CarePlan.extension")
    identifiers = [
        i["value"] for i in resource.get("identifier", []) if i.get("system") == PLAN_SYSTEM
    ]
    if not identifiers:
        raise DomainValidationError("CarePlan.identifier", "needs the careweave plan id")
    goals = []
    for ref in resource.get("goal", []):
        fhir_id = reference_id(ref, "Goal", "CarePlan.goal")
        if fhir_id not in goals_by_fhir_id:
            raise DomainValidationError("CarePlan.goal", f"Goal/{fhir_id} is not in the bundle")
        goals.append(goals_by_fhir_id[fhir_id])
    return CarePlan(
        plan_id=identifiers[0],
        version=exts.required("version"),
        person_id=reference_id(resource.get("subject"), "Patient", "CarePlan.subject"),
        review_on=exts.value("review-on"),
        review_by=exts.value("review-by", ""),
        funding_source=exts.required("funding-source"),
        created_by=exts.required("created-by"),
        created_at=parse_datetime(resource.get("created"), "CarePlan.created"),
        summary=resource.get("description", ""),
        strengths=tuple(exts.values("strength")),
        goals=tuple(goals),
        actions=tuple(_action_from(a.get("detail") or {}) for a in resource.get("activity", [])),
        contingencies=tuple(
            Contingency(
                c.required("if-this-happens"), c.required("do-this"), c.value("contact", "")
            )
            for c in exts.complex("contingency")
        ),
        agreement=next((_agreement_from(a) for a in exts.complex("agreement")), None),
    )


def _action_from(detail: Json) -> Action:
    exts = Extensions(detail.get("extension"), "CarePlan.activity.detail.extension")
    return Action(
        id=exts.required("action-id"),
        what=detail.get("description", ""),
        who_kind=exts.required("who-kind"),
        who=(detail.get("performer") or [{}])[0].get("display", ""),
        when=detail.get("scheduledString", ""),
        status=detail.get("status", ""),
        goal_id=exts.value("goal-id"),
    )


def _agreement_from(a: Extensions) -> Agreement:
    return Agreement(
        agreed_by=a.required("agreed-by"),
        agreed_on=a.required("agreed-on"),
        has_capacity=a.required("has-capacity"),
        consent_given=a.required("consent-given"),
        representative_name=a.value("representative-name", ""),
        capacity_assessed_by=a.value("capacity-assessed-by", ""),
        best_interests_reason=a.value("best-interests-reason", ""),
    )
