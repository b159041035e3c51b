"""Small helpers to write and read FHIR extensions and codings as plain JSON dictionaries.

careweave keeps what FHIR has no element for (the GAS scale of a goal, the funding source of a
plan, …) in extensions under :data:`BASE`, so an export read back loses nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from careweave.domain.errors import DomainValidationError

Json = dict[str, Any]

BASE = "https://careweave.org/fhir/StructureDefinition/"
CODES = "https://careweave.org/fhir/CodeSystem/"

_VALUE_KEYS = (
    "valueString",
    "valueInteger",
    "valueBoolean",
    "valueDate",
    "valueDecimal",
    "valueCode",
)


def url(name: str) -> str:
    """The full URL of careweave extension ``name``."""
    return f"{BASE}{name}"


def ext(name: str, value: object, *, nested: bool = False) -> Json:
    """One extension; ``nested`` for a sub-extension of a complex one (URL is the bare name)."""
    key = url(name) if not nested else name
    if isinstance(value, bool):
        return {"url": key, "valueBoolean": value}
    if isinstance(value, int):
        return {"url": key, "valueInteger": value}
    if isinstance(value, float):
        return {"url": key, "valueDecimal": value}
    if isinstance(value, date):
        return {"url": key, "valueDate": value.isoformat()}
    return {"url": key, "valueString": str(value)}


def complex_ext(name: str, parts: Iterable[Json], *, nested: bool = False) -> Json:
    """A complex extension made of sub-extensions."""
    return {"url": url(name) if not nested else name, "extension": list(parts)}


def sub(name: str, value: object) -> Json:
    """A sub-extension of a complex extension."""
    return ext(name, value, nested=True)


def optional(name: str, value: object, *, nested: bool = False) -> list[Json]:
    """``[ext(...)]`` when ``value`` is set (not None or ''), else ``[]``."""
    if value is None or value == "":
        return []
    return [ext(name, value, nested=nested)]


def coding(system: str, code: str, display: str = "") -> Json:
    """A CodeableConcept with one coding."""
    item: Json = {"system": system, "code": code}
    if display:
        item["display"] = display
    return {"coding": [item]}


class Extensions:
    """Read access to a resource's (or complex extension's) extensions.

    Parameters
    ----------
    items
        The ``extension`` list.
    where
        The field name used in error messages, e.g. ``"CarePlan.extension"``.
    nested
        Whether the URLs are bare names (sub-extensions) rather than full careweave URLs.
    """

    def __init__(self, items: list[Json] | None, where: str, *, nested: bool = False) -> None:
        self._items = items or []
        self._where = where
        self._nested = nested

    def _key(self, name: str) -> str:
        return name if self._nested else url(name)

    def all(self, name: str) -> list[Json]:
        """Every extension called ``name``."""
        return [e for e in self._items if e.get("url") == self._key(name)]

    def value(self, name: str, default: Any = None) -> Any:
        """The value of the one extension called ``name`` (``default`` when absent)."""
        found = self.all(name)
        if not found:
            return default
        return value_of(found[0], f"{self._where}.{name}")

    def required(self, name: str) -> Any:
        """The value of extension ``name``; raises naming it when it is missing."""
        found = self.value(name)
        if found is None:
            raise DomainValidationError(f"{self._where}.{name}", "is missing")
        return found

    def values(self, name: str) -> list[Any]:
        """The values of every extension called ``name``."""
        return [value_of(e, f"{self._where}.{name}") for e in self.all(name)]

    def by_url(self) -> dict[str, Any]:
        """Every extension's value by its URL (for complex extensions with free sub-names)."""
        return {
            str(e.get("url")): value_of(e, f"{self._where}.{e.get('url')}") for e in self._items
        }

    def complex(self, name: str) -> list[Extensions]:
        """Every complex extension called ``name``, as readers of their sub-extensions."""
        return [
            Extensions(e.get("extension"), f"{self._where}.{name}", nested=True)
            for e in self.all(name)
        ]


def value_of(extension: Json, where: str) -> Any:
    """The ``value[x]`` of one extension; dates come back as :class:`datetime.date`."""
    for key in _VALUE_KEYS:
        if key in extension:
            found = extension[key]
            return date.fromisoformat(found) if key == "valueDate" else found
    raise DomainValidationError(where, "has no value")


def code_of(concept: Json | None, system: str, where: str) -> str:
    """The code from ``system`` in a CodeableConcept; raises naming ``where`` when absent."""
    for item in (concept or {}).get("coding", []):
        if item.get("system") == system and item.get("code"):
            return str(item["code"])
    raise DomainValidationError(where, f"needs a code from {system}")


def reference_id(reference: Json | None, kind: str, where: str) -> str:
    """The id in a reference ``"Kind/id"``; raises naming ``where`` when it is of another kind."""
    text = (reference or {}).get("reference", "")
    prefix = f"{kind}/"
    if not isinstance(text, str) or not text.startswith(prefix):
        raise DomainValidationError(where, f"must refer to a {kind}")
    return text[len(prefix) :]


def parse_date(value: object, where: str) -> date:
    """A FHIR date (or the date part of a dateTime); raises naming ``where`` when it is not one."""
    if not isinstance(value, str):
        raise DomainValidationError(where, "is missing")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise DomainValidationError(where, f"{value!r} is not a date") from None


def parse_datetime(value: object, where: str) -> datetime:
    """A FHIR dateTime; raises naming ``where`` when it is not one."""
    if not isinstance(value, str):
        raise DomainValidationError(where, "is missing")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise DomainValidationError(where, f"{value!r} is not a date and time") from None
