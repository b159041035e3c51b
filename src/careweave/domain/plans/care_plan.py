"""The care and support plan, shaped on the PRSB Personalised Care and Support Plan standard.

A plan holds the person's strengths, their needs with goals and hopes in their own words, the
actions that will get them there (who, what, when), a contingency plan, how it was agreed (consent
and capacity under the Mental Capacity Act 2005), the funding source and when it will be reviewed
and by whom. Plans are versioned: every change makes a new :class:`CarePlan` with the next
version number, and earlier versions stay as they were. Goals keep their id from version to
version so their GAS ratings follow them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import EligibilityOutcome
from careweave.domain.plans.gas import (
    GasScale,
    GoalLifecycleStatus,
    check_lifecycle_change,
    require_weight,
)
from careweave.domain.plans.medicines import PlanMedicine
from careweave.domain.values import new_id, require_member, require_range, require_text

MAX_GOALS = 20
MAX_ACTIONS = 100
# Care and Support Statutory Guidance 13.32: a first, light-touch review 6 to 8 weeks after the
# plan is agreed; a new plan is offered the later end, which the practitioner may bring forward.
FIRST_REVIEW_AFTER = timedelta(weeks=8)


def first_review_on(agreed_on: date) -> date:
    """The review date a new plan is offered: :data:`FIRST_REVIEW_AFTER` after it is agreed.

    Parameters
    ----------
    agreed_on
        The day the plan is (or will be) agreed.

    Returns
    -------
    date
        The suggested first review date.
    """
    return agreed_on + FIRST_REVIEW_AFTER


class ActorKind(StrEnum):
    """Who carries out an action in the plan."""

    WORKER = "worker"
    CIRCLE_MEMBER = "circle_member"
    COMMUNITY_ASSET = "community_asset"
    TECHNOLOGY = "technology"
    PERSON = "person"


class ActionStatus(StrEnum):
    """Where an action is (mapped to FHIR CarePlan.activity.detail.status on export)."""

    NOT_STARTED = "not-started"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in-progress"
    ON_HOLD = "on-hold"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    STOPPED = "stopped"


class FundingSource(StrEnum):
    """Who pays for the support in the plan."""

    LOCAL_AUTHORITY = "local_authority"
    DIRECT_PAYMENT = "direct_payment"
    INDIVIDUAL_SERVICE_FUND = "individual_service_fund"
    NHS_CONTINUING_HEALTHCARE = "nhs_continuing_healthcare"
    JOINT_HEALTH_AND_SOCIAL_CARE = "joint_health_and_social_care"
    SELF_FUNDED = "self_funded"
    FREE_REABLEMENT = "free_reablement"
    NO_PAID_SUPPORT = "no_paid_support"


class AgreedBy(StrEnum):
    """Who agreed the plan."""

    PERSON = "person"
    REPRESENTATIVE = "representative"


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal in the person's words, how much it matters and how it will be scored (GAS)."""

    description: str
    importance: int
    scale: GasScale
    weight: float = 1.0
    hopes: str = ""
    need_outcome: EligibilityOutcome | None = None
    lifecycle_status: GoalLifecycleStatus = GoalLifecycleStatus.ACTIVE
    start_on: date | None = None
    target_on: date | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _set(
            self, "description", require_text("goal.description", self.description, max_length=500)
        )
        _set(
            self, "hopes", require_text("goal.hopes", self.hopes, max_length=2000, allow_empty=True)
        )
        if isinstance(self.importance, bool) or not isinstance(self.importance, int):
            raise DomainValidationError("goal.importance", "must be a whole number from 1 to 10")
        require_range("goal.importance", self.importance, 1, 10)
        _set(self, "weight", require_weight("goal.weight", self.weight))
        if not isinstance(self.scale, GasScale):
            raise DomainValidationError("goal.scale", "must describe the five GAS levels")
        if self.need_outcome is not None:
            _set(
                self,
                "need_outcome",
                require_member("goal.need_outcome", self.need_outcome, EligibilityOutcome),
            )
        _set(
            self,
            "lifecycle_status",
            require_member("goal.lifecycle_status", self.lifecycle_status, GoalLifecycleStatus),
        )
        if self.start_on and self.target_on and self.target_on < self.start_on:
            raise DomainValidationError("goal.target_on", "must not be before the start date")

    @property
    def can_be_rated(self) -> bool:
        """Whether the goal may get a GAS rating (and counts towards the T-score): not withdrawn."""
        return not self.lifecycle_status.is_withdrawn

    @property
    def has_ended(self) -> bool:
        """Whether the goal is no longer worked towards (completed or withdrawn)."""
        return self.lifecycle_status.has_ended

    def check_can_be_rated(self) -> None:
        """Raise if the goal may not be rated (see :attr:`can_be_rated`)."""
        if not self.can_be_rated:
            raise DomainValidationError(
                "goal_id", f"a goal that is {self.lifecycle_status.value} cannot be rated"
            )


@dataclass(frozen=True, slots=True)
class Action:
    """Something that will be done towards the goals: what, who (and what kind of who), when."""

    what: str
    who_kind: ActorKind
    who: str
    when: str
    status: ActionStatus = ActionStatus.NOT_STARTED
    goal_id: str | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _set(self, "what", require_text("action.what", self.what, max_length=500))
        _set(self, "who_kind", require_member("action.who_kind", self.who_kind, ActorKind))
        _set(self, "who", require_text("action.who", self.who, max_length=200))
        _set(self, "when", require_text("action.when", self.when, max_length=200))
        _set(self, "status", require_member("action.status", self.status, ActionStatus))


@dataclass(frozen=True, slots=True)
class Contingency:
    """What to do if things go wrong, and who to call."""

    if_this_happens: str
    do_this: str
    contact: str = ""

    def __post_init__(self) -> None:
        _set(
            self,
            "if_this_happens",
            require_text("contingency.if_this_happens", self.if_this_happens, max_length=1000),
        )
        _set(self, "do_this", require_text("contingency.do_this", self.do_this, max_length=2000))
        _set(
            self,
            "contact",
            require_text("contingency.contact", self.contact, max_length=200, allow_empty=True),
        )


@dataclass(frozen=True, slots=True)
class Agreement:
    """How the plan was agreed, with capacity and consent recorded under the Mental Capacity Act.

    When the person lacks capacity to agree the plan, a representative agrees it and the record
    must say why the plan is in the person's best interests (MCA 2005 s.4).
    """

    agreed_by: AgreedBy
    agreed_on: date
    has_capacity: bool
    consent_given: bool
    representative_name: str = ""
    capacity_assessed_by: str = ""
    best_interests_reason: str = ""

    def __post_init__(self) -> None:
        _set(self, "agreed_by", require_member("agreement.agreed_by", self.agreed_by, AgreedBy))
        if not isinstance(self.agreed_on, date):
            raise DomainValidationError("agreement.agreed_on", "must be a date")
        for name, limit in (
            ("representative_name", 120),
            ("capacity_assessed_by", 120),
            ("best_interests_reason", 4000),
        ):
            _set(
                self,
                name,
                require_text(
                    f"agreement.{name}", getattr(self, name), max_length=limit, allow_empty=True
                ),
            )
        if self.by_representative and not self.representative_name:
            raise DomainValidationError(
                "agreement.representative_name", "name the representative who agreed the plan"
            )
        if not self.has_capacity:
            if not self.by_representative:
                raise DomainValidationError(
                    "agreement.agreed_by",
                    "a person who lacks capacity for this decision cannot agree it alone; record the representative",
                )
            if not self.capacity_assessed_by:
                raise DomainValidationError(
                    "agreement.capacity_assessed_by", "record who assessed capacity"
                )
            if not self.best_interests_reason:
                raise DomainValidationError(
                    "agreement.best_interests_reason",
                    "record why the plan is in the person's best interests",
                )
        elif not self.consent_given:
            raise DomainValidationError(
                "agreement.consent_given",
                "a person with capacity must consent to the plan for it to be agreed",
            )

    @property
    def by_representative(self) -> bool:
        """Whether a representative agreed the plan for the person (rather than the person)."""
        return self.agreed_by is AgreedBy.REPRESENTATIVE


@dataclass(frozen=True, slots=True)
class CarePlan:
    """One version of a person's care and support plan.

    Parameters
    ----------
    plan_id
        The plan's identity, the same for every version.
    version
        1 for the first version, one more for each change.
    review_on, review_by
        When the plan will be reviewed and who is responsible; both are required.
    medicines
        The medicines the team helps with, and when (a visit's list to tick comes from these).
    """

    person_id: str
    review_on: date | None
    review_by: str
    funding_source: FundingSource
    created_by: str
    created_at: datetime
    strengths: tuple[str, ...] = ()
    goals: tuple[Goal, ...] = ()
    actions: tuple[Action, ...] = ()
    contingencies: tuple[Contingency, ...] = ()
    agreement: Agreement | None = None
    summary: str = ""
    medicines: tuple[PlanMedicine, ...] = ()
    plan_id: str = field(default_factory=new_id)
    version: int = 1

    def __post_init__(self) -> None:
        if self.review_on is None:
            raise DomainValidationError("plan.review_on", "a plan must have a review date")
        if not isinstance(self.review_on, date):
            raise DomainValidationError("plan.review_on", "must be a date")
        _set(self, "review_by", require_text("plan.review_by", self.review_by, max_length=120))
        _set(
            self,
            "funding_source",
            require_member("plan.funding_source", self.funding_source, FundingSource),
        )
        _set(self, "created_by", require_text("plan.created_by", self.created_by, max_length=120))
        _set(
            self,
            "summary",
            require_text("plan.summary", self.summary, max_length=4000, allow_empty=True),
        )
        _set(
            self,
            "strengths",
            tuple(require_text("plan.strengths", s, max_length=500) for s in self.strengths),
        )
        if self.version < 1:
            raise DomainValidationError("plan.version", "must be 1 or more")
        if self.agreement is not None and self.review_on < self.agreement.agreed_on:
            raise DomainValidationError(
                "plan.review_on", "must not be before the day the plan was agreed"
            )
        self._check_parts()

    def _check_parts(self) -> None:
        if len(self.goals) > MAX_GOALS:
            raise DomainValidationError("plan.goals", f"at most {MAX_GOALS} goals")
        if len(self.actions) > MAX_ACTIONS:
            raise DomainValidationError("plan.actions", f"at most {MAX_ACTIONS} actions")
        goal_ids = [g.id for g in self.goals]
        if len(set(goal_ids)) != len(goal_ids):
            raise DomainValidationError("plan.goals", "two goals have the same id")
        names = [m.item.casefold() for m in self.medicines]
        if len(set(names)) != len(names):
            raise DomainValidationError("plan.medicines", "lists the same medicine twice")
        for action in self.actions:
            if action.goal_id is not None and action.goal_id not in goal_ids:
                raise DomainValidationError(
                    "action.goal_id", f"no goal {action.goal_id!r} in this plan"
                )

    @property
    def agreed(self) -> bool:
        """Whether the plan has been agreed with the person or their representative."""
        return self.agreement is not None

    def goal(self, goal_id: str) -> Goal:
        """The goal with ``goal_id`` in this version."""
        for goal in self.goals:
            if goal.id == goal_id:
                return goal
        raise DomainValidationError("goal_id", f"no goal {goal_id!r} in this plan")

    def revise(self, *, changed_by: str, changed_at: datetime, **changes: Any) -> CarePlan:
        """The next version of this plan with ``changes`` applied; this version is unchanged.

        Goals that stay in the plan may only change lifecycle status along the FHIR transitions.
        """
        forbidden = {"plan_id", "version", "person_id", "created_by", "created_at"} & changes.keys()
        if forbidden:
            raise DomainValidationError(
                f"plan.{sorted(forbidden)[0]}", "cannot be changed by a revision"
            )
        new = dataclasses.replace(
            self, version=self.version + 1, created_by=changed_by, created_at=changed_at, **changes
        )
        old_goals = {g.id: g for g in self.goals}
        for goal in new.goals:
            if goal.id in old_goals:
                check_lifecycle_change(old_goals[goal.id].lifecycle_status, goal.lifecycle_status)
        return new

    def goal_weights(self) -> dict[str, float]:
        """Weight of every goal that counts towards the T-score: those that may be rated."""
        return {g.id: g.weight for g in self.goals if g.can_be_rated}


def latest_version(versions: Sequence[CarePlan]) -> CarePlan:
    """The newest of a plan's versions."""
    if not versions:
        raise DomainValidationError("plan", "has no versions")
    return max(versions, key=lambda p: p.version)


def _set(obj: object, name: str, value: object) -> None:
    """Assign to a frozen dataclass while validating in ``__post_init__``."""
    object.__setattr__(obj, name, value)
