"""The figures of social prescribing a commissioner reads: referrals by source, how many were
declined, time to first contact, the services people used, and the change in wellbeing with its
uncertainty. Counts only: nothing that names anyone."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from careweave.domain.community.social_prescribing import LinkStatus, Referral
from careweave.domain.community.wellbeing import (
    ChangeVerdict,
    MeanChange,
    Ons4Question,
    mean_change,
    swemwbs_verdict,
)


@dataclass(frozen=True, slots=True)
class ReferralFigures:
    """What happened to a set of referrals."""

    referrals: int
    by_source: Mapping[str, int]
    declined: int
    open: int
    median_days_to_first_contact: float | None
    services_used: Mapping[str, int]
    swemwbs_change: MeanChange | None
    swemwbs_verdicts: Mapping[str, int]
    ons4_change: Mapping[str, MeanChange | None]


def referral_figures(referrals: Sequence[Referral]) -> ReferralFigures:
    """The figures of ``referrals``. Wellbeing change is the last measure less the first, for
    those measured on two different days; services used are those started."""
    waits = [d for r in referrals if (d := r.days_to_first_contact()) is not None]
    used = Counter(
        p.service_id for r in referrals for p in r.plan if p.status is not LinkStatus.SUGGESTED
    )
    pairs = [pair for r in referrals if (pair := r.swemwbs_first_and_last()) is not None]
    verdicts = Counter(swemwbs_verdict(before, after).value for before, after in pairs)
    return ReferralFigures(
        referrals=len(referrals),
        by_source=dict(Counter(r.source.value for r in referrals)),
        declined=sum(r.declined for r in referrals),
        open=sum(r.open for r in referrals),
        median_days_to_first_contact=statistics.median(waits) if waits else None,
        services_used=dict(used),
        swemwbs_change=mean_change([after.metric - before.metric for before, after in pairs]),
        swemwbs_verdicts={v.value: verdicts.get(v.value, 0) for v in ChangeVerdict},
        ons4_change={q.value: _ons4_change(referrals, q) for q in Ons4Question},
    )


def _ons4_change(referrals: Sequence[Referral], question: Ons4Question) -> MeanChange | None:
    changes: list[float] = []
    for referral in referrals:
        taken = [r for r in referral.wellbeing if r.ons4 is not None]
        if len(taken) >= 2 and taken[0].taken_on != taken[-1].taken_on:
            first, last = taken[0].ons4, taken[-1].ons4
            if first is not None and last is not None:
                changes.append(last.score(question) - first.score(question))
    return mean_change(changes)
