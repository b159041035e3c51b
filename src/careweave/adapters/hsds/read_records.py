"""Reading one HSDS 3.0 record (UK profile) from JSON into the directory's domain record, each
wrong field noted by :class:`~careweave.adapters.hsds.fields.Fields`. A record reader returns
``None`` when the record cannot be built; its problems are noted already."""

from __future__ import annotations

from typing import Any

from careweave.adapters.hsds.fields import Fields
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


def term(f: Fields) -> TaxonomyTerm | None:
    """A taxonomy term."""
    values: dict[str, Any] = {
        "id": f.text("id"),
        "name": f.text("name"),
        "description": f.text("description"),
        "taxonomy_id": f.optional_id("taxonomy_id"),
        "parent_id": f.optional_id("parent_id"),
        "code": f.text("term"),
        "taxonomy": f.text("taxonomy"),
        "term_uri": f.text("term_uri"),
    }
    return f.build(lambda: TaxonomyTerm(**values))


def taxonomy(f: Fields) -> Taxonomy | None:
    """A taxonomy (its nested terms are read by :func:`read_directory`)."""
    values: dict[str, Any] = {
        "id": f.text("id"),
        "name": f.text("name"),
        "description": f.text("description"),
        "uri": f.text("uri"),
        "version": f.text("version"),
    }
    return f.build(lambda: Taxonomy(**values))


def organization(f: Fields) -> Organization | None:
    """An organisation with its identifiers."""
    identifiers = f.parts(
        "organization_identifiers",
        lambda g: g.build(
            lambda: OrganizationIdentifier(
                id=g.text("id"),
                identifier_type=g.text("identifier_type"),
                identifier=g.text("identifier"),
                identifier_scheme=g.text("identifier_scheme"),
            )
        ),
    )
    values: dict[str, Any] = {
        "id": f.text("id"),
        "name": f.text("name"),
        "description": f.text("description"),
        "email": f.text("email"),
        "website": f.text("website"),
        "logo": f.text("logo"),
        "uri": f.text("uri"),
        "parent_organization_id": f.optional_id("parent_organization_id"),
        "identifiers": identifiers,
    }
    return f.build(lambda: Organization(**values))


def _address(g: Fields) -> Address | None:
    values: dict[str, Any] = {
        "id": g.text("id"),
        "address_1": g.text("address_1"),
        "address_2": g.text("address_2"),
        "city": g.text("city"),
        "postal_code": g.text("postal_code"),
        "state_province": g.text("state_province"),
        "region": g.text("region"),
        "country": g.text("country"),
        "attention": g.text("attention"),
        "address_type": g.text("address_type") or "physical",
    }
    return g.build(lambda: Address(**values))


def location(f: Fields) -> DirectoryLocation | None:
    """A location with its addresses and accessibility."""
    addresses = f.parts("addresses", _address)
    accessibility = f.parts(
        "accessibility",
        lambda g: g.build(
            lambda: Accessibility(
                id=g.text("id"),
                description=g.text("description") or g.text("accessibility"),
                details=g.text("details"),
                url=g.text("url"),
            )
        ),
    )
    values: dict[str, Any] = {
        "id": f.text("id"),
        "location_type": f.text("location_type"),
        "name": f.text("name"),
        "description": f.text("description"),
        "latitude": f.number("latitude"),
        "longitude": f.number("longitude"),
        "external_identifier": f.text("external_identifier"),
        "external_identifier_type": f.text("external_identifier_type"),
        "addresses": addresses,
        "accessibility": accessibility,
    }
    return f.build(lambda: DirectoryLocation(**values))


def _schedule(g: Fields) -> Schedule | None:
    values: dict[str, Any] = {
        "id": g.text("id"),
        "service_at_location_id": g.optional_id("service_at_location_id"),
        "freq": g.text("freq") or None,
        "interval": g.integer("interval", 1),
        "byday": g.text("byday"),
        "bymonthday": g.text("bymonthday"),
        "dtstart": g.date("dtstart"),
        "valid_from": g.date("valid_from"),
        "valid_to": g.date("valid_to"),
        "opens_at": g.time("opens_at"),
        "closes_at": g.time("closes_at"),
        "description": g.text("description"),
        "notes": g.text("notes"),
        "attending_type": g.text("attending_type"),
        "schedule_link": g.text("schedule_link"),
    }
    return g.build(lambda: Schedule(**values))


def _contact(g: Fields) -> Contact | None:
    phones = g.parts(
        "phones",
        lambda h: h.build(
            lambda: Phone(
                id=h.text("id"), number=h.text("number"), description=h.text("description")
            )
        ),
    )
    values: dict[str, Any] = {
        "id": g.text("id"),
        "name": g.text("name"),
        "title": g.text("title"),
        "email": g.text("email"),
        "phones": phones,
    }
    return g.build(lambda: Contact(**values))


def _cost(g: Fields) -> CostOption | None:
    values: dict[str, Any] = {
        "id": g.text("id"),
        "option": g.text("option"),
        "amount": g.number("amount"),
        "amount_description": g.text("amount_description"),
        "valid_from": g.date("valid_from"),
        "valid_to": g.date("valid_to"),
    }
    return g.build(lambda: CostOption(**values))


def _area(g: Fields) -> ServiceArea | None:
    values: dict[str, Any] = {
        "id": g.text("id"),
        "name": g.text("name") or g.text("service_area"),
        "description": g.text("description"),
        "extent": g.text("extent"),
        "extent_type": g.text("extent_type"),
        "uri": g.text("uri"),
    }
    return g.build(lambda: ServiceArea(**values))


def _sal(g: Fields) -> ServiceAtLocation | None:
    nested = g.data.get("location")
    location_id = g.text("location_id") or (
        nested.get("id", "") if isinstance(nested, dict) else ""
    )
    return g.build(lambda: ServiceAtLocation(id=g.text("id"), location_id=location_id))


def _link(g: Fields) -> TermLink | None:
    nested = g.data.get("taxonomy_term")
    term_id = g.text("taxonomy_term_id") or (
        nested.get("id", "") if isinstance(nested, dict) else ""
    )
    return g.build(
        lambda: TermLink(id=g.text("id"), taxonomy_term_id=term_id, link_type=g.text("link_type"))
    )


def _service_parts(f: Fields) -> dict[str, Any]:
    """What a service owns, each list read by its own reader."""
    return {
        "contacts": f.parts("contacts", _contact),
        "cost_options": f.parts("cost_options", _cost),
        "languages": f.parts(
            "languages",
            lambda g: g.build(
                lambda: Language(
                    id=g.text("id"), name=g.text("name"), code=g.text("code"), note=g.text("note")
                )
            ),
        ),
        "service_areas": f.parts("service_areas", _area),
        "funding": f.parts(
            "funding", lambda g: g.build(lambda: Funding(id=g.text("id"), source=g.text("source")))
        ),
        "terms": f.parts("attributes", _link),
        "locations": f.parts("service_at_locations", _sal),
        "schedules": f.parts("schedules", _schedule),
    }


def service(f: Fields) -> Service | None:
    """A service with everything it owns (what it names, such as its organisation, is read by
    :func:`read_directory`)."""
    parts = _service_parts(f)
    nested = f.data.get("organization")
    owner = f.text("organization_id") or (nested.get("id", "") if isinstance(nested, dict) else "")
    values: dict[str, Any] = dict(
        id=f.text("id"),
        organization_id=owner,
        name=f.text("name"),
        description=f.text("description"),
        status=f.text("status") or "active",
        url=f.text("url"),
        email=f.text("email"),
        fees_description=f.text("fees"),
        accreditations=f.text("accreditations"),
        eligibility_description=f.text("eligibility_description"),
        minimum_age=f.number("minimum_age"),
        maximum_age=f.number("maximum_age"),
        alert=f.text("alert"),
        assured_date=f.date("assured_date"),
        assurer_email=f.text("assurer_email"),
        last_modified=f.moment("last_modified"),
        **parts,
    )
    return f.build(lambda: Service(**values))
