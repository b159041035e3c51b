"""Types shared by the API schemas: bounded text, locations, pages."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from careweave.domain.values import Location

T = TypeVar("T")


def _printable(value: str) -> str:
    # NUL and other control characters (except tab and newlines) are never meant; PostgreSQL
    # refuses NUL outright, so they are turned away here with a clear message.
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in value):
        raise ValueError("must not contain control characters")
    return value


Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Name = Annotated[str, Field(max_length=80), AfterValidator(_printable)]
ShortText = Annotated[str, Field(max_length=300), AfterValidator(_printable)]
LongText = Annotated[str, Field(max_length=4000), AfterValidator(_printable)]
Language = Annotated[str, Field(min_length=2, max_length=20), AfterValidator(_printable)]
ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"


class Schema(BaseModel):
    """Base of request schemas: unknown fields are refused, so a typo is not silently ignored."""

    model_config = ConfigDict(extra="forbid")


class LocationSchema(Schema):
    """A point (WGS 84 degrees)."""

    lat: float = Field(ge=-90, le=90, description="Latitude")
    lon: float = Field(ge=-180, le=180, description="Longitude")

    def to_domain(self) -> Location:
        """The domain :class:`Location`."""
        return Location(self.lat, self.lon)

    @classmethod
    def of(cls, location: Location) -> LocationSchema:
        """The schema of a domain location."""
        return cls(lat=location.lat, lon=location.lon)


class Page(BaseModel, Generic[T]):
    """One page of a listing: ``items``, with ``total`` matches in all."""

    items: list[T]
    total: int
    limit: int
    offset: int
