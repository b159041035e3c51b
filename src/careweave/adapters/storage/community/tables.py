"""Storage models of the community directory, one table per HSDS record a query filters on.

Organisations, locations, services, services at locations, schedules, taxonomies, terms and the
services' term links (HSDS ``attribute``) are tables with HSDS's column names. What a service or a
location merely owns and no query filters on (contacts and phones, costs, languages, areas,
funding; addresses and accessibility; organisation identifiers) rides along in JSON columns of
its owner, read and written with it. ``position`` keeps a service's parts in the order given.

Full-text search reads ``community_services.search_text`` through an index each database builds
its own way (SQLite FTS5, PostgreSQL text search); the migration creates it, see
:mod:`careweave.adapters.storage.community.search_index`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.schema import Base, table_of

UUID_LENGTH = 36
NAME_LENGTH = 255
CODE_LENGTH = 40
URL_LENGTH = 2000


def uuid_column() -> Mapped[str]:
    """A primary key column for an HSDS identifier (a UUID in its 36-character form)."""
    return mapped_column(String(UUID_LENGTH), primary_key=True)


class TaxonomyRow(Base):
    """A vocabulary of terms."""

    __tablename__ = "community_taxonomies"

    id: Mapped[str] = uuid_column()
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    description: Mapped[str] = mapped_column(Text)
    uri: Mapped[str] = mapped_column(String(URL_LENGTH))
    version: Mapped[str] = mapped_column(String(NAME_LENGTH))


class TaxonomyTermRow(Base):
    """One term. Its taxonomy and parent may be published elsewhere (HSDS lets a service name a
    term of any vocabulary), so neither is a foreign key."""

    __tablename__ = "community_taxonomy_terms"

    id: Mapped[str] = uuid_column()
    taxonomy_id: Mapped[str | None] = mapped_column(String(UUID_LENGTH), index=True)
    parent_id: Mapped[str | None] = mapped_column(String(UUID_LENGTH), index=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    description: Mapped[str] = mapped_column(Text)
    code: Mapped[str] = mapped_column(String(NAME_LENGTH))
    taxonomy: Mapped[str] = mapped_column(String(NAME_LENGTH))
    term_uri: Mapped[str] = mapped_column(String(URL_LENGTH))


class OrganizationRow(Base):
    """An organisation that runs services."""

    __tablename__ = "community_organizations"

    id: Mapped[str] = uuid_column()
    name: Mapped[str] = mapped_column(String(NAME_LENGTH), index=True)
    description: Mapped[str] = mapped_column(Text)
    email: Mapped[str] = mapped_column(String(320))
    website: Mapped[str] = mapped_column(String(URL_LENGTH))
    logo: Mapped[str] = mapped_column(String(URL_LENGTH))
    uri: Mapped[str] = mapped_column(String(URL_LENGTH))
    parent_organization_id: Mapped[str | None] = mapped_column(String(UUID_LENGTH))
    identifiers: Mapped[list[Any]] = mapped_column(JSON)


class LocationRow(Base):
    """A place services are delivered at, with its addresses and accessibility."""

    __tablename__ = "community_locations"

    id: Mapped[str] = uuid_column()
    location_type: Mapped[str] = mapped_column(String(CODE_LENGTH))
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    description: Mapped[str] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float, index=True)
    longitude: Mapped[float | None] = mapped_column(Float)
    external_identifier: Mapped[str] = mapped_column(String(NAME_LENGTH))
    external_identifier_type: Mapped[str] = mapped_column(String(NAME_LENGTH))
    postal_code: Mapped[str] = mapped_column(String(NAME_LENGTH), index=True)
    addresses: Mapped[list[Any]] = mapped_column(JSON)
    accessibility: Mapped[list[Any]] = mapped_column(JSON)


class ServiceRow(Base):
    """A service and the parts it owns that no query filters on."""

    __tablename__ = "community_services"

    id: Mapped[str] = uuid_column()
    organization_id: Mapped[str] = mapped_column(
        ForeignKey("community_organizations.id"), index=True
    )
    name: Mapped[str] = mapped_column(String(NAME_LENGTH), index=True)
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(CODE_LENGTH), index=True)
    url: Mapped[str] = mapped_column(String(URL_LENGTH))
    email: Mapped[str] = mapped_column(String(320))
    fees_description: Mapped[str] = mapped_column(Text)
    accreditations: Mapped[str] = mapped_column(Text)
    eligibility_description: Mapped[str] = mapped_column(Text)
    minimum_age: Mapped[float | None] = mapped_column(Float)
    maximum_age: Mapped[float | None] = mapped_column(Float)
    alert: Mapped[str] = mapped_column(Text)
    assured_date: Mapped[dt.date | None] = mapped_column(Date)
    assurer_email: Mapped[str] = mapped_column(String(320))
    last_modified: Mapped[dt.datetime | None] = mapped_column(DateTime)
    search_text: Mapped[str] = mapped_column(Text)
    contacts: Mapped[list[Any]] = mapped_column(JSON)
    cost_options: Mapped[list[Any]] = mapped_column(JSON)
    languages: Mapped[list[Any]] = mapped_column(JSON)
    service_areas: Mapped[list[Any]] = mapped_column(JSON)
    funding: Mapped[list[Any]] = mapped_column(JSON)


class ServiceAtLocationRow(Base):
    """A service delivered at a location."""

    __tablename__ = "community_service_at_locations"

    id: Mapped[str] = uuid_column()
    service_id: Mapped[str] = mapped_column(
        ForeignKey("community_services.id", ondelete="CASCADE"), index=True
    )
    location_id: Mapped[str] = mapped_column(ForeignKey("community_locations.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)


class ScheduleRow(Base):
    """When a service (or a service at one location) is open; ``weekday_mask`` has bit ``n`` set
    when it may open on weekday ``n`` (Monday 0), so a search by day needs no rule parsing."""

    __tablename__ = "community_schedules"

    id: Mapped[str] = uuid_column()
    service_id: Mapped[str] = mapped_column(
        ForeignKey("community_services.id", ondelete="CASCADE"), index=True
    )
    service_at_location_id: Mapped[str | None] = mapped_column(
        ForeignKey("community_service_at_locations.id", ondelete="CASCADE")
    )
    freq: Mapped[str | None] = mapped_column(String(CODE_LENGTH))
    interval: Mapped[int] = mapped_column(Integer)
    byday: Mapped[str] = mapped_column(String(NAME_LENGTH))
    bymonthday: Mapped[str] = mapped_column(String(NAME_LENGTH))
    dtstart: Mapped[dt.date | None] = mapped_column(Date)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    opens_at: Mapped[dt.time | None] = mapped_column(Time)
    closes_at: Mapped[dt.time | None] = mapped_column(Time)
    weekday_mask: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)
    attending_type: Mapped[str] = mapped_column(String(NAME_LENGTH))
    schedule_link: Mapped[str] = mapped_column(String(URL_LENGTH))
    position: Mapped[int] = mapped_column(Integer)


class ServiceTermRow(Base):
    """A service tagged with a taxonomy term (HSDS ``attribute`` linking the two)."""

    __tablename__ = "community_service_terms"

    id: Mapped[str] = uuid_column()
    service_id: Mapped[str] = mapped_column(
        ForeignKey("community_services.id", ondelete="CASCADE"), index=True
    )
    taxonomy_term_id: Mapped[str] = mapped_column(
        ForeignKey("community_taxonomy_terms.id"), index=True
    )
    link_type: Mapped[str] = mapped_column(String(NAME_LENGTH))
    position: Mapped[int] = mapped_column(Integer)


taxonomies = table_of(TaxonomyRow)
taxonomy_terms = table_of(TaxonomyTermRow)
organizations = table_of(OrganizationRow)
locations = table_of(LocationRow)
services = table_of(ServiceRow)
service_at_locations = table_of(ServiceAtLocationRow)
schedules = table_of(ScheduleRow)
service_terms = table_of(ServiceTermRow)
