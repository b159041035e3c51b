"""Rosters as JSON, in two forms.

- HHCRSP form (ROSTERING.md): ``{"caregiver": "c1", "visits": [{"patient": "p3", "service": "s2",
  "start": 123.0}]}`` per route, one day, in travel order. A visit names its task by patient and
  service; when a patient needs the same service twice, the earlier start is the first task.
- careweave form: ``{"worker": "w1", "day": 0, "shift": 1, "stops": [{"task": "t1",
  "start": 540.0, "duration": 30.0}]}`` per route (``duration`` optional; ``shift``, the index of
  the route's shift among the worker's shifts that day in time order, is written only when it is
  not 0 and read as 0 when absent). A route is one shift's trip: a split shift is two routes.

A roster file is either a list of routes or an object with ``routes`` and, optionally, the task
ids left unassigned under ``unassigned_visits`` (or ``unassigned`` when it is a list).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from careweave.scheduling.formats.fields import (
    key,
    load_json,
    number,
    obj,
    seq,
    text,
    whole,
)
from careweave.scheduling.items import ProblemError, Task
from careweave.scheduling.problem import Problem
from careweave.scheduling.solution import Roster, Route, Stop


def read_roster(path: str | Path, problem: Problem) -> Roster:
    """Read a roster file (either form) for ``problem``."""
    return roster_from_json(load_json(path), problem)


def roster_from_json(data: Any, problem: Problem) -> Roster:
    """Build a :class:`Roster` from parsed JSON in either form (see the module docstring)."""
    if isinstance(data, Mapping):
        routes = seq(key(data, "routes", "roster"), "roster: routes")
        unassigned = data.get("unassigned_visits", data.get("unassigned", []))
        if not isinstance(unassigned, list):
            unassigned = []
    else:
        routes, unassigned = seq(data, "roster"), []
    lookup = _HhcrspLookup(problem)
    built = [_route(raw, position, lookup) for position, raw in enumerate(routes)]
    return Roster(
        routes=tuple(lookup.resolve(built)),
        unassigned=tuple(text(t, "roster", "unassigned visit") for t in unassigned),
    )


def _route(raw: Any, position: int, lookup: _HhcrspLookup) -> Route:
    route = obj(raw, f"route #{position + 1}")
    if "caregiver" in route:
        worker = text(route["caregiver"], f"route #{position + 1}", "caregiver")
        item = f"route of {worker}"
        visits = seq(key(route, "visits", item), f"{item}: visits")
        stops = (lookup.stop(v, item, (position, k)) for k, v in enumerate(visits))
        return Route(worker, 0, tuple(stops), _shift(route, item))
    where = f"route #{position + 1}"
    worker = text(key(route, "worker", where), where, "worker")
    item = f"route of {worker}"
    day = whole(route.get("day", 0), item, "day")
    stops_raw = seq(key(route, "stops", item), f"{item}: stops")
    return Route(worker, day, tuple(_stop(s, item) for s in stops_raw), _shift(route, item))


def _shift(route: Mapping[str, Any], item: str) -> int:
    # A negative shift is refused by Route, naming the route.
    return whole(route.get("shift", 0), item, "shift")


def _stop(raw: Any, item: str) -> Stop:
    stop = obj(raw, f"{item}: stop")
    task = text(key(stop, "task", item), item, "task")
    duration = stop.get("duration")
    return Stop(
        task,
        number(key(stop, "start", f"{item}: {task}"), f"{item}: {task}", "start"),
        None if duration is None else number(duration, f"{item}: {task}", "duration"),
    )


class _HhcrspLookup:
    """Finds the task a (patient, service) mention means.

    When a patient needs the same service twice, mentions are matched to the tasks in order of
    start time, so that the first task (the first end of any link between them) starts first.
    """

    def __init__(self, problem: Problem) -> None:
        self.tasks: dict[tuple[str, str], list[str]] = defaultdict(list)
        for task in problem.tasks:
            if len(task.skills) == 1:
                self.tasks[(task.person, next(iter(task.skills)))].append(task.id)
        self.mentions: dict[tuple[str, str], list[tuple[float, int, int]]] = defaultdict(list)

    def stop(self, raw: Any, item: str, where: tuple[int, int]) -> Stop:
        visit = obj(raw, f"{item}: visit")
        patient = text(key(visit, "patient", item), item, "patient")
        service = text(key(visit, "service", item), item, "service")
        candidates = self.tasks.get((patient, service))
        if not candidates:
            raise ProblemError(item, f"patient {patient} does not need service {service}")
        start = number(key(visit, "start", item), f"{item}: {patient}/{service}", "start")
        self.mentions[(patient, service)].append((start, *where))
        return Stop(candidates[0], start)

    def resolve(self, routes: list[Route]) -> list[Route]:
        """``routes`` with repeated services matched to their tasks by start time."""
        stops = [list(route.stops) for route in routes]
        for need, mentions in self.mentions.items():
            candidates = self.tasks[need]
            if len(candidates) < 2:
                continue  # every mention is the one task; the checker reports any duplicate
            for rank, (_, route, position) in enumerate(sorted(mentions)):
                # A mention past the last task repeats the last one: a duplicate for the checker.
                task_id = candidates[min(rank, len(candidates) - 1)]
                stops[route][position] = replace(stops[route][position], task_id=task_id)
        return [replace(r, stops=tuple(s)) for r, s in zip(routes, stops, strict=True)]


def hhcrsp_service(task: Task) -> str:
    """The service of a task read from an HHCRSP instance (its only skill)."""
    if len(task.skills) != 1:
        raise ProblemError(f"visit {task.id}", "an HHCRSP visit needs exactly one service")
    return next(iter(task.skills))


def routes_to_hhcrsp(problem: Problem, roster: Roster) -> list[dict[str, Any]]:
    """The roster's routes in the HHCRSP form."""
    return [
        {
            "caregiver": route.worker_id,
            "visits": [
                {
                    "patient": problem.task(stop.task_id).person,
                    "service": hhcrsp_service(problem.task(stop.task_id)),
                    "start": stop.start,
                }
                for stop in route.stops
            ],
        }
        for route in roster.routes
    ]


def routes_to_careweave(roster: Roster) -> list[dict[str, Any]]:
    """The roster's routes in the careweave form (``shift`` only when it is not 0)."""
    return [_route_json(route) for route in roster.routes]


def _route_json(route: Route) -> dict[str, Any]:
    values: dict[str, Any] = {"worker": route.worker_id, "day": route.day}
    if route.shift:
        values["shift"] = route.shift
    values["stops"] = [_stop_json(stop) for stop in route.stops]
    return values


def _stop_json(stop: Stop) -> dict[str, Any]:
    values: dict[str, Any] = {"task": stop.task_id, "start": stop.start}
    if stop.duration is not None:
        values["duration"] = stop.duration
    return values


def roster_to_json(problem: Problem, roster: Roster, *, hhcrsp: bool) -> dict[str, Any]:
    """The roster as a JSON object: ``routes`` (in the chosen form) and ``unassigned_visits``."""
    routes: Sequence[dict[str, Any]] = (
        routes_to_hhcrsp(problem, roster) if hhcrsp else routes_to_careweave(roster)
    )
    return {"routes": list(routes), "unassigned_visits": list(roster.unassigned)}
