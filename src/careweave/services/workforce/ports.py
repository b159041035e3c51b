"""Ports of the workforce capability: teams and care workers in storage."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

from careweave.domain.workforce.workers import Skill, Team, Worker


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
