"""Reading a whole directory from HSDS 3.0 JSON (UK profile), naming every problem by record and
field.

Two shapes are read: careweave's export (an object with ``taxonomies``, ``taxonomy_terms``,
``organizations``, ``locations`` and ``services``; see :mod:`careweave.adapters.hsds.document`)
and a bare list of fully nested services (HSDS's service package, as other publishers send).
Organisations, locations and terms nested in services are taken too; a record named in several
places is read where it first appears.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from careweave.adapters.hsds import read_records
from careweave.adapters.hsds.fields import Fields
from careweave.domain.community.whole_directory import Problem, WholeDirectory


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_HasId)


class _Collected:
    """Records of one kind by id, in the order first met; a later copy of an id is left alone."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.by_id: dict[str, Any] = {}
        self.top: list[Any] = []

    def read(
        self, where: str, item: object, reader: Callable[[Fields], R | None], *, top: bool
    ) -> None:
        if not top and isinstance(item, dict) and str(item.get("id", "")).lower() in self.by_id:
            return  # a nested copy of a record already read
        record = reader(Fields(item, where, self.problems))
        if record is None:
            return
        if top:
            self.top.append(record)
        if record.id not in self.by_id:
            self.by_id[record.id] = record

    def records(self) -> tuple[Any, ...]:
        """The top-level records (so duplicates there are found), then the nested ones."""
        nested = [r for i, r in self.by_id.items() if all(t is not r for t in self.top)]
        return (*self.top, *nested)


def read_directory(document: object) -> tuple[WholeDirectory, list[Problem]]:
    """The directory in ``document`` (parsed JSON) and every problem found in it, including the
    references that lead nowhere."""
    problems: list[Problem] = []
    if isinstance(document, list):
        document = {"services": document}
    if not isinstance(document, dict):
        return WholeDirectory(), [
            Problem("document", "", "must be a JSON object or a list of services")
        ]
    kinds = {
        name: _Collected(problems)
        for name in ("taxonomies", "terms", "organizations", "locations", "services")
    }
    _read_top(document, kinds, problems)
    for where, item in _items(document, "services", problems):
        _read_nested(where, item, kinds)
    directory = WholeDirectory(**{name: kind.records() for name, kind in kinds.items()})
    if not problems:
        problems += directory.problems()
    return directory, problems


def _items(
    document: dict[str, Any], name: str, problems: list[Problem]
) -> list[tuple[str, object]]:
    value = document.get(name, [])
    if not isinstance(value, list):
        problems.append(Problem(name, "", "must be a list"))
        return []
    return [(f"{name}[{n}]", item) for n, item in enumerate(value)]


def _read_top(
    document: dict[str, Any], kinds: dict[str, _Collected], problems: list[Problem]
) -> None:
    for where, item in _items(document, "taxonomies", problems):
        kinds["taxonomies"].read(where, item, read_records.taxonomy, top=True)
        terms = item.get("taxonomy_terms", []) if isinstance(item, dict) else []
        for n, nested in enumerate(terms if isinstance(terms, list) else []):
            kinds["terms"].read(
                f"{where}.taxonomy_terms[{n}]", nested, read_records.term, top=False
            )
    for name, kind, reader in (
        ("taxonomy_terms", "terms", read_records.term),
        ("organizations", "organizations", read_records.organization),
        ("locations", "locations", read_records.location),
        ("services", "services", read_records.service),
    ):
        for where, item in _items(document, name, problems):
            kinds[kind].read(where, item, reader, top=True)


def _read_nested(where: str, item: object, kinds: dict[str, _Collected]) -> None:
    """The organisation, locations and terms a service names in full."""
    if not isinstance(item, dict):
        return
    owner = item.get("organization")
    if owner is not None:
        kinds["organizations"].read(
            f"{where}.organization", owner, read_records.organization, top=False
        )
    for n, sal in enumerate(_list(item.get("service_at_locations"))):
        place = sal.get("location") if isinstance(sal, dict) else None
        if place is not None:
            kinds["locations"].read(
                f"{where}.service_at_locations[{n}].location",
                place,
                read_records.location,
                top=False,
            )
    for n, link in enumerate(_list(item.get("attributes"))):
        nested = link.get("taxonomy_term") if isinstance(link, dict) else None
        if nested is not None:
            kinds["terms"].read(
                f"{where}.attributes[{n}].taxonomy_term", nested, read_records.term, top=False
            )


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []
