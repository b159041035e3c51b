"""Ports of the people capability: what its services need from storage."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Protocol, TypeVar

from careweave.domain.people.person import CareModel, CircleMember, Need, Person, Strength

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
