"""Care and support plan: parts, agreement under the MCA, review date and versions."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.plans.care_plan import (
    Action,
    ActorKind,
    AgreedBy,
    Agreement,
    CarePlan,
    Contingency,
    FundingSource,
    Goal,
    first_review_on,
    latest_version,
)
from careweave.domain.plans.gas import DEFAULT_LEVEL_MEANINGS, GasScale, GoalLifecycleStatus
from careweave.domain.plans.medicines import DayPart, PlanMedicine

SCALE = GasScale(DEFAULT_LEVEL_MEANINGS)
NOW = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def goal(**changes: object) -> Goal:
    fields: dict[str, object] = {"description": "Walk to the shop", "importance": 8, "scale": SCALE}
    fields.update(changes)
    return Goal(**fields)  # type: ignore[arg-type]


def plan(**changes: object) -> CarePlan:
    g = goal(id="g1")
    fields: dict[str, object] = {
        "person_id": "p1",
        "review_on": date(2026, 6, 1),
        "review_by": "Sam",
        "funding_source": FundingSource.LOCAL_AUTHORITY,
        "created_by": "Sam",
        "created_at": NOW,
        "strengths": ("Loves gardening",),
        "goals": (g,),
        "actions": (
            Action("Practise the walk", ActorKind.WORKER, "Reablement team", "daily", goal_id="g1"),
        ),
        "contingencies": (Contingency("Carer is ill", "Call the team", "0161 000"),),
    }
    fields.update(changes)
    return CarePlan(**fields)  # type: ignore[arg-type]


def test_a_plan_is_built_with_all_its_parts() -> None:
    p = plan(
        agreement=Agreement(
            AgreedBy.PERSON, date(2026, 3, 1), has_capacity=True, consent_given=True
        )
    )
    assert p.version == 1
    assert p.agreed
    assert p.goal("g1").importance == 8
    assert p.goal_weights() == {"g1": 1.0}


def test_a_plan_without_a_review_date_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        plan(review_on=None)
    assert err.value.field == "plan.review_on"


def test_a_plan_without_someone_responsible_for_review_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        plan(review_by="")
    assert err.value.field == "plan.review_by"


def test_unknown_funding_source_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        plan(funding_source="lottery")
    assert err.value.field == "plan.funding_source"


def test_action_for_a_goal_not_in_the_plan_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        plan(actions=(Action("x", ActorKind.TECHNOLOGY, "Pendant", "always", goal_id="nope"),))
    assert err.value.field == "action.goal_id"


def test_review_before_agreement_is_rejected() -> None:
    agreement = Agreement(AgreedBy.PERSON, date(2026, 7, 1), has_capacity=True, consent_given=True)
    with pytest.raises(DomainValidationError) as err:
        plan(agreement=agreement)
    assert err.value.field == "plan.review_on"


@pytest.mark.parametrize(
    ("importance", "field"),
    [(0, "goal.importance"), (11, "goal.importance"), (5.5, "goal.importance")],
)
def test_goal_importance_is_one_to_ten(importance: object, field: str) -> None:
    with pytest.raises(DomainValidationError) as err:
        goal(importance=importance)
    assert err.value.field == field


def test_goal_needs_a_scale_and_words() -> None:
    with pytest.raises(DomainValidationError) as err:
        goal(scale={0: "x"})
    assert err.value.field == "goal.scale"
    with pytest.raises(DomainValidationError) as err:
        goal(description=" ")
    assert err.value.field == "goal.description"


def test_goal_target_before_start_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        goal(start_on=date(2026, 3, 1), target_on=date(2026, 2, 1))
    assert err.value.field == "goal.target_on"


def test_goal_unknown_need_outcome_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        goal(need_outcome="gardening")
    assert err.value.field == "goal.need_outcome"


def test_action_who_kind_must_be_known() -> None:
    with pytest.raises(DomainValidationError) as err:
        Action("x", "robot", "R2", "daily")  # type: ignore[arg-type]
    assert err.value.field == "action.who_kind"


def test_person_with_capacity_agrees_and_consents() -> None:
    with pytest.raises(DomainValidationError) as err:
        Agreement(AgreedBy.PERSON, date(2026, 3, 1), has_capacity=True, consent_given=False)
    assert err.value.field == "agreement.consent_given"


def test_representative_must_be_named() -> None:
    with pytest.raises(DomainValidationError) as err:
        Agreement(AgreedBy.REPRESENTATIVE, date(2026, 3, 1), has_capacity=True, consent_given=True)
    assert err.value.field == "agreement.representative_name"


def test_an_agreement_says_whether_a_representative_made_it() -> None:
    by_person = Agreement(AgreedBy.PERSON, date(2026, 3, 1), has_capacity=True, consent_given=True)
    by_son = Agreement(
        AgreedBy.REPRESENTATIVE,
        date(2026, 3, 1),
        has_capacity=True,
        consent_given=True,
        representative_name="Tom",
    )
    assert not by_person.by_representative
    assert by_son.by_representative


def test_lacking_capacity_cannot_agree_alone() -> None:
    with pytest.raises(DomainValidationError) as err:
        Agreement(AgreedBy.PERSON, date(2026, 3, 1), has_capacity=False, consent_given=False)
    assert err.value.field == "agreement.agreed_by"


def test_lacking_capacity_needs_assessor_and_best_interests() -> None:
    base = {
        "agreed_by": AgreedBy.REPRESENTATIVE,
        "agreed_on": date(2026, 3, 1),
        "has_capacity": False,
        "consent_given": False,
        "representative_name": "Daughter (LPA)",
    }
    with pytest.raises(DomainValidationError) as err:
        Agreement(**base)  # type: ignore[arg-type]
    assert err.value.field == "agreement.capacity_assessed_by"
    with pytest.raises(DomainValidationError) as err:
        Agreement(**base, capacity_assessed_by="Sam")  # type: ignore[arg-type]
    assert err.value.field == "agreement.best_interests_reason"
    ok = Agreement(**base, capacity_assessed_by="Sam", best_interests_reason="Keeps her at home")  # type: ignore[arg-type]
    assert ok.agreed_by == AgreedBy.REPRESENTATIVE


def test_revise_makes_a_new_version_and_leaves_the_old_one() -> None:
    v1 = plan()
    later = datetime(2026, 4, 1, tzinfo=UTC)
    v2 = v1.revise(changed_by="Kim", changed_at=later, review_on=date(2026, 9, 1))
    assert (v1.version, v2.version) == (1, 2)
    assert v2.plan_id == v1.plan_id
    assert v1.review_on == date(2026, 6, 1)
    assert v2.review_on == date(2026, 9, 1)
    assert v2.created_by == "Kim"
    assert latest_version([v2, v1]) is v2


def test_revise_validates_the_new_version() -> None:
    with pytest.raises(DomainValidationError) as err:
        plan().revise(changed_by="Kim", changed_at=NOW, review_on=None)
    assert err.value.field == "plan.review_on"


def test_revise_cannot_change_identity() -> None:
    with pytest.raises(DomainValidationError) as err:
        plan().revise(changed_by="Kim", changed_at=NOW, person_id="p2")
    assert err.value.field == "plan.person_id"


def test_revise_checks_goal_lifecycle() -> None:
    v1 = plan(goals=(goal(id="g1", lifecycle_status=GoalLifecycleStatus.CANCELLED),), actions=())
    reopened = dataclasses.replace(v1.goals[0], lifecycle_status=GoalLifecycleStatus.ACTIVE)
    with pytest.raises(DomainValidationError) as err:
        v1.revise(changed_by="Kim", changed_at=NOW, goals=(reopened,))
    assert err.value.field == "goal.lifecycle_status"


def test_cancelled_goals_do_not_count_towards_the_t_score() -> None:
    p = plan(
        goals=(
            goal(id="g1"),
            goal(id="g2", lifecycle_status=GoalLifecycleStatus.CANCELLED, weight=2),
        )
    )
    assert p.goal_weights() == {"g1": 1.0}


def test_an_active_goal_may_be_rated_and_has_not_ended() -> None:
    active = goal()
    assert active.can_be_rated
    assert not active.has_ended
    active.check_can_be_rated()


def test_a_completed_goal_may_still_be_rated_but_has_ended() -> None:
    done = goal(lifecycle_status=GoalLifecycleStatus.COMPLETED)
    assert done.can_be_rated
    assert done.has_ended


@pytest.mark.parametrize(
    "status",
    [
        GoalLifecycleStatus.CANCELLED,
        GoalLifecycleStatus.REJECTED,
        GoalLifecycleStatus.ENTERED_IN_ERROR,
    ],
)
def test_a_withdrawn_goal_may_not_be_rated(status: GoalLifecycleStatus) -> None:
    withdrawn = goal(lifecycle_status=status)
    assert not withdrawn.can_be_rated
    with pytest.raises(DomainValidationError, match=f"a goal that is {status.value} cannot"):
        withdrawn.check_can_be_rated()


def test_unknown_goal_lookup_names_the_field() -> None:
    with pytest.raises(DomainValidationError) as err:
        plan().goal("zz")
    assert err.value.field == "goal_id"


def test_latest_version_of_nothing_is_an_error() -> None:
    with pytest.raises(DomainValidationError):
        latest_version([])


def test_a_plan_lists_each_medicine_once_and_keeps_them_through_a_revision() -> None:
    metformin = PlanMedicine("Metformin 500 mg", frozenset({DayPart.MORNING}))
    with pytest.raises(DomainValidationError) as refused:
        plan(medicines=(metformin, PlanMedicine("metformin 500 MG", frozenset({DayPart.BED}))))
    assert refused.value.field == "plan.medicines"
    revised = plan(medicines=(metformin,)).revise(
        changed_by="Pat", changed_at=datetime(2026, 3, 2, tzinfo=UTC), summary="Reviewed"
    )
    assert revised.medicines == (metformin,)


def test_a_new_plan_is_offered_a_first_review_eight_weeks_after_agreement() -> None:
    assert first_review_on(date(2026, 3, 2)) == date(2026, 4, 27)
