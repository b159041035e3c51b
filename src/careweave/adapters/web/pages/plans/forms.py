"""Reading the plans area's HTML forms into domain objects; every bad value names its field."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import Any

from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import EligibilityOutcome
from careweave.domain.plans.care_plan import Action, Agreement, CarePlan, Contingency, Goal
from careweave.domain.plans.conversations import (
    REQUIRED_TOPICS,
    AgreedAction,
    Conversation,
    ConversationKind,
)
from careweave.domain.plans.eligibility import (
    EligibilityAssessment,
    OutcomeFinding,
    UnableReason,
    WellbeingArea,
)
from careweave.domain.plans.gas import GAS_LEVELS, GasScale
from careweave.domain.plans.risk import AtRisk, Risk
from careweave.domain.reablement.barthel import BarthelItem, BarthelScore
from careweave.domain.reablement.episodes import WeeklyReview
from careweave.domain.values import require_member
from careweave.services.plans.plans import PlanDraft

GOAL_SLOTS = 3
ACTION_SLOTS = 3
CONVERSATION_ACTION_SLOTS = 2
Form = Mapping[str, str]


def text(form: Form, name: str) -> str:
    """A form field's text, stripped ('' when absent)."""
    return str(form.get(name, "")).strip()


def day(form: Form, name: str, field: str, *, required: bool = True) -> date | None:
    """A YYYY-MM-DD form field as a date; raises naming ``field`` when it is not one."""
    value = text(form, name)
    if not value:
        if required:
            raise DomainValidationError(field, "enter a date")
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DomainValidationError(
            field, f"{value!r} is not a date (use the date picker)"
        ) from None


def whole(form: Form, name: str, field: str) -> int:
    """A whole number form field; raises naming ``field`` when it is not one."""
    value = text(form, name)
    try:
        return int(value)
    except ValueError:
        raise DomainValidationError(field, f"{value!r} is not a whole number") from None


def conversation_from(form: Form, person_id: str, held_by: str) -> Conversation:
    """The conversation the form records."""
    kind = require_member("conversation.kind", text(form, "kind"), ConversationKind)
    actions = tuple(
        AgreedAction(
            text(form, f"action-{i}-what"),
            text(form, f"action-{i}-who"),
            day(form, f"action-{i}-by", "action.by_when", required=False),
        )
        for i in range(CONVERSATION_ACTION_SLOTS)
        if text(form, f"action-{i}-what")
    )
    budget = text(form, "personal_budget")
    return Conversation(
        person_id=person_id,
        kind=kind,
        held_on=day(form, "held_on", "conversation.held_on"),  # type: ignore[arg-type]
        held_by=held_by,
        agreed=text(form, "agreed"),
        topics={name: text(form, name) for name in REQUIRED_TOPICS[kind]},
        actions=actions,
        review_on=day(form, "review_on", "conversation.review_on", required=False),
        personal_budget_pence=_pence(budget) if budget else None,
    )


def _pence(pounds: str) -> int:
    try:
        return round(float(pounds.replace("£", "").replace(",", "")) * 100)
    except ValueError:
        raise DomainValidationError(
            "conversation.personal_budget_pence", f"{pounds!r} is not an amount in pounds"
        ) from None


def draft_from(form: Form) -> PlanDraft:
    """The plan the form describes (blank goal and action rows are left out)."""
    goals = tuple(_goal(form, i) for i in range(GOAL_SLOTS) if text(form, f"goal-{i}-description"))
    actions = tuple(
        _action(form, i, goals) for i in range(ACTION_SLOTS) if text(form, f"action-{i}-what")
    )
    contingencies = tuple(
        Contingency(
            text(form, f"contingency-{i}-if"),
            text(form, f"contingency-{i}-do"),
            text(form, f"contingency-{i}-contact"),
        )
        for i in range(2)
        if text(form, f"contingency-{i}-if")
    )
    strengths = tuple(line.strip() for line in text(form, "strengths").splitlines() if line.strip())
    funding: Any = text(form, "funding_source")
    return PlanDraft(
        review_on=day(form, "review_on", "plan.review_on", required=False),
        review_by=text(form, "review_by"),
        funding_source=funding,
        summary=text(form, "summary"),
        strengths=strengths,
        goals=goals,
        actions=actions,
        contingencies=contingencies,
        agreement=agreement_from(form),
    )


def _goal(form: Form, i: int) -> Goal:
    levels = {level: text(form, f"goal-{i}-level-{level}") for level in GAS_LEVELS}
    weight = text(form, f"goal-{i}-weight") or "1"
    try:
        weight_value = float(weight)
    except ValueError:
        raise DomainValidationError("goal.weight", f"{weight!r} is not a number") from None
    return Goal(
        description=text(form, f"goal-{i}-description"),
        hopes=text(form, f"goal-{i}-hopes"),
        importance=whole(form, f"goal-{i}-importance", "goal.importance"),
        weight=weight_value,
        scale=GasScale(levels),
    )


def _action(form: Form, i: int, goals: tuple[Goal, ...]) -> Action:
    goal = text(form, f"action-{i}-goal")
    goal_id = None
    if goal:
        index = whole(form, f"action-{i}-goal", "action.goal")
        if not 0 <= index < len(goals):
            raise DomainValidationError("action.goal", "choose one of the goals above")
        goal_id = goals[index].id
    who_kind: Any = text(form, f"action-{i}-who_kind")
    return Action(
        what=text(form, f"action-{i}-what"),
        who_kind=who_kind,
        who=text(form, f"action-{i}-who"),
        when=text(form, f"action-{i}-when"),
        goal_id=goal_id,
    )


def agreement_from(form: Form) -> Agreement | None:
    """The agreement the form records (None unless ``agreed`` is "yes")."""
    if text(form, "agreed") != "yes":
        return None
    agreed_by: Any = text(form, "agreed_by")
    return Agreement(
        agreed_by=agreed_by,
        agreed_on=day(form, "agreed_on", "agreement.agreed_on"),  # type: ignore[arg-type]
        has_capacity=text(form, "has_capacity") != "no",
        consent_given=text(form, "consent_given") == "yes",
        representative_name=text(form, "representative_name"),
        capacity_assessed_by=text(form, "capacity_assessed_by"),
        best_interests_reason=text(form, "best_interests_reason"),
    )


def assessment_from(form: Form, person_id: str, assessed_by: str) -> EligibilityAssessment:
    """The eligibility assessment the form records (one row per outcome, one per well-being area)."""
    findings = []
    for outcome in EligibilityOutcome:
        reasons = frozenset(
            r
            for r in UnableReason
            if text(form, f"outcome-{outcome.value}-reason-{r.value}") == "yes"
        )
        unable = text(form, f"outcome-{outcome.value}-unable") == "yes"
        if unable or reasons:
            findings.append(
                OutcomeFinding(
                    outcome, unable, reasons, text(form, f"outcome-{outcome.value}-notes")
                )
            )
    wellbeing: Any = tuple(
        (area, text(form, f"wellbeing-{area.value}") or "none") for area in WellbeingArea
    )
    return EligibilityAssessment(
        person_id=person_id,
        assessed_on=day(form, "assessed_on", "assessment.assessed_on"),  # type: ignore[arg-type]
        assessed_by=assessed_by,
        arises_from_impairment_or_illness=text(form, "impairment") == "yes",
        impairment_notes=text(form, "impairment_notes"),
        findings=tuple(findings),
        wellbeing=wellbeing,
    )


def barthel_from(form: Form, prefix: str) -> BarthelScore | None:
    """The Barthel scores of the form (None when no item was scored)."""
    values = {item.value: text(form, f"{prefix}-{item.value}") for item in BarthelItem}
    if not any(values.values()):
        return None
    scores: Any = {item: whole(form, f"{prefix}-{item}", f"barthel.{item}") for item in values}
    return BarthelScore(scores)


def review_from(form: Form) -> WeeklyReview:
    """The weekly review the form records (attendees separated by commas)."""
    attendees = tuple(a.strip() for a in text(form, "attendees").split(",") if a.strip())
    held_on = day(form, "held_on", "review.held_on")
    assert held_on is not None  # required
    return WeeklyReview(held_on, attendees, text(form, "summary"), text(form, "decisions"))


def risk_from(form: Form, person_id: str, plan_id: str, agreed_by: str) -> Risk:
    """The risk and the positive risk-taking decision the form records."""
    at_risk: Any = frozenset(a for a in AtRisk if text(form, f"at_risk-{a.value}") == "yes")
    decision: Any = text(form, "decision")
    return Risk(
        person_id=person_id,
        plan_id=plan_id,
        description=text(form, "description"),
        at_risk=at_risk,
        likelihood=whole(form, "likelihood", "risk.likelihood"),  # type: ignore[arg-type]
        impact=whole(form, "impact", "risk.impact"),  # type: ignore[arg-type]
        persons_view=text(form, "persons_view"),
        decision=decision,
        decision_reason=text(form, "decision_reason"),
        agreed_by=agreed_by,
        agreed_on=day(form, "agreed_on", "risk.agreed_on"),  # type: ignore[arg-type]
        safeguards=text(form, "safeguards"),
        review_on=day(form, "review_on", "risk.review_on", required=False),
    )


def revision_from(form: Form, plan: CarePlan) -> PlanDraft:
    """The plan as it was with the review and the goals' statuses changed as the form says."""
    goals = tuple(_with_status(g, text(form, f"status-{g.id}")) for g in plan.goals)
    funding: Any = plan.funding_source
    return PlanDraft(
        review_on=day(form, "review_on", "plan.review_on", required=False),
        review_by=text(form, "review_by"),
        funding_source=funding,
        summary=plan.summary,
        strengths=plan.strengths,
        goals=goals,
        actions=plan.actions,
        contingencies=plan.contingencies,
        agreement=plan.agreement,
    )


def _with_status(goal: Goal, status: str) -> Goal:
    """``goal`` with the lifecycle status chosen on the form (checked by the domain)."""
    chosen: Any = status or goal.lifecycle_status
    return dataclasses.replace(goal, lifecycle_status=chosen)
