"""The directory's records as HSDS 3.0 JSON in the shapes of the UK profile.

Optional fields without a value are left out rather than sent empty: the profile's schemas type
them as strings of a format (``uri``, ``email``, ``date-time``), which an empty string is not.
Beyond the profile, records carry the HSDS 3.0 fields the profile leaves out (a contact's
phones and email, a language's name and code, a service's ``eligibility_description``); the
profile's schemas allow further properties and its compliance rules allow local ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, time
from typing import Any

from careweave.domain.community.locations import Accessibility, Address, DirectoryLocation
from careweave.domain.community.organizations import Organization
from careweave.domain.community.schedules import Schedule
from careweave.domain.community.service_details import (
    Contact,
    CostOption,
    Language,
    ServiceArea,
    ServiceAtLocation,
    TermLink,
)
from careweave.domain.community.services import Service
from careweave.domain.community.taxonomy import Taxonomy, TaxonomyTerm

Json = dict[str, Any]


def _present(record: Mapping[str, Any]) -> Json:
    """``record`` without the fields that have no value."""
    return {k: v for k, v in record.items() if v is not None and v != "" and v != []}


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: time | None) -> str | None:
    return value.strftime("%H:%M:%S") if value else None


def taxonomy_term(term: TaxonomyTerm) -> Json:
    """A taxonomy term (``term`` is its code, or its name where it has none)."""
    return _present(
        {
            "id": term.id,
            "name": term.name,
            "description": term.description,
            "parent_id": term.parent_id,
            "taxonomy": term.taxonomy,
            "taxonomy_id": term.taxonomy_id,
            "term_uri": term.term_uri,
            "term": term.code or term.name,
        }
    )


def taxonomy(item: Taxonomy, terms: list[TaxonomyTerm] | None = None) -> Json:
    """A taxonomy, with its terms when given."""
    return _present(
        {
            "id": item.id,
            "name": item.name,
            "description": item.description,
            "uri": item.uri,
            "version": item.version,
            "taxonomy_terms": None if terms is None else [taxonomy_term(t) for t in terms],
        }
    )


def organization(item: Organization, *, full: bool = True) -> Json:
    """An organisation; with its identifiers when ``full``."""
    record: Json = {
        "id": item.id,
        "name": item.name,
        "description": item.description,
        "email": item.email,
        "website": item.website,
        "logo": item.logo,
        "uri": item.uri,
        "parent_organization_id": item.parent_organization_id,
    }
    if full:
        record["organization_identifiers"] = [
            _present(
                {
                    "id": i.id,
                    "organization_id": item.id,
                    "identifier_scheme": i.identifier_scheme,
                    "identifier_type": i.identifier_type,
                    "identifier": i.identifier,
                }
            )
            for i in item.identifiers
        ]
    return _present(record)


def location(item: DirectoryLocation, *, full: bool = True) -> Json:
    """A location; with its addresses and accessibility when ``full``."""
    record: Json = {
        "id": item.id,
        "location_type": item.location_type.value,
        "name": item.name,
        "description": item.description,
        "latitude": item.latitude,
        "longitude": item.longitude,
        "external_identifier": item.external_identifier,
        "external_identifier_type": item.external_identifier_type,
    }
    if full:
        record["addresses"] = [_address(item.id, a) for a in item.addresses]
        record["accessibility"] = [_accessibility(item.id, a) for a in item.accessibility]
    return _present(record)


def _address(location_id: str, a: Address) -> Json:
    return _present(
        {
            "id": a.id,
            "location_id": location_id,
            "attention": a.attention,
            "address_1": a.address_1,
            "address_2": a.address_2,
            "city": a.city,
            "region": a.region,
            "postal_code": a.postal_code,
            "country": a.country,
            "address_type": a.address_type.value,
        }
    ) | {"state_province": a.state_province}  # required by the profile, empty for many UK addresses


def _accessibility(location_id: str, a: Accessibility) -> Json:
    return _present(
        {
            "id": a.id,
            "location_id": location_id,
            "description": a.description,
            "details": a.details,
            "url": a.url,
            # The UK profile's older field for the same words.
            "accessibility": a.description,
        }
    )


def service_summary(item: Service, owner: Organization) -> Json:
    """A service's one-to-one fields and its organisation, as listings show it."""
    return _present(
        {
            "id": item.id,
            "organization_id": item.organization_id,
            "name": item.name,
            "description": item.description,
            "url": item.url,
            "email": item.email,
            "status": item.status.value,
            "fees": item.fees_description,
            "accreditations": item.accreditations,
            "eligibility_description": item.eligibility_description,
            "minimum_age": item.minimum_age,
            "maximum_age": item.maximum_age,
            "assured_date": _day(item.assured_date),
            "assurer_email": item.assurer_email,
            "alert": item.alert,
            "last_modified": (
                item.last_modified.astimezone(UTC).isoformat().replace("+00:00", "Z")
                if item.last_modified
                else None
            ),
            "organization": organization(owner, full=False),
        }
    )


def schedule(service_id: str, item: Schedule) -> Json:
    """A schedule of the service ``service_id``."""
    return _present(
        {
            "id": item.id,
            "service_id": service_id,
            "service_at_location_id": item.service_at_location_id,
            "valid_from": _day(item.valid_from),
            "valid_to": _day(item.valid_to),
            "dtstart": _day(item.dtstart),
            "freq": item.freq.value if item.freq else None,
            "interval": item.interval if item.freq else None,
            "byday": item.byday,
            "bymonthday": item.bymonthday,
            "description": item.description,
            "opens_at": _time(item.opens_at),
            "closes_at": _time(item.closes_at),
            "schedule_link": item.schedule_link,
            "attending_type": item.attending_type,
            "notes": item.notes,
        }
    )


def _contact(service_id: str, item: Contact) -> Json:
    phones = [
        _present(
            {"id": p.id, "contact_id": item.id, "number": p.number, "description": p.description}
        )
        for p in item.phones
    ]
    return _present(
        {
            "id": item.id,
            "service_id": service_id,
            "name": item.name,
            "title": item.title,
            "email": item.email,
            "phones": phones,
        }
    )


def service_at_location(
    service_id: str, item: ServiceAtLocation, place: DirectoryLocation, *, full: bool = True
) -> Json:
    """A service at a location, with the location (in full when ``full``)."""
    return {
        "id": item.id,
        "service_id": service_id,
        "location_id": item.location_id,
        "location": location(place, full=full),
    }


def service_full(
    item: Service,
    owner: Organization,
    places: Mapping[str, DirectoryLocation],
    terms: Mapping[str, TaxonomyTerm],
) -> Json:
    """A service with everything it owns and names, as ``/services/{id}`` shows it."""
    record = service_summary(item, owner) | {"organization": organization(owner)}
    return record | _present(
        {
            "schedules": [schedule(item.id, s) for s in item.schedules],
            "service_areas": [_service_area(item.id, a) for a in item.service_areas],
            "service_at_locations": [
                service_at_location(item.id, sal, places[sal.location_id]) for sal in item.locations
            ],
            "languages": [_language(item.id, x) for x in item.languages],
            "funding": [
                {"id": f.id, "service_id": item.id, "source": f.source} for f in item.funding
            ],
            "cost_options": [_cost(item.id, c) for c in item.cost_options],
            "contacts": [_contact(item.id, c) for c in item.contacts],
            "attributes": [_attribute(item.id, t, terms[t.taxonomy_term_id]) for t in item.terms],
        }
    )


def _language(service_id: str, x: Language) -> Json:
    return _present(
        {"id": x.id, "service_id": service_id, "name": x.name, "code": x.code, "note": x.note}
    )


def _cost(service_id: str, c: CostOption) -> Json:
    return _present(
        {
            "id": c.id,
            "service_id": service_id,
            "valid_from": _day(c.valid_from),
            "valid_to": _day(c.valid_to),
            "option": c.option,
            "amount": c.amount,
            "amount_description": c.amount_description,
        }
    )


def _attribute(service_id: str, link: TermLink, term: TaxonomyTerm) -> Json:
    return _present(
        {
            "id": link.id,
            "link_id": service_id,
            "link_type": link.link_type,
            "link_entity": "service",
            "taxonomy_term_id": link.taxonomy_term_id,
            "taxonomy_term": taxonomy_term(term),
        }
    )


def _service_area(service_id: str, area: ServiceArea) -> Json:
    return _present(
        {
            "id": area.id,
            "service_id": service_id,
            "name": area.name,
            "description": area.description,
            "extent": area.extent,
            "extent_type": area.extent_type,
            "uri": area.uri,
            # The UK profile's older field for the same words.
            "service_area": area.name,
        }
    )
