"""Eligibility determination: every branch of reg. 2(1), the reasons and the override."""

from __future__ import annotations

from datetime import date

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import EligibilityOutcome
from careweave.domain.plans.eligibility import (
    EligibilityAssessment,
    Impact,
    OutcomeFinding,
    ProfessionalJudgement,
    UnableReason,
    WellbeingArea,
)

UNABLE = UnableReason.CANNOT_WITHOUT_HELP


def finding(outcome: str, unable: bool = True, *reasons: UnableReason) -> OutcomeFinding:
    chosen = frozenset(reasons or ((UNABLE,) if unable else ()))
    return OutcomeFinding(EligibilityOutcome(outcome), unable, chosen)


def assessment(
    *,
    impairment: bool = True,
    findings: tuple[OutcomeFinding, ...] = (finding("nutrition"), finding("personal_hygiene")),
    wellbeing: tuple[tuple[WellbeingArea, Impact], ...] = (
        (WellbeingArea.PERSONAL_DIGNITY, Impact.SIGNIFICANT),
    ),
    override: ProfessionalJudgement | None = None,
) -> EligibilityAssessment:
    return EligibilityAssessment(
        person_id="p1",
        assessed_on=date(2026, 3, 1),
        assessed_by="Sam Social Worker",
        arises_from_impairment_or_illness=impairment,
        findings=findings,
        wellbeing=wellbeing,
        override=override,
    )


def test_all_three_criteria_met_is_eligible_with_reasons() -> None:
    result = assessment().determine()
    assert result.computed_eligible
    assert result.eligible
    assert not result.overridden
    assert [c.met for c in result.criteria] == [True, True, True]
    assert "Managing and maintaining nutrition" in result.criteria[1].reason
    assert "cannot do it without help" in result.criteria[1].reason
    assert "Personal dignity" in result.criteria[2].reason


def test_needs_not_from_impairment_or_illness_is_not_eligible() -> None:
    result = assessment(impairment=False).determine()
    assert not result.eligible
    assert [c.met for c in result.criteria] == [False, True, True]
    assert "not found" in result.criteria[0].reason


def test_one_outcome_unable_is_not_enough() -> None:
    result = assessment(findings=(finding("nutrition"), finding("toilet_needs", False))).determine()
    assert not result.eligible
    assert not result.criteria[1].met
    assert "At least 2" in result.criteria[1].reason


def test_no_outcome_unable() -> None:
    result = assessment(findings=(finding("nutrition", False),)).determine()
    assert not result.criteria[1].met
    assert "Able to achieve all" in result.criteria[1].reason


@pytest.mark.parametrize("reason", list(UnableReason))
def test_each_reason_counts_as_unable(reason: UnableReason) -> None:
    findings = (finding("nutrition", True, reason), finding("relationships", True, reason))
    assert assessment(findings=findings).determine().criteria[1].met


def test_some_impact_on_wellbeing_is_not_significant() -> None:
    wellbeing = (
        (WellbeingArea.RELATIONSHIPS, Impact.SOME),
        (WellbeingArea.PERSONAL_DIGNITY, Impact.NONE),
    )
    result = assessment(wellbeing=wellbeing).determine()
    assert not result.eligible
    assert not result.criteria[2].met


def test_no_wellbeing_recorded_is_not_significant() -> None:
    assert not assessment(wellbeing=()).determine().criteria[2].met


def test_override_replaces_the_computed_result_and_is_shown() -> None:
    judgement = ProfessionalJudgement(
        eligible=True,
        reason="Fluctuating condition; worse days not seen",
        made_by="Sam",
        made_on=date(2026, 3, 2),
    )
    base = assessment(impairment=False)
    result = base.with_override(judgement).determine()
    assert not result.computed_eligible
    assert result.eligible
    assert result.overridden
    assert result.override is judgement


def test_override_to_not_eligible() -> None:
    judgement = ProfessionalJudgement(
        False, "Needs met by carer who is willing", "Sam", date(2026, 3, 2)
    )
    result = assessment(override=judgement).determine()
    assert result.computed_eligible
    assert not result.eligible


def test_override_without_a_reason_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        ProfessionalJudgement(True, "  ", "Sam", date(2026, 3, 2))
    assert err.value.field == "override.reason"


def test_override_without_who_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        ProfessionalJudgement(True, "reason", "", date(2026, 3, 2))
    assert err.value.field == "override.made_by"


def test_override_must_be_a_judgement() -> None:
    with pytest.raises(DomainValidationError) as err:
        assessment().with_override(True)  # type: ignore[arg-type]
    assert err.value.field == "override"


def test_unknown_outcome_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        OutcomeFinding("gardening", True, frozenset({UNABLE}))  # type: ignore[arg-type]
    assert err.value.field == "finding.outcome"
    assert "gardening" in err.value.message


def test_unable_needs_a_reason() -> None:
    with pytest.raises(DomainValidationError) as err:
        OutcomeFinding(EligibilityOutcome.NUTRITION, True, frozenset())
    assert err.value.field == "finding.nutrition.reasons"


def test_reasons_only_when_unable() -> None:
    with pytest.raises(DomainValidationError) as err:
        OutcomeFinding(EligibilityOutcome.NUTRITION, False, frozenset({UNABLE}))
    assert err.value.field == "finding.nutrition.reasons"


def test_unknown_reason_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        OutcomeFinding(EligibilityOutcome.NUTRITION, True, frozenset({"too_busy"}))  # type: ignore[arg-type]
    assert err.value.field == "finding.nutrition.reasons"


def test_outcome_twice_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        assessment(findings=(finding("nutrition"), finding("nutrition")))
    assert err.value.field == "assessment.findings"


def test_unknown_wellbeing_area_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        assessment(wellbeing=(("happiness", Impact.SOME),))  # type: ignore[arg-type]
    assert err.value.field == "assessment.wellbeing.area"


def test_wellbeing_area_twice_is_rejected() -> None:
    twice = ((WellbeingArea.RELATIONSHIPS, Impact.SOME), (WellbeingArea.RELATIONSHIPS, Impact.NONE))
    with pytest.raises(DomainValidationError) as err:
        assessment(wellbeing=twice)
    assert err.value.field == "assessment.wellbeing.relationships"


def test_bad_impact_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        assessment(wellbeing=((WellbeingArea.RELATIONSHIPS, "huge"),))  # type: ignore[arg-type]
    assert err.value.field == "assessment.wellbeing.relationships"


def test_the_act_has_nine_wellbeing_areas_and_the_regulations_ten_outcomes() -> None:
    assert len(WellbeingArea) == 9
    assert len(EligibilityOutcome) == 10
