"""Keep repaired visits at their published times, so a repair shifts as few starts as it can.

The search times every visit as early as it can start. After a repair that is often earlier than
the published start (a visit before it was cancelled or moved away), which would tell a person
their carer now comes at another time for no reason. :func:`hold_starts` moves each visit that
stayed with its published worker back to its published start and duration wherever that breaks
nothing: the next visit is still reached in time, links (double-handed halves move together),
the shift, the break rule, working-time limits, rest and the person's time bank all still hold.
A visit is never held later than its window allows unless it already starts late.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from careweave.scheduling.items import MINUTES_PER_DAY, Link
from careweave.scheduling.objective import DAYS_PER_WEEK
from careweave.scheduling.problem import Problem
from careweave.scheduling.solution import Roster
from careweave.scheduling.timeline import Timeline, rebuilt, tied_groups, timeline

EPSILON = 1e-9
"""Minutes a held time may exceed a limit by (rounding only: a hold never relies on tolerance)."""

MAX_PASSES = 8
"""Passes over the visits; a hold can make room for the visit before it, so a few may be needed."""


@dataclass(frozen=True)
class _Target:
    """Where a visit is held: its published start and duration."""

    start: float
    duration: float


def hold_starts(problem: Problem, published: Roster, repaired: Roster) -> tuple[Roster, set[str]]:
    """Hold ``repaired``'s visits at their ``published`` start and duration where nothing breaks.

    Parameters
    ----------
    problem
        The problem ``repaired`` answers (after the event).
    published
        The roster as published before the event.
    repaired
        The repaired roster, timed as early as possible.

    Returns
    -------
    tuple[Roster, set[str]]
        The roster with every visit that could be held back at its published time, and the ids of
        those visits.
    """
    lines = [timeline(problem, route) for route in repaired.routes]
    holder = _Holder(problem, [line for line in lines if line is not None])
    targets = holder.targets(published)
    pending = tied_groups(problem, sorted(targets, key=lambda t: -targets[t].start))
    held: set[str] = set()
    for _ in range(MAX_PASSES):
        waiting = []
        for group in pending:
            if holder.try_hold(group, targets):
                held.update(group)
            else:
                waiting.append(group)
        if len(waiting) == len(pending):
            break
        pending = waiting
    timed = {stop.task_id for _, stop in published.stops() if stop.duration is not None}
    return rebuilt(repaired, lines, held & timed), held


class _Holder:
    """The repaired routes, indexed for trying holds one group of visits at a time."""

    def __init__(self, problem: Problem, lines: list[Timeline]) -> None:
        self.problem = problem
        self.lines = lines
        self.place = {task.id: (line, i) for line in lines for i, task in enumerate(line.tasks)}
        self.by_worker: dict[str, list[Timeline]] = defaultdict(list)
        for line in lines:
            self.by_worker[line.worker.id].append(line)
        self.used: dict[str, float] = defaultdict(float)
        for line in lines:
            for task, duration in zip(line.tasks, line.durations, strict=True):
                self.used[task.person] += duration

    def targets(self, published: Roster) -> dict[str, _Target]:
        """Visits on their published worker, day and shift, now earlier or shorter than published."""
        targets = {}
        for route, stop in published.stops():
            if stop.task_id not in self.place:
                continue
            line, index = self.place[stop.task_id]
            task = line.tasks[index]
            if (line.worker.id, line.route.day, line.route.shift) != (
                route.worker_id,
                route.day,
                route.shift,
            ):
                continue
            start, duration = line.starts[index], stop.minutes(task)
            # Never make late a visit the repair has on time (nor later than it is now).
            wanted = min(stop.start, max(task.latest, start))
            if wanted < start - EPSILON:
                continue  # the repair cannot start it as early as published: it is forced later
            if wanted > start + EPSILON or duration != line.durations[index]:
                targets[task.id] = _Target(wanted, duration)
        return targets

    def try_hold(self, group: list[str], targets: dict[str, _Target]) -> bool:
        """Hold every visit of ``group`` at its target if no rule breaks; else change nothing."""
        saved = {t: self._times(t) for t in group}
        backs = {t: self.place[t][0].back() for t in group}
        kept = {t: self._rules_kept(t) for t in group}
        used = {self._person(t): self.used[self._person(t)] for t in group}
        for task_id in group:
            self._set(task_id, targets[task_id].start, targets[task_id].duration)
        if all(self._allowed(t, backs[t], kept[t], used) for t in group):
            return True
        for task_id, (start, duration) in saved.items():
            self._set(task_id, start, duration)
        return False

    def _person(self, task_id: str) -> str:
        line, index = self.place[task_id]
        return line.tasks[index].person

    def _times(self, task_id: str) -> tuple[float, float]:
        line, index = self.place[task_id]
        return line.starts[index], line.durations[index]

    def _set(self, task_id: str, start: float, duration: float) -> None:
        line, index = self.place[task_id]
        self.used[self._person(task_id)] += duration - line.durations[index]
        line.starts[index], line.durations[index] = start, duration

    def _rules_kept(self, task_id: str) -> tuple[bool, bool, bool]:
        """Whether the visit's route keeps its break, its links hold and its working time does."""
        line, _ = self.place[task_id]
        return line.break_kept(), self._links_hold(task_id), self._working_time_kept(line)

    def _allowed(
        self,
        task_id: str,
        back: float,
        kept: tuple[bool, bool, bool],
        used: dict[str, float],
    ) -> bool:
        """Whether the visit's new time breaks nothing that held (``back``: the old return)."""
        line, index = self.place[task_id]
        task = line.tasks[index]
        if not task.duration_min - EPSILON <= line.durations[index] <= task.duration_max + EPSILON:
            return False
        if index + 1 < len(line.tasks) and line.gap_after(index) < -EPSILON:
            return False
        if line.shift is not None and line.back() > max(line.shift.end, back) + EPSILON:
            return False
        bank = self.problem.person(task.person).time_bank_minutes
        if bank is not None and self.used[task.person] > max(bank, used[task.person]) + EPSILON:
            return False
        now = self._rules_kept(task_id)
        return all(holds or not held for holds, held in zip(now, kept, strict=True))

    def _links_hold(self, task_id: str) -> bool:
        return all(self._link_holds(link) for link in self.problem.links_of(task_id))

    def _link_holds(self, link: Link) -> bool:
        if link.first not in self.place or link.second not in self.place:
            return True
        gap = self._moment(link.second) - self._moment(link.first)
        return link.min_gap - EPSILON <= gap <= link.max_gap + EPSILON

    def _moment(self, task_id: str) -> float:
        line, index = self.place[task_id]
        return line.route.day * MINUTES_PER_DAY + line.starts[index]

    def _working_time_kept(self, line: Timeline) -> bool:
        """The worker's day and week limits, and the rest before their next day's first route."""
        worker = line.worker
        mine = self.by_worker[worker.id]
        day, week = line.route.day, line.route.day // DAYS_PER_WEEK
        if _paid(other for other in mine if other.route.day == day) > worker.max_day_minutes:
            return False
        weekly = (other for other in mine if other.route.day // DAYS_PER_WEEK == week)
        if _paid(weekly) > worker.max_week_minutes:
            return False
        back = max(_moment_back(other) for other in mine if other.route.day == day)
        later = [_moment_begin(other) for other in mine if other.route.day > day]
        return not later or min(later) - back >= worker.min_rest_minutes - EPSILON


def _paid(lines: Iterable[Timeline]) -> float:
    return sum(line.paid() for line in lines) - EPSILON


def _moment_back(line: Timeline) -> float:
    return line.route.day * MINUTES_PER_DAY + line.back()


def _moment_begin(line: Timeline) -> float:
    return line.route.day * MINUTES_PER_DAY + line.starts[0] - line.legs[0]
