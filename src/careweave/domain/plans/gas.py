"""Goal Attainment Scaling (GAS): goals scored −2..+2, ratings over time and the plan's T-score.

Each goal has five levels described in the person's words, from "much less than expected" (−2)
through "the expected outcome" (0) to "much more than expected" (+2). The T-score of Kiresuk and
Sherman combines the goals of a plan into one figure centred on 50:

    T = 50 + 10·Σwᵢxᵢ / √(0.7·Σwᵢ² + 0.3·(Σwᵢ)²)

where xᵢ is goal i's level and wᵢ its weight (all 1 when the goals are unweighted); 0.3 is the
conventional inter-goal correlation. The module also carries the FHIR R4 Goal lifecycle and
achievement statuses, and derives the achievement status from the ratings.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import new_id, require_text

GAS_LEVELS: tuple[int, ...] = (-2, -1, 0, 1, 2)
GAS_CORRELATION = 0.3
MAX_WEIGHT = 100.0

DEFAULT_LEVEL_MEANINGS: dict[int, str] = {
    -2: "much less than expected",
    -1: "somewhat less than expected",
    0: "the expected outcome",
    1: "somewhat more than expected",
    2: "much more than expected",
}


def require_gas_level(field_name: str, value: object) -> int:
    """Return ``value`` as a GAS level, or raise naming ``field_name`` if it is not −2..+2."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainValidationError(
            field_name, f"must be a whole number from -2 to +2, got {value!r}"
        )
    if value not in GAS_LEVELS:
        raise DomainValidationError(field_name, f"must be from -2 to +2, got {value}")
    return value


def require_weight(field_name: str, value: object) -> float:
    """Return ``value`` as a positive goal weight (at most :data:`MAX_WEIGHT`) or raise."""
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise DomainValidationError(field_name, "must be a number")
    if not 0 < value <= MAX_WEIGHT:
        raise DomainValidationError(field_name, f"must be above 0 and at most {MAX_WEIGHT:g}")
    return float(value)


@dataclass(frozen=True, slots=True)
class GasScale:
    """What each of the five levels of one goal looks like, in words.

    Parameters
    ----------
    levels
        A description for every level −2, −1, 0, +1 and +2 (all five are required).
    """

    levels: Mapping[int, str]

    def __post_init__(self) -> None:
        cleaned: dict[int, str] = {}
        for key, text in self.levels.items():
            level = require_gas_level("goal.scale.level", key)
            cleaned[level] = require_text(f"goal.scale.{level:+d}", text, max_length=500)
        missing = [f"{level:+d}" for level in GAS_LEVELS if level not in cleaned]
        if missing:
            raise DomainValidationError(
                "goal.scale", f"needs a description for every level; missing {', '.join(missing)}"
            )
        object.__setattr__(self, "levels", dict(sorted(cleaned.items())))

    def describe(self, level: int) -> str:
        """The words for ``level``."""
        return self.levels[require_gas_level("level", level)]


@dataclass(frozen=True, slots=True)
class GasRating:
    """One rating of one goal on one day."""

    goal_id: str
    rated_on: date
    level: int
    rated_by: str
    note: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        require_text("rating.goal_id", self.goal_id, max_length=64)
        if not isinstance(self.rated_on, date):
            raise DomainValidationError("rating.rated_on", "must be a date")
        require_gas_level("rating.level", self.level)
        object.__setattr__(
            self, "rated_by", require_text("rating.rated_by", self.rated_by, max_length=120)
        )
        object.__setattr__(
            self, "note", require_text("rating.note", self.note, max_length=2000, allow_empty=True)
        )


def t_score(weighted_levels: Sequence[tuple[float, int]]) -> float:
    """The GAS T-score of goals given as ``(weight, level)`` pairs.

    Parameters
    ----------
    weighted_levels
        One ``(wᵢ, xᵢ)`` per goal; use weight 1 for every goal for the unweighted score.

    Returns
    -------
    float
        ``50 + 10·Σwᵢxᵢ / √(0.7·Σwᵢ² + 0.3·(Σwᵢ)²)``; 50 means every goal was met as expected.

    Raises
    ------
    DomainValidationError
        If there are no goals, a level is outside −2..+2 or a weight is not positive.
    """
    if not weighted_levels:
        raise DomainValidationError("goals", "a T-score needs at least one rated goal")
    weights = [require_weight("goal.weight", w) for w, _ in weighted_levels]
    levels = [require_gas_level("rating.level", x) for _, x in weighted_levels]
    numerator = sum(w * x for w, x in zip(weights, levels, strict=True))
    sum_w = sum(weights)
    sum_w2 = sum(w * w for w in weights)
    denominator = math.sqrt((1 - GAS_CORRELATION) * sum_w2 + GAS_CORRELATION * sum_w**2)
    return 50.0 + 10.0 * numerator / denominator


def latest_levels(ratings: Iterable[GasRating], on: date) -> dict[str, int]:
    """Each goal's most recent level on or before ``on`` (goals not yet rated are left out)."""
    latest: dict[str, GasRating] = {}
    for rating in ratings:
        if rating.rated_on > on:
            continue
        held = latest.get(rating.goal_id)
        if held is None or rating.rated_on >= held.rated_on:
            latest[rating.goal_id] = rating
    return {goal_id: rating.level for goal_id, rating in latest.items()}


def t_score_series(
    weights: Mapping[str, float], ratings: Iterable[GasRating]
) -> list[tuple[date, float]]:
    """The plan's T-score on every day a goal was rated.

    Each point uses every goal's most recent rating up to that day; goals not yet rated that day
    are left out (the score is of the goals rated so far). Ratings of goals not in ``weights``
    (e.g. goals dropped from the plan) are ignored.
    """
    kept = [r for r in ratings if r.goal_id in weights]
    series: list[tuple[date, float]] = []
    for day in sorted({r.rated_on for r in kept}):
        levels = latest_levels(kept, day)
        series.append((day, t_score([(weights[g], x) for g, x in sorted(levels.items())])))
    return series


class GoalLifecycleStatus(StrEnum):
    """FHIR R4 Goal.lifecycleStatus (http://hl7.org/fhir/goal-status)."""

    PROPOSED = "proposed"
    PLANNED = "planned"
    ACCEPTED = "accepted"
    ACTIVE = "active"
    ON_HOLD = "on-hold"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    ENTERED_IN_ERROR = "entered-in-error"
    REJECTED = "rejected"

    @property
    def is_withdrawn(self) -> bool:
        """True for a goal given up, turned down or recorded by mistake: it is not rated and does
        not count towards the T-score."""
        return self in _WITHDRAWN

    @property
    def has_ended(self) -> bool:
        """True for a goal no longer worked towards: withdrawn, or completed."""
        return self in _ENDED


_WITHDRAWN = frozenset(
    {
        GoalLifecycleStatus.CANCELLED,
        GoalLifecycleStatus.ENTERED_IN_ERROR,
        GoalLifecycleStatus.REJECTED,
    }
)
_ENDED = _WITHDRAWN | {GoalLifecycleStatus.COMPLETED}
_OPEN = frozenset(GoalLifecycleStatus) - _ENDED

# A goal may move between any two open states (plans change as life does); once it has ended it
# stays ended, except that a goal marked completed may be reopened if the person slips back.
LIFECYCLE_TRANSITIONS: dict[GoalLifecycleStatus, frozenset[GoalLifecycleStatus]] = {
    **{status: frozenset(GoalLifecycleStatus) - {status} for status in _OPEN},
    GoalLifecycleStatus.COMPLETED: frozenset(
        {GoalLifecycleStatus.ACTIVE, GoalLifecycleStatus.ENTERED_IN_ERROR}
    ),
    GoalLifecycleStatus.CANCELLED: frozenset({GoalLifecycleStatus.ENTERED_IN_ERROR}),
    GoalLifecycleStatus.REJECTED: frozenset({GoalLifecycleStatus.ENTERED_IN_ERROR}),
    GoalLifecycleStatus.ENTERED_IN_ERROR: frozenset(),
}


def check_lifecycle_change(old: GoalLifecycleStatus, new: GoalLifecycleStatus) -> None:
    """Raise if a goal may not move from ``old`` to ``new`` (staying put is always allowed)."""
    if old != new and new not in LIFECYCLE_TRANSITIONS[old]:
        raise DomainValidationError(
            "goal.lifecycle_status", f"a goal that is {old.value} cannot become {new.value}"
        )


class GoalAchievementStatus(StrEnum):
    """FHIR R4 Goal.achievementStatus (http://terminology.hl7.org/CodeSystem/goal-achievement)."""

    IN_PROGRESS = "in-progress"
    IMPROVING = "improving"
    WORSENING = "worsening"
    NO_CHANGE = "no-change"
    ACHIEVED = "achieved"
    SUSTAINING = "sustaining"
    NOT_ACHIEVED = "not-achieved"
    NO_PROGRESS = "no-progress"
    NOT_ATTAINABLE = "not-attainable"


def achievement_from_ratings(
    ratings: Sequence[GasRating], *, ended: bool = False
) -> GoalAchievementStatus:
    """The FHIR achievement status that a goal's ratings show.

    Level 0 or above is the expected outcome or better: "achieved" the first time, "sustaining"
    when the rating before was there too. Below 0 the trend against the previous rating decides
    (improving, worsening, no change). When the goal has ended below 0 it is "not achieved".
    """
    ordered = sorted(ratings, key=lambda r: r.rated_on)
    if not ordered:
        return GoalAchievementStatus.IN_PROGRESS
    last = ordered[-1].level
    previous = ordered[-2].level if len(ordered) > 1 else None
    if last >= 0:
        if previous is not None and previous >= 0:
            return GoalAchievementStatus.SUSTAINING
        return GoalAchievementStatus.ACHIEVED
    if ended:
        return GoalAchievementStatus.NOT_ACHIEVED
    if previous is None:
        return GoalAchievementStatus.IN_PROGRESS
    if last > previous:
        return GoalAchievementStatus.IMPROVING
    if last < previous:
        return GoalAchievementStatus.WORSENING
    return GoalAchievementStatus.NO_CHANGE
