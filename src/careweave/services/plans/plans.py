"""Care and support plans: create, revise (a new version each time), read with goals, GAS
ratings and T-scores, rate goals, and record risks. Every read and write is audited."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import ConflictError, DomainValidationError
from careweave.domain.people.person import Person
from careweave.domain.plans.care_plan import (
    Action,
    Agreement,
    CarePlan,
    Contingency,
    FundingSource,
    Goal,
)
from careweave.domain.plans.gas import (
    GasRating,
    GoalAchievementStatus,
    achievement_from_ratings,
    t_score_series,
)
from careweave.domain.plans.risk import Risk
from careweave.services.accounts.access import Actor
from careweave.services.accounts.audit import AuditTrail
from careweave.services.plans.access import check_can_plan, check_can_rate, check_can_read_plan
from careweave.services.plans.unit_of_work import PlansUnitOfWork

KIND = "care_plan"


@dataclass(frozen=True, slots=True)
class PlanDraft:
    """What a practitioner writes in a plan; the service adds who, when, the id and the version."""

    review_on: date | None
    review_by: str
    funding_source: FundingSource
    strengths: tuple[str, ...] = ()
    goals: tuple[Goal, ...] = ()
    actions: tuple[Action, ...] = ()
    contingencies: tuple[Contingency, ...] = ()
    agreement: Agreement | None = None
    summary: str = ""


@dataclass(frozen=True, slots=True)
class GoalProgress:
    """A goal with its ratings and the FHIR achievement status they show."""

    goal: Goal
    ratings: tuple[GasRating, ...]
    achievement: GoalAchievementStatus

    @property
    def latest_level(self) -> int | None:
        """The most recent GAS level (None before the first rating)."""
        return self.ratings[-1].level if self.ratings else None


@dataclass(frozen=True, slots=True)
class PlanView:
    """One version of a plan as the plan page shows it."""

    person: Person
    plan: CarePlan
    versions: tuple[int, ...]
    goals: tuple[GoalProgress, ...]
    t_scores: tuple[tuple[date, float], ...]
    risks: tuple[Risk, ...] = field(default=())

    @property
    def is_latest(self) -> bool:
        """Whether this is the plan's newest version."""
        return self.plan.version == max(self.versions)

    @property
    def current_t_score(self) -> float | None:
        """The latest T-score (None before any goal is rated)."""
        return self.t_scores[-1][1] if self.t_scores else None


class PlanService:
    """Use cases of care and support plans; each checks access, audits and owns its transaction."""

    def __init__(self, uow_factory: Callable[[], PlansUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def plans_of(self, actor: Actor, person_id: str) -> list[CarePlan]:
        """The newest version of each of the person's plans."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_read_plan(actor, person)
            plans = list(uow.plans.list_for_person(person_id))
            self._audit.record(
                uow,
                actor,
                AuditAction.LIST,
                KIND,
                person_id,
                team_id=person.team_id,
                detail="plans of a person",
            )
            uow.commit()
        return plans

    def create(self, actor: Actor, person_id: str, draft: PlanDraft) -> CarePlan:
        """Make a new plan (version 1) for the person."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_plan(actor, person)
            plan = CarePlan(
                person_id=person_id,
                created_by=actor.display_name,
                created_at=self._clock.now(),
                **_fields(draft),
            )
            uow.plans.add_version(plan)
            self._audit.record(
                uow, actor, AuditAction.CREATE, KIND, plan.plan_id, team_id=person.team_id
            )
            uow.commit()
        return plan

    def open_for_change(self, actor: Actor, plan_id: str, version: int | None = None) -> CarePlan:
        """A version of the plan (the newest by default) for someone who may change it; refused
        (403/404) for anyone else before they see or send a form."""
        with self._uow_factory() as uow:
            plan = uow.plans.get(plan_id, version)
            person = uow.people.get(plan.person_id)
            check_can_plan(actor, person)
            self._audit.record(
                uow,
                actor,
                AuditAction.READ,
                KIND,
                plan_id,
                team_id=person.team_id,
                detail=f"version {plan.version} to change it",
            )
            uow.commit()
        return plan

    def revise(
        self, actor: Actor, plan_id: str, based_on_version: int, draft: PlanDraft
    ) -> CarePlan:
        """Save a change as the next version; the version it was based on must still be newest."""
        with self._uow_factory() as uow:
            current = uow.plans.get(plan_id)
            person = uow.people.get(current.person_id)
            check_can_plan(actor, person)
            if current.version != based_on_version:
                raise ConflictError(
                    f"the plan has changed since version {based_on_version} (it is now at version "
                    f"{current.version}); open it again",
                    field="based_on_version",
                )
            plan = current.revise(
                changed_by=actor.display_name, changed_at=self._clock.now(), **_fields(draft)
            )
            uow.plans.add_version(plan)
            self._audit.record(
                uow,
                actor,
                AuditAction.UPDATE,
                KIND,
                plan_id,
                team_id=person.team_id,
                detail=f"version {plan.version}",
            )
            uow.commit()
        return plan

    def view(self, actor: Actor, plan_id: str, version: int | None = None) -> PlanView:
        """A version of the plan (the newest by default) with goals, ratings and T-scores."""
        with self._uow_factory() as uow:
            plan = uow.plans.get(plan_id, version)
            person = uow.people.get(plan.person_id)
            check_can_read_plan(actor, person)
            versions = tuple(p.version for p in uow.plans.versions(plan_id))
            ratings = uow.ratings.list_for_person(person.id)
            risks = tuple(r for r in uow.risks.list_for_person(person.id) if r.plan_id == plan_id)
            self._audit.record(
                uow,
                actor,
                AuditAction.READ,
                KIND,
                plan_id,
                team_id=person.team_id,
                detail=f"version {plan.version}",
            )
            uow.commit()
        return build_view(person, plan, versions, ratings, risks)

    def rate_goal(
        self, actor: Actor, goal_id: str, level: int, rated_on: date, note: str = ""
    ) -> GasRating:
        """Record a GAS rating of a goal in the newest version of its plan."""
        with self._uow_factory() as uow:
            plan = uow.plans.plan_of_goal(goal_id)
            person = uow.people.get(plan.person_id)
            check_can_rate(actor, person)
            rating = GasRating(
                goal_id=goal_id,
                rated_on=rated_on,
                level=level,
                rated_by=actor.display_name,
                note=note,
            )
            goal = plan.goal(goal_id) if goal_id in {g.id for g in plan.goals} else None
            if goal is None:
                raise DomainValidationError("goal_id", "this goal is no longer in the plan")
            goal.check_can_be_rated()
            if rated_on > self._clock.today():
                raise DomainValidationError("rating.rated_on", "must not be in the future")
            uow.ratings.add_for_person(person.id, [rating])
            self._audit.record(
                uow, actor, AuditAction.CREATE, "gas_rating", rating.id, team_id=person.team_id
            )
            uow.commit()
        return rating

    def add_risk(self, actor: Actor, risk: Risk) -> Risk:
        """Record a risk and the decision agreed, on one of the person's plans."""
        with self._uow_factory() as uow:
            plan = uow.plans.get(risk.plan_id)
            if plan.person_id != risk.person_id:
                raise DomainValidationError("risk.plan_id", "is a plan of someone else")
            person = uow.people.get(risk.person_id)
            check_can_plan(actor, person)
            uow.risks.add(risk)
            self._audit.record(
                uow, actor, AuditAction.CREATE, "risk", risk.id, team_id=person.team_id
            )
            uow.commit()
        return risk


def _fields(draft: PlanDraft) -> dict[str, Any]:
    return {f.name: getattr(draft, f.name) for f in dataclasses.fields(draft)}


def build_view(
    person: Person,
    plan: CarePlan,
    versions: Sequence[int],
    ratings: Sequence[GasRating],
    risks: Sequence[Risk] = (),
) -> PlanView:
    """The plan page's view of ``plan`` from the person's ratings."""
    progress = tuple(
        GoalProgress(
            goal=g,
            ratings=tuple(
                sorted((r for r in ratings if r.goal_id == g.id), key=lambda r: (r.rated_on, r.id))
            ),
            achievement=achievement_from_ratings(
                [r for r in ratings if r.goal_id == g.id], ended=g.has_ended
            ),
        )
        for g in plan.goals
    )
    series = t_score_series(plan.goal_weights(), ratings)
    return PlanView(
        person=person,
        plan=plan,
        versions=tuple(versions),
        goals=progress,
        t_scores=tuple(series),
        risks=tuple(risks),
    )
