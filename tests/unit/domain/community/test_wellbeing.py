"""ONS4 and SWEMWBS scored as published, and a mean change with its uncertainty."""

from __future__ import annotations

import pytest

from careweave.domain.community.wellbeing import (
    SWEMWBS_METRIC,
    ChangeVerdict,
    Ons4,
    Ons4Question,
    Swemwbs,
    mean_change,
    metric_of_raw,
    swemwbs_verdict,
)
from careweave.domain.errors import DomainValidationError


@pytest.mark.parametrize(
    ("raw", "metric"),
    [
        (7, 7.00),
        (8, 9.51),
        (14, 15.32),
        (21, 19.25),
        (23, 20.73),
        (28, 25.03),
        (34, 32.55),
        (35, 35.00),
    ],
)
def test_swemwbs_raw_scores_convert_by_the_published_table(raw: int, metric: float) -> None:
    assert metric_of_raw(raw) == metric


def test_the_conversion_table_covers_7_to_35_and_rises() -> None:
    assert len(SWEMWBS_METRIC) == 29
    assert list(SWEMWBS_METRIC) == sorted(SWEMWBS_METRIC)


def test_a_swemwbs_is_seven_answers_from_1_to_5() -> None:
    middling = Swemwbs((3, 3, 3, 3, 3, 3, 3))
    assert (middling.raw, middling.metric) == (21, 19.25)
    with pytest.raises(DomainValidationError) as raised:
        Swemwbs((3, 3, 3, 3, 3, 3, 6))
    assert raised.value.field == "swemwbs.answer_7"
    with pytest.raises(DomainValidationError, match="all 7"):
        Swemwbs((3, 3))


@pytest.mark.parametrize(
    ("before", "after", "verdict"),
    [
        (21, 21, ChangeVerdict.NO_CHANGE),
        (21, 22, ChangeVerdict.NO_CHANGE),  # 19.25 -> 19.98: under one point
        (21, 23, ChangeVerdict.MAYBE_BETTER),  # -> 20.73: 1.48 points
        (21, 25, ChangeVerdict.BETTER),  # -> 22.35: 3.10 points
        (25, 21, ChangeVerdict.WORSE),
        (23, 21, ChangeVerdict.MAYBE_WORSE),
    ],
)
def test_a_change_is_judged_by_the_published_threshold(
    before: int, after: int, verdict: ChangeVerdict
) -> None:
    def of_raw(raw: int) -> Swemwbs:
        answers = [1] * 7
        for n in range(raw - 7):
            answers[n % 7] += 1
        return Swemwbs(tuple(answers))

    assert swemwbs_verdict(of_raw(before), of_raw(after)) is verdict


def test_ons4_items_are_kept_apart_and_banded() -> None:
    answers = Ons4(satisfied=7, worthwhile=9, happy=4, anxious=6)
    assert answers.band(Ons4Question.SATISFIED) == "high"
    assert answers.band(Ons4Question.WORTHWHILE) == "very high"
    assert answers.band(Ons4Question.HAPPY) == "low"
    assert answers.band(Ons4Question.ANXIOUS) == "high"
    with pytest.raises(DomainValidationError) as raised:
        Ons4(satisfied=11, worthwhile=5, happy=5, anxious=5)
    assert raised.value.field == "ons4.satisfied"


def test_a_mean_change_has_a_95_percent_interval() -> None:
    found = mean_change([1.0, 2.0, 3.0, 4.0])
    assert found is not None
    assert found.mean == 2.5
    # sd 1.291, t(3) 3.182: half width 2.054
    assert found.low == pytest.approx(0.446, abs=1e-3)
    assert found.high == pytest.approx(4.554, abs=1e-3)
    single = mean_change([2.0])
    assert single is not None
    assert single.low is None
    assert mean_change([]) is None
