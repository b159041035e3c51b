"""The scheme's figures: people matched and waiting, time to match, arrangements that last,
payments to carers, cost against the regulated-care alternative, and what declines say about the
weights.

Cost figures (Social Finance, 2013, "Investing in Shared Lives"): Shared Lives costs about
£26,000 a year less than other regulated care for a person with learning disabilities (about
£34,000 against £60,000) and about £8,000 a year less for a person with mental health needs. No
figure is claimed for the other groups.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from careweave.domain.family_support.arrangements import (
    SIX_MONTHS_DAYS,
    Arrangement,
    ArrangementStatus,
)
from careweave.domain.family_support.calendar import days_between
from careweave.domain.family_support.factors import Factor, Weights
from careweave.domain.family_support.referrals import Referral, ReferralStatus
from careweave.domain.family_support.vocab import ArrangementType, SupportGroup

YEARLY_SAVING_PENCE: dict[SupportGroup, int] = {
    SupportGroup.LEARNING_DISABILITY: 26_000_00,
    SupportGroup.MENTAL_HEALTH: 8_000_00,
}
SAVING_SOURCE = "Social Finance (2013), Investing in Shared Lives"
DAYS_A_YEAR = 365


@dataclass(frozen=True, slots=True)
class Payment:
    """What a carer is owed for an arrangement over a period: units (nights or days) times rate."""

    arrangement_id: str
    first_day: date
    last_day: date
    units: int
    unit: str
    rate_pence: int

    @property
    def total_pence(self) -> int:
        """Units times rate."""
        return self.units * self.rate_pence


def payment_for(arrangement: Arrangement, first_day: date, last_day: date) -> Payment:
    """The carer's payment for the nights (or days of day support) it ran from ``first_day`` to
    ``last_day``, both included; nothing is owed before it became active."""
    running = arrangement.status in (ArrangementStatus.ACTIVE, ArrangementStatus.ENDED)
    days = days_between(first_day, last_day) if running else ()
    units = sum(_ran_on(arrangement, d) for d in days)
    unit = "day" if arrangement.arrangement_type is ArrangementType.DAY_SUPPORT else "night"
    return Payment(arrangement.id, first_day, last_day, units, unit, arrangement.rate_pence)


def _ran_on(arrangement: Arrangement, day: date) -> bool:
    if day < arrangement.starts_on or (arrangement.ends_on and day >= arrangement.ends_on):
        return False
    kind = arrangement.arrangement_type
    if kind is ArrangementType.SHORT_BREAKS:
        return any(day in stay.nights for stay in arrangement.stays)
    if kind is ArrangementType.DAY_SUPPORT:
        return day.weekday() in arrangement.weekdays
    return True


@dataclass(frozen=True, slots=True)
class SchemeFigures:
    """The figures of a scheme on a day (``None`` where there is nothing to count)."""

    matched: int
    waiting: int
    median_days_to_match: float | None
    started_six_months_ago: int
    lasted_six_months: int
    running_long_term: int
    yearly_carer_pay_pence: int
    yearly_saving_pence: int

    @property
    def share_lasting_six_months(self) -> float | None:
        """Of arrangements that started at least six months ago, the share that lasted."""
        if not self.started_six_months_ago:
            return None
        return self.lasted_six_months / self.started_six_months_ago


def scheme_figures(
    referrals: Sequence[Referral], arrangements: Sequence[Arrangement], today: date
) -> SchemeFigures:
    """Compute the scheme's figures on ``today``."""
    days = [d for d in (r.days_to_match() for r in referrals) if d is not None]
    group = {r.id: r.support_group for r in referrals}
    started = [
        a
        for a in arrangements
        if a.status in (ArrangementStatus.ACTIVE, ArrangementStatus.ENDED)
        and a.starts_on <= today - timedelta(days=SIX_MONTHS_DAYS)
    ]
    long_term = [
        a
        for a in arrangements
        if a.status is ArrangementStatus.ACTIVE and a.arrangement_type is ArrangementType.LONG_TERM
    ]
    return SchemeFigures(
        matched=sum(r.status is ReferralStatus.MATCHED for r in referrals),
        waiting=sum(
            r.status in (ReferralStatus.WAITING, ReferralStatus.INTRODUCING) for r in referrals
        ),
        median_days_to_match=float(statistics.median(days)) if days else None,
        started_six_months_ago=len(started),
        lasted_six_months=sum(a.lasted_six_months(today) for a in started),
        running_long_term=len(long_term),
        yearly_carer_pay_pence=sum(a.rate_pence * DAYS_A_YEAR for a in long_term),
        yearly_saving_pence=sum(_saving(group.get(a.referral_id)) for a in long_term),
    )


def _saving(group: SupportGroup | None) -> int:
    return 0 if group is None else YEARLY_SAVING_PENCE.get(group, 0)


@dataclass(frozen=True, slots=True)
class DeclineRow:
    """How often a factor was given as a reason for declining a match, beside its weight."""

    factor: Factor
    declines: int
    share: float
    weight: int


def weights_report(arrangements: Sequence[Arrangement], weights: Weights) -> list[DeclineRow]:
    """Every factor with how often declines named it (most first), so the scheme can see which
    weight the people's own decisions say is too low."""
    declines = [a.decline for a in arrangements if a.decline is not None]
    counts = Counter(f for d in declines for f in d.factors)
    rows = [
        DeclineRow(f, counts[f], counts[f] / len(declines) if declines else 0.0, weights.of(f))
        for f in Factor
    ]
    return sorted(rows, key=lambda r: (-r.declines, r.factor.value))
