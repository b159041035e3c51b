"""Read the public HHCRSP JSON instances (Mankowska et al. 2014, Kummer et al. 2021).

Each patient's ``required_caregivers`` entry becomes one task with id ``"<patient>/<service>"``
(``"<patient>/<service>#2"`` for a second entry of the same service), needing that service as a
skill. Location 0 is the central office; patient number ``i`` in list order is row ``i`` of
``distances``. Travel time equals distance. Every task is mandatory, may be late (tardiness is
soft) and may not start before its window. A ``simultaneous`` patient is two tasks that start
together; a ``sequential`` one has the second start ``[min, max]`` minutes after the first; in
both the two services are done by two different caregivers, as in Mankowska et al.'s model.
The weights give ``total_cost = (distance + total_tardiness + max_tardiness) / 3``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from careweave.scheduling.formats.fields import (
    key,
    load_json,
    number,
    obj,
    pair,
    seq,
    text,
    texts,
)
from careweave.scheduling.items import (
    Link,
    Mode,
    Person,
    ProblemError,
    Shift,
    Task,
    TravelMatrix,
    Worker,
    as_matrix,
)
from careweave.scheduling.problem import Problem
from careweave.scheduling.weights import Weights

TRAVEL_MODE = "drive"
HHCRSP_KEYS = frozenset({"patients", "caregivers", "services", "central_offices", "distances"})


def is_hhcrsp(data: Any) -> bool:
    """Whether parsed JSON looks like an HHCRSP instance."""
    return isinstance(data, Mapping) and data.keys() >= HHCRSP_KEYS


def read_hhcrsp(path: str | Path) -> Problem:
    """Read an HHCRSP instance file into a :class:`Problem` (ProblemError when malformed)."""
    return hhcrsp_problem(load_json(path), name=Path(path).name)


def hhcrsp_problem(data: Any, name: str = "") -> Problem:
    """Build a :class:`Problem` from a parsed HHCRSP instance.

    Parameters
    ----------
    data
        The parsed JSON object.
    name
        A label for the problem, usually the file name.
    """
    data = obj(data, name or "instance")
    durations = _services(data)
    offices = seq(key(data, "central_offices", "instance"), "central_offices")
    if len(offices) != 1:
        raise ProblemError("central_offices", "exactly one central office is supported")
    patients = seq(key(data, "patients", "instance"), "patients")
    tasks: list[Task] = []
    links: list[Link] = []
    people: list[Person] = []
    for position, raw in enumerate(patients, start=1):
        patient_tasks, patient_links = _patient(raw, position, durations)
        people.append(Person(patient_tasks[0].person))
        tasks.extend(patient_tasks)
        links.extend(patient_links)
    return Problem(
        workers=_caregivers(data, durations),
        tasks=tuple(tasks),
        travel={TRAVEL_MODE: _travel(data, len(patients))},
        links=tuple(links),
        people=tuple(people),
        weights=Weights.hhcrsp(),
        mode=Mode.TIME_AND_TASK,
        skills=frozenset(durations),
        name=name,
    )


def _services(data: Mapping[str, Any]) -> dict[str, float]:
    durations: dict[str, float] = {}
    for position, raw in enumerate(seq(key(data, "services", "instance"), "services"), start=1):
        service = obj(raw, f"service #{position}")
        ident = text(key(service, "id", f"service #{position}"), f"service #{position}", "id")
        if ident in durations:
            raise ProblemError(f"service {ident}", "id is used twice")
        default = service.get("default_duration", 0)
        durations[ident] = number(default, f"service {ident}", "default_duration")
    return durations


def _caregivers(data: Mapping[str, Any], services: Mapping[str, float]) -> tuple[Worker, ...]:
    workers = []
    for position, raw in enumerate(seq(key(data, "caregivers", "instance"), "caregivers"), 1):
        caregiver = obj(raw, f"caregiver #{position}")
        ident = text(key(caregiver, "id", f"caregiver #{position}"), "caregiver", "id")
        item = f"caregiver {ident}"
        abilities = texts(key(caregiver, "abilities", item), item, "abilities")
        unknown = abilities - services.keys()
        if unknown:
            raise ProblemError(item, f"unknown service {', '.join(sorted(unknown))}")
        workers.append(
            Worker(
                id=ident,
                skills=abilities,
                shifts=(Shift(0, 0.0, math.inf),),
                start_location=0,
                end_location=0,
                travel_mode=TRAVEL_MODE,
            )
        )
    return tuple(workers)


def _patient(
    raw: Any, location: int, services: Mapping[str, float]
) -> tuple[list[Task], list[Link]]:
    patient = obj(raw, f"patient #{location}")
    ident = text(key(patient, "id", f"patient #{location}"), f"patient #{location}", "id")
    item = f"patient {ident}"
    earliest, latest = pair(key(patient, "time_window", item), item, "time_window")
    if latest < earliest:
        raise ProblemError(item, f"window ends ({latest:g}) before it starts ({earliest:g})")
    needs = seq(key(patient, "required_caregivers", item), f"{item}: required_caregivers")
    if not needs:
        raise ProblemError(item, "required_caregivers is empty")
    tasks = []
    seen: dict[str, int] = {}
    for raw_need in needs:
        need = obj(raw_need, f"{item}: required caregiver")
        service = text(key(need, "service", item), item, "service")
        if service not in services:
            raise ProblemError(item, f"unknown service {service}")
        duration = number(need.get("duration", services[service]), item, f"{service} duration")
        if duration < 0:
            raise ProblemError(item, f"{service} duration must not be negative ({duration:g})")
        seen[service] = seen.get(service, 0) + 1
        suffix = f"#{seen[service]}" if seen[service] > 1 else ""
        task_id = f"{ident}/{service}{suffix}"
        tasks.append(
            Task(
                id=task_id,
                person=ident,
                location=location,
                day=0,
                earliest=earliest,
                latest=latest,
                duration_min=duration,
                duration_max=duration,
                skills=frozenset({service}),
                priority=3,
                mandatory=True,
            )
        )
    return tasks, _synchronisation(patient, item, tasks)


def _synchronisation(patient: Mapping[str, Any], item: str, tasks: list[Task]) -> list[Link]:
    sync = patient.get("synchronization")
    if sync is None:
        return []
    sync = obj(sync, f"{item}: synchronization")
    if len(tasks) != 2:
        raise ProblemError(item, "synchronization needs exactly two required caregivers")
    first, second = tasks[0].id, tasks[1].id
    kind = sync.get("type")
    if kind == "simultaneous":
        return [Link(first, second, 0.0, 0.0, distinct_workers=True)]
    if kind == "sequential":
        low, high = pair(key(sync, "distance", item), item, "synchronization distance")
        if high < low:
            raise ProblemError(item, f"synchronization distance [{low:g}, {high:g}] is empty")
        return [Link(first, second, low, high, distinct_workers=True)]
    raise ProblemError(item, f"unknown synchronization type {kind!r}")


def _travel(data: Mapping[str, Any], patients: int) -> TravelMatrix:
    rows = seq(key(data, "distances", "instance"), "distances")
    if len(rows) != patients + 1:
        raise ProblemError(
            "distances", f"needs {patients + 1} rows (the office and {patients} patients)"
        )
    if any(not isinstance(row, list) or len(row) != len(rows) for row in rows):
        raise ProblemError("distances", "must be a square matrix (one row per location)")
    return TravelMatrix(minutes=as_matrix("distances", "distance", rows), mode=TRAVEL_MODE)
