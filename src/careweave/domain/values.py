"""Small value objects and checks shared by the domain modules."""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass
from typing import TypeVar

from careweave.domain.errors import DomainValidationError

EARTH_RADIUS_KM = 6371.0088
_T = TypeVar("_T")


def new_id() -> str:
    """Return a new random identifier (32 hex characters)."""
    return uuid.uuid4().hex


def require_text(
    field: str, value: str, *, max_length: int = 200, allow_empty: bool = False
) -> str:
    """Return ``value`` stripped, or raise if it is empty (unless allowed) or too long."""
    if not isinstance(value, str):
        raise DomainValidationError(field, "must be text")
    cleaned = value.strip()
    if not cleaned and not allow_empty:
        raise DomainValidationError(field, "must not be empty")
    if len(cleaned) > max_length:
        raise DomainValidationError(field, f"must be at most {max_length} characters")
    return cleaned


def require_range(field: str, value: float, low: float, high: float) -> float:
    """Return ``value`` or raise if it lies outside ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise DomainValidationError(field, "must be a number")
    if not low <= value <= high:
        raise DomainValidationError(field, f"must be between {low:g} and {high:g}, got {value:g}")
    return value


def require_member(field: str, value: object, allowed: type[_T]) -> _T:
    """Return ``value`` as a member of the enum ``allowed`` or raise naming the allowed values."""
    try:
        return allowed(value)  # type: ignore[call-arg]
    except ValueError:
        names = ", ".join(str(m.value) for m in allowed)  # type: ignore[attr-defined]
        raise DomainValidationError(field, f"{value!r} is not one of: {names}") from None


_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")


def normalise_postcode(field: str, value: str) -> str:
    """Return a UK postcode in upper case with one space, or raise if it is not shaped like one."""
    compact = value.upper().replace(" ", "")
    if not _POSTCODE.match(compact):
        raise DomainValidationError(field, f"{value!r} is not a UK postcode")
    return f"{compact[:-3]} {compact[-3:]}"


@dataclass(frozen=True, slots=True)
class Location:
    """A point on the earth (WGS 84 degrees)."""

    lat: float
    lon: float

    def __post_init__(self) -> None:
        require_range("location.lat", self.lat, -90.0, 90.0)
        require_range("location.lon", self.lon, -180.0, 180.0)

    def distance_km(self, other: Location) -> float:
        """Great-circle distance to ``other`` in kilometres (haversine)."""
        p1, p2 = math.radians(self.lat), math.radians(other.lat)
        dp = p2 - p1
        dl = math.radians(other.lon - self.lon)
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def count_words(count: int, unit: str, plural: str | None = None) -> str:
    """``count`` of ``unit`` in words, singular for exactly one: "1 minute", "5 minutes".

    ``plural`` is the plural when adding an "s" would be wrong ("1 person", "3 people").
    """
    return f"{count} {unit if count == 1 else plural or unit + 's'}"


def minutes_words(minutes: int) -> str:
    """Minutes as a person reads them: "1 minute", "0 minutes", "45 minutes"."""
    return count_words(minutes, "minute")
