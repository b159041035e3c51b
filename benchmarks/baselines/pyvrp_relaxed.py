"""PyVRP baseline for HHCRSP, without synchronisation: a bound on what PyVRP can express.

PyVRP has no synchronised multi-vehicle visits, so each service of a patient is an independent
client at the patient's location. Abilities are expressed exactly through load dimensions: one
dimension per service, each client delivers 1 unit in its service's dimension, and a caregiver's
vehicle has capacity only in the dimensions of the services they can give. PyVRP's time windows
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
    services = sorted({task.service for task in instance.tasks})
    dimension = {service: number for number, service in enumerate(services)}
    locations = [pyvrp.Location(0.0, 0.0) for _ in instance.distances]
    clients = []
    for task in instance.tasks:
        delivery = [0] * len(services)
        delivery[dimension[task.service]] = 1
        clients.append(
            pyvrp.Client(
                location=task.location,
                delivery=delivery,
                service_duration=_scaled(task.duration),
                tw_early=_scaled(task.earliest),
                tw_late=_scaled(task.latest),
                name=f"{task.patient}/{task.service}",
            )
        )
    everyone = len(instance.tasks)
    vehicle_types = [
        pyvrp.VehicleType(
            1,
            capacity=[everyone if service in caregiver.abilities else 0 for service in services],
            name=caregiver.id,
        )
        for caregiver in instance.caregivers
    ]
    matrix = np.array([[_scaled(d) for d in row] for row in instance.distances], dtype=np.int64)
    # PyVRP's stubs type the matrices by an odd shape parameter; an int64 2-D array is right.
    matrices: list[Any] = [matrix]
    return pyvrp.ProblemData(
        locations, clients, [pyvrp.Depot(0)], vehicle_types, matrices, matrices
    )


def _scaled(value: float) -> int:
    return round(value * SCALE)
