"""A route's timeline: when each visit starts and ends, the travel between them and the idle gaps.

The post-optimisation passes (:mod:`.stretch` lengthens visits into idle time, :mod:`.hold` keeps
repaired visits at their published starts) change a roster's times in place of the search, so
they need the same view of a route the checker takes: legs from the worker's travel matrix, the
route's shift and its break rule. A :class:`Timeline` holds that view with mutable starts and
durations; the passes change them only when every rule they touch still holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from careweave.scheduling.groups import connected_groups
from careweave.scheduling.items import Shift, Task, Worker
from careweave.scheduling.problem import Problem
from careweave.scheduling.solution import Roster, Route, Stop


@dataclass
class Timeline:
    """One route's visits with their (changeable) starts and durations.

    ``legs[i]`` is the travel into visit ``i`` (from base for the first) and ``legs[-1]`` the
    travel back to base after the last visit.
    """

    route: Route
    worker: Worker
    shift: Shift | None
    tasks: list[Task]
    starts: list[float]
    durations: list[float]
    legs: list[float]

    def end(self, index: int) -> float:
        """When visit ``index`` ends."""
        return self.starts[index] + self.durations[index]

    def gap_after(self, index: int) -> float:
        """Idle minutes between the end of visit ``index`` (plus travel) and the next start."""
        return self.starts[index + 1] - (self.end(index) + self.legs[index + 1])

    def back(self) -> float:
        """When the worker is back at base."""
        return self.end(len(self.tasks) - 1) + self.legs[-1]

    def paid(self) -> float:
        """Minutes from leaving base to getting back (as the checker counts them)."""
        return self.back() - (self.starts[0] - self.legs[0])

    def break_kept(self) -> bool:
        """Whether the route meets its break rule (the longest idle gap, when one is needed)."""
        rule = self.worker.break_rule
        if rule is None or self.paid() <= rule.after:
            return True
        gaps = [self.gap_after(i) for i in range(len(self.tasks) - 1)]
        return max(gaps, default=0.0) >= rule.length

    def to_route(self, with_duration: Iterable[str]) -> Route:
        """The route with the current times; tasks in ``with_duration`` carry their duration."""
        named = set(with_duration)
        stops = tuple(
            Stop(task.id, start, duration if task.id in named else stop.duration)
            for task, start, duration, stop in zip(
                self.tasks, self.starts, self.durations, self.route.stops, strict=True
            )
        )
        return Route(self.route.worker_id, self.route.day, stops, self.route.shift)


def timeline(problem: Problem, route: Route) -> Timeline | None:
    """The route's timeline, or None when it is empty or names a worker or visit not in ``problem``.

    Such routes are left exactly as they are: the checker reports what is wrong with them.
    """
    if not route.stops or not problem.has_worker(route.worker_id):
        return None
    if not all(problem.has_task(stop.task_id) for stop in route.stops):
        return None
    worker = problem.worker(route.worker_id)
    shifts = worker.shifts_on(route.day)
    tasks = [problem.task(stop.task_id) for stop in route.stops]
    minutes = problem.travel_for(worker).minutes
    places = [worker.start_location, *(t.location for t in tasks), worker.end_location]
    return Timeline(
        route=route,
        worker=worker,
        shift=shifts[route.shift] if route.shift < len(shifts) else None,
        tasks=tasks,
        starts=[stop.start for stop in route.stops],
        durations=[stop.minutes(task) for stop, task in zip(route.stops, tasks, strict=True)],
        legs=[float(minutes[a, b]) for a, b in pairwise(places)],
    )


def rebuilt(roster: Roster, timelines: list[Timeline | None], with_duration: set[str]) -> Roster:
    """``roster`` with each route that has a timeline rebuilt from it."""
    routes = tuple(
        route if line is None else line.to_route(with_duration)
        for route, line in zip(roster.routes, timelines, strict=True)
    )
    return Roster(routes, roster.unassigned)


def tied_groups(problem: Problem, task_ids: Iterable[str]) -> list[list[str]]:
    """``task_ids`` in groups that must move together: the halves of each double-handed visit.

    Tasks joined (directly or through others) by a ``distinct_workers`` link form one group;
    every other task is a group of its own. Groups come in the order of their first task.
    """
    pairs = ((link.first, link.second) for link in problem.links if link.distinct_workers)
    return connected_groups(task_ids, pairs)
