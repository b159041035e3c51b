"""Care and support plans on the in-memory fakes: who may make, change, read and rate them,
versioning, the GAS rules for goals that ended, and the audit entry of each use case."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from tests.integration.storage_builders import a_goal
from tests.unit.services.neighbourhood import DAY, NOW
from tests.unit.services.plans.conftest import a_draft

from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import (
    ConflictError,
    DomainValidationError,
    NotFoundError,
    PermissionDeniedError,
)
from careweave.domain.plans.gas import GoalAchievementStatus, GoalLifecycleStatus
from careweave.domain.plans.risk import AtRisk, Risk, RiskDecision


def _entries(trail, kind="care_plan"):
    return [(e.username, e.action, e.detail) for e in trail() if e.record_kind == kind]


def _with_status(goal, status):
    return dataclasses.replace(goal, lifecycle_status=status)


def test_a_practitioner_makes_version_1_of_a_plan(plan_service, town, pat, audit_trail):
    plan = plan_service.create(pat, town.person_a.id, a_draft())
    assert (plan.version, plan.created_by, plan.created_at) == (1, "Pat Poplar", NOW)
    assert plan_service.plans_of(pat, town.person_a.id) == [plan]
    assert _entries(audit_trail) == [
        ("pat", AuditAction.CREATE, ""),
        ("pat", AuditAction.LIST, "plans of a person"),
    ]


@pytest.mark.parametrize("persona", ["alice", "root"], indirect=True)
def test_her_team_coordinator_or_an_admin_also_plans(plan_service, town, persona):
    assert plan_service.create(persona, town.person_a.id, a_draft()).version == 1


@pytest.mark.parametrize(
    ("persona", "error"),
    [
        ("bob", PermissionDeniedError),
        ("dora", PermissionDeniedError),
        ("charlie", NotFoundError),
        ("edna", NotFoundError),
    ],
    indirect=["persona"],
)
def test_nobody_else_makes_a_plan(plan_service, town, persona, error, nothing_written):
    with nothing_written(), pytest.raises(error):
        plan_service.create(persona, town.person_a.id, a_draft())


def test_a_plan_without_a_review_date_is_refused(plan_service, town, pat, nothing_written):
    with nothing_written(), pytest.raises(DomainValidationError) as refused:
        plan_service.create(pat, town.person_a.id, a_draft(review_on=None))
    assert refused.value.field == "plan.review_on"


def test_each_change_is_a_new_version_and_the_old_stays_readable(
    plan_service, plan, pat, audit_trail
):
    later = date(2026, 7, 1)
    second = plan_service.revise(pat, plan.plan_id, 1, a_draft(goals=plan.goals, review_on=later))
    assert (second.plan_id, second.version, second.review_on) == (plan.plan_id, 2, later)
    old = plan_service.view(pat, plan.plan_id, 1)
    assert (old.plan, old.versions, old.is_latest) == (plan, (1, 2), False)
    assert plan_service.view(pat, plan.plan_id).plan == second
    assert ("pat", AuditAction.UPDATE, "version 2") in _entries(audit_trail)


def test_a_change_made_on_an_old_version_is_a_conflict(
    plan_service, plan, pat, alice, nothing_written
):
    plan_service.revise(alice, plan.plan_id, 1, a_draft(goals=plan.goals))
    with nothing_written(), pytest.raises(ConflictError) as conflict:
        plan_service.revise(pat, plan.plan_id, 1, a_draft(summary="Mine"))
    assert conflict.value.field == "based_on_version"


def test_a_cancelled_goal_cannot_become_active_again(plan_service, plan, pat, nothing_written):
    walk, friends = plan.goals
    cancelled = (_with_status(walk, GoalLifecycleStatus.CANCELLED), friends)
    plan_service.revise(pat, plan.plan_id, 1, a_draft(goals=cancelled))
    with nothing_written(), pytest.raises(DomainValidationError) as refused:
        plan_service.revise(pat, plan.plan_id, 2, a_draft(goals=plan.goals))
    assert refused.value.field == "goal.lifecycle_status"


@pytest.mark.parametrize("persona", ["alice", "bob", "dora", "pat", "root"], indirect=True)
def test_everyone_who_may_see_her_reads_her_plan(plan_service, plan, persona, audit_trail):
    view = plan_service.view(persona, plan.plan_id)
    assert (view.plan, view.versions, view.is_latest) == (plan, (1,), True)
    assert _entries(audit_trail)[-1] == (persona.username, AuditAction.READ, "version 1")


@pytest.mark.parametrize("persona", ["charlie", "edna"], indirect=True)
def test_outsiders_and_commissioners_read_no_plan(plan_service, plan, persona, nothing_written):
    with nothing_written(), pytest.raises(NotFoundError):
        plan_service.view(persona, plan.plan_id)
    with nothing_written(), pytest.raises(NotFoundError):
        plan_service.plans_of(persona, plan.person_id)


def test_only_those_who_may_change_it_open_it_for_change(
    plan_service, plan, alice, bob, dora, charlie, audit_trail
):
    assert plan_service.open_for_change(alice, plan.plan_id) == plan
    assert _entries(audit_trail)[-1] == ("alice", AuditAction.READ, "version 1 to change it")
    for refused_actor, error in ((bob, PermissionDeniedError), (dora, PermissionDeniedError)):
        with pytest.raises(error):
            plan_service.open_for_change(refused_actor, plan.plan_id)
    with pytest.raises(NotFoundError):
        plan_service.open_for_change(charlie, plan.plan_id)


def test_a_care_worker_of_her_team_rates_a_goal(plan_service, plan, bob, audit_trail):
    walk = plan.goals[0]
    rating = plan_service.rate_goal(bob, walk.id, 1, DAY, "Walked there and back")
    assert (rating.rated_by, rating.level) == ("Bob Pennywhistle", 1)
    assert plan_service.view(bob, plan.plan_id).goals[0].latest_level == 1
    assert _entries(audit_trail, "gas_rating") == [("bob", AuditAction.CREATE, "")]


@pytest.mark.parametrize(
    ("persona", "error"),
    [("dora", PermissionDeniedError), ("charlie", NotFoundError), ("edna", NotFoundError)],
    indirect=["persona"],
)
def test_family_outsiders_and_commissioners_rate_nothing(
    plan_service, plan, persona, error, nothing_written
):
    with nothing_written(), pytest.raises(error):
        plan_service.rate_goal(persona, plan.goals[0].id, 0, DAY)


@pytest.mark.parametrize(
    ("level", "day", "field"),
    [(3, DAY, "rating.level"), (0, DAY + timedelta(days=1), "rating.rated_on")],
)
def test_a_rating_off_the_scale_or_in_the_future_is_refused(
    plan_service, plan, pat, level, day, field, nothing_written
):
    with nothing_written(), pytest.raises(DomainValidationError) as refused:
        plan_service.rate_goal(pat, plan.goals[0].id, level, day)
    assert refused.value.field == field


@pytest.mark.parametrize(
    "status",
    [
        GoalLifecycleStatus.CANCELLED,
        GoalLifecycleStatus.REJECTED,
        GoalLifecycleStatus.ENTERED_IN_ERROR,
    ],
)
def test_a_goal_that_ended_without_completing_cannot_be_rated(
    plan_service, town, pat, status, nothing_written
):
    goal = a_goal("Go swimming", lifecycle_status=status)
    plan_service.create(pat, town.person_a.id, a_draft(goals=(goal,)))
    with nothing_written(), pytest.raises(DomainValidationError, match=status.value) as refused:
        plan_service.rate_goal(pat, goal.id, 0, DAY)
    assert refused.value.field == "goal_id"


def test_a_completed_goal_rated_below_expectations_is_not_achieved(plan_service, plan, pat):
    walk, friends = plan.goals
    plan_service.rate_goal(pat, walk.id, -1, DAY - timedelta(days=7))
    assert plan_service.view(pat, plan.plan_id).goals[0].achievement == (
        GoalAchievementStatus.IN_PROGRESS
    )
    completed = (_with_status(walk, GoalLifecycleStatus.COMPLETED), friends)
    plan_service.revise(pat, plan.plan_id, 1, a_draft(goals=completed))
    plan_service.rate_goal(pat, walk.id, -1, DAY)
    assert plan_service.view(pat, plan.plan_id).goals[0].achievement == (
        GoalAchievementStatus.NOT_ACHIEVED
    )


def test_a_goal_taken_out_of_the_plan_cannot_be_rated(plan_service, plan, pat, nothing_written):
    walk, friends = plan.goals
    plan_service.revise(pat, plan.plan_id, 1, a_draft(goals=(friends,)))
    with nothing_written(), pytest.raises(DomainValidationError, match="no longer in the plan"):
        plan_service.rate_goal(pat, walk.id, 0, DAY)
    with pytest.raises(NotFoundError):
        plan_service.rate_goal(pat, "no-such-goal", 0, DAY)


def test_ratings_show_achievement_and_the_t_score(plan_service, plan, pat):
    walk, friends = plan.goals
    earlier = DAY - timedelta(days=7)
    for goal, first, then in ((walk, -1, 1), (friends, -1, -2)):
        plan_service.rate_goal(pat, goal.id, first, earlier)
        plan_service.rate_goal(pat, goal.id, then, DAY)
    view = plan_service.view(pat, plan.plan_id)
    assert [g.achievement for g in view.goals] == [
        GoalAchievementStatus.ACHIEVED,
        GoalAchievementStatus.WORSENING,
    ]
    assert [day for day, _ in view.t_scores] == [earlier, DAY]
    assert view.current_t_score == pytest.approx(43.80, abs=0.005)  # 50 + 10·(1 − 2)/√2.6


def _risk(plan, **changes):
    fields = {
        "person_id": plan.person_id,
        "plan_id": plan.plan_id,
        "description": "Falls on the way to the shop",
        "at_risk": frozenset({AtRisk.PERSON}),
        "likelihood": 3,
        "impact": 4,
        "persons_view": "Worth it: walking matters to me",
        "decision": RiskDecision.TAKE_THE_RISK_WITH_SAFEGUARDS,
        "decision_reason": "She walks well in daylight",
        "agreed_by": "Pat Poplar",
        "agreed_on": DAY,
        "safeguards": "Pendant alarm",
    }
    fields.update(changes)
    return Risk(**fields)


def test_a_risk_is_agreed_on_her_own_plan(plan_service, plan, town, pat, bob, nothing_written):
    risk = plan_service.add_risk(pat, _risk(plan))
    assert plan_service.view(pat, plan.plan_id).risks == (risk,)
    with nothing_written(), pytest.raises(DomainValidationError) as refused:
        plan_service.add_risk(pat, _risk(plan, person_id=town.person_b.id))
    assert refused.value.field == "risk.plan_id"
    with nothing_written(), pytest.raises(PermissionDeniedError):
        plan_service.add_risk(bob, _risk(plan))
