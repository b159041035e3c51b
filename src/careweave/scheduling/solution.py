"""A roster: for each worker and day, the tasks they do in travel order and when each starts.

These are plain answers; whether one is any good is for :func:`careweave.scheduling.check` to say.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from careweave.scheduling.items import ProblemError


@dataclass(frozen=True, slots=True)
class Stop:
    """A task done at ``start`` (minutes on the route's day) for ``duration`` minutes.

    ``duration`` None means the task's minimum duration (its only one in time-and-task care).
    """

    task_id: str
    start: float
    duration: float | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.task_id, str) or not self.task_id:
            raise ProblemError("stop", f"task id must be non-empty text, not {self.task_id!r}")
        if not _finite(self.start):
            raise ProblemError(
                f"stop {self.task_id}", f"start must be a number, not {self.start!r}"
            )
        if self.duration is not None and not (_finite(self.duration) and self.duration >= 0):
            raise ProblemError(
                f"stop {self.task_id}", f"duration must be a number >= 0, not {self.duration!r}"
            )


@dataclass(frozen=True, slots=True)
class Route:
    """One worker's day: ``stops`` in the order travelled, from and back to their base."""

    worker_id: str
    day: int
    stops: tuple[Stop, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.worker_id, str) or not self.worker_id:
            raise ProblemError("route", f"worker id must be non-empty text, not {self.worker_id!r}")
        if isinstance(self.day, bool) or not isinstance(self.day, int) or self.day < 0:
            raise ProblemError(f"route {self.worker_id}", f"day must be >= 0, not {self.day!r}")
        object.__setattr__(self, "stops", tuple(self.stops))

    @property
    def task_ids(self) -> tuple[str, ...]:
        """The tasks of the route in order."""
        return tuple(stop.task_id for stop in self.stops)


@dataclass(frozen=True, slots=True)
class Roster:
    """Every route, and the tasks deliberately left unassigned."""

    routes: tuple[Route, ...] = ()
    unassigned: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "routes", tuple(self.routes))
        object.__setattr__(self, "unassigned", tuple(self.unassigned))

    def stops(self) -> Iterator[tuple[Route, Stop]]:
        """Every stop with its route, route by route."""
        for route in self.routes:
            for stop in route.stops:
                yield route, stop

    def assigned(self) -> dict[str, tuple[Route, Stop]]:
        """Task id to its route and stop (the last one seen if a task appears twice)."""
        return {stop.task_id: (route, stop) for route, stop in self.stops()}


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
