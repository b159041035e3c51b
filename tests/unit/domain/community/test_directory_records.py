"""Directory records: organisations, locations, services and their parts, each wrong field named."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from careweave.domain.community.fields import require_uuid
from careweave.domain.community.locations import Address, DirectoryLocation, LocationType
from careweave.domain.community.organizations import Organization
from careweave.domain.community.schedules import Frequency, Schedule
from careweave.domain.community.service_details import (
    Contact,
    CostOption,
    Language,
    ServiceAtLocation,
    TermLink,
)
from careweave.domain.community.services import Service, ServiceStatus
from careweave.domain.community.taxonomy import (
    TaxonomyTerm,
    check_no_parent_cycle,
    with_narrower_terms,
)
from careweave.domain.errors import DomainValidationError

ORG = str(uuid.uuid4())
NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)
TODAY = date(2026, 3, 2)


def a_service(**changes: object) -> Service:
    fields: dict[str, object] = {"organization_id": ORG, "name": "Lunch club"}
    fields.update(changes)
    return Service(**fields)  # type: ignore[arg-type]


def test_ids_are_canonical_uuids() -> None:
    assert (
        require_uuid("x", "A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6")
        == "a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6"
    )
    assert len(a_service().id) == 36


def test_an_organisation_needs_a_name_and_a_description() -> None:
    with pytest.raises(DomainValidationError) as raised:
        Organization(name="Age UK Wigan", description=" ")
    assert raised.value.field == "organization.description"


def test_an_organisation_is_not_its_own_parent() -> None:
    ident = str(uuid.uuid4())
    with pytest.raises(DomainValidationError, match="own parent"):
        Organization(name="A", description="B", id=ident, parent_organization_id=ident)


def test_a_physical_location_needs_its_position() -> None:
    with pytest.raises(DomainValidationError) as raised:
        DirectoryLocation(name="Church hall")
    assert raised.value.field == "location.latitude"
    online = DirectoryLocation(name="Online", location_type=LocationType.VIRTUAL)
    assert online.point is None


def test_a_location_out_of_this_world_is_refused() -> None:
    with pytest.raises(DomainValidationError) as raised:
        DirectoryLocation(name="MyCity Civic Center", latitude=100, longitude=101)
    assert raised.value.field == "location.latitude"


def test_an_address_keeps_its_postcode_in_capitals() -> None:
    address = Address(address_1="1 Church Street", city="Wigan", postal_code="wn1 1aa")
    hall = DirectoryLocation(name="Hall", latitude=53.5, longitude=-2.6, addresses=(address,))
    assert hall.postal_code == "WN1 1AA"


def test_an_address_country_is_a_two_letter_code() -> None:
    with pytest.raises(DomainValidationError) as raised:
        Address(address_1="1 Street", city="Wigan", postal_code="WN1 1AA", country="England")
    assert raised.value.field == "address.country"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "service.name"),
        ({"status": "closed"}, "service.status"),
        ({"minimum_age": 18, "maximum_age": 16}, "service.maximum_age"),
        ({"minimum_age": -1}, "service.minimum_age"),
        ({"email": "not-an-email"}, "service.email"),
        ({"url": "www.example.org"}, "service.url"),
        ({"organization_id": "acme"}, "service.organization_id"),
        ({"last_modified": datetime(2026, 3, 2)}, "service.last_modified"),
    ],
)
def test_a_wrong_service_names_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(DomainValidationError) as raised:
        a_service(**changes)
    assert raised.value.field == field


def test_a_schedule_may_name_only_the_services_own_locations() -> None:
    here = ServiceAtLocation(location_id=str(uuid.uuid4()))
    elsewhere = Schedule(
        freq=Frequency.WEEKLY, byday="MO", service_at_location_id=str(uuid.uuid4())
    )
    with pytest.raises(DomainValidationError) as raised:
        a_service(locations=(here,), schedules=(elsewhere,))
    assert raised.value.field == "schedule.service_at_location_id"


def test_schedules_at_a_location_fall_back_to_the_services_own() -> None:
    hall, library = (ServiceAtLocation(location_id=str(uuid.uuid4())) for _ in range(2))
    everywhere = Schedule(freq=Frequency.WEEKLY, byday="MO")
    library_only = Schedule(freq=Frequency.WEEKLY, byday="TU", service_at_location_id=library.id)
    service = a_service(locations=(hall, library), schedules=(everywhere, library_only))

    assert service.schedules_at(hall.id) == (everywhere,)
    assert service.schedules_at(library.id) == (library_only,)


def test_a_term_is_linked_once() -> None:
    term = str(uuid.uuid4())
    with pytest.raises(DomainValidationError, match="linked twice"):
        a_service(terms=(TermLink(term), TermLink(term)))


def test_a_service_is_free_when_every_cost_option_is() -> None:
    assert a_service(cost_options=(CostOption(option="Everyone", amount=0),)).free
    assert not a_service(cost_options=(CostOption(option="Adults", amount=3.5),)).free
    assert not a_service().free, "no cost given is not the same as free"


def test_age_range() -> None:
    over_sixties = a_service(minimum_age=60)
    assert over_sixties.accepts_age(82)
    assert not over_sixties.accepts_age(45)


def test_checking_and_retiring_an_entry() -> None:
    checked = a_service().checked(TODAY, "coordinator@example.org", NOW, TODAY)
    assert checked.assured_date == TODAY
    assert checked.last_modified == NOW
    retired = checked.retire(NOW)
    assert retired.status is ServiceStatus.DEFUNCT
    assert not retired.listed
    with pytest.raises(DomainValidationError, match="already retired"):
        retired.retire(NOW)
    with pytest.raises(DomainValidationError, match="cannot be checked"):
        retired.checked(TODAY, "", NOW, TODAY)


def test_an_entry_cannot_be_checked_in_the_future() -> None:
    with pytest.raises(DomainValidationError) as raised:
        a_service().checked(date(2026, 3, 3), "", NOW, TODAY)
    assert raised.value.field == "service.assured_date"


def test_a_contact_needs_some_way_to_reach_them() -> None:
    with pytest.raises(DomainValidationError) as raised:
        Contact()
    assert raised.value.field == "contact.name"


def test_a_language_code_is_iso_639() -> None:
    assert Language(name="Welsh", code="CY").code == "cy"
    with pytest.raises(DomainValidationError):
        Language(name="Welsh", code="welsh!")


def test_narrower_terms_are_found_below_a_broad_need() -> None:
    active = TaxonomyTerm(name="Physical activity", description="Moving more")
    walking = TaxonomyTerm(name="Walking groups", description="Walks", parent_id=active.id)
    nordic = TaxonomyTerm(name="Nordic walking", description="With poles", parent_id=walking.id)
    other = TaxonomyTerm(name="Money advice", description="Debt")
    terms = {t.id: t for t in (active, walking, nordic, other)}

    assert with_narrower_terms([active.id], terms) == {active.id, walking.id, nordic.id}
    assert with_narrower_terms([other.id], terms) == {other.id}


def test_a_loop_of_parent_terms_is_refused() -> None:
    a_id, b_id = str(uuid.uuid4()), str(uuid.uuid4())
    a = TaxonomyTerm(name="A", description="a", id=a_id, parent_id=b_id)
    b = TaxonomyTerm(name="B", description="b", id=b_id, parent_id=a_id)
    with pytest.raises(DomainValidationError, match="loops"):
        check_no_parent_cycle({a.id: a, b.id: b})
