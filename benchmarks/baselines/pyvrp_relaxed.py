"""PyVRP baseline for HHCRSP, without synchronisation: a bound on what PyVRP can express.

PyVRP has no synchronised multi-vehicle visits, so each service of a patient is an independent
client at the patient's location. PyVRP has no per-client allowed vehicles either, so abilities
go into routing profiles: one distance matrix per set of abilities, in which a task the
caregiver cannot do is unreachable (a prohibitive distance). (Load dimensions per service would
also express abilities, but PyVRP then trades excess load against hard windows it cannot meet and
returns routes that break abilities.) Travel durations are the real ones. PyVRP's time windows
are hard (late arrival is "time warp", penalised during the search and infeasible in the end), so
the latest start is given as ``tw_late``; HHCRSP allows tardiness at a cost, PyVRP cannot weigh it.
The routes are re-timed with real waiting (start = max(arrival, earliest)) for careweave's
checker, which will find the synchronisation broken: the solutions are a relaxation.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyvrp
from pyvrp.stop import MaxRuntime

from benchmarks.hhcrsp_data import Instance, earliest_starts, solution_json

# PyVRP works on integers: minutes and distances in thousandths.
SCALE = 1000
# Distance to or from a task the caregiver cannot do (in thousandths): far above any route.
UNREACHABLE = 10**10


def solve(instance: Instance, seconds: float, seed: int) -> dict[str, Any]:
    """Solve the relaxation of ``instance`` with PyVRP's iterated local search for ``seconds``.

    Returns a dict with ``routes`` (careweave's shape), ``found`` and PyVRP's own verdict.
    """
    data = _problem_data(instance)
    result = pyvrp.solve(data, stop=MaxRuntime(seconds), seed=seed, display=False)
    best = result.best
    routes: list[list[int]] = [[] for _ in instance.caregivers]
    for route in best.routes():
        routes[route.vehicle_type()] = [
            activity.idx for activity in route.schedule() if activity.is_client()
        ]
    starts = [earliest_starts(instance, route) for route in routes]
    return {
        "found": True,
        "routes": solution_json(instance, routes, starts),
        "solver_objective": result.cost() / SCALE if best.is_feasible() else None,
        "solver_feasible_without_sync": bool(best.is_feasible()),
    }


def _problem_data(instance: Instance) -> pyvrp.ProblemData:
    """One location per task (the two services of a patient are two clients at distance 0), so
    that each caregiver's routing profile can make the tasks they cannot do unreachable."""
    rows = np.array([0] + [task.location for task in instance.tasks])
    distances = np.array(instance.distances, dtype=float)[np.ix_(rows, rows)]
    travel = np.round(distances * SCALE).astype(np.int64)
    clients = [
        pyvrp.Client(
            location=number,
            service_duration=_scaled(task.duration),
            tw_early=_scaled(task.earliest),
            tw_late=_scaled(task.latest),
            name=f"{task.patient}/{task.service}",
        )
        for number, task in enumerate(instance.tasks, start=1)
    ]
    profiles: dict[frozenset[str], int] = {}
    matrices: list[Any] = []
    for caregiver in instance.caregivers:
        if caregiver.abilities not in profiles:
            profiles[caregiver.abilities] = len(profiles)
            matrices.append(_profile_distances(instance, travel, caregiver.abilities))
    vehicle_types = [
        pyvrp.VehicleType(1, profile=profiles[caregiver.abilities], name=caregiver.id)
        for caregiver in instance.caregivers
    ]
    durations = [travel] * len(matrices)
    locations = [pyvrp.Location(0.0, 0.0) for _ in rows]
    return pyvrp.ProblemData(
        locations, clients, [pyvrp.Depot(0)], vehicle_types, matrices, durations
    )


def _profile_distances(
    instance: Instance, travel: np.ndarray, abilities: frozenset[str]
) -> np.ndarray:
    """Distances for caregivers with ``abilities``: a task they cannot do costs
    :data:`UNREACHABLE` to reach or leave, so PyVRP keeps abilities whenever it can."""
    matrix = travel.copy()
    for number, task in enumerate(instance.tasks, start=1):
        if task.service not in abilities:
            matrix[number, :] = UNREACHABLE
            matrix[:, number] = UNREACHABLE
    np.fill_diagonal(matrix, 0)
    return matrix


def _scaled(value: float) -> int:
    return round(value * SCALE)
