"""Exporting the whole directory and replacing it with an imported one, all or nothing.

Only a coordinator (or an administrator) may replace the directory; both directions are audited.
The records are checked as a whole first (every id once, every reference to a record that is
there), so a refused directory names every problem and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.community.whole_directory import WholeDirectory
from careweave.services.accounts.access import Actor, require_role
from careweave.services.accounts.audit import AuditTrail
from careweave.services.community.access import CURATORS
from careweave.services.community.unit_of_work import CommunityUnitOfWork

KIND = "community_directory"


@dataclass(frozen=True, slots=True)
class DirectoryCounts:
    """How many records of each kind a directory holds."""

    taxonomies: int
    terms: int
    organizations: int
    locations: int
    services: int

    @classmethod
    def of(cls, directory: WholeDirectory) -> DirectoryCounts:
        """The counts of ``directory``."""
        return cls(
            len(directory.taxonomies),
            len(directory.terms),
            len(directory.organizations),
            len(directory.locations),
            len(directory.services),
        )

    def __str__(self) -> str:
        return (
            f"{self.services} services, {self.organizations} organizations, "
            f"{self.locations} locations, {self.taxonomies} taxonomies, {self.terms} terms"
        )


class DirectoryExchange:
    """The whole directory out and in; each call is one unit of work."""

    def __init__(self, uow_factory: Callable[[], CommunityUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._trail = AuditTrail(clock)

    def export(self, actor: Actor) -> WholeDirectory:
        """Every record of the directory (anyone signed in may take the public directory)."""
        with self._uow_factory() as uow:
            directory = WholeDirectory(
                taxonomies=tuple(uow.taxonomies.list()),
                terms=tuple(uow.taxonomy_terms.list()),
                organizations=tuple(uow.organizations.list()),
                locations=tuple(uow.directory_locations.list()),
                services=tuple(uow.directory_services.list()),
            )
            self._trail.record(
                uow,
                actor,
                AuditAction.READ,
                KIND,
                "",
                detail=str(DirectoryCounts.of(directory)),
            )
            uow.commit()
        return directory

    def replace(self, actor: Actor, directory: WholeDirectory) -> DirectoryCounts:
        """Make ``directory`` the whole directory.

        Raises :class:`~careweave.domain.community.whole_directory.DirectoryRefusedError`,
        writing nothing, when any record is missing or used twice.
        """
        require_role(actor, *CURATORS)
        directory.check()
        counts = DirectoryCounts.of(directory)
        with self._uow_factory() as uow:
            uow.directory.clear()
            uow.taxonomies.add_all(directory.taxonomies)
            uow.taxonomy_terms.add_all(directory.terms)
            uow.organizations.add_all(directory.organizations)
            uow.directory_locations.add_all(directory.locations)
            uow.directory_services.add_all(directory.services)
            uow.directory.refresh_statistics()
            self._trail.record(
                uow,
                actor,
                AuditAction.CREATE,
                KIND,
                "",
                detail=f"replaced: {counts}",
            )
            uow.commit()
        return counts
