"""A small, independent reader of the public HHCRSP JSON format, for the baselines.

The baselines read instances themselves so that they do not depend on the solver under test.
See ``../shared/benchmarks/README.md`` for the format and the objective.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Task:
    """One service a patient needs: a node of the routing graph.

    ``location`` is the row of the distance matrix (0 is the central office, patient i is row i).
    """

    patient: str
    service: str
    location: int
    duration: float
    earliest: float
    latest: float


@dataclass(frozen=True)
class Synchronisation:
    """A link between the two tasks of one patient (indices into ``Instance.tasks``).

    ``kind`` is ``"simultaneous"`` (equal starts) or ``"sequential"`` (``second`` starts between
    ``min_gap`` and ``max_gap`` minutes after ``first``).
    """

    kind: str
    first: int
    second: int
    min_gap: float
    max_gap: float


@dataclass(frozen=True)
class Caregiver:
    """A caregiver and the services they are able to give."""

    id: str
    abilities: frozenset[str]


@dataclass(frozen=True)
class Instance:
    """An HHCRSP instance flattened into tasks, caregivers, links and the distance matrix."""

    name: str
    tasks: tuple[Task, ...]
    caregivers: tuple[Caregiver, ...]
    links: tuple[Synchronisation, ...]
    distances: tuple[tuple[float, ...], ...]

    def can_do(self, caregiver: Caregiver, task: Task) -> bool:
        """Whether ``caregiver`` has the ability ``task`` needs."""
        return task.service in caregiver.abilities


def read_instance(path: Path) -> Instance:
    """Read an HHCRSP JSON file into an :class:`Instance`.

    Parameters
    ----------
    path
        The instance file.

    Raises
    ------
    ValueError
        When the file is not an HHCRSP instance (the message names the field).
    """
    try:
        return parse_instance(json.loads(path.read_text()), path.stem)
    except ValueError as error:
        raise ValueError(f"{path.name}: {error}") from error


def parse_instance(raw: Any, name: str = "instance") -> Instance:
    """Build an :class:`Instance` from parsed HHCRSP JSON.

    Raises
    ------
    ValueError
        When ``raw`` is not an HHCRSP instance (the message names the field).
    """
    try:
        return _parse(name, raw)
    except (KeyError, IndexError, TypeError, AttributeError) as error:
        raise ValueError(f"not an HHCRSP instance (missing or bad {error})") from error


def _parse(name: str, raw: dict[str, Any]) -> Instance:
    tasks: list[Task] = []
    links: list[Synchronisation] = []
    for row, patient in enumerate(raw["patients"], start=1):
        first_index = len(tasks)
        earliest, latest = (float(v) for v in patient["time_window"])
        for need in patient["required_caregivers"]:
            tasks.append(
                Task(patient["id"], need["service"], row, float(need["duration"]), earliest, latest)
            )
        sync = patient.get("synchronization")
        if sync is not None and len(patient["required_caregivers"]) == 2:
            gap = sync.get("distance", [0, 0])
            links.append(
                Synchronisation(
                    sync["type"], first_index, first_index + 1, float(gap[0]), float(gap[1])
                )
            )
    caregivers = tuple(Caregiver(c["id"], frozenset(c["abilities"])) for c in raw["caregivers"])
    distances = tuple(tuple(float(d) for d in line) for line in raw["distances"])
    return Instance(name, tuple(tasks), caregivers, tuple(links), distances)


def earliest_starts(instance: Instance, route: list[int]) -> list[float]:
    """Start times of a route's tasks when each starts as early as it can.

    A caregiver leaves the office at time 0, travels (travel time = distance) and waits for the
    earliest start of each window. Used by a baseline that has no synchronisation of its own.
    """
    starts: list[float] = []
    clock, here = 0.0, 0
    for index in route:
        task = instance.tasks[index]
        clock = max(clock + instance.distances[here][task.location], task.earliest)
        starts.append(clock)
        clock += task.duration
        here = task.location
    return starts


def solution_json(
    instance: Instance, routes: list[list[int]], starts: list[list[float]]
) -> list[dict[str, Any]]:
    """Routes in careweave's solution shape: one entry per caregiver, visits in travel order."""
    return [
        {
            "caregiver": caregiver.id,
            "visits": [
                {
                    "patient": instance.tasks[index].patient,
                    "service": instance.tasks[index].service,
                    "start": round(start, 6),
                }
                for index, start in zip(route, route_starts, strict=True)
            ],
        }
        for caregiver, route, route_starts in zip(instance.caregivers, routes, starts, strict=True)
    ]
