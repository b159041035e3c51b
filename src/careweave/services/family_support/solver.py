"""The whole-list match: the assignment of people to household places and rooms that maximises the
total compatibility, found exactly as a minimum-cost flow by OR-Tools.

Why a flow: a household may take several people (its free places) but each person needs their own
room that fits them, and a household's places can be fewer than its rooms. That is a two-level
capacity, which an assignment solver on a square matrix cannot say but a flow network can:

    person ──(−points)──▶ room ──(1)──▶ household ──(free places)──▶ sink
    person ──(−points)──▶ household's day places ──(free day places)──▶ sink
    person ──(0)──────────────────────────────────────────────────────▶ sink   (waits)

Every person sends one unit; the cheapest flow is the most compatible assignment. The network's
capacities are whole numbers, so the optimum is whole (the flow polytope is integral): no rounding.
OR-Tools' ``SimpleMinCostFlow`` (cost scaling, in C++) solves a scheme of 500 people and 300
households in a fraction of a second.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from ortools.graph.python import min_cost_flow

from careweave.domain.family_support.matching import Assignment, Candidate, Match, MatchProblem

SINK = 0


@dataclass
class _Network:
    """The arcs of the flow network as parallel lists, and which candidate each matching arc is."""

    tails: list[int] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    capacities: list[int] = field(default_factory=list)
    costs: list[int] = field(default_factory=list)
    matching_arcs: dict[int, tuple[Candidate, str | None]] = field(default_factory=dict)
    nodes: int = 1

    def node(self) -> int:
        self.nodes += 1
        return self.nodes - 1

    def arc(self, tail: int, head: int, capacity: int, cost: int = 0) -> int:
        self.tails.append(tail)
        self.heads.append(head)
        self.capacities.append(capacity)
        self.costs.append(cost)
        return len(self.tails) - 1


def _build(problem: MatchProblem) -> tuple[_Network, dict[str, int]]:
    net = _Network()
    seekers = {s: net.node() for s in problem.seekers}
    for node in seekers.values():
        net.arc(node, SINK, 1)
    rooms: dict[tuple[str, str], int] = {}
    days: dict[str, int] = {}
    for host in problem.hosts:
        overnight = net.node()
        net.arc(overnight, SINK, host.places)
        for room in host.rooms:
            rooms[(host.id, room)] = net.node()
            net.arc(rooms[(host.id, room)], overnight, 1)
        days[host.id] = net.node()
        net.arc(days[host.id], SINK, host.day_places)
    for c in problem.candidates:
        if c.overnight:
            for room in c.rooms:
                arc = net.arc(seekers[c.seeker_id], rooms[(c.host_id, room)], 1, -c.points)
                net.matching_arcs[arc] = (c, room)
        else:
            arc = net.arc(seekers[c.seeker_id], days[c.host_id], 1, -c.points)
            net.matching_arcs[arc] = (c, None)
    return net, seekers


def solve_whole_list(problem: MatchProblem) -> Assignment:
    """The assignment with the largest total compatibility (``Assignment.total``).

    Raises
    ------
    RuntimeError
        If OR-Tools does not report an optimal flow (it always should: waiting is always allowed).
    """
    net, seekers = _build(problem)
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        np.array(net.tails, dtype=np.int32),
        np.array(net.heads, dtype=np.int32),
        np.array(net.capacities, dtype=np.int64),
        np.array(net.costs, dtype=np.int64),
    )
    supplies = np.zeros(net.nodes, dtype=np.int64)
    supplies[list(seekers.values())] = 1
    supplies[SINK] = -len(seekers)
    flow.set_nodes_supplies(np.arange(net.nodes, dtype=np.int32), supplies)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"the matching flow was not solved: {status}")
    used = flow.flows(arcs)
    matches = [
        Match(c.seeker_id, c.host_id, room, c.points)
        for arc, (c, room) in net.matching_arcs.items()
        if used[arc] > 0
    ]
    return Assignment(tuple(sorted(matches, key=lambda m: m.seeker_id)))
