"""The demo neighbourhood's community directory: lunch clubs, walking groups, befrienders, choirs,
men's sheds and the rest across Wigan's towns, with varied schedules and costs.

Deterministic for a seed. The kinds of service and their needs are drawn from what social
prescribing schemes commonly list; every name, address and phone number is made up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import time

from careweave.demo.places import SETTLEMENTS, Settlement
from careweave.domain.community.locations import Address, DirectoryLocation
from careweave.domain.community.organizations import Organization
from careweave.domain.community.schedules import WEEKDAY_CODES, Frequency, Schedule
from careweave.domain.community.service_details import (
    Contact,
    CostOption,
    Phone,
    ServiceAtLocation,
    TermLink,
)
from careweave.domain.community.services import Service
from careweave.domain.community.taxonomy import Taxonomy, TaxonomyTerm
from careweave.domain.community.whole_directory import WholeDirectory
from careweave.domain.values import Location

# Broad needs and the narrower terms under each.
NEEDS: dict[str, tuple[str, ...]] = {
    "Loneliness and isolation": ("Befriending", "Lunch clubs", "Social groups"),
    "Physical activity": ("Walking groups", "Chair exercise", "Dance"),
    "Mental wellbeing": ("Peer support", "Arts and crafts", "Singing"),
    "Practical help": ("Money and benefits advice", "Digital help", "Shopping and errands"),
    "Carers": ("Carers groups", "Respite and sitting"),
    "Learning and purpose": ("Volunteering", "Men's sheds", "Gardening"),
}


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of service: its name, the narrower need it answers, when it usually runs, its cost."""

    name: str
    need: str
    description: str
    start: int
    hours: int
    amount: float | None
    monthly: bool = False


KINDS: tuple[Kind, ...] = (
    Kind("Lunch club", "Lunch clubs", "A hot two-course lunch and good company", 12, 2, 4.5),
    Kind(
        "Telephone befriending", "Befriending", "A weekly call from a friendly volunteer", 14, 2, 0
    ),
    Kind("Coffee morning", "Social groups", "Tea, coffee and a chat", 10, 2, 1.0),
    Kind("Health walk", "Walking groups", "A gentle hour's walk with a trained leader", 10, 1, 0),
    Kind("Chair exercise", "Chair exercise", "Seated exercise to music", 11, 1, 2.5),
    Kind("Tea dance", "Dance", "Ballroom and sequence dancing", 14, 2, 3.0, monthly=True),
    Kind("Wellbeing café", "Peer support", "Peer support for low mood and anxiety", 13, 2, 0),
    Kind("Craft group", "Arts and crafts", "Knitting, painting and crafts", 13, 2, 1.5),
    Kind("Community choir", "Singing", "Singing for fun; no auditions", 18, 2, 2.0),
    Kind("Money advice drop-in", "Money and benefits advice", "Benefits and debt advice", 9, 3, 0),
    Kind(
        "Digital help session",
        "Digital help",
        "Help with phones, tablets and the internet",
        10,
        2,
        0,
    ),
    Kind(
        "Shopping buddies",
        "Shopping and errands",
        "Volunteers who help with the shopping",
        10,
        3,
        0,
    ),
    Kind(
        "Carers group",
        "Carers groups",
        "Time out and support for unpaid carers",
        13,
        2,
        0,
        monthly=True,
    ),
    Kind(
        "Sitting service",
        "Respite and sitting",
        "A volunteer sits with someone while the carer has a break",
        9,
        4,
        8.0,
    ),
    Kind("Volunteer centre", "Volunteering", "Find a volunteering role near you", 10, 3, 0),
    Kind("Men's shed", "Men's sheds", "Woodwork, repairs and conversation", 10, 3, 1.0),
    Kind("Community garden", "Gardening", "Growing food and flowers together", 10, 3, 0),
)
ORGANIZATION_KINDS = (
    "Community Trust",
    "Neighbours Network",
    "Together",
    "Age Well",
    "Voluntary Action",
)
VENUES = (
    "Community Centre",
    "Library",
    "Methodist Church Hall",
    "Park Pavilion",
    "Village Hall",
    "Sports Club",
)
SERVICES_PER_ORGANIZATION = 6


def demo_directory(services: int = 300, seed: int = 7) -> WholeDirectory:
    """A directory of ``services`` services across the demo neighbourhood's towns."""
    rng = random.Random(seed)
    taxonomy = Taxonomy(name="careweave needs", description="What people look for", version="1")
    terms = _terms(taxonomy)
    by_name = {t.name: t for t in terms}
    places = [_place(rng, s, venue) for s in SETTLEMENTS for venue in rng.sample(VENUES, 3)]
    places.append(DirectoryLocation(name="Online and by phone", location_type="virtual"))  # type: ignore[arg-type]
    count = max(1, services // SERVICES_PER_ORGANIZATION)
    organizations = [_organization(n) for n in range(count)]
    made = [_service(rng, n, organizations, places, by_name) for n in range(services)]
    return WholeDirectory(
        (taxonomy,), tuple(terms), tuple(organizations), tuple(places), tuple(made)
    )


def _terms(taxonomy: Taxonomy) -> list[TaxonomyTerm]:
    terms: list[TaxonomyTerm] = []
    for broad, narrower in NEEDS.items():
        parent = TaxonomyTerm(
            name=broad,
            description=f"Support with {broad.lower()}",
            taxonomy_id=taxonomy.id,
            taxonomy=taxonomy.name,
        )
        terms.append(parent)
        terms += [
            TaxonomyTerm(
                name=n,
                description=n,
                taxonomy_id=taxonomy.id,
                taxonomy=taxonomy.name,
                parent_id=parent.id,
            )
            for n in narrower
        ]
    return terms


def _place(rng: random.Random, settlement: Settlement, venue: str) -> DirectoryLocation:
    spread = settlement.spread_km / 111.0
    point = Location(
        settlement.centre.lat + rng.uniform(-spread, spread),
        settlement.centre.lon + rng.uniform(-spread, spread) * 1.7,
    )
    inward = f"{rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    address = Address(
        address_1=f"{rng.randint(1, 120)} {rng.choice(('Church', 'Market', 'Station', 'Park', 'Mill'))} Street",
        city=settlement.name,
        postal_code=f"{settlement.postcode_district} {inward}",
        state_province="Greater Manchester",
    )
    return DirectoryLocation(
        name=f"{settlement.name} {venue}",
        latitude=point.lat,
        longitude=point.lon,
        addresses=(address,),
    )


def _organization(number: int) -> Organization:
    town = SETTLEMENTS[number % len(SETTLEMENTS)].name
    name = f"{town} {ORGANIZATION_KINDS[number % len(ORGANIZATION_KINDS)]}"
    if number >= len(SETTLEMENTS) * len(ORGANIZATION_KINDS) // 2:
        name += f" {number}"
    return Organization(
        name=name, description=f"A local group in {town}", email=f"hello{number}@example.org"
    )


def _rule(rng: random.Random, kind: Kind) -> Schedule:
    """When a service of ``kind`` runs: weekly on a day or two, or monthly on a weekday."""
    opens = time(kind.start)
    closes = time(min(23, kind.start + kind.hours))
    if kind.monthly:
        byday = f"{rng.randint(1, 4)}{rng.choice(WEEKDAY_CODES[:5])}"
        return Schedule(freq=Frequency.MONTHLY, byday=byday, opens_at=opens, closes_at=closes)
    days = sorted(rng.sample(WEEKDAY_CODES[:6], rng.choice((1, 1, 2))), key=WEEKDAY_CODES.index)
    return Schedule(freq=Frequency.WEEKLY, byday=",".join(days), opens_at=opens, closes_at=closes)


def _service(
    rng: random.Random,
    number: int,
    organizations: list[Organization],
    places: list[DirectoryLocation],
    terms: dict[str, TaxonomyTerm],
) -> Service:
    kind = KINDS[number % len(KINDS)]
    place = rng.choice(places)
    sal = ServiceAtLocation(location_id=place.id)
    rule = _rule(rng, kind)
    town = place.addresses[0].city if place.addresses else "Wigan"
    return Service(
        organization_id=organizations[number % len(organizations)].id,
        name=f"{town} {kind.name.lower()}" if number >= len(KINDS) else kind.name,
        description=kind.description,
        minimum_age=rng.choice((None, None, 50, 60, 65)),
        cost_options=()
        if kind.amount is None
        else (CostOption(option="Everyone", amount=kind.amount),),
        contacts=(
            Contact(
                name="Organiser", phones=(Phone(number=f"01942 {rng.randint(100000, 999999)}"),)
            ),
        ),
        terms=(TermLink(terms[kind.need].id, link_type="need"),),
        locations=(sal,),
        schedules=(rule,),
    )
