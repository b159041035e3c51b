"""Ports: what the services need from storage, as :class:`typing.Protocol` classes.

Services depend only on these; :mod:`careweave.adapters.storage` implements them with SQLAlchemy
and tests may implement them however they like. Every ``get`` raises
:class:`~careweave.domain.errors.NotFoundError` for an unknown id; every write waits for
:meth:`UnitOfWork.commit`.

Listing methods share one convention: keyword filters (``None`` means "any"), a stable order, and
pagination by ``limit`` (``None`` for all) and ``offset``; ``count`` takes the same filters.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date
from types import TracebackType
from typing import Protocol, Self, TypeVar

from careweave.domain.people import CareModel, CircleMember, Need, Person, Strength
from careweave.domain.visits import Visit, VisitStatus
from careweave.domain.workforce import Skill, Team, Worker

R = TypeVar("R")


class PersonRepository(Protocol):
    """The people who draw on care and support, ordered by family name, given name, id."""

    def get(self, person_id: str) -> Person:
        """The person with ``person_id``."""
        ...

    def add(self, person: Person) -> None:
        """Store a new person."""
        ...

    def add_all(self, people: Iterable[Person]) -> None:
        """Store many new people at once (one bulk insert)."""
        ...

    def list(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        care_model: CareModel | None = None,
        name_contains: str | None = None,
        ids: Collection[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Sequence[Person]:
        """People matching every given filter; ``team_ids``: in any of those teams;
        ``name_contains`` ignores case."""
        ...

    def count(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        care_model: CareModel | None = None,
        name_contains: str | None = None,
        ids: Collection[str] | None = None,
    ) -> int:
        """How many people :meth:`list` would return without pagination."""
        ...

    def update(self, person: Person) -> None:
        """Save the changed ``person`` (it must exist)."""
        ...

    def remove(self, person_id: str) -> None:
        """Delete a person with their circle, strengths and needs (refused if visits refer to them)."""
        ...


class PersonRecordRepository(Protocol[R]):
    """Records that belong to one person: their circle, strengths or needs."""

    def get(self, ident: str, /) -> R:
        """The record with ``ident``."""
        ...

    def add(self, item: R, /) -> None:
        """Store a new record."""
        ...

    def add_all(self, items: Iterable[R], /) -> None:
        """Store many new records at once (one bulk insert)."""
        ...

    def list_for_person(self, person_id: str, /) -> Sequence[R]:
        """The person's records in their natural order (see the aliases below)."""
        ...

    def update(self, item: R, /) -> None:
        """Save the changed record."""
        ...

    def remove(self, ident: str, /) -> None:
        """Delete a record."""
        ...


# The circle lists emergency contacts first, then by name; strengths by kind (personal, family,
# community), then description; needs in the order the regulations list the eligibility outcomes.
CircleRepository = PersonRecordRepository[CircleMember]
StrengthRepository = PersonRecordRepository[Strength]
NeedRepository = PersonRecordRepository[Need]


class WorkerRepository(Protocol):
    """The care workers, ordered by family name, given name, id."""

    def get(self, worker_id: str) -> Worker:
        """The worker with ``worker_id``."""
        ...

    def add(self, worker: Worker) -> None:
        """Store a new worker."""
        ...

    def add_all(self, workers: Iterable[Worker]) -> None:
        """Store many workers at once."""
        ...

    def list(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        active: bool | None = None,
        skill: Skill | None = None,
        ids: Collection[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Sequence[Worker]:
        """Workers matching every given filter (``team_ids``: in any of those teams; ``skill``:
        workers who hold it)."""
        ...

    def count(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        active: bool | None = None,
        skill: Skill | None = None,
        ids: Collection[str] | None = None,
    ) -> int:
        """How many workers :meth:`list` would return without pagination."""
        ...

    def update(self, worker: Worker) -> None:
        """Save the changed ``worker``."""
        ...

    def remove(self, worker_id: str) -> None:
        """Delete a worker (refused while visits are assigned to them; deactivate instead)."""
        ...


class TeamRepository(Protocol):
    """The neighbourhood teams, ordered by name."""

    def get(self, team_id: str) -> Team:
        """The team with ``team_id``."""
        ...

    def find_by_name(self, name: str) -> Team | None:
        """The team called ``name``, or ``None``."""
        ...

    def add(self, team: Team) -> None:
        """Store a new team (names are unique)."""
        ...

    def add_all(self, teams: Iterable[Team]) -> None:
        """Store many teams at once."""
        ...

    def list(self, *, limit: int | None = None, offset: int = 0) -> Sequence[Team]:
        """Teams by name."""
        ...

    def count(self) -> int:
        """How many teams there are."""
        ...

    def update(self, team: Team) -> None:
        """Save the changed ``team``."""
        ...

    def remove(self, team_id: str) -> None:
        """Delete a team (refused while people or workers belong to it)."""
        ...


class VisitRepository(Protocol):
    """Visits, ordered by day, window start, id. Updates are optimistic on ``Visit.version``."""

    def get(self, visit_id: str) -> Visit:
        """The visit with ``visit_id``."""
        ...

    def add(self, visit: Visit) -> None:
        """Store a new visit."""
        ...

    def add_all(self, visits: Iterable[Visit]) -> None:
        """Store many new visits at once."""
        ...

    def list(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        person_id: str | None = None,
        worker_id: str | None = None,
        day_from: date | None = None,
        day_to: date | None = None,
        status: VisitStatus | Collection[VisitStatus] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Sequence[Visit]:
        """Visits matching every filter; ``team_id`` (or any of ``team_ids``) is the team of the
        visited person, ``worker_id`` a worker assigned to the visit, and ``day_from``/``day_to``
        are inclusive."""
        ...

    def count(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        person_id: str | None = None,
        worker_id: str | None = None,
        day_from: date | None = None,
        day_to: date | None = None,
        status: VisitStatus | Collection[VisitStatus] | None = None,
    ) -> int:
        """How many visits :meth:`list` would return without pagination."""
        ...

    def update(self, visit: Visit) -> None:
        """Save the changed ``visit`` and increase its ``version``.

        Raises :class:`~careweave.domain.errors.ConflictError` when the stored visit has moved on
        since ``visit`` was read (someone else saved it first); nothing is written then.
        """
        ...

    def update_all(self, visits: Iterable[Visit]) -> None:
        """Save many changed visits at once, with the same conflict check as :meth:`update`."""
        ...

    def remove(self, visit_id: str) -> None:
        """Delete a visit (prefer cancelling it: a cancelled visit keeps its history)."""
        ...


class UnitOfWork(Protocol):
    """One business transaction over all repositories.

    Use as ``with uow: ...; uow.commit()``. Leaving the block without :meth:`commit`, or with an
    exception, rolls everything back, so nothing partial is ever written.
    """

    @property
    def people(self) -> PersonRepository:
        """The people."""
        ...

    @property
    def circles(self) -> CircleRepository:
        """Circles of support."""
        ...

    @property
    def strengths(self) -> StrengthRepository:
        """Strengths and assets."""
        ...

    @property
    def needs(self) -> NeedRepository:
        """Needs against the eligibility outcomes."""
        ...

    @property
    def workers(self) -> WorkerRepository:
        """Care workers."""
        ...

    @property
    def teams(self) -> TeamRepository:
        """Neighbourhood teams."""
        ...

    @property
    def visits(self) -> VisitRepository:
        """Visits."""
        ...

    def __enter__(self) -> Self:
        """Begin the transaction."""
        ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed and end the transaction."""
        ...

    def commit(self) -> None:
        """Make every write of this unit of work permanent."""
        ...

    def rollback(self) -> None:
        """Discard every write since the last commit."""
        ...
