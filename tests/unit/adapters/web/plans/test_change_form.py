"""Reading the "change this plan" form: the form of a plan reads back into the same plan, rows are
added and removed by buttons, and every domain error finds the input it came from."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from careweave.adapters.web.pages.plans.change_form import (
    ChangeForm,
    FormProblemsError,
    apply_button,
    draft_of,
    form_of_plan,
    form_of_submission,
    problem_of,
)
from careweave.domain.errors import DomainValidationError
from careweave.domain.plans.care_plan import (
    Action,
    ActorKind,
    CarePlan,
    Contingency,
    FundingSource,
    Goal,
)
from careweave.domain.plans.gas import DEFAULT_LEVEL_MEANINGS, GasScale, GoalLifecycleStatus


def _plan() -> CarePlan:
    goals = tuple(
        Goal(description=words, importance=7, scale=GasScale(DEFAULT_LEVEL_MEANINGS))
        for words in ("Walk to the shop", "Cook my lunch")
    )
    return CarePlan(
        person_id="p1",
        review_on=date(2026, 6, 1),
        review_by="Pat",
        created_by="Pat",
        funding_source=FundingSource.SELF_FUNDED,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        goals=goals,
        strengths=("Determined",),
        actions=(Action("Practice", ActorKind.WORKER, "Team", "Mornings", goal_id=goals[1].id),),
        contingencies=(Contingency("Daughter away", "Neighbour calls"),),
    )


def _submitted(change: ChangeForm) -> dict[str, str]:
    form = dict(change.top)
    for kind, rows in change.rows.items():
        for i, row in enumerate(rows):
            form.update({f"{kind}-{i}-{key}": value for key, value in row.items()})
    return form


def test_the_form_of_a_plan_reads_back_into_the_same_plan() -> None:
    plan = _plan()
    draft = draft_of(form_of_submission(_submitted(form_of_plan(plan))), plan)
    assert draft.goals == plan.goals
    assert draft.actions == plan.actions
    assert draft.contingencies == plan.contingencies
    assert (draft.review_on, draft.review_by, draft.strengths) == (
        plan.review_on,
        "Pat",
        ("Determined",),
    )
    assert draft.agreement is None


def test_rows_are_added_and_removed_and_links_follow_the_goal() -> None:
    plan = _plan()
    change = form_of_plan(plan)
    assert apply_button(change, "add-goal")
    new_ref = change.rows["goal"][2]["ref"]
    assert new_ref.startswith("new-")
    change.rows["goal"][2]["description"] = "Sing in the choir"
    change.rows["action"][0]["goal"] = new_ref
    assert apply_button(change, "remove-goal-0")
    assert not apply_button(change, "remove-goal-9")
    assert not apply_button(change, "explode-goal")
    draft = draft_of(change, plan)
    assert [g.description for g in draft.goals] == ["Cook my lunch", "Sing in the choir"]
    assert draft.goals[0].id == plan.goals[1].id
    assert draft.actions[0].goal_id == draft.goals[1].id


def test_every_bad_row_is_named_by_its_input() -> None:
    plan = _plan()
    change = form_of_plan(plan)
    change.rows["goal"][0]["description"] = ""
    change.rows["goal"][1]["level-1"] = ""
    change.rows["action"][0]["who_kind"] = "robot"
    change.rows["contingency"][0]["do_this"] = ""
    change.top.update(agreed="yes", agreed_on="someday")
    with pytest.raises(FormProblemsError) as raised:
        draft_of(change, plan)
    found = {(p.input, p.field) for p in raised.value.problems}
    assert found == {
        ("goal-0-description", "goal.description"),
        ("goal-1-level-1", "goal.scale.+1"),
        ("action-0-who_kind", "action.who_kind"),
        ("contingency-0-do_this", "contingency.do_this"),
        ("agreed_on", "agreement.agreed_on"),
    }


def test_a_goal_from_elsewhere_and_a_backward_status_are_refused() -> None:
    plan = _plan()
    cancelled = dataclasses.replace(plan.goals[1], lifecycle_status=GoalLifecycleStatus.CANCELLED)
    plan = dataclasses.replace(plan, goals=(plan.goals[0], cancelled))
    change = form_of_plan(plan)
    change.rows["goal"][0]["ref"] = "f" * 32
    change.rows["goal"][1]["lifecycle_status"] = GoalLifecycleStatus.ACTIVE.value
    with pytest.raises(FormProblemsError) as raised:
        draft_of(change, plan)
    assert [(p.input, p.field) for p in raised.value.problems] == [
        ("goal-0-ref", "goal.ref"),
        ("goal-1-lifecycle_status", "goal.lifecycle_status"),
    ]


@pytest.mark.parametrize(
    ("field", "prefix", "expected"),
    [
        ("plan.review_on", "", "review_on"),
        ("agreement.best_interests_reason", "", "best_interests_reason"),
        ("goal.scale.-2", "goal-3", "goal-3-level--2"),
        ("goal.scale", "goal-0", "goal-0-level--2"),
        ("plan.goals", "", ""),
        ("action.goal", "action-1", "action-1-goal"),
    ],
)
def test_domain_fields_find_their_inputs(field: str, prefix: str, expected: str) -> None:
    assert problem_of(DomainValidationError(field, "is wrong"), prefix).input == expected
