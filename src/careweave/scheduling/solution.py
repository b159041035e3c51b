"""A roster: for each worker, day and shift, the tasks they do in travel order and when each starts.

These are plain answers; whether one is any good is for :func:`careweave.scheduling.check` to say.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from careweave.scheduling.items import ProblemError, Task


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

    def minutes(self, task: Task) -> float:
        """How long the stop lasts: its own ``duration``, else ``task``'s minimum duration."""
        return task.duration_min if self.duration is None else self.duration


@dataclass(frozen=True, slots=True)
class Route:
    """One worker's trip in one shift: ``stops`` in the order travelled, from and back to base.

    ``shift`` is the index of the shift among the worker's shifts on ``day`` in time order (see
    :meth:`~careweave.scheduling.items.Worker.shifts_on`): 0 for the only or first one, 1 for the
    second half of a split shift. A worker has at most one route per shift.
    """

    worker_id: str
    day: int
    stops: tuple[Stop, ...] = ()
    shift: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.worker_id, str) or not self.worker_id:
            raise ProblemError("route", f"worker id must be non-empty text, not {self.worker_id!r}")
        item = f"route {self.worker_id}"
        if not _whole(self.day):
            raise ProblemError(item, f"day must be >= 0, not {self.day!r}")
        if not _whole(self.shift):
            raise ProblemError(item, f"shift must be a whole number >= 0, not {self.shift!r}")
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


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
