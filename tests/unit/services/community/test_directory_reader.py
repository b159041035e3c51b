"""Reading the directory on in-memory fakes: filters turned into the store's query, terms
widened, postcodes placed, wrong values named."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from tests.community_directory import SmallDirectory
from tests.unit.services.neighbourhood import UowFactory

from careweave.clock import FixedClock
from careweave.domain.errors import DomainValidationError, NotFoundError
from careweave.services.community.directory import DirectoryFilter, DirectoryReader

CLOCK = FixedClock(datetime(2026, 3, 2, 9, tzinfo=UTC))


@pytest.fixture
def reader(stored: UowFactory) -> DirectoryReader:
    return DirectoryReader(stored, CLOCK)


def names(reader: DirectoryReader, wanted: DirectoryFilter) -> list[str]:
    return [s.name for s, _ in reader.services(wanted, limit=50, offset=0).items]


def test_a_broad_need_finds_the_services_of_its_narrower_terms(
    reader: DirectoryReader, small: SmallDirectory
) -> None:
    wanted = DirectoryFilter(taxonomy_term_id=small.terms["activity"].id)
    assert names(reader, wanted) == ["Chair exercise online", "Health walk"]


def test_each_listed_service_comes_with_its_organisation(
    reader: DirectoryReader, small: SmallDirectory
) -> None:
    page = reader.services(DirectoryFilter(search="walk"), limit=10, offset=0)
    assert page.total == 1
    service, organization = page.items[0]
    assert service.name == "Health walk"
    assert organization == small.organizations["ramblers"]


def test_a_day_may_be_given_by_name(reader: DirectoryReader) -> None:
    assert names(reader, DirectoryFilter(day="thursday", start_time=time(9))) == ["Health walk"]


def test_near_a_postcode_the_directory_knows(reader: DirectoryReader) -> None:
    wanted = DirectoryFilter(postcode="wn11xl", proximity_m=1500)
    found = reader.services_at_locations(wanted, limit=10, offset=0)
    assert sorted(x.service.name for x in found.items) == [
        "Telephone befriending",
        "Tuesday lunch club",
    ]
    assert found.items[0].location.point is not None


@pytest.mark.parametrize(
    ("wanted", "field"),
    [
        (DirectoryFilter(day="Funday"), "day"),
        (DirectoryFilter(proximity_m=1000), "proximity"),
        (DirectoryFilter(postcode="WN1 1XL", proximity_m=0), "proximity"),
        (DirectoryFilter(postcode="not a postcode", proximity_m=500), "postcode"),
        (DirectoryFilter(postcode="ZE3 9JZ", proximity_m=500), "postcode"),
        (DirectoryFilter(minimum_age=-1), "minimum_age"),
        (DirectoryFilter(search="x" * 201), "search"),
    ],
)
def test_a_wrong_filter_is_named(
    reader: DirectoryReader, wanted: DirectoryFilter, field: str
) -> None:
    with pytest.raises(DomainValidationError) as raised:
        reader.services_at_locations(wanted, limit=10, offset=0)
    assert raised.value.field == field


def test_one_service_in_full_names_its_places_and_terms(
    reader: DirectoryReader, small: SmallDirectory
) -> None:
    record = reader.service(small.services["lunch"].id)
    assert set(record.locations) == {small.locations["hall"].id}
    assert set(record.terms) == {small.terms["loneliness"].id}
    with pytest.raises(NotFoundError):
        reader.service("0a0a0a0a-0000-4000-8000-000000000000")


def test_a_taxonomy_comes_with_its_terms(reader: DirectoryReader, small: SmallDirectory) -> None:
    record = reader.taxonomy(small.needs.id)
    assert [t.name for t in record.terms] == [
        "Befriending",
        "Loneliness",
        "Physical activity",
        "Walking groups",
    ]
    assert reader.terms(limit=2, offset=2).total == 4
