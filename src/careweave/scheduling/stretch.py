"""Outcome-based care: lengthen visits into the worker's idle time, within each person's time bank.

The search plans every visit at its minimum duration. In outcome-based care a visit may run up to
its maximum, and a worker who would otherwise wait for the next visit's window to open can stay
longer with the person instead. :func:`stretch` gives each visit the idle time that follows it,
up to its maximum duration, without moving any start: no later visit, link partner, return to
base or paid minute changes, so the roster costs exactly what it did. A route that needs a break
keeps its longest idle gap long enough for one. Each person's time bank caps the total minutes of
their visits; when the idle time is worth more than the bank has left, the bank is shared out in
equal extra minutes (whole minutes) across the person's visits, none beyond what its gap allows.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from careweave.scheduling.items import Mode
from careweave.scheduling.problem import Problem
from careweave.scheduling.solution import Roster
from careweave.scheduling.timeline import Timeline, rebuilt, tied_groups, timeline


@dataclass(frozen=True)
class _Unit:
    """Visits lengthened together (the halves of a double-handed visit): each by ``room`` at most."""

    task_ids: tuple[str, ...]
    room: float


def stretch(problem: Problem, roster: Roster, keep: Collection[str] = frozenset()) -> Roster:
    """Lengthen ``roster``'s visits toward their maximum duration where the worker would wait.

    Parameters
    ----------
    problem
        The problem ``roster`` answers.
    roster
        A roster, typically the one :func:`~careweave.scheduling.solve` found.
    keep
        Ids of visits to leave as long as they are (a repair keeps published visits as
        published); their minutes still count against the bank.

    Returns
    -------
    Roster
        The same routes and starts; every visit with a duration range carries its chosen
        duration. With fixed durations only (always so in time-and-task care) ``roster`` itself
        is returned.
    """
    if problem.mode is Mode.TIME_AND_TASK or all(
        task.duration_max <= task.duration_min for task in problem.tasks
    ):
        return roster
    lines = [timeline(problem, route) for route in roster.routes]
    place = _places(lines)
    room = {t: 0.0 if t in keep else minutes for t, minutes in _room(lines).items()}
    budgets = _budgets(problem, roster)
    extra: dict[str, float] = {}
    for person_id, units in _units_by_person(problem, place, room).items():
        level = _level(budgets[person_id], units)
        for unit in units:
            for task_id in unit.task_ids:
                extra[task_id] = min(unit.room, level)
    for task_id, minutes in extra.items():
        line, index = place[task_id]
        line.durations[index] += minutes
    ranged = {t for t, (line, i) in place.items() if _ranged(line, i)}
    return rebuilt(roster, lines, ranged)


def _ranged(line: Timeline, index: int) -> bool:
    task = line.tasks[index]
    return task.duration_max > task.duration_min


def _places(lines: list[Timeline | None]) -> dict[str, tuple[Timeline, int]]:
    """Each visit on exactly one known route, with its timeline and index (repeats left out)."""
    seen = Counter(task.id for line in lines if line for task in line.tasks)
    return {
        task.id: (line, index)
        for line in lines
        if line is not None
        for index, task in enumerate(line.tasks)
        if seen[task.id] == 1
    }


def _room(lines: list[Timeline | None]) -> dict[str, float]:
    """Minutes each visit may grow by: its idle gap after it (less a needed break), to its maximum."""
    room: dict[str, float] = {}
    for line in lines:
        if line is None:
            continue
        gaps = [max(0.0, line.gap_after(i)) for i in range(len(line.tasks) - 1)]
        rule = line.worker.break_rule
        if rule is not None and gaps and line.paid() > rule.after:
            # The longest gap is the break: keep it long enough (or as it is, if already short).
            longest = max(range(len(gaps)), key=gaps.__getitem__)
            gaps[longest] -= min(gaps[longest], rule.length)
        gaps.append(0.0)  # after the last visit the worker travels home: no idle time to fill
        for task, duration, gap in zip(line.tasks, line.durations, gaps, strict=True):
            room[task.id] = max(0.0, min(gap, task.duration_max - duration))
    return room


def _units_by_person(
    problem: Problem, place: dict[str, tuple[Timeline, int]], room: dict[str, float]
) -> dict[str, list[_Unit]]:
    """The units that may grow, by person; a unit spanning two people's banks is left as it is."""
    units: dict[str, list[_Unit]] = defaultdict(list)
    for group in tied_groups(problem, place):
        people = {place[task_id][0].tasks[place[task_id][1]].person for task_id in group}
        grow = min(room.get(task_id, 0.0) for task_id in group)
        if len(people) == 1 and grow > 0:
            units[people.pop()].append(_Unit(tuple(group), grow))
    return units


def _budgets(problem: Problem, roster: Roster) -> dict[str, float]:
    """Minutes left in each person's time bank (infinite without a bank)."""
    used: dict[str, float] = defaultdict(float)
    for _, stop in roster.stops():
        if problem.has_task(stop.task_id):
            task = problem.task(stop.task_id)
            used[task.person] += stop.minutes(task)
    return {
        person.id: math.inf
        if person.time_bank_minutes is None
        else max(0.0, person.time_bank_minutes - used[person.id])
        for person in problem.people
    }


def _level(budget: float, units: list[_Unit]) -> float:
    """The most extra minutes any visit gets so that the units' total fits ``budget``.

    Water filling: every unit grows by ``min(room, level)``; a unit of two halves spends twice
    from the bank. With enough budget the level is infinite (every unit fills its room); else it
    is the highest whole number of minutes that fits.
    """
    if sum(unit.room * len(unit.task_ids) for unit in units) <= budget:
        return math.inf
    remaining, weight = budget, sum(len(unit.task_ids) for unit in units)
    for unit in sorted(units, key=lambda u: u.room):
        if unit.room * weight > remaining:
            break
        remaining -= unit.room * len(unit.task_ids)
        weight -= len(unit.task_ids)
    if not weight:  # only by rounding: every unit fitted after all
        return math.inf
    return math.floor(remaining / weight + 1e-9)
