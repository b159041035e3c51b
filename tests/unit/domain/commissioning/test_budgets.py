"""Personal budgets: how they are managed, the ISF's three-way agreement, agreeing, overlaps."""

from __future__ import annotations

from datetime import date

import pytest
from tests.commissioning_builders import a_signed_isf

from careweave.domain.commissioning.budgets import (
    Funding,
    IsfAgreement,
    Management,
    PersonalBudget,
    overlapping,
)
from careweave.domain.errors import DomainValidationError

START = date(2026, 3, 2)


def a_budget(
    management: Management = Management.DIRECT_PAYMENT, **changes: object
) -> PersonalBudget:
    fields: dict[str, object] = {
        "person_id": "p1",
        "starts_on": START,
        "ends_on": date(2027, 2, 28),
        "management": management,
        "funding": Funding.LOCAL_AUTHORITY,
        "indicative_weekly_pence": 22_500,
        "indicative_points": 15,
    }
    fields.update(changes)
    return PersonalBudget(**fields)  # type: ignore[arg-type]


def test_agreeing_sets_the_weekly_figure_and_the_period_total() -> None:
    agreed = a_budget().agree(20_000, START, "Pat Poplar")

    assert agreed.is_agreed
    assert agreed.agreed_weekly_pence == 20_000
    assert agreed.days == 364
    assert agreed.period_pence == 20_000 * 52


def test_a_budget_is_agreed_once() -> None:
    agreed = a_budget().agree(20_000, START, "Pat")

    with pytest.raises(DomainValidationError, match="agreed already"):
        agreed.agree(30_000, START, "Pat")


@pytest.mark.parametrize("weekly", [0, -1, 10_000_001, 1.5])
def test_an_agreed_amount_must_be_whole_pence_above_nothing(weekly: object) -> None:
    with pytest.raises(DomainValidationError) as caught:
        a_budget().agree(weekly, START, "Pat")  # type: ignore[arg-type]
    assert caught.value.field == "agreed_weekly_pence"


def test_an_isf_needs_its_agreement_and_only_an_isf_has_one() -> None:
    with pytest.raises(DomainValidationError, match="provider"):
        a_budget(Management.INDIVIDUAL_SERVICE_FUND)
    with pytest.raises(DomainValidationError, match="only an ISF"):
        a_budget(isf=a_signed_isf())


def test_an_isf_is_agreed_only_once_person_council_and_provider_have_signed() -> None:
    half_signed = IsfAgreement("Wigan Homecare Ltd", person_signed_on=START)
    budget = a_budget(Management.INDIVIDUAL_SERVICE_FUND, isf=half_signed)

    with pytest.raises(DomainValidationError, match="council, provider") as caught:
        budget.agree(20_000, START, "Pat")
    assert caught.value.field == "isf"

    signed = budget.with_isf(a_signed_isf(on=START))
    assert signed.agree(20_000, START, "Pat").is_agreed


def test_a_person_has_one_agreed_budget_at_a_time() -> None:
    first = a_budget().agree(20_000, START, "Pat")
    second = a_budget(starts_on=date(2026, 6, 1), ends_on=date(2027, 5, 31))
    later = a_budget(starts_on=date(2027, 3, 1), ends_on=date(2028, 2, 28))

    assert overlapping([first], second) == first
    assert overlapping([first], later) is None


def test_a_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(DomainValidationError) as caught:
        a_budget(ends_on=date(2026, 1, 1))
    assert caught.value.field == "budget.ends_on"
