"""A social prescribing referral: its SNOMED CT code, first contact, plan, follow-ups, decline,
close, wellbeing, and the figures over many."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careweave.domain.community.referral_figures import referral_figures
from careweave.domain.community.social_prescribing import (
    SNOMED_DECLINED,
    SNOMED_REFERRED,
    FollowUp,
    LinkStatus,
    Referral,
    ReferralSource,
    WellbeingRecord,
)
from careweave.domain.community.wellbeing import Ons4, Swemwbs
from careweave.domain.errors import DomainValidationError

DAY = date(2026, 3, 2)
SERVICE = "4b0c3a3e-1111-4222-8333-444455556666"


def a_referral(**changes: object) -> Referral:
    fields: dict[str, object] = {
        "person_id": "p1",
        "referred_on": DAY,
        "source": ReferralSource.GP,
        "reason": "Lonely since her husband died",
    }
    fields.update(changes)
    return Referral(**fields)  # type: ignore[arg-type]


def swemwbs(level: int) -> Swemwbs:
    return Swemwbs((level,) * 7)


def test_a_referral_is_coded_and_declining_changes_its_code() -> None:
    referral = a_referral()
    assert referral.snomed_code == SNOMED_REFERRED == "871731000000106"
    declined = referral.decline(DAY + timedelta(days=3), "Not for me just now")
    assert declined.snomed_code == SNOMED_DECLINED == "871711000000103"
    assert not declined.open
    with pytest.raises(DomainValidationError, match="declined"):
        declined.with_service(SERVICE, "")


def test_first_contact_takes_the_referral_onto_a_caseload() -> None:
    taken = a_referral().contacted(DAY + timedelta(days=5), "u-link")
    assert taken.link_worker_id == "u-link"
    assert taken.days_to_first_contact() == 5
    with pytest.raises(DomainValidationError, match="already recorded"):
        taken.contacted(DAY + timedelta(days=6), "u-other")


def test_the_plan_links_directory_services_and_follows_how_they_go() -> None:
    planned = a_referral().with_service(SERVICE, "Try the Tuesday lunch club")
    going = planned.with_service_status(SERVICE, LinkStatus.STARTED)
    assert going.plan[0].status is LinkStatus.STARTED
    with pytest.raises(DomainValidationError, match="twice"):
        planned.with_service(SERVICE, "")
    with pytest.raises(DomainValidationError) as raised:
        planned.with_service_status("another", LinkStatus.STOPPED)
    assert raised.value.field == "plan.service_id"


def test_follow_ups_and_dates_before_the_referral() -> None:
    followed = a_referral().with_follow_up(
        FollowUp(DAY + timedelta(days=14), "Went twice, enjoys it")
    )
    assert len(followed.follow_ups) == 1
    with pytest.raises(DomainValidationError):
        a_referral().with_follow_up(FollowUp(DAY - timedelta(days=1), "Before"))
    with pytest.raises(DomainValidationError) as raised:
        a_referral(first_contact_on=DAY - timedelta(days=1))
    assert raised.value.field == "referral.first_contact_on"


def test_wellbeing_is_kept_in_date_order_and_may_follow_the_close() -> None:
    referral = a_referral().close(DAY + timedelta(days=60))
    later = referral.with_wellbeing(WellbeingRecord(DAY + timedelta(days=90), swemwbs=swemwbs(4)))
    first = later.with_wellbeing(WellbeingRecord(DAY, swemwbs=swemwbs(3)))
    pair = first.swemwbs_first_and_last()
    assert pair is not None
    assert (pair[0].raw, pair[1].raw) == (21, 28)
    with pytest.raises(DomainValidationError, match="ONS4, SWEMWBS or both"):
        WellbeingRecord(DAY)


def test_figures_count_sources_waits_services_and_wellbeing_change() -> None:
    start = WellbeingRecord(DAY, ons4=Ons4(4, 5, 4, 7), swemwbs=swemwbs(3))
    better = WellbeingRecord(DAY + timedelta(days=70), ons4=Ons4(6, 6, 6, 4), swemwbs=swemwbs(4))
    same = WellbeingRecord(DAY + timedelta(days=70), swemwbs=swemwbs(3))
    referrals = [
        a_referral()
        .contacted(DAY + timedelta(days=4), "u")
        .with_service(SERVICE, "")
        .with_service_status(SERVICE, LinkStatus.STARTED)
        .with_wellbeing(start)
        .with_wellbeing(better),
        a_referral(source=ReferralSource.SELF)
        .contacted(DAY + timedelta(days=10), "u")
        .with_wellbeing(start)
        .with_wellbeing(same),
        a_referral(source=ReferralSource.WORKER).decline(DAY + timedelta(days=2), "No"),
    ]

    figures = referral_figures(referrals)

    assert figures.referrals == 3
    assert figures.by_source == {"gp": 1, "self": 1, "worker": 1}
    assert (figures.declined, figures.open) == (1, 2)
    assert figures.median_days_to_first_contact == 7
    assert figures.services_used == {SERVICE: 1}
    assert figures.swemwbs_change is not None
    assert figures.swemwbs_change.n == 2
    assert figures.swemwbs_change.mean == pytest.approx((25.03 - 19.25) / 2)
    assert figures.swemwbs_verdicts["meaningfully better"] == 1
    assert figures.swemwbs_verdicts["no meaningful change"] == 1
    anxious = figures.ons4_change["anxious"]
    assert anxious is not None
    assert anxious.mean == -3
