"""Conversions between the directory's domain records and their rows and JSON columns.

A JSON column holds a list of a record's parts as plain dictionaries with HSDS's field names;
dates are ISO strings.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.engine import RowMapping

from careweave.adapters.storage.json_columns import Json, aware_utc, naive_utc
from careweave.domain.community.locations import Accessibility, Address, DirectoryLocation
from careweave.domain.community.organizations import Organization, OrganizationIdentifier
from careweave.domain.community.schedules import Schedule
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
from careweave.domain.community.services import Service
from careweave.domain.community.taxonomy import Taxonomy, TaxonomyTerm


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def taxonomy_to_row(t: Taxonomy) -> dict[str, Any]:
    """The row of a taxonomy."""
    return {
        "id": t.id,
        "name": t.name,
        "description": t.description,
        "uri": t.uri,
        "version": t.version,
    }


def taxonomy_from_row(r: RowMapping) -> Taxonomy:
    """A taxonomy from its row."""
    return Taxonomy(
        id=r["id"], name=r["name"], description=r["description"], uri=r["uri"], version=r["version"]
    )


TERM_COLUMNS = (
    "id",
    "taxonomy_id",
    "parent_id",
    "name",
    "description",
    "code",
    "taxonomy",
    "term_uri",
)


def term_to_row(t: TaxonomyTerm) -> dict[str, Any]:
    """The row of a taxonomy term."""
    return {name: getattr(t, name) for name in TERM_COLUMNS}


def term_from_row(r: RowMapping) -> TaxonomyTerm:
    """A taxonomy term from its row."""
    return TaxonomyTerm(**{name: r[name] for name in TERM_COLUMNS})


def organization_to_row(o: Organization) -> dict[str, Any]:
    """The row of an organisation, its identifiers as JSON."""
    return {
        "id": o.id,
        "name": o.name,
        "description": o.description,
        "email": o.email,
        "website": o.website,
        "logo": o.logo,
        "uri": o.uri,
        "parent_organization_id": o.parent_organization_id,
        "identifiers": [
            {
                "id": i.id,
                "identifier_scheme": i.identifier_scheme,
                "identifier_type": i.identifier_type,
                "identifier": i.identifier,
            }
            for i in o.identifiers
        ],
    }


def organization_from_row(r: RowMapping) -> Organization:
    """An organisation from its row."""
    return Organization(
        id=r["id"],
        name=r["name"],
        description=r["description"],
        email=r["email"],
        website=r["website"],
        logo=r["logo"],
        uri=r["uri"],
        parent_organization_id=r["parent_organization_id"],
        identifiers=tuple(OrganizationIdentifier(**i) for i in r["identifiers"]),
    )


ADDRESS_FIELDS = (
    "id",
    "attention",
    "address_1",
    "address_2",
    "city",
    "region",
    "state_province",
    "postal_code",
    "country",
    "address_type",
)


def location_to_row(loc: DirectoryLocation) -> dict[str, Any]:
    """The row of a location, its addresses and accessibility as JSON."""
    return {
        "id": loc.id,
        "location_type": loc.location_type.value,
        "name": loc.name,
        "description": loc.description,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
        "external_identifier": loc.external_identifier,
        "external_identifier_type": loc.external_identifier_type,
        "postal_code": loc.postal_code,
        "addresses": [
            {name: str(getattr(a, name)) for name in ADDRESS_FIELDS} for a in loc.addresses
        ],
        "accessibility": [
            {"id": a.id, "description": a.description, "details": a.details, "url": a.url}
            for a in loc.accessibility
        ],
    }


def location_from_row(r: RowMapping) -> DirectoryLocation:
    """A location from its row."""
    return DirectoryLocation(
        id=r["id"],
        location_type=r["location_type"],
        name=r["name"],
        description=r["description"],
        latitude=r["latitude"],
        longitude=r["longitude"],
        external_identifier=r["external_identifier"],
        external_identifier_type=r["external_identifier_type"],
        addresses=tuple(Address(**a) for a in r["addresses"]),
        accessibility=tuple(Accessibility(**a) for a in r["accessibility"]),
    )


def _contact_to_json(c: Contact) -> Json:
    return {
        "id": c.id,
        "name": c.name,
        "title": c.title,
        "email": c.email,
        "phones": [
            {"id": p.id, "number": p.number, "description": p.description} for p in c.phones
        ],
    }


def _contact_from_json(d: Json) -> Contact:
    phones = tuple(Phone(**p) for p in d["phones"])
    return Contact(id=d["id"], name=d["name"], title=d["title"], email=d["email"], phones=phones)


def _cost_to_json(c: CostOption) -> Json:
    return {
        "id": c.id,
        "option": c.option,
        "amount": c.amount,
        "amount_description": c.amount_description,
        "valid_from": _iso(c.valid_from),
        "valid_to": _iso(c.valid_to),
    }


def _cost_from_json(d: Json) -> CostOption:
    return CostOption(
        id=d["id"],
        option=d["option"],
        amount=d["amount"],
        amount_description=d["amount_description"],
        valid_from=_day(d["valid_from"]),
        valid_to=_day(d["valid_to"]),
    )


AREA_FIELDS = ("id", "name", "description", "extent", "extent_type", "uri")


def service_to_row(s: Service, search_text: str) -> dict[str, Any]:
    """The row of a service with the parts no query filters on as JSON, and the text to index."""
    return {
        "id": s.id,
        "organization_id": s.organization_id,
        "name": s.name,
        "description": s.description,
        "status": s.status.value,
        "url": s.url,
        "email": s.email,
        "fees_description": s.fees_description,
        "accreditations": s.accreditations,
        "eligibility_description": s.eligibility_description,
        "minimum_age": s.minimum_age,
        "maximum_age": s.maximum_age,
        "alert": s.alert,
        "assured_date": s.assured_date,
        "assurer_email": s.assurer_email,
        "last_modified": naive_utc(s.last_modified) if s.last_modified else None,
        "search_text": search_text,
        "contacts": [_contact_to_json(c) for c in s.contacts],
        "cost_options": [_cost_to_json(c) for c in s.cost_options],
        "languages": [
            {"id": x.id, "name": x.name, "code": x.code, "note": x.note} for x in s.languages
        ],
        "service_areas": [{n: getattr(a, n) for n in AREA_FIELDS} for a in s.service_areas],
        "funding": [{"id": f.id, "source": f.source} for f in s.funding],
    }


def service_from_row(
    r: RowMapping,
    terms: tuple[TermLink, ...],
    locations: tuple[ServiceAtLocation, ...],
    schedules: tuple[Schedule, ...],
) -> Service:
    """A service from its row and its rows in the child tables."""
    return Service(
        id=r["id"],
        organization_id=r["organization_id"],
        name=r["name"],
        description=r["description"],
        status=r["status"],
        url=r["url"],
        email=r["email"],
        fees_description=r["fees_description"],
        accreditations=r["accreditations"],
        eligibility_description=r["eligibility_description"],
        minimum_age=r["minimum_age"],
        maximum_age=r["maximum_age"],
        alert=r["alert"],
        assured_date=r["assured_date"],
        assurer_email=r["assurer_email"],
        last_modified=aware_utc(r["last_modified"]) if r["last_modified"] else None,
        contacts=tuple(_contact_from_json(c) for c in r["contacts"]),
        cost_options=tuple(_cost_from_json(c) for c in r["cost_options"]),
        languages=tuple(Language(**x) for x in r["languages"]),
        service_areas=tuple(ServiceArea(**a) for a in r["service_areas"]),
        funding=tuple(Funding(**f) for f in r["funding"]),
        terms=terms,
        locations=locations,
        schedules=schedules,
    )


SCHEDULE_COLUMNS = (
    "id",
    "service_at_location_id",
    "interval",
    "byday",
    "bymonthday",
    "dtstart",
    "valid_from",
    "valid_to",
    "opens_at",
    "closes_at",
    "description",
    "notes",
    "attending_type",
    "schedule_link",
)


def schedule_to_row(service_id: str, position: int, s: Schedule) -> dict[str, Any]:
    """The row of a service's schedule (``position`` in its list), with the bits of the weekdays
    it may open."""
    row = {name: getattr(s, name) for name in SCHEDULE_COLUMNS}
    row["service_id"] = service_id
    row["position"] = position
    row["freq"] = s.freq.value if s.freq else None
    row["weekday_mask"] = sum(1 << day for day in s.weekdays())
    return row


def schedule_from_row(r: RowMapping) -> Schedule:
    """A schedule from its row."""
    return Schedule(freq=r["freq"], **{name: r[name] for name in SCHEDULE_COLUMNS})
