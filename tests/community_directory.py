"""A small named directory for the community tests (unit and integration alike).

Wigan-ish places: a church hall and a library a kilometre apart, a park further out, and an
online place (``hall`` moves the places elsewhere, keeping their layout). Four services: a Tuesday lunch club at the hall, a walking group on Thursday
mornings from the park, a befriending service at the library and by phone, and an online
exercise class retired last year. Terms: "Loneliness" (with "Befriending" below it) and
"Physical activity" (with "Walking groups" below it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from careweave.domain.community.locations import (
    Accessibility,
    Address,
    DirectoryLocation,
    LocationType,
)
from careweave.domain.community.organizations import Organization, OrganizationIdentifier
from careweave.domain.community.schedules import Frequency, Schedule
from careweave.domain.community.service_details import (
    Contact,
    CostOption,
    Funding,
    Language,
    Phone,
    ServiceArea,
    ServiceAtLocation,
    TermLink,
)
from careweave.domain.community.services import Service, ServiceStatus
from careweave.domain.community.taxonomy import Taxonomy, TaxonomyTerm
from careweave.domain.values import Location
from careweave.services.community.unit_of_work import CommunityUnitOfWork

MODIFIED = datetime(2026, 2, 1, 9, 30, tzinfo=UTC)
HALL = Location(53.5450, -2.6320)


def _address(line: str, postcode: str) -> Address:
    return Address(address_1=line, city="Wigan", postal_code=postcode, state_province="Lancashire")


@dataclass
class SmallDirectory:
    """The records of the small directory, by name."""

    needs: Taxonomy = field(
        default_factory=lambda: Taxonomy(
            name="careweave needs", description="What a person is looking for", version="1"
        )
    )
    terms: dict[str, TaxonomyTerm] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    locations: dict[str, DirectoryLocation] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)
    hall: Location = HALL

    def __post_init__(self) -> None:
        self._terms()
        self._places()
        self._services()

    def _terms(self) -> None:
        def term(name: str, parent: TaxonomyTerm | None = None) -> TaxonomyTerm:
            return TaxonomyTerm(
                name=name,
                description=f"Services for {name.lower()}",
                taxonomy_id=self.needs.id,
                taxonomy=self.needs.name,
                parent_id=parent.id if parent else None,
                code=name.upper().replace(" ", "_"),
            )

        lonely = term("Loneliness")
        active = term("Physical activity")
        self.terms = {
            "loneliness": lonely,
            "befriending": term("Befriending", lonely),
            "activity": active,
            "walking": term("Walking groups", active),
        }

    def _places(self) -> None:
        self.organizations = {
            "age_uk": Organization(
                name="Age UK Wigan Borough",
                description="Local charity for older people",
                website="https://www.ageuk.org.uk/wiganborough/",
                identifiers=(
                    OrganizationIdentifier(
                        identifier_type="Charity number",
                        identifier="1104357",
                        identifier_scheme="GB-CHC",
                    ),
                ),
            ),
            "ramblers": Organization(name="Wigan Ramblers", description="Walking for all"),
        }
        self.locations = {
            "hall": DirectoryLocation(
                name="St Paul's church hall",
                latitude=self.hall.lat + 0.0000,
                longitude=self.hall.lon + 0.0000,
                addresses=(_address("1 Standishgate", "WN1 1XL"),),
                accessibility=(Accessibility(description="Step-free entrance; hearing loop"),),
                external_identifier="100011823456",
                external_identifier_type="UPRN",
            ),
            "library": DirectoryLocation(
                name="Wigan library",
                latitude=self.hall.lat + 0.0010,
                longitude=self.hall.lon + 0.0150,
                addresses=(_address("The Wiend", "WN1 1NH"),),
            ),
            "park": DirectoryLocation(
                name="Haigh Woodland Park",
                latitude=self.hall.lat + 0.0260,
                longitude=self.hall.lon + 0.0310,
                addresses=(_address("Haigh", "WN2 1PE"),),
            ),
            "online": DirectoryLocation(name="Online", location_type=LocationType.VIRTUAL),
        }

    def _services(self) -> None:
        age_uk, ramblers = self.organizations["age_uk"], self.organizations["ramblers"]
        hall = ServiceAtLocation(location_id=self.locations["hall"].id)
        library = ServiceAtLocation(location_id=self.locations["library"].id)
        park = ServiceAtLocation(location_id=self.locations["park"].id)
        online = ServiceAtLocation(location_id=self.locations["online"].id)
        self.services = {
            "lunch": Service(
                organization_id=age_uk.id,
                name="Tuesday lunch club",
                description="A hot two-course lunch and good company",
                minimum_age=60,
                eligibility_description="Older people living in Wigan",
                cost_options=(
                    CostOption(option="Lunch", amount=4.5, amount_description="per meal"),
                ),
                contacts=(
                    Contact(
                        name="June Taylor",
                        title="Organiser",
                        phones=(Phone(number="01942 000001", description="Mornings"),),
                    ),
                ),
                languages=(Language(name="English", code="en"),),
                service_areas=(ServiceArea(name="Wigan town centre"),),
                funding=(Funding(source="Wigan Council community grant"),),
                terms=(TermLink(self.terms["loneliness"].id, link_type="need"),),
                locations=(hall,),
                schedules=(
                    Schedule(
                        freq=Frequency.WEEKLY,
                        byday="TU",
                        opens_at=time(12),
                        closes_at=time(14),
                        description="Lunch is served at half past twelve",
                    ),
                ),
                assured_date=date(2026, 1, 15),
                last_modified=MODIFIED,
            ),
            "walk": Service(
                organization_id=ramblers.id,
                name="Health walk",
                description="A gentle hour's walk around the lakes",
                cost_options=(CostOption(option="Everyone", amount=0),),
                terms=(TermLink(self.terms["walking"].id, link_type="need"),),
                locations=(park,),
                schedules=(
                    Schedule(
                        freq=Frequency.WEEKLY, byday="TH", opens_at=time(10), closes_at=time(11)
                    ),
                ),
                last_modified=MODIFIED,
            ),
            "befriending": Service(
                organization_id=age_uk.id,
                name="Telephone befriending",
                description="A weekly phone call from a volunteer",
                minimum_age=50,
                maximum_age=120,
                terms=(TermLink(self.terms["befriending"].id, link_type="need"),),
                locations=(library,),
                schedules=(
                    Schedule(
                        freq=Frequency.WEEKLY,
                        byday="MO,WE",
                        opens_at=time(14),
                        closes_at=time(16),
                        service_at_location_id=library.id,
                    ),
                ),
                last_modified=MODIFIED,
            ),
            "online_exercise": Service(
                organization_id=age_uk.id,
                name="Chair exercise online",
                description="Seated exercise by video",
                status=ServiceStatus.DEFUNCT,
                terms=(TermLink(self.terms["activity"].id),),
                locations=(online,),
                schedules=(
                    Schedule(
                        freq=Frequency.WEEKLY, byday="TU", opens_at=time(10), closes_at=time(11)
                    ),
                ),
                last_modified=MODIFIED,
            ),
        }

    def store(self, uow: CommunityUnitOfWork) -> None:
        """Write every record through ``uow``'s directory repositories (not committed)."""
        uow.taxonomies.add_all([self.needs])
        uow.taxonomy_terms.add_all(self.terms.values())
        uow.organizations.add_all(self.organizations.values())
        uow.directory_locations.add_all(self.locations.values())
        uow.directory_services.add_all(self.services.values())
