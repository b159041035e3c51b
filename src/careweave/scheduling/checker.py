"""The independent checker: is a roster feasible, and what does it cost?

:func:`check` recomputes everything from the problem and the routes alone (who does which task,
in which order, starting when), never from a solver's bookkeeping, so it can judge any roster:
ours, a baseline's, or one typed by hand. Times are compared with a small tolerance.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from careweave.scheduling.items import MINUTES_PER_DAY, Link, Shift, Task, Worker
from careweave.scheduling.objective import DAYS_PER_WEEK, Figures, RouteTimes, Served, figures
from careweave.scheduling.problem import Problem
from careweave.scheduling.solution import Roster, Route, Stop

TOLERANCE = 1e-6


@dataclass(frozen=True, slots=True)
class Violation:
    """A broken hard rule: which ``rule``, the ``item`` at fault, and what happened."""

    rule: str
    item: str
    message: str

    def __str__(self) -> str:
        return f"{self.item}: {self.message}"


@dataclass(frozen=True)
class CheckReport:
    """What :func:`check` found: every figure of the objective and every broken rule."""

    figures: Figures
    violations: tuple[Violation, ...]

    @property
    def feasible(self) -> bool:
        """Whether the roster breaks no hard rule."""
        return not self.violations

    def as_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready values."""
        return {
            "feasible": self.feasible,
            **self.figures.as_dict(),
            "violations": [
                {"rule": v.rule, "item": v.item, "message": v.message} for v in self.violations
            ],
        }


def check(problem: Problem, roster: Roster, *, tolerance: float = TOLERANCE) -> CheckReport:
    """Check ``roster`` against ``problem`` and compute its objective from the routes alone.

    Parameters
    ----------
    problem
        The problem the roster answers.
    roster
        The routes (stops in travel order with start times) and the tasks left unassigned.
    tolerance
        Minutes by which a time may miss a limit before it counts as a violation.

    Returns
    -------
    CheckReport
        The figures and the violations (empty when the roster is feasible).
    """
    return _Checker(problem, roster, tolerance).run()


class _Checker:
    def __init__(self, problem: Problem, roster: Roster, tolerance: float) -> None:
        self.problem = problem
        self.roster = roster
        self.tolerance = tolerance
        self.violations: list[Violation] = []
        self.served: list[Served] = []
        self.times: list[RouteTimes] = []

    def run(self) -> CheckReport:
        seen: set[tuple[str, int, int]] = set()
        for route in self.roster.routes:
            if (route.worker_id, route.day, route.shift) in seen:
                self._add(
                    "two_routes",
                    f"worker {route.worker_id}",
                    f"has two routes on {_when(route.day, route.shift)}",
                )
            seen.add((route.worker_id, route.day, route.shift))
            self._route(route)
        self._working_time()
        unassigned = self._coverage()
        done: dict[str, Served] = {}
        for visit in self.served:
            done.setdefault(visit.task.id, visit)
        for link in self.problem.links:
            self._link(link, done.get(link.first), done.get(link.second))
        self._time_banks()
        return CheckReport(
            figures(self.problem, self.served, self.times, unassigned), tuple(self.violations)
        )

    def _add(self, rule: str, item: str, message: str) -> None:
        self.violations.append(Violation(rule, item, message))

    def _known_stops(self, route: Route) -> list[tuple[Stop, Task]]:
        known = []
        for stop in route.stops:
            if self.problem.has_task(stop.task_id):
                known.append((stop, self.problem.task(stop.task_id)))
            else:
                self._add("unknown_task", f"visit {stop.task_id}", "is not in the problem")
        return known

    def _route(self, route: Route) -> None:
        if not self.problem.has_worker(route.worker_id):
            self._add("unknown_worker", f"worker {route.worker_id}", "is not in the problem")
            return
        worker = self.problem.worker(route.worker_id)
        stops = self._known_stops(route)
        if not stops:
            return
        shift = self._shift_of(worker, route)
        times, longest_gap, outside = self._walk(worker, route, stops, shift)
        self.times.append(times)
        if shift is not None and not outside:
            # A visit outside the shift is already named; leaving early or getting back late is
            # reported only when the visits themselves lie within it.
            self._leave_and_return(times, shift)
        self._break(times, longest_gap)

    def _shift_of(self, worker: Worker, route: Route) -> Shift | None:
        shifts = worker.shifts_on(route.day)
        if route.shift < len(shifts):
            return shifts[route.shift]
        item = f"worker {worker.id}"
        if not shifts:
            self._add("shift", item, f"has a route on day {route.day} but no shift that day")
        else:
            self._add(
                "shift",
                item,
                f"has a route for shift {route.shift} on day {route.day} but only "
                f"{len(shifts)} shift(s) that day, numbered from 0",
            )
        return None

    def _walk(
        self, worker: Worker, route: Route, stops: list[tuple[Stop, Task]], shift: Shift | None
    ) -> tuple[RouteTimes, float, bool]:
        """Follow the route: its times, its longest idle gap, and whether a visit is off shift."""
        matrix = self.problem.travel_for(worker)
        place = worker.start_location
        previous_end: float | None = None
        travel = distance = service = begin = longest_gap = 0.0
        outside = False
        for stop, task in stops:
            leg = float(matrix.minutes[place, task.location])
            travel += leg
            distance += float(matrix.distances[place, task.location])
            if previous_end is None:
                begin = stop.start - leg
            else:
                self._travel_time(worker, task, stop, previous_end, leg)
                longest_gap = max(longest_gap, stop.start - (previous_end + leg))
            duration = self._duration(stop, task)
            self._task_rules(worker, route.day, stop, task)
            if shift is not None and not self._within(worker, route, shift, task, stop, duration):
                outside = True
            self.served.append(Served(task, worker, route.day, stop.start, duration))
            service += duration
            previous_end = stop.start + duration
            place = task.location
        assert previous_end is not None  # stops is not empty
        leg = float(matrix.minutes[place, worker.end_location])
        distance += float(matrix.distances[place, worker.end_location])
        times = RouteTimes(
            worker,
            route.day,
            begin,
            previous_end + leg,
            travel + leg,
            distance,
            service,
            route.shift,
        )
        return times, longest_gap, outside

    def _within(
        self, worker: Worker, route: Route, shift: Shift, task: Task, stop: Stop, duration: float
    ) -> bool:
        """Whether the visit lies within the route's shift (reported when it does not)."""
        finish = stop.start + duration
        if shift.start - self.tolerance <= stop.start and finish <= shift.end + self.tolerance:
            return True
        ends = "has no end" if math.isinf(shift.end) else f"ends at {shift.end:g}"
        self._add(
            "shift",
            f"visit {task.id}",
            f"starts at {stop.start:g} and ends at {finish:g} on day {route.day}, outside the "
            f"shift of worker {worker.id}'s route, which starts at {shift.start:g} and {ends}",
        )
        return False

    def _travel_time(
        self, worker: Worker, task: Task, stop: Stop, previous_end: float, leg: float
    ) -> None:
        arrival = previous_end + leg
        if stop.start < arrival - self.tolerance:
            self._add(
                "travel",
                f"visit {task.id}",
                f"starts at {stop.start:g} but worker {worker.id} cannot be there before "
                f"{arrival:g} (previous visit ends at {previous_end:g}, travel {leg:g} min)",
            )

    def _duration(self, stop: Stop, task: Task) -> float:
        if stop.duration is None:
            return task.duration_min
        low, high = task.duration_min, task.duration_max
        if not low - self.tolerance <= stop.duration <= high + self.tolerance:
            self._add(
                "duration",
                f"visit {task.id}",
                f"lasts {stop.duration:g} min, outside its {low:g}-{high:g} min range",
            )
        return stop.duration

    def _task_rules(self, worker: Worker, day: int, stop: Stop, task: Task) -> None:
        item = f"visit {task.id}"
        if task.day != day:
            self._add("day", item, f"is on day {task.day} but on worker {worker.id}'s day {day}")
        missing = task.skills - worker.skills
        if missing:
            lacking = ", ".join(sorted(missing))
            self._add("skills", item, f"needs {lacking}, which worker {worker.id} lacks")
        if worker.id in task.excluded:
            self._add("exclusion", item, f"worker {worker.id} is excluded from it")
        if task.pinned is not None and task.pinned != worker.id:
            self._add("pin", item, f"is pinned to worker {task.pinned}, not {worker.id}")
        if stop.start < task.earliest - self.tolerance:
            self._add(
                "window",
                item,
                f"starts at {stop.start:g}, before its window opens at {task.earliest:g}",
            )
        if task.critical and stop.start > task.latest + self.tolerance:
            self._add(
                "late_critical",
                item,
                f"is critical and starts at {stop.start:g}, after its latest start {task.latest:g}",
            )

    def _leave_and_return(self, times: RouteTimes, shift: Shift) -> None:
        item = f"worker {times.worker.id}"
        when = _when(times.day, times.shift)
        if times.begin < shift.start - self.tolerance:
            self._add(
                "shift",
                item,
                f"leaves at {times.begin:g} on {when}, before the shift starts at {shift.start:g}",
            )
        if times.end > shift.end + self.tolerance:
            self._add(
                "shift",
                item,
                f"gets back at {times.end:g} on {when}, after the shift ends at {shift.end:g}",
            )

    def _break(self, times: RouteTimes, longest_gap: float) -> None:
        # Each route is its own working period: the halves of a split shift are judged apart.
        rule = times.worker.break_rule
        if (
            rule is not None
            and times.paid_minutes > rule.after + self.tolerance
            and longest_gap < rule.length - self.tolerance
        ):
            self._add(
                "break",
                f"worker {times.worker.id}",
                f"works {times.paid_minutes:g} min on {_when(times.day, times.shift)} with no "
                f"break of {rule.length:g} min (longest gap {longest_gap:g} min)",
            )

    def _working_time(self) -> None:
        by_worker: dict[str, list[RouteTimes]] = defaultdict(list)
        for times in self.times:
            by_worker[times.worker.id].append(times)
        for routes in by_worker.values():
            routes.sort(key=lambda r: (r.day, r.begin))
            self._limits(routes)
            self._rest(routes)

    def _limits(self, routes: list[RouteTimes]) -> None:
        worker = routes[0].worker
        item = f"worker {worker.id}"
        weeks: dict[int, float] = defaultdict(float)
        days: dict[int, float] = defaultdict(float)
        for times in routes:
            days[times.day] += times.paid_minutes
            weeks[times.day // DAYS_PER_WEEK] += times.paid_minutes
        for day, minutes in sorted(days.items()):
            if minutes > worker.max_day_minutes + self.tolerance:
                self._add(
                    "max_day",
                    item,
                    f"works {minutes:g} min on day {day}, above the {worker.max_day_minutes:g} allowed",
                )
        for week, minutes in sorted(weeks.items()):
            if minutes > worker.max_week_minutes + self.tolerance:
                self._add(
                    "max_week",
                    item,
                    f"works {minutes:g} min in week {week + 1}, above the "
                    f"{worker.max_week_minutes:g} allowed",
                )

    def _rest(self, routes: list[RouteTimes]) -> None:
        worker = routes[0].worker
        for before, after in pairwise(routes):
            if after.day == before.day:
                continue
            rest = (after.day * MINUTES_PER_DAY + after.begin) - (
                before.day * MINUTES_PER_DAY + before.end
            )
            if rest < worker.min_rest_minutes - self.tolerance:
                self._add(
                    "rest",
                    f"worker {worker.id}",
                    f"rests {rest:g} min between day {before.day} and day {after.day}, "
                    f"less than the {worker.min_rest_minutes:g} required",
                )

    def _coverage(self) -> list[Task]:
        counts = Counter(visit.task.id for visit in self.served)
        for task_id, count in counts.items():
            if count > 1:
                self._add("duplicate", f"visit {task_id}", f"is assigned {count} times")
        listed: dict[str, None] = {}
        for task_id in self.roster.unassigned:
            if not self.problem.has_task(task_id):
                self._add(
                    "unknown_task",
                    f"visit {task_id}",
                    "is listed unassigned but is not in the problem",
                )
            elif task_id in counts:
                self._add("duplicate", f"visit {task_id}", "is listed unassigned but is on a route")
            else:
                listed[task_id] = None
        unassigned = []
        for task in self.problem.tasks:
            if task.id in counts:
                continue
            if task.id not in listed:
                self._add(
                    "missing", f"visit {task.id}", "is neither on a route nor listed unassigned"
                )
            unassigned.append(task)
            if task.must_assign:
                kind = "is critical" if task.critical else "must be done"
                self._add("unassigned", f"visit {task.id}", f"{kind} but is not assigned")
        return unassigned

    def _link(self, link: Link, first: Served | None, second: Served | None) -> None:
        if first is None or second is None:
            if link.distinct_workers and (first is not None or second is not None):
                self._add(
                    "half_assigned",
                    link.name,
                    "only one half of the double-handed visit is assigned",
                )
            return
        gap = (second.day * MINUTES_PER_DAY + second.start) - (
            first.day * MINUTES_PER_DAY + first.start
        )
        if not link.min_gap - self.tolerance <= gap <= link.max_gap + self.tolerance:
            self._add(
                "link",
                link.name,
                f"{link.second} starts {gap:g} min after {link.first}; must be "
                f"{link.min_gap:g} to {link.max_gap:g}",
            )
        if link.distinct_workers and first.worker.id == second.worker.id:
            self._add("same_worker", link.name, f"both are done by worker {first.worker.id}")

    def _time_banks(self) -> None:
        used: dict[str, float] = defaultdict(float)
        for visit in self.served:
            used[visit.task.person] += visit.duration
        for person in self.problem.people:
            bank = person.time_bank_minutes
            if bank is not None and used[person.id] > bank + self.tolerance:
                self._add(
                    "time_bank",
                    f"person {person.id}",
                    f"gets {used[person.id]:g} min of visits, above the time bank of {bank:g}",
                )


def _when(day: int, shift: int) -> str:
    """How messages name a route: its day, and its shift when it is not the day's first."""
    return f"day {day}" if shift == 0 else f"day {day}, shift {shift}"
