"""The resource allocation table: points from the assessment, the price, the floor and cap."""

from __future__ import annotations

import pytest
from tests.commissioning_builders import an_assessment

from careweave.domain.commissioning.allocation import ResourceAllocationTable
from careweave.domain.errors import DomainValidationError


def test_points_count_outcomes_further_reasons_and_significant_impacts() -> None:
    found = ResourceAllocationTable().indicative(an_assessment("p1"))

    # nutrition 6 + 2 (a second reason), personal hygiene 6, one significant impact 1
    assert found.points == 15
    assert found.weekly_pence == 15 * 1_500
    assert found.lines == (
        "Managing and maintaining nutrition: 8 points",
        "Maintaining personal hygiene: 6 points",
        "Significant impact on 1 well-being areas: 1 points",
    )


def test_someone_not_eligible_gets_nothing() -> None:
    found = ResourceAllocationTable().indicative(an_assessment("p1", eligible=False))

    assert (found.points, found.weekly_pence) == (0, 0)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (ResourceAllocationTable(pence_per_point=100, floor_weekly_pence=5_000), 5_000),
        (ResourceAllocationTable(pence_per_point=10_000, cap_weekly_pence=100_000), 100_000),
    ],
    ids=["floor", "cap"],
)
def test_the_weekly_figure_stays_between_the_floor_and_the_cap(
    table: ResourceAllocationTable, expected: int
) -> None:
    assert table.indicative(an_assessment("p1")).weekly_pence == expected


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"pence_per_point": -1}, "allocation_table.pence_per_point"),
        ({"points_per_outcome": 1.5}, "allocation_table.points_per_outcome"),
        ({"floor_weekly_pence": 9, "cap_weekly_pence": 8}, "allocation_table.floor_weekly_pence"),
        ({"shoe_size": 9}, "allocation_table.shoe_size"),
    ],
)
def test_a_bad_table_is_refused_naming_the_field(values: dict[str, object], field: str) -> None:
    with pytest.raises(DomainValidationError) as caught:
        ResourceAllocationTable.from_dict(values)
    assert caught.value.field == field


def test_the_table_round_trips_through_a_dict() -> None:
    table = ResourceAllocationTable(pence_per_point=1_234)

    assert ResourceAllocationTable.from_dict(table.as_dict()) == table
