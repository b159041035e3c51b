"""The medicines of a plan and which of them a visit brings due."""

from __future__ import annotations

from datetime import time

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.plans.medicines import DayPart, PlanMedicine, day_part_of, due_at

METFORMIN = PlanMedicine("Metformin 500 mg", frozenset({DayPart.MORNING, DayPart.TEA}))
SENNA = PlanMedicine("Senna 7.5 mg", frozenset({DayPart.BED}), "Two tablets")


@pytest.mark.parametrize(
    ("moment", "part"),
    [
        (time(7, 0), DayPart.MORNING),
        (time(10, 59), DayPart.MORNING),
        (time(11, 0), DayPart.LUNCH),
        (time(14, 30), DayPart.TEA),
        (time(19, 0), DayPart.BED),
        (time(23, 30), DayPart.BED),
    ],
)
def test_the_part_of_the_day(moment: time, part: DayPart) -> None:
    assert day_part_of(moment) is part


def test_a_visit_brings_due_the_medicines_of_its_part_of_the_day() -> None:
    assert due_at((METFORMIN, SENNA), time(8, 30)) == (METFORMIN,)
    assert due_at((METFORMIN, SENNA), time(21, 0)) == (SENNA,)
    assert due_at((METFORMIN, SENNA), time(12, 0)) == ()


def test_a_medicine_says_when_it_is_given() -> None:
    with pytest.raises(DomainValidationError) as refused:
        PlanMedicine("Senna", frozenset())
    assert refused.value.field == "medicine.times"
