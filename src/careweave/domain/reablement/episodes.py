"""Reablement: a short, intensive episode of support to regain skills and confidence at home.

The Care and Support (Preventing Needs for Care and Support) Regulations 2014 (SI 2014/2672)
make intermediate care and reablement free for up to six weeks, so an episode runs from day 1 (its
start date) to day 42 at the latest; going beyond needs a recorded reason. Progress is measured
with GAS goals from the plan and the Barthel Index at the start and the end, the
multi-disciplinary team reviews it every week, and the end result is recorded. Figures for
reports: the share of episodes ending with no ongoing support, the median Barthel change and the
share of people still at home 91 days after the episode (ASCOF 2B(1)).
"""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.reablement.barthel import BarthelScore
from careweave.domain.values import new_id, require_member, require_text

FREE_DAYS = 42
REVIEW_INTERVAL_DAYS = 7
FOLLOW_UP_DAYS = 91


class EndResult(StrEnum):
    """How the episode ended."""

    NO_ONGOING_SUPPORT = "no_ongoing_support"
    REDUCED_PACKAGE = "reduced_package"
    SAME_PACKAGE = "same_package"
    INCREASED_PACKAGE = "increased_package"
    HOSPITAL = "hospital"
    RESIDENTIAL_CARE = "residential_care"


END_RESULT_TITLES: dict[EndResult, str] = {
    EndResult.NO_ONGOING_SUPPORT: "No ongoing support needed",
    EndResult.REDUCED_PACKAGE: "Smaller package of care",
    EndResult.SAME_PACKAGE: "Same package of care",
    EndResult.INCREASED_PACKAGE: "Larger package of care",
    EndResult.HOSPITAL: "Went into hospital",
    EndResult.RESIDENTIAL_CARE: "Moved into residential care",
}


@dataclass(frozen=True, slots=True)
class WeeklyReview:
    """A weekly review of the episode by the multi-disciplinary team."""

    held_on: date
    attendees: tuple[str, ...]
    summary: str
    decisions: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.held_on, date):
            raise DomainValidationError("review.held_on", "must be a date")
        attendees = tuple(
            require_text("review.attendees", a, max_length=120) for a in self.attendees
        )
        if not attendees:
            raise DomainValidationError("review.attendees", "name at least one member of the team")
        object.__setattr__(self, "attendees", attendees)
        object.__setattr__(
            self, "summary", require_text("review.summary", self.summary, max_length=4000)
        )
        object.__setattr__(
            self,
            "decisions",
            require_text("review.decisions", self.decisions, max_length=4000, allow_empty=True),
        )


@dataclass(frozen=True, slots=True)
class ReablementEpisode:
    """One reablement episode.

    Parameters
    ----------
    started_on
        Day 1 of the episode.
    planned_end_on
        When it is planned to end; by day 42 unless ``extension_reason`` says why not.
    goal_ids
        The plan goals (scored with GAS) this episode works on.
    barthel_start, barthel_end
        Barthel Index at the start and at the end.
    ended_on, end_result
        Set together when the episode ends.
    at_home_after_91_days
        The follow-up 91 days after the end: still living at home or not (None until checked).
    """

    person_id: str
    started_on: date
    planned_end_on: date
    plan_id: str | None = None
    goal_ids: tuple[str, ...] = ()
    barthel_start: BarthelScore | None = None
    barthel_end: BarthelScore | None = None
    reviews: tuple[WeeklyReview, ...] = ()
    extension_reason: str = ""
    ended_on: date | None = None
    end_result: EndResult | None = None
    at_home_after_91_days: bool | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        for name in ("started_on", "planned_end_on"):
            if not isinstance(getattr(self, name), date):
                raise DomainValidationError(f"episode.{name}", "must be a date")
        object.__setattr__(
            self,
            "extension_reason",
            require_text(
                "episode.extension_reason", self.extension_reason, max_length=2000, allow_empty=True
            ),
        )
        if self.planned_end_on < self.started_on:
            raise DomainValidationError(
                "episode.planned_end_on", "must not be before the start date"
            )
        self._check_length("episode.planned_end_on", self.planned_end_on)
        self._check_end()
        for review in self.reviews:
            if review.held_on < self.started_on or (
                self.ended_on and review.held_on > self.ended_on
            ):
                raise DomainValidationError("review.held_on", "must fall within the episode")

    def _check_length(self, field_name: str, last_day: date) -> None:
        if self.day_number(last_day) > FREE_DAYS and not self.extension_reason:
            raise DomainValidationError(
                field_name,
                f"an episode longer than {FREE_DAYS} days (the free six weeks) needs a recorded "
                "reason in episode.extension_reason",
            )

    def _check_end(self) -> None:
        if (self.ended_on is None) != (self.end_result is None):
            raise DomainValidationError(
                "episode.end_result", "give the end date and the end result together"
            )
        if self.end_result is not None:
            object.__setattr__(
                self, "end_result", require_member("episode.end_result", self.end_result, EndResult)
            )
        if self.ended_on is not None:
            if self.ended_on < self.started_on:
                raise DomainValidationError("episode.ended_on", "must not be before the start date")
            self._check_length("episode.ended_on", self.ended_on)
        elif self.barthel_end is not None:
            raise DomainValidationError("episode.barthel_end", "is recorded when the episode ends")
        if self.at_home_after_91_days is not None and self.ended_on is None:
            raise DomainValidationError(
                "episode.at_home_after_91_days", "is recorded after the episode has ended"
            )

    @property
    def last_free_day(self) -> date:
        """Day 42 of the episode, the last day of the free six weeks."""
        return self.started_on + timedelta(days=FREE_DAYS - 1)

    def day_number(self, day: date) -> int:
        """Which day of the episode ``day`` is (the start date is day 1)."""
        return (day - self.started_on).days + 1

    def free_days_left(self, today: date) -> int:
        """Free days left including ``today`` (0 once past day 42)."""
        return max(0, min(FREE_DAYS, (self.last_free_day - today).days + 1))

    @property
    def ended(self) -> bool:
        """Whether the episode has ended."""
        return self.ended_on is not None

    def next_review_due(self) -> date | None:
        """A week after the last review (or after the start); None once the episode has ended."""
        if self.ended:
            return None
        last = max((r.held_on for r in self.reviews), default=self.started_on)
        return last + timedelta(days=REVIEW_INTERVAL_DAYS)

    def with_review(self, review: WeeklyReview) -> ReablementEpisode:
        """A copy of the episode with ``review`` added."""
        if self.ended:
            raise DomainValidationError("review", "the episode has ended")
        return dataclasses.replace(self, reviews=(*self.reviews, review))

    def end(
        self,
        *,
        ended_on: date,
        result: EndResult,
        barthel_end: BarthelScore | None,
        extension_reason: str = "",
    ) -> ReablementEpisode:
        """A copy of the episode ended on ``ended_on`` with ``result``."""
        if self.ended:
            raise DomainValidationError("episode.ended_on", "the episode has already ended")
        return dataclasses.replace(
            self,
            ended_on=ended_on,
            end_result=result,
            barthel_end=barthel_end,
            extension_reason=extension_reason or self.extension_reason,
        )

    def record_follow_up(self, *, checked_on: date, at_home: bool) -> ReablementEpisode:
        """A copy with the 91-day follow-up recorded (no earlier than 91 days after the end)."""
        if self.ended_on is None:
            raise DomainValidationError(
                "episode.at_home_after_91_days", "the episode has not ended yet"
            )
        if checked_on < self.ended_on + timedelta(days=FOLLOW_UP_DAYS):
            raise DomainValidationError(
                "follow_up.checked_on",
                f"the follow-up is {FOLLOW_UP_DAYS} days after the end of the episode",
            )
        return dataclasses.replace(self, at_home_after_91_days=at_home)

    @property
    def barthel_change(self) -> int | None:
        """End minus start Barthel total, when both were recorded."""
        if self.barthel_start is None or self.barthel_end is None:
            return None
        return self.barthel_end.total - self.barthel_start.total


def has_open_episode(episodes: Iterable[ReablementEpisode]) -> bool:
    """Whether any of a person's ``episodes`` has not ended: a person has one episode at a time."""
    return any(not e.ended for e in episodes)


@dataclass(frozen=True, slots=True)
class ReablementFigures:
    """The report figures over a set of episodes (None when there is nothing to count)."""

    episodes: int
    ended: int
    share_no_ongoing_support: float | None
    median_barthel_change: float | None
    followed_up: int
    share_at_home_after_91_days: float | None


def reablement_figures(episodes: Sequence[ReablementEpisode]) -> ReablementFigures:
    """Compute the reablement report figures.

    The share with no ongoing support is over ended episodes; the median Barthel change over
    episodes with both scores; the share at home over episodes whose 91-day follow-up is recorded.
    """
    ended = [e for e in episodes if e.ended]
    changes = [c for c in (e.barthel_change for e in ended) if c is not None]
    followed = [e for e in ended if e.at_home_after_91_days is not None]
    return ReablementFigures(
        episodes=len(episodes),
        ended=len(ended),
        share_no_ongoing_support=(
            sum(e.end_result == EndResult.NO_ONGOING_SUPPORT for e in ended) / len(ended)
            if ended
            else None
        ),
        median_barthel_change=float(statistics.median(changes)) if changes else None,
        followed_up=len(followed),
        share_at_home_after_91_days=(
            sum(bool(e.at_home_after_91_days) for e in followed) / len(followed)
            if followed
            else None
        ),
    )
