"""Which goals a progress note may be about: the open goals of the latest agreed plan."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.plans.care_plan import AgreedBy, Agreement, CarePlan, FundingSource, Goal
from careweave.domain.plans.gas import DEFAULT_LEVEL_MEANINGS, GasScale, GoalLifecycleStatus
from careweave.domain.visits.recording import ProgressNote
from careweave.services.plans.progress_goals import CurrentGoals, check_progress_goal, current_goals

SCALE = GasScale(DEFAULT_LEVEL_MEANINGS)


def _goal(ident: str, status: GoalLifecycleStatus = GoalLifecycleStatus.ACTIVE) -> Goal:
    return Goal(f"In my words: {ident}", 7, SCALE, id=ident, lifecycle_status=status)


def _plan(agreed_on: date | None, *goals: Goal) -> CarePlan:
    agreement = (
        None
        if agreed_on is None
        else Agreement(AgreedBy.PERSON, agreed_on, has_capacity=True, consent_given=True)
    )
    return CarePlan(
        person_id="p1",
        review_on=date(2026, 12, 1),
        review_by="Pat",
        funding_source=FundingSource.LOCAL_AUTHORITY,
        created_by="Pat",
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        goals=goals,
        agreement=agreement,
    )


OLD = _plan(date(2026, 1, 5), _goal("old"))
LATEST = _plan(
    date(2026, 3, 1),
    _goal("walk"),
    _goal("cook", GoalLifecycleStatus.ON_HOLD),
    _goal("shop", GoalLifecycleStatus.COMPLETED),
    _goal("typo", GoalLifecycleStatus.ENTERED_IN_ERROR),
)
DRAFT = _plan(None, _goal("draft"))


def test_the_latest_agreed_plan_gives_its_open_goals() -> None:
    current = current_goals([OLD, DRAFT, LATEST])
    assert current.plan is LATEST
    assert [g.id for g in current.goals] == ["walk", "cook"]


def test_a_plan_not_yet_agreed_offers_no_goals() -> None:
    assert current_goals([DRAFT]) == CurrentGoals(None)
    assert current_goals([]) == CurrentGoals(None)


@pytest.mark.parametrize("goal_id", ["old", "shop", "typo", "draft", "made-up"])
def test_a_note_on_any_other_goal_is_refused_naming_the_field(goal_id: str) -> None:
    with pytest.raises(DomainValidationError) as caught:
        check_progress_goal(ProgressNote(goal_id, "Better"), current_goals([OLD, DRAFT, LATEST]))
    assert caught.value.field == "progress_note.goal_id"


def test_a_note_on_a_current_goal_or_no_note_passes() -> None:
    current = current_goals([OLD, LATEST])
    check_progress_goal(ProgressNote("cook", "Stirred the soup"), current)
    check_progress_goal(None, current)
    check_progress_goal(None, CurrentGoals(None))


def test_without_a_plan_a_note_is_refused_saying_so() -> None:
    with pytest.raises(DomainValidationError, match="no agreed plan") as caught:
        check_progress_goal(ProgressNote("walk", "Better"), CurrentGoals(None))
    assert caught.value.field == "progress_note.goal_id"
