"""The compatibility factors schemes weigh, their weights, and a pair's score with its reasons.

Each factor gives a value from 0 to 1 with a reason in plain words. The scheme sets each factor's
weight (0 to 10) and sees it beside every score. A factor the person has no wish about, or that
has nothing to compare, scores the middle (0.5): so naming a wish, or not, does not by itself move
someone up or down the list when places are short.

A factor also says whose view it is: the person's, the household's, or both. The total is what the
whole-list match maximises; each side's own total ranks the other side when checking stability.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import require_member, require_range

MAX_WEIGHT = 10
POINTS_SCALE = 1000
NEUTRAL = 0.5


class Factor(StrEnum):
    """What schemes compare when they match a person and a household."""

    LIFESTYLE = "lifestyle"
    INTERESTS = "interests"
    ROUTINES = "routines"
    LANGUAGE = "language"
    PETS = "pets"
    FAITH = "faith"
    NEAR = "near"
    SMOKING = "smoking"
    HELP = "help"


class Side(StrEnum):
    """Whose view a factor is."""

    PERSON = "person"
    HOUSEHOLD = "household"
    BOTH = "both"


FACTOR_TITLES: dict[Factor, str] = {
    Factor.LIFESTYLE: "Quiet or lively home",
    Factor.INTERESTS: "Shared interests",
    Factor.ROUTINES: "Daily routines",
    Factor.LANGUAGE: "Language",
    Factor.PETS: "Pets",
    Factor.FAITH: "Faith",
    Factor.NEAR: "Near the places that matter",
    Factor.SMOKING: "Smoking",
    Factor.HELP: "Help wanted and offered (Homeshare)",
}

FACTOR_SIDES: dict[Factor, Side] = {
    Factor.LIFESTYLE: Side.BOTH,
    Factor.INTERESTS: Side.BOTH,
    Factor.ROUTINES: Side.BOTH,
    Factor.LANGUAGE: Side.BOTH,
    Factor.PETS: Side.PERSON,
    Factor.FAITH: Side.PERSON,
    Factor.NEAR: Side.PERSON,
    Factor.SMOKING: Side.BOTH,
    Factor.HELP: Side.HOUSEHOLD,
}

DEFAULT_WEIGHTS: Mapping[Factor, int] = MappingProxyType(
    {
        Factor.LIFESTYLE: 8,
        Factor.INTERESTS: 6,
        Factor.ROUTINES: 5,
        Factor.LANGUAGE: 4,
        Factor.PETS: 3,
        Factor.FAITH: 4,
        Factor.NEAR: 7,
        Factor.SMOKING: 3,
        Factor.HELP: 8,
    }
)


@dataclass(frozen=True, slots=True)
class Weights:
    """The scheme's weight of each factor, 0 (ignored) to 10."""

    values: Mapping[Factor, int] = field(default_factory=lambda: DEFAULT_WEIGHTS)

    def __post_init__(self) -> None:
        cleaned = dict(DEFAULT_WEIGHTS)
        for key, weight in self.values.items():
            factor = require_member("weights.factor", key, Factor)
            require_range(f"weights.{factor.value}", weight, 0, MAX_WEIGHT)
            if weight != int(weight):
                raise DomainValidationError(f"weights.{factor.value}", "must be a whole number")
            cleaned[factor] = int(weight)
        object.__setattr__(self, "values", MappingProxyType(cleaned))

    def of(self, factor: Factor) -> int:
        """The weight of ``factor``."""
        return self.values[factor]


class FactorScore(NamedTuple):
    """One factor of one pair: its value from 0 to 1, its weight and the reason in plain words.

    A named tuple rather than a dataclass: a long waiting list scores tens of thousands of pairs,
    eight factors each, and a tuple is several times quicker to make.
    """

    factor: Factor
    value: float
    weight: int
    reason: str

    @property
    def side(self) -> Side:
        """Whose view the factor is."""
        return FACTOR_SIDES[self.factor]

    @property
    def title(self) -> str:
        """The factor's name for people."""
        return FACTOR_TITLES[self.factor]


def _points(scores: tuple[FactorScore, ...]) -> int:
    total_weight = sum(s.weight for s in scores)
    if total_weight == 0:
        return round(NEUTRAL * POINTS_SCALE)
    return round(POINTS_SCALE * sum(s.value * s.weight for s in scores) / total_weight)


@dataclass(frozen=True, slots=True)
class Compatibility:
    """How well a pair fits: every factor with its reason, and the weighted totals.

    Totals are whole points from 0 to 1000 (the weighted mean of the values), so that the solver,
    the stability check and any independent check all compare exactly the same numbers.
    """

    factors: tuple[FactorScore, ...]

    @property
    def points(self) -> int:
        """The weighted mean of every factor, 0 to 1000: what the whole-list match maximises."""
        return _points(self.factors)

    @property
    def person_points(self) -> int:
        """The weighted mean of the factors the person cares about (their ranking of households)."""
        return _points(tuple(s for s in self.factors if s.side is not Side.HOUSEHOLD))

    @property
    def household_points(self) -> int:
        """The weighted mean of the factors the household cares about (its ranking of people)."""
        return _points(tuple(s for s in self.factors if s.side is not Side.PERSON))

    @property
    def percent(self) -> float:
        """The total as a percentage, for people to read."""
        return self.points / (POINTS_SCALE / 100)


def score(factor: Factor, weights: Weights, value: float, reason: str) -> FactorScore:
    """A factor's score with the scheme's weight; ``value`` is clamped to 0..1."""
    return FactorScore(factor, min(1.0, max(0.0, value)), weights.of(factor), reason)


def overlap_value(shared: int, named: int, full_at: int) -> float:
    """How much two lists overlap: the middle when nothing was named, full at ``full_at`` shared."""
    if named == 0:
        return NEUTRAL
    return min(1.0, shared / min(full_at, named))


def distance_value(km: float, near_km: float, far_km: float) -> float:
    """1 within ``near_km``, falling straight to 0 at ``far_km``."""
    if km <= near_km:
        return 1.0
    return max(0.0, (far_km - km) / (far_km - near_km))
