"""OR-Tools routing baseline for HHCRSP, with synchronisation by constraints on start times.

One vehicle per caregiver; one node per (patient, service); a vehicle may visit a node only when
its caregiver has the ability. Time dimension: transit = travel + service duration, hard earliest
start, latest start as a soft upper bound costing 1 per minute of tardiness; arc cost = distance.
Simultaneous services: equal start cumuls. Sequential services: two inequalities for the gap.
The two services of one patient go to two different caregivers. The ``max_tardiness`` term of
the HHCRSP objective cannot be expressed, so OR-Tools minimises distance + total tardiness.
"""

from __future__ import annotations

import math
import time
from typing import Any

from ortools.constraint_solver import pywrapcp, routing_enums_pb2

from benchmarks.hhcrsp_data import Instance, solution_json

# OR-Tools works on integers: minutes and distances in thousandths.
SCALE = 1000


def _up(value: float) -> int:
    """Scale a lower bound (travel, duration, earliest start) rounding up, so scaled start times
    are never earlier than the exact ones."""
    return math.ceil(round(value * SCALE, 6))


def _down(value: float) -> int:
    return math.floor(round(value * SCALE, 6))


def solve(instance: Instance, seconds: float, seed: int) -> dict[str, Any]:
    """Solve ``instance`` with OR-Tools' guided local search for ``seconds``.

    Returns a dict with ``routes`` (careweave's shape, empty when no solution was found),
    ``found`` and the solver's own objective; ``seed`` is not used by OR-Tools' search, which is
    deterministic.
    """
    del seed
    nodes = len(instance.tasks) + 1
    manager = pywrapcp.RoutingIndexManager(nodes, len(instance.caregivers), 0)
    routing = pywrapcp.RoutingModel(manager)
    travel = _travel_matrix(instance)
    duration = [0] + [_up(t.duration) for t in instance.tasks]

    def arc_cost(i: int, j: int) -> int:
        return int(travel[manager.IndexToNode(i)][manager.IndexToNode(j)])

    def transit(i: int, j: int) -> int:
        a, b = manager.IndexToNode(i), manager.IndexToNode(j)
        return int(travel[a][b] + duration[a])

    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitCallback(arc_cost))
    horizon = _horizon(instance)
    routing.AddDimension(routing.RegisterTransitCallback(transit), horizon, horizon, False, "time")
    clock = routing.GetDimensionOrDie("time")
    _constrain(instance, manager, routing, clock, horizon)
    assignment = _search(routing, seconds)
    if assignment is None:
        return {"found": False, "routes": [], "solver_objective": None}
    routes, starts = _read_routes(instance, manager, routing, clock, assignment)
    return {
        "found": True,
        "routes": solution_json(instance, routes, starts),
        "solver_objective": assignment.ObjectiveValue() / SCALE,
    }


def _search(routing: Any, seconds: float) -> Any:
    """Guided local search from the first start heuristic that finds a solution.

    The cross-route synchronisation constraints make some construction heuristics give up at
    once; we try the ones that worked best on the public instances, in order, within the limit.
    """
    strategies = routing_enums_pb2.FirstSolutionStrategy
    deadline = time.monotonic() + seconds
    for strategy in (
        strategies.LOCAL_CHEAPEST_COST_INSERTION,
        strategies.SEQUENTIAL_CHEAPEST_INSERTION,
        strategies.LOCAL_CHEAPEST_INSERTION,
    ):
        left = deadline - time.monotonic()
        if left <= 0.05:
            break
        params = pywrapcp.DefaultRoutingSearchParameters()
        params.first_solution_strategy = strategy
        params.local_search_metaheuristic = (
            routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
        )
        params.time_limit.FromMilliseconds(int(left * 1000))
        assignment = routing.SolveWithParameters(params)
        if assignment is not None:
            return assignment
    return None


def _travel_matrix(instance: Instance) -> list[list[int]]:
    rows = [0] + [task.location for task in instance.tasks]
    return [[_up(instance.distances[a][b]) for b in rows] for a in rows]


def _horizon(instance: Instance) -> int:
    latest = max((t.latest for t in instance.tasks), default=0.0)
    work = sum(t.duration for t in instance.tasks)
    longest = max(max(row) for row in instance.distances)
    return _up(latest + work + longest * (len(instance.tasks) + 1))


def _constrain(
    instance: Instance,
    manager: Any,
    routing: Any,
    clock: Any,
    horizon: int,
) -> None:
    """Abilities, windows and synchronisation."""
    solver = routing.solver()
    for number, task in enumerate(instance.tasks, start=1):
        index = manager.NodeToIndex(number)
        allowed = [v for v, c in enumerate(instance.caregivers) if instance.can_do(c, task)]
        # VehicleVar is -1 for an unvisited node; every node is mandatory here. (The
        # SetAllowedVehiclesForIndex binding of this OR-Tools version rejects Python lists.)
        routing.VehicleVar(index).SetValues([-1, *allowed])
        clock.CumulVar(index).SetRange(_up(task.earliest), horizon)
        clock.SetCumulVarSoftUpperBound(index, _down(task.latest), 1)
    for link in instance.links:
        first = manager.NodeToIndex(link.first + 1)
        second = manager.NodeToIndex(link.second + 1)
        solver.Add(routing.VehicleVar(first) != routing.VehicleVar(second))
        if link.kind == "simultaneous":
            solver.Add(clock.CumulVar(first) == clock.CumulVar(second))
        else:
            solver.Add(clock.CumulVar(second) >= clock.CumulVar(first) + _up(link.min_gap))
            solver.Add(clock.CumulVar(second) <= clock.CumulVar(first) + _down(link.max_gap))


def _read_routes(
    instance: Instance, manager: Any, routing: Any, clock: Any, assignment: Any
) -> tuple[list[list[int]], list[list[float]]]:
    routes: list[list[int]] = []
    starts: list[list[float]] = []
    for vehicle in range(len(instance.caregivers)):
        route: list[int] = []
        route_starts: list[float] = []
        index = routing.NextVar(routing.Start(vehicle))
        index = assignment.Value(index)
        while not routing.IsEnd(index):
            route.append(manager.IndexToNode(index) - 1)
            route_starts.append(assignment.Min(clock.CumulVar(index)) / SCALE)
            index = assignment.Value(routing.NextVar(index))
        routes.append(route)
        starts.append(route_starts)
    return routes, starts
