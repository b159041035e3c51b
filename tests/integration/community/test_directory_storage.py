"""Storage of the directory on SQLite and PostgreSQL: whole services back as stored, the filters
the public API and the search use, full-text search and replacing the directory."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import time

import pytest
from tests.community_directory import SmallDirectory

from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.domain.community.schedules import Frequency, Schedule
from careweave.domain.community.service_details import ServiceAtLocation, TermLink
from careweave.domain.community.services import ServiceStatus
from careweave.domain.community.words import search_words as words_of
from careweave.domain.errors import ConflictError, NotFoundError
from careweave.domain.values import Location
from careweave.services.community.ports import Area, ServiceQuery

Uow = Callable[[], SqlUnitOfWork]
LISTED = frozenset({ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED})


def names(uow: SqlUnitOfWork, query: ServiceQuery) -> list[str]:
    return [s.name for s in uow.directory_services.list(query)]


def test_every_record_comes_back_as_stored(uow_factory: Uow, directory: SmallDirectory) -> None:
    with uow_factory() as uow:
        for service in directory.services.values():
            assert uow.directory_services.get(service.id) == service
        for location in directory.locations.values():
            assert uow.directory_locations.get(location.id) == location
        for organization in directory.organizations.values():
            assert uow.organizations.get(organization.id) == organization
        assert uow.taxonomy_terms.all() == {t.id: t for t in directory.terms.values()}
        assert uow.taxonomies.list() == [directory.needs]


def test_an_update_replaces_what_the_service_owns(
    uow_factory: Uow, directory: SmallDirectory
) -> None:
    lunch = directory.services["lunch"]
    library = ServiceAtLocation(location_id=directory.locations["library"].id)
    changed = dataclasses.replace(
        lunch,
        name="Tuesday and Friday lunch club",
        locations=(*lunch.locations, library),
        schedules=(
            Schedule(freq=Frequency.WEEKLY, byday="TU,FR", service_at_location_id=library.id),
        ),
        terms=(TermLink(directory.terms["befriending"].id),),
    )
    with uow_factory() as uow:
        uow.directory_services.update(changed)
        uow.commit()
    with uow_factory() as uow:
        assert uow.directory_services.get(lunch.id) == changed
        assert names(uow, ServiceQuery(words=("friday",))) == ["Tuesday and Friday lunch club"]


def test_a_service_of_an_unknown_organisation_is_refused(
    uow_factory: Uow, directory: SmallDirectory
) -> None:
    stray = dataclasses.replace(
        directory.services["walk"],
        id="7d1c1a36-57a5-4f4e-a4b6-8fd4f1d2f111",
        organization_id="0f0f0f0f-0000-4000-8000-000000000000",
    )
    with uow_factory() as uow, pytest.raises(NotFoundError, match="organization"):
        uow.directory_services.add(stray)


def test_a_duplicate_id_is_a_conflict(uow_factory: Uow, directory: SmallDirectory) -> None:
    with uow_factory() as uow, pytest.raises(ConflictError):
        uow.directory_services.add(directory.services["walk"])


def test_full_text_search_stems_and_reads_terms_and_organisations(
    uow_factory: Uow, directory: SmallDirectory
) -> None:
    with uow_factory() as uow:
        assert names(uow, ServiceQuery(words=words_of("walking"))) == ["Health walk"]
        assert names(uow, ServiceQuery(words=words_of("lunch clu"))) == ["Tuesday lunch club"]
        assert "Telephone befriending" in names(uow, ServiceQuery(words=words_of("loneliness")))
        assert set(names(uow, ServiceQuery(words=words_of("Age UK")))) == {
            "Tuesday lunch club",
            "Telephone befriending",
            "Chair exercise online",
        }
        assert names(uow, ServiceQuery(words=words_of('club" (*'))) == ["Tuesday lunch club"]
        assert names(uow, ServiceQuery(words=words_of("zebra"))) == []


def test_filters_by_term_taxonomy_age_and_status(
    uow_factory: Uow, directory: SmallDirectory
) -> None:
    terms = directory.terms
    with uow_factory() as uow:
        assert names(uow, ServiceQuery(term_ids=frozenset({terms["walking"].id}))) == [
            "Health walk"
        ]
        assert len(names(uow, ServiceQuery(taxonomy_id=directory.needs.id))) == 4
        assert names(uow, ServiceQuery(minimum_age=55)) == ["Tuesday lunch club"]
        assert names(uow, ServiceQuery(maximum_age=120)) == ["Telephone befriending"]
        assert "Chair exercise online" not in names(uow, ServiceQuery(statuses=LISTED))
        assert uow.directory_services.count(ServiceQuery(statuses=LISTED)) == 3


def test_filters_by_day_and_hours_hold_for_one_schedule(
    uow_factory: Uow, directory: SmallDirectory
) -> None:
    with uow_factory() as uow:
        tuesday = ServiceQuery(weekday=1, statuses=LISTED)
        assert names(uow, tuesday) == ["Tuesday lunch club"]
        assert names(uow, ServiceQuery(weekday=2)) == ["Telephone befriending"]
        assert names(uow, ServiceQuery(opens_from=time(11))) == [
            "Telephone befriending",
            "Tuesday lunch club",
        ]
        assert names(uow, ServiceQuery(closes_by=time(11, 30))) == [
            "Chair exercise online",
            "Health walk",
        ]
        assert names(uow, ServiceQuery(weekday=3, opens_from=time(12))) == []


def test_services_at_locations_within_an_area(uow_factory: Uow, directory: SmallDirectory) -> None:
    town_hall = Location(53.5448, -2.6318)
    with uow_factory() as uow:
        near = uow.directory_services.list_at_locations(ServiceQuery(area=Area(town_hall, 1.5)))
        # Nearest first when the query names an area: the hall, then the library.
        assert [s.name for s, _ in near] == ["Tuesday lunch club", "Telephone befriending"]
        assert uow.directory_services.count_at_locations(ServiceQuery(area=Area(town_hall, 5))) == 3
        assert uow.directory_services.count_at_locations() == 4
        service, sal = near[0]
        assert uow.directory_services.find_at_location(sal.id) == (service, sal)
        with pytest.raises(NotFoundError):
            uow.directory_services.find_at_location("9b0e7c1e-0000-4000-8000-000000000000")


def test_the_centre_of_a_postcode_comes_from_the_directory(
    uow_factory: Uow, directory: SmallDirectory
) -> None:
    with uow_factory() as uow:
        hall = uow.directory_locations.centre_of_postcode("wn1 1xl")
        sector = uow.directory_locations.centre_of_postcode("WN1 1ZZ")
        assert hall == Location(53.5450, -2.6320)
        assert sector is not None
        assert (sector.lat, sector.lon) == pytest.approx((53.5455, -2.6245))
        assert uow.directory_locations.centre_of_postcode("M1 1AE") is None


def test_paging_is_stable(uow_factory: Uow, directory: SmallDirectory) -> None:
    with uow_factory() as uow:
        pages = [uow.directory_services.list(limit=2, offset=o) for o in (0, 2, 4)]
    assert [len(p) for p in pages] == [2, 2, 0]
    assert len({s.id for page in pages for s in page}) == 4


def test_clearing_the_directory_removes_every_record(
    uow_factory: Uow, directory: SmallDirectory
) -> None:
    with uow_factory() as uow:
        uow.directory.clear()
        uow.commit()
    with uow_factory() as uow:
        assert uow.directory_services.count() == 0
        assert uow.taxonomy_terms.all() == {}
        assert names(uow, ServiceQuery(words=("lunch",))) == []
