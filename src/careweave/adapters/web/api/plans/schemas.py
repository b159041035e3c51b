"""Schemas of conversations, eligibility, care plans, goals, ratings, risks and reablement.

Enumerated values arrive as plain strings and are checked by the domain, so every bad value is
answered with the domain's message naming the field (e.g. ``rating.level``, ``barthel.bathing``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, Field

from careweave.adapters.web.api.common_schemas import Id, LongText, Name, Schema, ShortText
from careweave.domain.errors import DomainValidationError
from careweave.domain.plans.care_plan import Action, Agreement, CarePlan, Contingency, Goal
from careweave.domain.plans.conversations import AgreedAction, Conversation
from careweave.domain.plans.eligibility import Determination, EligibilityAssessment, OutcomeFinding
from careweave.domain.plans.gas import DEFAULT_LEVEL_MEANINGS, GasScale
from careweave.services.plans.plans import GoalProgress, PlanDraft, PlanView

Code = Annotated[str, Field(max_length=60)]


class ActionIn(Schema):
    """An action agreed in a conversation."""

    what: ShortText
    who: ShortText
    by_when: date | None = None


class ConversationIn(Schema):
    """A conversation record; ``topics`` by name (see the conversation kinds)."""

    kind: Code
    held_on: date
    agreed: LongText
    topics: dict[Code, LongText]
    actions: list[ActionIn] = Field(default_factory=list, max_length=50)
    review_on: date | None = None
    personal_budget_pence: int | None = None

    def to_domain(self, person_id: str, held_by: str) -> Conversation:
        """The domain conversation (which checks its own rules)."""
        return Conversation(
            person_id=person_id,
            kind=self.kind,  # type: ignore[arg-type]
            held_on=self.held_on,
            held_by=held_by,
            agreed=self.agreed,
            topics=dict(self.topics),
            actions=tuple(AgreedAction(a.what, a.who, a.by_when) for a in self.actions),
            review_on=self.review_on,
            personal_budget_pence=self.personal_budget_pence,
        )


class ConversationPublic(BaseModel):
    """A conversation as stored."""

    id: str
    number: int
    kind: str
    held_on: date
    held_by: str
    agreed: str
    topics: dict[str, str]
    actions: list[ActionIn]
    review_on: date | None
    personal_budget_pence: int | None

    @classmethod
    def of(cls, c: Conversation) -> ConversationPublic:
        """The public view of ``c``."""
        return cls(
            id=c.id,
            number=c.kind.number,
            kind=c.kind.value,
            held_on=c.held_on,
            held_by=c.held_by,
            agreed=c.agreed,
            topics=dict(c.topics),
            actions=[ActionIn(what=a.what, who=a.who, by_when=a.by_when) for a in c.actions],
            review_on=c.review_on,
            personal_budget_pence=c.personal_budget_pence,
        )


class FindingIn(Schema):
    """What was found for one outcome."""

    outcome: Code
    unable: bool
    reasons: list[Code] = Field(default_factory=list, max_length=4)
    notes: LongText = ""


class AssessmentIn(Schema):
    """An eligibility assessment; ``wellbeing`` maps each area considered to none/some/significant."""

    assessed_on: date
    arises_from_impairment_or_illness: bool
    impairment_notes: LongText = ""
    findings: list[FindingIn] = Field(max_length=10)
    wellbeing: dict[Code, Code] = Field(default_factory=dict)

    def to_domain(self, person_id: str, assessed_by: str) -> EligibilityAssessment:
        """The domain assessment."""
        return EligibilityAssessment(
            person_id=person_id,
            assessed_on=self.assessed_on,
            assessed_by=assessed_by,
            arises_from_impairment_or_illness=self.arises_from_impairment_or_illness,
            impairment_notes=self.impairment_notes,
            findings=tuple(
                OutcomeFinding(f.outcome, f.unable, frozenset(f.reasons), f.notes)  # type: ignore[arg-type]
                for f in self.findings
            ),
            wellbeing=tuple(self.wellbeing.items()),  # type: ignore[arg-type]
        )


class OverrideIn(Schema):
    """A professional judgement replacing the computed determination."""

    eligible: bool
    reason: LongText


class CriterionPublic(BaseModel):
    """One criterion of the determination and why it is (not) met."""

    key: str
    title: str
    met: bool
    reason: str


class DeterminationPublic(BaseModel):
    """The determination with its reasons, and the judgement that overrode it if any."""

    assessment_id: str
    eligible: bool
    computed_eligible: bool
    criteria: list[CriterionPublic]
    override_reason: str | None
    override_by: str | None

    @classmethod
    def of(cls, assessment_id: str, d: Determination) -> DeterminationPublic:
        """The public view of ``d``."""
        return cls(
            assessment_id=assessment_id,
            eligible=d.eligible,
            computed_eligible=d.computed_eligible,
            criteria=[
                CriterionPublic(key=c.key, title=c.title, met=c.met, reason=c.reason)
                for c in d.criteria
            ],
            override_reason=d.override.reason if d.override else None,
            override_by=d.override.made_by if d.override else None,
        )


class GoalIn(Schema):
    """A goal in the person's words; ``levels`` describe −2..+2 (keys "-2".."2")."""

    id: Id | None = None
    description: ShortText
    importance: int
    weight: float = 1.0
    hopes: LongText = ""
    need_outcome: Code | None = None
    lifecycle_status: Code = "active"
    levels: dict[str, ShortText] = Field(
        default_factory=lambda: {str(k): v for k, v in DEFAULT_LEVEL_MEANINGS.items()}
    )
    start_on: date | None = None
    target_on: date | None = None

    def to_domain(self) -> Goal:
        """The domain goal (a new id unless one is given)."""
        levels = {_level_key(k): v for k, v in self.levels.items()}
        extra = {"id": self.id} if self.id else {}
        return Goal(
            description=self.description,
            importance=self.importance,
            weight=self.weight,
            hopes=self.hopes,
            need_outcome=self.need_outcome,  # type: ignore[arg-type]
            lifecycle_status=self.lifecycle_status,  # type: ignore[arg-type]
            scale=GasScale(levels),
            start_on=self.start_on,
            target_on=self.target_on,
            **extra,
        )


def _level_key(key: str) -> int:
    try:
        return int(key)
    except ValueError:
        raise DomainValidationError(
            "goal.scale.level", f"{key!r} is not a level from -2 to +2"
        ) from None


class PlanActionIn(Schema):
    """An action: what, who (worker, circle member, community asset, technology, person), when."""

    what: ShortText
    who_kind: Code
    who: ShortText
    when: ShortText
    status: Code = "not-started"
    goal: int | None = Field(default=None, ge=0, le=19, description="Index of the goal in `goals`")


class ContingencyIn(Schema):
    """What to do if something goes wrong."""

    if_this_happens: LongText
    do_this: LongText
    contact: ShortText = ""


class AgreementIn(Schema):
    """How the plan was agreed, with capacity and consent (Mental Capacity Act)."""

    agreed_by: Code
    agreed_on: date
    has_capacity: bool
    consent_given: bool
    representative_name: Name = ""
    capacity_assessed_by: Name = ""
    best_interests_reason: LongText = ""


class PlanIn(Schema):
    """A care and support plan (a new plan, or the next version of one)."""

    review_on: date | None = None
    review_by: Name = ""
    funding_source: Code
    summary: LongText = ""
    strengths: list[ShortText] = Field(default_factory=list, max_length=30)
    goals: list[GoalIn] = Field(default_factory=list, max_length=20)
    actions: list[PlanActionIn] = Field(default_factory=list, max_length=100)
    contingencies: list[ContingencyIn] = Field(default_factory=list, max_length=20)
    agreement: AgreementIn | None = None

    def to_draft(self) -> PlanDraft:
        """The plan draft the service completes and checks."""
        goals = tuple(g.to_domain() for g in self.goals)
        actions = tuple(_action(a, goals) for a in self.actions)
        return PlanDraft(
            review_on=self.review_on,
            review_by=self.review_by,
            funding_source=self.funding_source,  # type: ignore[arg-type]
            summary=self.summary,
            strengths=tuple(self.strengths),
            goals=goals,
            actions=actions,
            contingencies=tuple(Contingency(**c.model_dump()) for c in self.contingencies),
            agreement=Agreement(**self.agreement.model_dump()) if self.agreement else None,
        )


def _action(a: PlanActionIn, goals: tuple[Goal, ...]) -> Action:
    if a.goal is not None and a.goal >= len(goals):
        raise DomainValidationError("action.goal", f"there is no goal number {a.goal}")
    goal_id = goals[a.goal].id if a.goal is not None else None
    who_kind: Any = a.who_kind  # checked by the domain, which names the field
    status: Any = a.status
    return Action(
        what=a.what, who_kind=who_kind, who=a.who, when=a.when, status=status, goal_id=goal_id
    )


class PlanRevisionIn(PlanIn):
    """The next version of a plan, based on the version the writer read."""

    based_on_version: int = Field(ge=1)


class RatingIn(Schema):
    """A GAS rating of a goal."""

    level: int
    rated_on: date
    note: LongText = ""


class RatingPublic(BaseModel):
    """A stored GAS rating."""

    id: str
    goal_id: str
    rated_on: date
    level: int
    rated_by: str
    note: str


class GoalPublic(BaseModel):
    """A goal with its scale, ratings and FHIR statuses."""

    id: str
    description: str
    importance: int
    weight: float
    hopes: str
    need_outcome: str | None
    lifecycle_status: str
    achievement_status: str
    levels: dict[str, str]
    ratings: list[RatingPublic]

    @classmethod
    def of(cls, p: GoalProgress) -> GoalPublic:
        """The public view of a goal with its progress."""
        g = p.goal
        return cls(
            id=g.id,
            description=g.description,
            importance=g.importance,
            weight=g.weight,
            hopes=g.hopes,
            need_outcome=g.need_outcome.value if g.need_outcome else None,
            lifecycle_status=g.lifecycle_status.value,
            achievement_status=p.achievement.value,
            levels={f"{k:+d}" if k else "0": v for k, v in g.scale.levels.items()},
            ratings=[
                RatingPublic(
                    id=r.id,
                    goal_id=r.goal_id,
                    rated_on=r.rated_on,
                    level=r.level,
                    rated_by=r.rated_by,
                    note=r.note,
                )
                for r in p.ratings
            ],
        )


class TScorePoint(BaseModel):
    """The plan's T-score on one day."""

    on: date
    t_score: float


class PlanPublic(BaseModel):
    """One version of a plan with goals, ratings and T-scores."""

    plan_id: str
    version: int
    versions: list[int]
    person_id: str
    created_at: datetime
    created_by: str
    review_on: date | None
    review_by: str
    funding_source: str
    summary: str
    strengths: list[str]
    agreed: bool
    goals: list[GoalPublic]
    actions: list[dict[str, str | None]]
    contingencies: list[dict[str, str]]
    t_scores: list[TScorePoint]
    current_t_score: float | None

    @classmethod
    def of(cls, view: PlanView) -> PlanPublic:
        """The public view of a plan version."""
        p: CarePlan = view.plan
        return cls(
            plan_id=p.plan_id,
            version=p.version,
            versions=list(view.versions),
            person_id=p.person_id,
            created_at=p.created_at,
            created_by=p.created_by,
            review_on=p.review_on,
            review_by=p.review_by,
            funding_source=p.funding_source.value,
            summary=p.summary,
            strengths=list(p.strengths),
            agreed=p.agreed,
            goals=[GoalPublic.of(g) for g in view.goals],
            actions=[
                {
                    "id": a.id,
                    "what": a.what,
                    "who_kind": a.who_kind.value,
                    "who": a.who,
                    "when": a.when,
                    "status": a.status.value,
                    "goal_id": a.goal_id,
                }
                for a in p.actions
            ],
            contingencies=[
                {"if_this_happens": c.if_this_happens, "do_this": c.do_this, "contact": c.contact}
                for c in p.contingencies
            ],
            t_scores=[TScorePoint(on=d, t_score=round(t, 2)) for d, t in view.t_scores],
            current_t_score=round(view.current_t_score, 2)
            if view.current_t_score is not None
            else None,
        )


class PlanSummary(BaseModel):
    """A plan in a list: its newest version."""

    plan_id: str
    version: int
    review_on: date | None
    agreed: bool
    goals: int
