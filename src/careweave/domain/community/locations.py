"""Where services happen: buildings, postal addresses and online places, with their access."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from careweave.domain.community.fields import (
    LONG_TEXT,
    check_unique_ids,
    new_hsds_id,
    optional_text,
    optional_url,
    require_uuid,
)
from careweave.domain.errors import DomainValidationError
from careweave.domain.values import Location, require_member, require_range, require_text


class LocationType(StrEnum):
    """What kind of place (HSDS ``location_type`` and ``address_type``)."""

    PHYSICAL = "physical"
    POSTAL = "postal"
    VIRTUAL = "virtual"


@dataclass(frozen=True, slots=True)
class Address:
    """A postal address of a location. The UK profile requires every part but ``region``;
    ``state_province`` holds the county, '' where there is none."""

    address_1: str
    city: str
    postal_code: str
    address_2: str = ""
    state_province: str = ""
    region: str = ""
    country: str = "GB"
    attention: str = ""
    address_type: LocationType = LocationType.PHYSICAL
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("address.id", self.id))
        for name in ("address_1", "city", "postal_code"):
            object.__setattr__(
                self, name, require_text(f"address.{name}", getattr(self, name), max_length=255)
            )
        object.__setattr__(self, "postal_code", self.postal_code.upper())
        for name in ("address_2", "state_province", "region", "attention"):
            object.__setattr__(self, name, optional_text(f"address.{name}", getattr(self, name)))
        country = require_text("address.country", self.country, max_length=2).upper()
        if len(country) != 2 or not country.isalpha():
            raise DomainValidationError("address.country", "must be a two-letter ISO 3166 code")
        object.__setattr__(self, "country", country)
        object.__setattr__(
            self,
            "address_type",
            require_member("address.address_type", self.address_type, LocationType),
        )


@dataclass(frozen=True, slots=True)
class Accessibility:
    """What the location offers for access (a ramp, a hearing loop, an accessible toilet)."""

    description: str
    details: str = ""
    url: str = ""
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("accessibility.id", self.id))
        object.__setattr__(
            self,
            "description",
            require_text("accessibility.description", self.description, max_length=LONG_TEXT),
        )
        object.__setattr__(
            self, "details", optional_text("accessibility.details", self.details, LONG_TEXT)
        )
        object.__setattr__(self, "url", optional_url("accessibility.url", self.url))


@dataclass(frozen=True, slots=True)
class DirectoryLocation:
    """A place where services are delivered (HSDS ``location``).

    ``external_identifier`` is usually the building's UPRN (``external_identifier_type``
    ``"UPRN"``). A physical location needs its latitude and longitude, so that it can be found by
    distance and drawn on the map.
    """

    name: str
    location_type: LocationType = LocationType.PHYSICAL
    description: str = ""
    latitude: float | None = None
    longitude: float | None = None
    external_identifier: str = ""
    external_identifier_type: str = ""
    addresses: tuple[Address, ...] = ()
    accessibility: tuple[Accessibility, ...] = ()
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("location.id", self.id))
        object.__setattr__(
            self,
            "location_type",
            require_member("location.location_type", self.location_type, LocationType),
        )
        object.__setattr__(self, "name", require_text("location.name", self.name, max_length=255))
        object.__setattr__(
            self, "description", optional_text("location.description", self.description, LONG_TEXT)
        )
        for name in ("external_identifier", "external_identifier_type"):
            object.__setattr__(self, name, optional_text(f"location.{name}", getattr(self, name)))
        self._check_position()
        object.__setattr__(self, "addresses", tuple(self.addresses))
        object.__setattr__(self, "accessibility", tuple(self.accessibility))
        check_unique_ids("location.addresses", [a.id for a in self.addresses])
        check_unique_ids("location.accessibility", [a.id for a in self.accessibility])

    def _check_position(self) -> None:
        if (self.latitude is None) != (self.longitude is None):
            raise DomainValidationError(
                "location.longitude", "give latitude and longitude together"
            )
        if self.latitude is not None and self.longitude is not None:
            require_range("location.latitude", self.latitude, -90.0, 90.0)
            require_range("location.longitude", self.longitude, -180.0, 180.0)
        elif self.location_type is LocationType.PHYSICAL:
            raise DomainValidationError(
                "location.latitude", "a physical location needs its latitude and longitude"
            )

    @property
    def point(self) -> Location | None:
        """Where it is on the map (``None`` for a postal or online place without one)."""
        if self.latitude is None or self.longitude is None:
            return None
        return Location(self.latitude, self.longitude)

    @property
    def postal_code(self) -> str:
        """The postcode of its first address ('' when it has none)."""
        return self.addresses[0].postal_code if self.addresses else ""
