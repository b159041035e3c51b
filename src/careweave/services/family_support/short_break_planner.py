"""Fitting short breaks into households' calendars with OR-Tools' CP-SAT solver.

The roster optimiser (``careweave.scheduling``) places timed visits along workers' travel routes;
short breaks have no routes or travel, only nights, rooms and places, so its search does not fit
and this small exact model does instead:

- ``use[person, household, room]`` is 1 when the person's stays go to that room;
- each person at most one room in one household;
- each room at most one guest per night; each household no more guests per night than places;
- maximise the total compatibility of the people placed.

Schemes have tens of short-break requests at a time; CP-SAT proves the optimum in well under a
second at that size, and the time limit only guards a pathological case (its best is returned).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from ortools.sat.python import cp_model

from careweave.domain.family_support.matching import Assignment, Match
from careweave.domain.family_support.short_breaks import ShortBreakProblem

TIME_LIMIT_SECONDS = 10.0


def plan_short_breaks(
    problem: ShortBreakProblem, time_limit: float = TIME_LIMIT_SECONDS
) -> tuple[Assignment, bool]:
    """The placement of short breaks with the largest total compatibility, and whether CP-SAT
    proved it optimal within ``time_limit`` seconds."""
    model = cp_model.CpModel()
    use: dict[tuple[str, str, str], cp_model.IntVar] = {}
    points: dict[tuple[str, str, str], int] = {}
    for c in problem.candidates:
        for room in c.rooms:
            use[(c.seeker_id, c.host_id, room)] = model.new_bool_var(
                f"{c.seeker_id}/{c.host_id}/{room}"
            )
            points[(c.seeker_id, c.host_id, room)] = c.points
    by_person: dict[str, list[cp_model.IntVar]] = defaultdict(list)
    by_room_night: dict[tuple[str, str, date], list[cp_model.IntVar]] = defaultdict(list)
    by_host_night: dict[tuple[str, date], list[cp_model.IntVar]] = defaultdict(list)
    for (seeker, host, room), var in use.items():
        by_person[seeker].append(var)
        for night in problem.nights[seeker]:
            by_room_night[(host, room, night)].append(var)
            by_host_night[(host, night)].append(var)
    for chosen in by_person.values():
        model.add_at_most_one(chosen)
    for chosen in by_room_night.values():
        model.add_at_most_one(chosen)
    for (host, night), chosen in by_host_night.items():
        model.add(sum(chosen) <= problem.free_places.get((host, night), 0))
    model.maximize(sum(points[key] * var for key, var in use.items()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 1  # deterministic, and the machine's cores are shared
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Assignment(()), False
    matches = [
        Match(seeker, host, room, points[(seeker, host, room)])
        for (seeker, host, room), var in use.items()
        if solver.value(var)
    ]
    return Assignment(tuple(sorted(matches, key=lambda m: m.seeker_id))), status == cp_model.OPTIMAL
