"""Arrangements: the lifecycle, the decision window, reviews, payments and the scheme's figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from tests.family_support_builders import (
    TODAY,
    a_household,
    a_referral,
    an_arrangement,
    short_breaks,
)

from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.arrangements import (
    Agreement,
    Arrangement,
    ArrangementStatus,
    Decline,
    DeclinedBy,
    EndReason,
    Review,
)
from careweave.domain.family_support.calendar import Stay
from careweave.domain.family_support.factors import Factor, Weights
from careweave.domain.family_support.figures import payment_for, scheme_figures, weights_report
from careweave.domain.family_support.vocab import ArrangementType, SupportGroup

AGREEMENT = Agreement("We agree to ...", TODAY + timedelta(days=5))


def introduced() -> Arrangement:
    return an_arrangement(a_referral(), a_household())


def test_the_decision_window_is_seven_days() -> None:
    arrangement = introduced()
    assert arrangement.decide_by == TODAY + timedelta(days=7)
    assert not arrangement.decision_overdue(TODAY + timedelta(days=7))
    assert arrangement.decision_overdue(TODAY + timedelta(days=8))
    assert not arrangement.agree(AGREEMENT).decision_overdue(TODAY + timedelta(days=30))


def test_introduction_trial_agreed_active_reviewed_ended() -> None:
    arrangement = introduced().start_trial().agree(AGREEMENT)
    assert arrangement.status is ArrangementStatus.AGREED
    active = arrangement.activate(TODAY + timedelta(days=10))
    assert active.next_review_due() == TODAY + timedelta(days=192)
    reviewed = active.with_review(Review(TODAY + timedelta(days=100), "Settled well"))
    assert reviewed.next_review_due() == TODAY + timedelta(days=282)
    ended = reviewed.end(TODAY + timedelta(days=300), EndReason.MOVED_ON, "Own flat")
    assert ended.status is ArrangementStatus.ENDED
    assert not ended.live
    assert ended.next_review_due() is None


@pytest.mark.parametrize(
    ("step", "field"),
    [
        (lambda a: a.activate(TODAY), "arrangement.status"),
        (lambda a: a.end(TODAY, EndReason.MOVED_ON), "arrangement.status"),
        (lambda a: a.with_review(Review(TODAY, "x")), "review"),
        (lambda a: a.start_trial().start_trial(), "arrangement.status"),
        (lambda a: a.agree(Agreement("x", TODAY - timedelta(days=1))), "agreement.signed_on"),
    ],
    ids=[
        "activate before agreeing",
        "end an introduction",
        "review an introduction",
        "trial twice",
        "agreement before introduction",
    ],
)
def test_steps_out_of_order_are_refused(
    step: Callable[[Arrangement], Arrangement], field: str
) -> None:
    with pytest.raises(DomainValidationError) as err:
        step(introduced())
    assert err.value.field == field


def test_a_decline_needs_a_reason() -> None:
    with pytest.raises(DomainValidationError) as err:
        Decline(DeclinedBy.PERSON, frozenset())
    assert err.value.field == "decline.note"
    declined = introduced().decline_with(Decline(DeclinedBy.HOUSEHOLD, frozenset({Factor.PETS})))
    assert declined.status is ArrangementStatus.DECLINED
    assert not declined.live


def test_kind_details_are_checked() -> None:
    with pytest.raises(DomainValidationError) as err:
        an_arrangement(a_referral(), a_household(), room=None)
    assert err.value.field == "arrangement.room"
    day = a_referral(arrangement_type=ArrangementType.DAY_SUPPORT)
    with pytest.raises(DomainValidationError) as err:
        an_arrangement(day, a_household(), weekdays=frozenset({7}))
    assert err.value.field == "arrangement.weekdays"


def test_long_term_nights_are_paid_from_the_start_to_the_end() -> None:
    active = introduced().agree(AGREEMENT).activate(date(2026, 3, 10))
    march = payment_for(active, date(2026, 3, 1), date(2026, 3, 31))
    assert (march.units, march.unit, march.total_pence) == (22, "night", 22 * 6000)
    ended = active.end(date(2026, 3, 20), EndReason.PERSON_CHOSE)
    assert payment_for(ended, date(2026, 3, 1), date(2026, 3, 31)).units == 10
    assert payment_for(introduced(), date(2026, 3, 1), date(2026, 3, 31)).units == 0


def test_short_breaks_are_paid_per_night_and_day_support_per_day() -> None:
    stay = Stay(date(2026, 3, 13), date(2026, 3, 16))
    breaks = an_arrangement(short_breaks("sb", stay), a_household())
    breaks = breaks.agree(AGREEMENT).activate(stay.arrive_on)
    assert payment_for(breaks, date(2026, 3, 1), date(2026, 3, 31)).units == 3
    day = an_arrangement(a_referral(arrangement_type=ArrangementType.DAY_SUPPORT), a_household())
    day = day.agree(AGREEMENT).activate(date(2026, 3, 9))  # a Monday; Mondays and Wednesdays
    paid = payment_for(day, date(2026, 3, 1), date(2026, 3, 31))
    assert (paid.units, paid.unit) == (7, "day")


def test_scheme_figures() -> None:
    ld = a_referral(
        "ld", received_on=TODAY - timedelta(days=300), wanted_from=TODAY - timedelta(days=290)
    )
    mh = a_referral(
        "mh",
        support_group=SupportGroup.MENTAL_HEALTH,
        received_on=TODAY - timedelta(days=300),
        wanted_from=TODAY - timedelta(days=290),
    )
    waiting = a_referral("w")
    household = a_household()
    started = TODAY - timedelta(days=250)
    running = an_arrangement(ld, household, proposed_on=started, starts_on=started)
    running = running.agree(Agreement("x", started)).activate(started)
    short = an_arrangement(mh, household, room="Blue room", proposed_on=started, starts_on=started)
    short = (
        short.agree(Agreement("x", started))
        .activate(started)
        .end(started + timedelta(days=30), EndReason.NEEDS_CHANGED)
    )
    figures = scheme_figures(
        [
            ld.matched(started - timedelta(days=10)),
            mh.matched(started - timedelta(days=20)),
            waiting,
        ],
        [running, short],
        TODAY,
    )
    assert (figures.matched, figures.waiting) == (2, 1)
    assert figures.median_days_to_match == 35.0
    assert (figures.started_six_months_ago, figures.lasted_six_months) == (2, 1)
    assert figures.share_lasting_six_months == 0.5
    assert figures.running_long_term == 1
    assert figures.yearly_carer_pay_pence == 6000 * 365
    assert figures.yearly_saving_pence == 26_000_00


def test_the_weights_report_counts_the_factors_declines_named() -> None:
    declined = [
        introduced().decline_with(
            Decline(DeclinedBy.PERSON, frozenset({Factor.PETS, Factor.NEAR}))
        ),
        introduced().decline_with(Decline(DeclinedBy.HOUSEHOLD, frozenset({Factor.PETS}))),
        introduced().decline_with(Decline(DeclinedBy.SCHEME, frozenset(), "carer ill")),
    ]
    rows = weights_report(declined, Weights({Factor.PETS: 2}))
    assert (rows[0].factor, rows[0].declines, rows[0].weight) == (Factor.PETS, 2, 2)
    assert rows[0].share == pytest.approx(2 / 3)
    assert (rows[1].factor, rows[1].declines) == (Factor.NEAR, 1)
    assert len(rows) == len(Factor)
