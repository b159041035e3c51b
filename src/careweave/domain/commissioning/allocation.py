"""The resource allocation table: an indicative personal budget from the assessed needs.

Councils turn an assessment into a first, indicative budget with a published table of points
(a "resource allocation system"); the practitioner and the person then agree the real budget
from the support plan, which may be more or less. careweave's table is the commissioner's to set
(:class:`ResourceAllocationTable`); the defaults here are a worked example, not any council's.

Points come from the latest eligibility assessment:

* each of the ten outcomes the person is unable to achieve scores ``points_per_outcome``;
* each further reason it is unable (pain or distress, danger, taking much longer) adds
  ``points_per_extra_reason`` on that outcome, since several reasons mean more help is needed;
* each well-being area with a significant impact adds ``points_per_significant_impact``.

The weekly budget is ``points × pence_per_point``, never below ``floor_weekly_pence`` for an
eligible person and never above ``cap_weekly_pence``; someone not eligible gets no indicative
budget (zero).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import ELIGIBILITY_OUTCOME_TITLES
from careweave.domain.plans.eligibility import EligibilityAssessment, Impact
from careweave.domain.values import require_range

MAX_POINTS = 100
MAX_WEEKLY_PENCE = 1_000_000  # £10,000 a week: above any home-care package, so a typo is refused


def _whole(field_name: str, value: object, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainValidationError(field_name, "must be a whole number")
    require_range(field_name, value, 0, high)
    return value


@dataclass(frozen=True, slots=True)
class ResourceAllocationTable:
    """The commissioner's points and prices (see the module's description)."""

    points_per_outcome: int = 6
    points_per_extra_reason: int = 2
    points_per_significant_impact: int = 1
    pence_per_point: int = 1_500
    floor_weekly_pence: int = 5_000
    cap_weekly_pence: int = 150_000

    def __post_init__(self) -> None:
        for name in ("points_per_outcome", "points_per_extra_reason"):
            _whole(f"allocation_table.{name}", getattr(self, name), MAX_POINTS)
        _whole(
            "allocation_table.points_per_significant_impact",
            self.points_per_significant_impact,
            MAX_POINTS,
        )
        for name in ("pence_per_point", "floor_weekly_pence", "cap_weekly_pence"):
            _whole(f"allocation_table.{name}", getattr(self, name), MAX_WEEKLY_PENCE)
        if self.floor_weekly_pence > self.cap_weekly_pence:
            raise DomainValidationError(
                "allocation_table.floor_weekly_pence", "must not be above cap_weekly_pence"
            )

    def as_dict(self) -> dict[str, int]:
        """The table's values by name (for storage and the API)."""
        return {name: getattr(self, name) for name in _FIELDS}

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> ResourceAllocationTable:
        """The table from :meth:`as_dict` (missing values take their defaults)."""
        unknown = sorted(set(values) - set(_FIELDS))
        if unknown:
            raise DomainValidationError(f"allocation_table.{unknown[0]}", "is not a setting")
        return cls(**dict(values))

    def indicative(self, assessment: EligibilityAssessment) -> IndicativeBudget:
        """The indicative weekly budget of ``assessment``, with each line of points."""
        if not assessment.determine().eligible:
            return IndicativeBudget(0, 0, ("Not eligible: no indicative budget.",))
        lines: list[str] = []
        points = 0
        for finding in assessment.findings:
            if not finding.unable:
                continue
            extra = (len(finding.reasons) - 1) * self.points_per_extra_reason
            points += self.points_per_outcome + extra
            title = ELIGIBILITY_OUTCOME_TITLES[finding.outcome]
            lines.append(f"{title}: {self.points_per_outcome + extra} points")
        significant = sum(impact is Impact.SIGNIFICANT for _, impact in assessment.wellbeing)
        if significant:
            points += significant * self.points_per_significant_impact
            lines.append(
                f"Significant impact on {significant} well-being areas: "
                f"{significant * self.points_per_significant_impact} points"
            )
        raw = points * self.pence_per_point
        weekly = min(max(raw, self.floor_weekly_pence), self.cap_weekly_pence)
        return IndicativeBudget(points, weekly, tuple(lines))


_FIELDS = tuple(ResourceAllocationTable.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class IndicativeBudget:
    """What the table gives: the points, the weekly pence and a line per source of points."""

    points: int
    weekly_pence: int
    lines: tuple[str, ...] = field(default=())
