"""Reablement episodes: the 42-day rule, reviews, the end, the follow-up and the report figures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.reablement.barthel import ALLOWED_SCORES, BarthelItem, BarthelScore
from careweave.domain.reablement.episodes import (
    EndResult,
    ReablementEpisode,
    WeeklyReview,
    has_open_episode,
    reablement_figures,
)

START = date(2026, 3, 2)


def barthel(total_drop: int = 0) -> BarthelScore:
    scores = {item: max(allowed) for item, allowed in ALLOWED_SCORES.items()}
    # take points off mobility and transfers in steps of 5 to reach the wanted drop
    for item in (BarthelItem.MOBILITY, BarthelItem.TRANSFERS, BarthelItem.STAIRS):
        step = min(total_drop, scores[item])
        scores[item] -= step
        total_drop -= step
    return BarthelScore(scores)


def episode(**changes: object) -> ReablementEpisode:
    fields: dict[str, object] = {
        "person_id": "p1",
        "started_on": START,
        "planned_end_on": START + timedelta(days=41),
    }
    fields.update(changes)
    return ReablementEpisode(**fields)  # type: ignore[arg-type]


def test_day_numbers_and_free_days_left() -> None:
    e = episode()
    assert e.day_number(START) == 1
    assert e.last_free_day == START + timedelta(days=41)
    assert e.day_number(e.last_free_day) == 42
    assert e.free_days_left(START) == 42
    assert e.free_days_left(e.last_free_day) == 1
    assert e.free_days_left(e.last_free_day + timedelta(days=1)) == 0
    assert e.free_days_left(START - timedelta(days=3)) == 42


def test_planned_end_on_day_43_needs_a_reason() -> None:
    with pytest.raises(DomainValidationError) as err:
        episode(planned_end_on=START + timedelta(days=42))
    assert err.value.field == "episode.planned_end_on"
    assert "episode.extension_reason" in err.value.message
    ok = episode(
        planned_end_on=START + timedelta(days=50), extension_reason="Waiting for a stairlift"
    )
    assert ok.extension_reason


def test_ending_after_day_42_without_reason_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        episode().end(
            ended_on=START + timedelta(days=45), result=EndResult.SAME_PACKAGE, barthel_end=None
        )
    assert err.value.field == "episode.ended_on"
    ended = episode().end(
        ended_on=START + timedelta(days=45),
        result=EndResult.SAME_PACKAGE,
        barthel_end=None,
        extension_reason="Hospital stay in week 3",
    )
    assert ended.ended


def test_end_before_start_and_planned_before_start_are_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        episode(planned_end_on=START - timedelta(days=1))
    assert err.value.field == "episode.planned_end_on"
    with pytest.raises(DomainValidationError) as err:
        episode().end(
            ended_on=START - timedelta(days=1), result=EndResult.HOSPITAL, barthel_end=None
        )
    assert err.value.field == "episode.ended_on"


def test_end_date_and_result_go_together() -> None:
    with pytest.raises(DomainValidationError) as err:
        episode(ended_on=START + timedelta(days=10))
    assert err.value.field == "episode.end_result"


def test_unknown_end_result_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        episode(ended_on=START, end_result="moved_abroad")
    assert err.value.field == "episode.end_result"


def test_end_barthel_only_at_the_end() -> None:
    with pytest.raises(DomainValidationError) as err:
        episode(barthel_end=barthel())
    assert err.value.field == "episode.barthel_end"


def test_cannot_end_twice() -> None:
    ended = episode().end(
        ended_on=START + timedelta(days=20), result=EndResult.NO_ONGOING_SUPPORT, barthel_end=None
    )
    with pytest.raises(DomainValidationError) as err:
        ended.end(ended_on=START + timedelta(days=21), result=EndResult.HOSPITAL, barthel_end=None)
    assert err.value.field == "episode.ended_on"


def test_weekly_reviews_and_next_review_due() -> None:
    e = episode()
    assert e.next_review_due() == START + timedelta(days=7)
    review = WeeklyReview(START + timedelta(days=8), ("OT", "Physio"), "Walking indoors unaided")
    e = e.with_review(review)
    assert e.next_review_due() == START + timedelta(days=15)
    ended = e.end(
        ended_on=START + timedelta(days=30), result=EndResult.REDUCED_PACKAGE, barthel_end=None
    )
    assert ended.next_review_due() is None
    with pytest.raises(DomainValidationError) as err:
        ended.with_review(review)
    assert err.value.field == "review"


def test_review_outside_the_episode_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        episode().with_review(WeeklyReview(START - timedelta(days=1), ("OT",), "x"))
    assert err.value.field == "review.held_on"


def test_review_needs_attendees_and_summary() -> None:
    with pytest.raises(DomainValidationError) as err:
        WeeklyReview(START, (), "x")
    assert err.value.field == "review.attendees"
    with pytest.raises(DomainValidationError) as err:
        WeeklyReview(START, ("OT",), "")
    assert err.value.field == "review.summary"


def test_follow_up_only_after_91_days() -> None:
    end = START + timedelta(days=30)
    ended = episode().end(ended_on=end, result=EndResult.NO_ONGOING_SUPPORT, barthel_end=None)
    with pytest.raises(DomainValidationError) as err:
        ended.record_follow_up(checked_on=end + timedelta(days=90), at_home=True)
    assert err.value.field == "follow_up.checked_on"
    followed = ended.record_follow_up(checked_on=end + timedelta(days=91), at_home=True)
    assert followed.at_home_after_91_days is True
    with pytest.raises(DomainValidationError) as err:
        episode().record_follow_up(checked_on=START, at_home=True)
    assert err.value.field == "episode.at_home_after_91_days"


def test_barthel_change() -> None:
    e = episode(barthel_start=barthel(30))
    assert e.barthel_change is None
    ended = e.end(
        ended_on=START + timedelta(days=40),
        result=EndResult.NO_ONGOING_SUPPORT,
        barthel_end=barthel(5),
    )
    assert ended.barthel_change == 25


def test_report_figures() -> None:
    def ended(
        result: EndResult, start_drop: int, end_drop: int, at_home: bool | None
    ) -> ReablementEpisode:
        e = episode(barthel_start=barthel(start_drop)).end(
            ended_on=START + timedelta(days=35), result=result, barthel_end=barthel(end_drop)
        )
        if at_home is not None:
            e = e.record_follow_up(checked_on=START + timedelta(days=200), at_home=at_home)
        return e

    episodes = [
        ended(EndResult.NO_ONGOING_SUPPORT, 30, 10, True),  # +20
        ended(EndResult.REDUCED_PACKAGE, 20, 10, True),  # +10
        ended(EndResult.HOSPITAL, 20, 25, False),  # -5
        ended(EndResult.NO_ONGOING_SUPPORT, 40, 0, None),  # +40
        episode(),  # still running
    ]
    figures = reablement_figures(episodes)
    assert figures.episodes == 5
    assert figures.ended == 4
    assert figures.share_no_ongoing_support == pytest.approx(0.5)
    assert figures.median_barthel_change == pytest.approx(15.0)
    assert figures.followed_up == 3
    assert figures.share_at_home_after_91_days == pytest.approx(2 / 3)


def test_report_figures_of_nothing_are_none() -> None:
    figures = reablement_figures([episode()])
    assert figures.share_no_ongoing_support is None
    assert figures.median_barthel_change is None
    assert figures.share_at_home_after_91_days is None


def test_a_person_with_no_episode_has_none_open() -> None:
    assert not has_open_episode([])


def test_an_episode_not_ended_is_open() -> None:
    assert has_open_episode([episode()])


def test_ended_episodes_are_not_open() -> None:
    ended = episode().end(
        ended_on=START + timedelta(days=20), result=EndResult.NO_ONGOING_SUPPORT, barthel_end=None
    )
    assert not has_open_episode([ended])
    assert has_open_episode([ended, episode()])
