"""Referrals: stays for short breaks only, the statuses, and time to match."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.family_support_builders import TODAY, a_referral, short_breaks

from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.calendar import Stay, check_no_overlap
from careweave.domain.family_support.referrals import Limits, ReferralStatus, Wishes
from careweave.domain.family_support.vocab import ArrangementType


def test_a_stay_is_counted_in_nights() -> None:
    stay = Stay(TODAY, TODAY + timedelta(days=2))
    assert stay.nights == (TODAY, TODAY + timedelta(days=1))
    with pytest.raises(DomainValidationError) as err:
        Stay(TODAY, TODAY)
    assert err.value.field == "stay.leave_on"
    with pytest.raises(DomainValidationError):
        Stay(TODAY, TODAY + timedelta(days=29))


def test_stays_that_share_a_night_are_refused_but_back_to_back_is_fine() -> None:
    first = Stay(TODAY, TODAY + timedelta(days=2))
    assert (
        check_no_overlap("s", [Stay(TODAY + timedelta(days=2), TODAY + timedelta(days=3)), first])[
            0
        ]
        == first
    )
    with pytest.raises(DomainValidationError):
        check_no_overlap("s", [first, Stay(TODAY + timedelta(days=1), TODAY + timedelta(days=3))])


def test_short_breaks_need_stays_and_other_kinds_have_none() -> None:
    with pytest.raises(DomainValidationError) as err:
        a_referral(arrangement_type=ArrangementType.SHORT_BREAKS)
    assert err.value.field == "referral.stays"
    with pytest.raises(DomainValidationError):
        a_referral(stays=(Stay(TODAY, TODAY + timedelta(days=1)),))
    assert short_breaks().stays


def test_stays_do_not_start_before_the_wanted_date() -> None:
    with pytest.raises(DomainValidationError) as err:
        a_referral(
            arrangement_type=ArrangementType.SHORT_BREAKS,
            stays=(Stay(TODAY, TODAY + timedelta(days=1)),),
            wanted_from=TODAY + timedelta(days=1),
        )
    assert err.value.field == "referral.stays"


def test_wanted_from_is_not_before_the_referral() -> None:
    with pytest.raises(DomainValidationError) as err:
        a_referral(wanted_from=TODAY - timedelta(days=31))
    assert err.value.field == "referral.wanted_from"


def test_from_waiting_through_introductions_to_matched() -> None:
    referral = a_referral()
    assert referral.waiting
    introducing = referral.start_introductions()
    assert not introducing.waiting
    with pytest.raises(DomainValidationError):
        introducing.start_introductions()
    assert introducing.back_to_waiting().waiting
    matched = introducing.matched(TODAY)
    assert matched.status is ReferralStatus.MATCHED
    assert matched.days_to_match() == 30
    with pytest.raises(DomainValidationError):
        matched.close("moved away")


def test_closing_needs_a_reason() -> None:
    with pytest.raises(DomainValidationError) as err:
        a_referral().close("  ")
    assert err.value.field == "referral.closed_reason"
    assert a_referral().close("chose a care home").status is ReferralStatus.CLOSED


def test_a_faith_that_matters_is_named() -> None:
    with pytest.raises(DomainValidationError) as err:
        Wishes(faith_matters=True)
    assert err.value.field == "wishes.faith"


def test_limits_are_checked() -> None:
    with pytest.raises(DomainValidationError) as err:
        Limits(max_distance_km=0)
    assert err.value.field == "limits.max_distance_km"
    assert Limits(communication_language=" BSL ").communication_language == "bsl"
