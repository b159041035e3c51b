"""A whole directory, as it is imported or exported, and the checks that only the whole can make:
every id once, every reference to a record that is there, no loop of parent terms.

A refused import lists every problem found, each naming the record and the field, so that a
publisher can fix their file in one go.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from careweave.domain.community.locations import DirectoryLocation
from careweave.domain.community.organizations import Organization
from careweave.domain.community.services import Service
from careweave.domain.community.taxonomy import Taxonomy, TaxonomyTerm, check_no_parent_cycle
from careweave.domain.errors import DomainError, DomainValidationError


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong where: ``where`` names the record (``services[3]``) and ``field`` the field
    within it (``schedules[0].byday``), '' when the whole record is at fault."""

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        place = f"{self.where}.{self.field}" if self.field else self.where
        return f"{place}: {self.message}"


class DirectoryRefusedError(DomainError):
    """The directory was refused; ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True, slots=True)
class WholeDirectory:
    """Every record of a directory. Terms may name a taxonomy or a parent term that is not in
    it (a vocabulary published elsewhere); every other reference must lead to a record here."""

    taxonomies: tuple[Taxonomy, ...] = ()
    terms: tuple[TaxonomyTerm, ...] = ()
    organizations: tuple[Organization, ...] = ()
    locations: tuple[DirectoryLocation, ...] = ()
    services: tuple[Service, ...] = field(default=())

    def problems(self) -> list[Problem]:
        """Every id used twice and every reference to a record that is not in the directory."""
        found = _duplicates(
            ("taxonomies", [t.id for t in self.taxonomies]),
            ("taxonomy_terms", [t.id for t in self.terms]),
            ("organizations", [o.id for o in self.organizations]),
            ("locations", [x.id for x in self.locations]),
            ("services", [s.id for s in self.services]),
        )
        found += self._term_problems()
        found += self._service_problems()
        return found

    def _term_problems(self) -> list[Problem]:
        # A term's taxonomy and parent may be a vocabulary published elsewhere (a service
        # package names only the terms its services use), so only a loop of parents is wrong.
        try:
            check_no_parent_cycle({t.id: t for t in self.terms})
        except DomainValidationError as exc:
            return [Problem("taxonomy_terms", exc.field, exc.message)]
        return []

    def _service_problems(self) -> list[Problem]:
        organizations = {o.id for o in self.organizations}
        locations = {x.id for x in self.locations}
        terms = {t.id for t in self.terms}
        found: list[Problem] = []
        sal_ids: dict[str, str] = {}
        for n, service in enumerate(self.services):
            where = f"services[{n}]"
            if service.organization_id not in organizations:
                found.append(
                    Problem(where, "organization_id", f"no organization {service.organization_id}")
                )
            for k, sal in enumerate(service.locations):
                if sal.location_id not in locations:
                    found.append(
                        Problem(
                            where,
                            f"service_at_locations[{k}].location_id",
                            f"no location {sal.location_id}",
                        )
                    )
                if sal.id in sal_ids:
                    found.append(
                        Problem(
                            where,
                            f"service_at_locations[{k}].id",
                            f"{sal.id} is already used by {sal_ids[sal.id]}",
                        )
                    )
                sal_ids.setdefault(sal.id, where)
            for k, link in enumerate(service.terms):
                if link.taxonomy_term_id not in terms:
                    found.append(
                        Problem(
                            where,
                            f"attributes[{k}].taxonomy_term_id",
                            f"no taxonomy term {link.taxonomy_term_id}",
                        )
                    )
        return found

    def check(self) -> None:
        """Raise :class:`DirectoryRefusedError` listing :meth:`problems`, if there are any."""
        found = self.problems()
        if found:
            raise DirectoryRefusedError(found)


def _duplicates(*groups: tuple[str, Iterable[str]]) -> list[Problem]:
    found: list[Problem] = []
    for name, ids in groups:
        first: dict[str, int] = {}
        for n, ident in enumerate(ids):
            if ident in first:
                found.append(
                    Problem(
                        f"{name}[{n}]", "id", f"{ident} is already used by {name}[{first[ident]}]"
                    )
                )
            first.setdefault(ident, n)
    return found
