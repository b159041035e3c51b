"""Split a roster problem by neighbourhood team, and put rosters for its parts back together.

Helpers of :mod:`careweave.scheduling.decompose` and :mod:`careweave.scheduling.cover`: which
team each visit belongs to (linked visits stay together), whether some workers can staff a group
of visits, the problem cut down to some workers and visits (travel cut to the places they use,
so a part is small to send to another process), and a roster with some workers' weeks replaced.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

import numpy as np

from careweave.scheduling.groups import connected_groups
from careweave.scheduling.items import TravelMatrix, Worker
from careweave.scheduling.problem import Problem
from careweave.scheduling.solution import Roster, Route


def home_teams(problem: Problem) -> dict[int, str] | None:
    """Each task's home team, or None when the problem cannot be split by team.

    Tasks joined by links stay together, in the team of the worker one of them is pinned to, else
    in the team of the first of them.

    Parameters
    ----------
    problem
        The whole problem.

    Returns
    -------
    dict[int, str] | None
        Task position to team name; None when a worker or a task has no team, or the workers
        make fewer than two teams.
    """
    teams = {w.team for w in problem.workers}
    if None in teams or len(teams) < 2 or any(t.team is None for t in problem.tasks):
        return None
    home: dict[int, str] = {}
    for group in linked_groups(problem):
        pins = [p for p in (problem.tasks[t].pinned for t in group) if p is not None]
        team = problem.worker(pins[0]).team if pins else problem.tasks[group[0]].team
        for task in group:
            home[task] = str(team)
    return home


def linked_groups(problem: Problem) -> list[list[int]]:
    """Task positions in groups joined by links (each group in problem order)."""
    pairs = (
        (problem.task_position(link.first), problem.task_position(link.second))
        for link in problem.links
    )
    return connected_groups(range(len(problem.tasks)), pairs)


def staffable(problem: Problem, group: Sequence[int], workers: set[int]) -> bool:
    """Whether ``workers`` can do every must-do task of a linked group (two people for a pair)."""
    for task in group:
        if problem.tasks[task].must_assign and not set(problem.eligible(task)) & workers:
            return False
    for task in group:
        for link in problem.links_of(problem.tasks[task].id):
            if not link.distinct_workers:
                continue
            ends = [problem.task_position(link.first), problem.task_position(link.second)]
            if not any(problem.tasks[t].must_assign for t in ends):
                continue
            first, second = (set(problem.eligible(t)) & workers for t in ends)
            if not first or not second or (len(first | second) == 1):
                return False
    return True


def restrict(problem: Problem, workers: Iterable[int], tasks: Iterable[int], name: str) -> Problem:
    """The problem cut down to some workers and tasks, travel cut to the places they use.

    Parameters
    ----------
    problem
        The whole problem.
    workers, tasks
        Positions of the workers and tasks to keep; only links between kept tasks are kept, and
        only the people those tasks are for. Every kept must-do task needs a kept worker who can
        do it (see :func:`staffable`), else the cut problem is refused like any other.
    name
        The cut problem's name.

    Returns
    -------
    Problem
        A problem with the same ids, weights and mode; locations are renumbered, which a roster
        (ids and times only) never shows.
    """
    chosen_workers = [problem.workers[w] for w in sorted(set(workers))]
    chosen_tasks = [problem.tasks[t] for t in sorted(set(tasks))]
    ids = {t.id for t in chosen_tasks}
    places = sorted(
        {w.start_location for w in chosen_workers}
        | {w.end_location for w in chosen_workers}
        | {t.location for t in chosen_tasks}
    )
    at = {old: new for new, old in enumerate(places)}
    people = {t.person for t in chosen_tasks}
    return Problem(
        workers=tuple(_moved_worker(w, at) for w in chosen_workers),
        tasks=tuple(replace(t, location=at[t.location]) for t in chosen_tasks),
        travel={mode: _cut(matrix, places) for mode, matrix in problem.travel.items()},
        links=tuple(k for k in problem.links if k.first in ids and k.second in ids),
        people=tuple(p for p in problem.people if p.id in people),
        weights=problem.weights,
        mode=problem.mode,
        skills=problem.skills,
        name=name,
    )


def _moved_worker(worker: Worker, at: Mapping[int, int]) -> Worker:
    return replace(
        worker, start_location=at[worker.start_location], end_location=at[worker.end_location]
    )


def _cut(matrix: TravelMatrix, places: list[int]) -> TravelMatrix:
    rows = np.ix_(places, places)
    distance = None if matrix.distance is None else matrix.distance[rows]
    return TravelMatrix(minutes=matrix.minutes[rows], distance=distance, mode=matrix.mode)


def _route_key(route: Route) -> tuple[str, int, int]:
    return route.worker_id, route.day, route.shift


def changed_routes(
    problem: Problem,
    roster: Roster,
    kept: Sequence[Route],
    found: Roster,
    also: Iterable[str] = (),
) -> Roster:
    """``roster`` with ``found``'s weeks for the workers whose routes ``found`` changed.

    Parameters
    ----------
    problem
        The whole problem.
    roster
        The roster to change.
    kept
        The routes of ``roster`` that ``found`` was built from.
    found
        A roster for some workers, e.g. the cover's (its times were computed together).
    also
        Ids of workers whose week is taken from ``found`` even if their routes did not change.

    Returns
    -------
    Roster
        A changed worker's whole week comes from ``found``, so that rest and weekly hours hold,
        and so does the week of anyone doing a visit linked to one of theirs; everyone else keeps
        their times from ``roster``. Tasks on no route are listed unassigned.
    """
    before = {_route_key(r): r.task_ids for r in kept}
    after = {_route_key(r): r.task_ids for r in found.routes}
    changed = {k[0] for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    changed |= set(also)
    doer = {s.task_id: r.worker_id for r in (*kept, *found.routes) for s in r.stops}
    while True:
        linked = {
            doer[end]
            for task_id, worker_id in doer.items()
            if worker_id in changed
            for link in problem.links_of(task_id)
            for end in (link.first, link.second)
            if end in doer
        }
        if linked <= changed:
            break
        changed |= linked
    routes = [r for r in roster.routes if r.worker_id not in changed]
    routes += [r for r in found.routes if r.worker_id in changed]
    done = {s.task_id for r in routes for s in r.stops}
    return Roster(tuple(routes), tuple(t.id for t in problem.tasks if t.id not in done))
