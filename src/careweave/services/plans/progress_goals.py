"""Progress notes against goals: which goals a worker may write about, and the notes under a goal.

A worker on a visit writes progress towards one of the person's *current* goals: the open goals
(not completed, cancelled, rejected or entered in error) of the person's latest agreed care and
support plan, in the person's words. A note naming any other goal is refused with a clear
message. The plan page shows the newest notes under each goal. Every read is audited.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import DomainValidationError
from careweave.domain.plans.care_plan import CarePlan, Goal
from careweave.domain.visits.recording import GoalNote, ProgressNote
from careweave.services.accounts.access import Actor, check_can_see_visit
from careweave.services.accounts.audit import AuditTrail
from careweave.services.plans.access import check_can_read_plan
from careweave.services.plans.ports import CarePlanRepository
from careweave.services.plans.unit_of_work import PlansUnitOfWork

NOTES_PER_GOAL = 5
GOAL_FIELD = "progress_note.goal_id"


@dataclass(frozen=True, slots=True)
class CurrentGoals:
    """The person's latest agreed plan (``None`` when they have none) and its open goals."""

    plan: CarePlan | None
    goals: tuple[Goal, ...] = ()


def current_goals(plans: Sequence[CarePlan]) -> CurrentGoals:
    """The open goals of the latest agreed plan among ``plans`` (the newest version of each).

    "Latest" is the plan agreed most recently; a plan not yet agreed with the person is not
    worked to, so its goals are not offered.
    """
    agreed = [(p.agreement.agreed_on, p.created_at, p) for p in plans if p.agreement is not None]
    if not agreed:
        return CurrentGoals(None)
    latest = max(agreed, key=lambda found: found[:2])[2]
    return CurrentGoals(latest, tuple(g for g in latest.goals if not g.has_ended))


def check_progress_goal(progress: ProgressNote | None, current: CurrentGoals) -> None:
    """Raise DomainValidationError (field ``progress_note.goal_id``) unless ``progress`` is about
    one of the person's current goals; nothing to check without a note."""
    if progress is None:
        return
    if current.plan is None:
        raise DomainValidationError(
            GOAL_FIELD,
            "this person has no agreed plan yet, so there is no goal to note progress on",
        )
    if progress.goal_id not in {g.id for g in current.goals}:
        raise DomainValidationError(
            GOAL_FIELD, "choose one of the goals in the person's current plan"
        )


def read_current_goals(plans: CarePlanRepository, person_id: str) -> CurrentGoals:
    """The person's current goals among ``plans``, inside the caller's transaction (the caller
    checks access)."""
    return current_goals(plans.list_for_person(person_id))


class ProgressNoteService:
    """Which goals a visit may note progress on, and the notes under a plan's goals; each use case
    checks access, audits and owns its transaction."""

    def __init__(self, uow_factory: Callable[[], PlansUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._audit = AuditTrail(clock)

    def goals_for_visit(self, actor: Actor, visit_id: str) -> CurrentGoals:
        """The goals a progress note on ``visit_id`` may be about, for those who may see the visit."""
        with self._uow_factory() as uow:
            visit = uow.visits.get(visit_id)
            person = uow.people.get(visit.person_id)
            check_can_see_visit(actor, visit, person)
            current = read_current_goals(uow.plans, person.id)
            self._audit.record(
                uow,
                actor,
                AuditAction.READ,
                "care_plan",
                current.plan.plan_id if current.plan else "",
                team_id=person.team_id,
                detail="goals to note progress on during a visit",
            )
            uow.commit()
        return current

    def notes_by_goal(
        self, actor: Actor, plan_id: str, *, per_goal: int = NOTES_PER_GOAL
    ) -> dict[str, tuple[GoalNote, ...]]:
        """The newest ``per_goal`` notes from visits under each goal of the plan, newest first."""
        with self._uow_factory() as uow:
            plan = uow.plans.get(plan_id)
            person = uow.people.get(plan.person_id)
            check_can_read_plan(actor, person)
            goal_ids = [g.id for g in plan.goals]
            found = uow.visit_records.goal_notes(person.id, goal_ids, per_goal) if goal_ids else []
            self._audit.record(
                uow,
                actor,
                AuditAction.LIST,
                "progress_note",
                plan_id,
                team_id=person.team_id,
                detail="notes from visits on a plan's goals",
            )
            uow.commit()
        notes: dict[str, list[GoalNote]] = {}
        for note in found:
            notes.setdefault(note.goal_id, []).append(note)
        return {goal_id: tuple(items) for goal_id, items in notes.items()}
