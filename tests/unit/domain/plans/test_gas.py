"""GAS: levels, scales, the T-score against hand-computed values, series and FHIR statuses."""

from __future__ import annotations

import math
from datetime import date

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.plans.gas import (
    DEFAULT_LEVEL_MEANINGS,
    GasRating,
    GasScale,
    GoalAchievementStatus,
    GoalLifecycleStatus,
    achievement_from_ratings,
    check_lifecycle_change,
    latest_levels,
    require_gas_level,
    t_score,
    t_score_series,
)


def rating(goal: str, day: int, level: int) -> GasRating:
    return GasRating(goal_id=goal, rated_on=date(2026, 1, day), level=level, rated_by="Ann")


def test_two_unweighted_goals_at_expected_level_score_50() -> None:
    assert t_score([(1, 0), (1, 0)]) == 50.0


def test_two_unweighted_goals_at_plus_one() -> None:
    expected = 50 + 10 * 2 / math.sqrt(0.7 * 2 + 0.3 * 4)
    assert t_score([(1, 1), (1, 1)]) == pytest.approx(expected)
    assert t_score([(1, 1), (1, 1)]) == pytest.approx(62.40, abs=0.005)


def test_single_goal_at_minus_two_is_thirty() -> None:
    # one goal: denominator sqrt(0.7 + 0.3) = 1, so T = 50 + 10 * -2
    assert t_score([(1, -2)]) == pytest.approx(30.0)


def test_three_unweighted_goals_mixed() -> None:
    # Σx = -1+0+2 = 1; denominator sqrt(0.7*3 + 0.3*9) = sqrt(4.8)
    assert t_score([(1, -1), (1, 0), (1, 2)]) == pytest.approx(50 + 10 / math.sqrt(4.8))


def test_weighted_goals() -> None:
    # Σwx = 3*1 + 1*(-2) = 1; Σw² = 10; (Σw)² = 16; denominator sqrt(7 + 4.8) = sqrt(11.8)
    assert t_score([(3, 1), (1, -2)]) == pytest.approx(50 + 10 / math.sqrt(11.8))
    assert t_score([(3, 1), (1, -2)]) == pytest.approx(52.911, abs=0.001)


def test_equal_weights_give_the_unweighted_score() -> None:
    assert t_score([(2, 1), (2, -1), (2, 2)]) == pytest.approx(t_score([(1, 1), (1, -1), (1, 2)]))


def test_t_score_needs_a_goal() -> None:
    with pytest.raises(DomainValidationError) as err:
        t_score([])
    assert err.value.field == "goals"


@pytest.mark.parametrize("bad", [-3, 3, 1.5, "1", True, None])
def test_level_outside_minus_two_to_plus_two_is_rejected(bad: object) -> None:
    with pytest.raises(DomainValidationError) as err:
        require_gas_level("rating.level", bad)
    assert err.value.field == "rating.level"


def test_rating_with_bad_level_names_the_field() -> None:
    with pytest.raises(DomainValidationError) as err:
        rating("g", 1, 3)
    assert err.value.field == "rating.level"
    assert "-2 to +2" in err.value.message


@pytest.mark.parametrize("bad", [0, -1, float("nan"), 101, "x"])
def test_bad_weight_is_rejected(bad: object) -> None:
    with pytest.raises(DomainValidationError) as err:
        t_score([(bad, 0)])  # type: ignore[list-item]
    assert err.value.field == "goal.weight"


def test_scale_needs_all_five_levels() -> None:
    levels = dict(DEFAULT_LEVEL_MEANINGS)
    del levels[2]
    with pytest.raises(DomainValidationError) as err:
        GasScale(levels)
    assert err.value.field == "goal.scale"
    assert "+2" in err.value.message


def test_scale_rejects_a_level_outside_the_range() -> None:
    with pytest.raises(DomainValidationError) as err:
        GasScale({**DEFAULT_LEVEL_MEANINGS, 3: "far too much"})
    assert err.value.field == "goal.scale.level"


def test_scale_rejects_empty_words() -> None:
    with pytest.raises(DomainValidationError) as err:
        GasScale({**DEFAULT_LEVEL_MEANINGS, -1: "  "})
    assert err.value.field == "goal.scale.-1"


def test_scale_describes_levels() -> None:
    assert GasScale(DEFAULT_LEVEL_MEANINGS).describe(0) == "the expected outcome"


def test_latest_levels_takes_the_newest_rating_up_to_the_day() -> None:
    ratings = [rating("a", 1, -2), rating("a", 10, -1), rating("b", 5, 0), rating("a", 20, 1)]
    assert latest_levels(ratings, date(2026, 1, 12)) == {"a": -1, "b": 0}


def test_series_scores_each_rating_day_with_the_goals_rated_so_far() -> None:
    ratings = [rating("a", 1, -2), rating("b", 2, -1), rating("a", 3, 1), rating("gone", 3, 2)]
    series = t_score_series({"a": 1.0, "b": 1.0}, ratings)
    assert [d.day for d, _ in series] == [1, 2, 3]
    assert series[0][1] == pytest.approx(30.0)
    assert series[1][1] == pytest.approx(t_score([(1, -2), (1, -1)]))
    assert series[2][1] == pytest.approx(t_score([(1, 1), (1, -1)]))


@pytest.mark.parametrize(
    ("levels", "ended", "expected"),
    [
        ([], False, GoalAchievementStatus.IN_PROGRESS),
        ([-2], False, GoalAchievementStatus.IN_PROGRESS),
        ([-2, -1], False, GoalAchievementStatus.IMPROVING),
        ([-1, -2], False, GoalAchievementStatus.WORSENING),
        ([-1, -1], False, GoalAchievementStatus.NO_CHANGE),
        ([-1, 0], False, GoalAchievementStatus.ACHIEVED),
        ([0], False, GoalAchievementStatus.ACHIEVED),
        ([0, 1], False, GoalAchievementStatus.SUSTAINING),
        ([-2, -1], True, GoalAchievementStatus.NOT_ACHIEVED),
    ],
)
def test_achievement_from_ratings(
    levels: list[int], ended: bool, expected: GoalAchievementStatus
) -> None:
    ratings = [rating("g", i + 1, x) for i, x in enumerate(levels)]
    assert achievement_from_ratings(list(reversed(ratings)), ended=ended) == expected


def test_lifecycle_open_states_move_freely() -> None:
    check_lifecycle_change(GoalLifecycleStatus.PROPOSED, GoalLifecycleStatus.ACTIVE)
    check_lifecycle_change(GoalLifecycleStatus.ACTIVE, GoalLifecycleStatus.ON_HOLD)
    check_lifecycle_change(GoalLifecycleStatus.ACTIVE, GoalLifecycleStatus.COMPLETED)
    check_lifecycle_change(GoalLifecycleStatus.COMPLETED, GoalLifecycleStatus.ACTIVE)
    check_lifecycle_change(GoalLifecycleStatus.CANCELLED, GoalLifecycleStatus.CANCELLED)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (GoalLifecycleStatus.CANCELLED, GoalLifecycleStatus.ACTIVE),
        (GoalLifecycleStatus.ENTERED_IN_ERROR, GoalLifecycleStatus.ACTIVE),
        (GoalLifecycleStatus.REJECTED, GoalLifecycleStatus.PROPOSED),
        (GoalLifecycleStatus.COMPLETED, GoalLifecycleStatus.PROPOSED),
    ],
)
def test_lifecycle_ended_states_stay_ended(
    old: GoalLifecycleStatus, new: GoalLifecycleStatus
) -> None:
    with pytest.raises(DomainValidationError) as err:
        check_lifecycle_change(old, new)
    assert err.value.field == "goal.lifecycle_status"


@pytest.mark.parametrize(
    ("status", "withdrawn", "ended"),
    [
        (GoalLifecycleStatus.PROPOSED, False, False),
        (GoalLifecycleStatus.ACTIVE, False, False),
        (GoalLifecycleStatus.ON_HOLD, False, False),
        (GoalLifecycleStatus.COMPLETED, False, True),
        (GoalLifecycleStatus.CANCELLED, True, True),
        (GoalLifecycleStatus.REJECTED, True, True),
        (GoalLifecycleStatus.ENTERED_IN_ERROR, True, True),
    ],
)
def test_which_lifecycle_statuses_are_withdrawn_and_which_have_ended(
    status: GoalLifecycleStatus, withdrawn: bool, ended: bool
) -> None:
    assert status.is_withdrawn is withdrawn
    assert status.has_ended is ended


def test_every_withdrawn_status_has_ended() -> None:
    assert all(s.has_ended for s in GoalLifecycleStatus if s.is_withdrawn)
