"""Reading the plans forms: blank rows left out, goals linked by position, every bad value named."""

from __future__ import annotations

from datetime import date

import pytest

from careweave.adapters.web.pages.plans.forms import (
    assessment_from,
    barthel_from,
    conversation_from,
    draft_from,
    review_from,
)
from careweave.domain.errors import DomainValidationError
from careweave.domain.plans.care_plan import FundingSource
from careweave.domain.plans.gas import DEFAULT_LEVEL_MEANINGS


def plan_form(**changes: str) -> dict[str, str]:
    form = {
        "goal-0-description": "Walk to the shop",
        "goal-0-importance": "9",
        "goal-2-description": "Cook lunch",
        "goal-2-importance": "5",
        "goal-2-weight": "2",
        "action-1-what": "Practise",
        "action-1-who_kind": "worker",
        "action-1-who": "Team",
        "action-1-when": "Daily",
        "action-1-goal": "1",
        "funding_source": "direct_payment",
        "review_on": "2026-06-01",
        "review_by": "Sam",
        "strengths": "Determined\n\n  Kind  ",
        "agreed": "no",
    }
    for i in (0, 2):
        for level, words in DEFAULT_LEVEL_MEANINGS.items():
            form[f"goal-{i}-level-{level}"] = words
    form.update(changes)
    return form


def test_plan_form_keeps_filled_rows_and_links_actions_to_goals() -> None:
    draft = draft_from(plan_form())
    assert [g.description for g in draft.goals] == ["Walk to the shop", "Cook lunch"]
    assert draft.goals[1].weight == 2.0
    assert draft.actions[0].goal_id == draft.goals[1].id
    assert draft.strengths == ("Determined", "Kind")
    assert draft.funding_source == FundingSource.DIRECT_PAYMENT
    assert draft.agreement is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"goal-0-importance": "lots"}, "goal.importance"),
        ({"goal-0-weight": "heavy"}, "goal.weight"),
        ({"goal-0-level-1": ""}, "goal.scale.+1"),
        ({"action-1-goal": "7"}, "action.goal"),
        ({"action-1-who_kind": "robot"}, "action.who_kind"),
        ({"review_on": "next week"}, "plan.review_on"),
        ({"agreed": "yes", "agreed_on": ""}, "agreement.agreed_on"),
    ],
)
def test_bad_plan_form_values_name_the_field(changes: dict[str, str], field: str) -> None:
    with pytest.raises(DomainValidationError) as err:
        draft_from(plan_form(**changes))
    assert err.value.field == field


def test_conversation_form() -> None:
    form = {
        "kind": "good_life",
        "held_on": "2026-03-01",
        "agreed": "x",
        "long_term_outcomes": "a",
        "resources": "b",
        "community_assets": "c",
        "personal_budget": "£8,500.50",
        "action-0-what": "Call",
        "action-0-who": "Sam",
    }
    conversation = conversation_from(form, "p1", "Sam")
    assert conversation.personal_budget_pence == 850050
    assert len(conversation.actions) == 1
    with pytest.raises(DomainValidationError) as err:
        conversation_from({**form, "personal_budget": "lots"}, "p1", "Sam")
    assert err.value.field == "conversation.personal_budget_pence"
    with pytest.raises(DomainValidationError) as err:
        conversation_from({**form, "kind": "chat"}, "p1", "Sam")
    assert err.value.field == "conversation.kind"


def test_assessment_form() -> None:
    form = {
        "assessed_on": "2026-03-01",
        "impairment": "yes",
        "outcome-nutrition-unable": "yes",
        "outcome-nutrition-reason-cannot_without_help": "yes",
        "wellbeing-relationships": "significant",
    }
    assessment = assessment_from(form, "p1", "Sam")
    assert [f.outcome.value for f in assessment.findings] == ["nutrition"]
    assert len(assessment.wellbeing) == 9
    assert not assessment.determine().criteria[1].met
    with pytest.raises(DomainValidationError) as err:
        assessment_from({**form, "outcome-nutrition-reason-cannot_without_help": ""}, "p1", "Sam")
    assert err.value.field == "finding.nutrition.reasons"


def test_barthel_and_review_forms() -> None:
    assert barthel_from({}, "barthel") is None
    scores = {
        f"barthel-{k}": "0"
        for k in (
            "feeding",
            "bathing",
            "grooming",
            "dressing",
            "bowels",
            "bladder",
            "toilet_use",
            "transfers",
            "mobility",
            "stairs",
        )
    }
    assert barthel_from(scores, "barthel").total == 0  # type: ignore[union-attr]
    with pytest.raises(DomainValidationError) as err:
        barthel_from({**scores, "barthel-transfers": "20"}, "barthel")
    assert err.value.field == "barthel.transfers"
    with pytest.raises(DomainValidationError) as err:
        barthel_from({**scores, "barthel-stairs": ""}, "barthel")
    assert err.value.field == "barthel.stairs"
    review = review_from(
        {"held_on": "2026-03-08", "attendees": "OT, Physio ,", "summary": "Better"}
    )
    assert review.attendees == ("OT", "Physio")
    assert review.held_on == date(2026, 3, 8)
