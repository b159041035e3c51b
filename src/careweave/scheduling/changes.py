"""What a repair changed: each visit whose worker, start or duration differs from the published one."""

from __future__ import annotations

from dataclasses import dataclass

from careweave.scheduling.problem import Problem
from careweave.scheduling.solution import Roster

SAME = 1e-6
"""Minutes within which two starts or durations count as the same."""


@dataclass(frozen=True)
class Change:
    """One visit that changed: who did and does it, when it started and starts, for how long.

    A duration is None when the visit is not on a route (or no longer in the problem).
    """

    task_id: str
    old_worker: str | None
    new_worker: str | None
    old_start: float | None
    new_start: float | None
    old_duration: float | None = None
    new_duration: float | None = None


_Visit = tuple[str, float, float | None]
"""Who does a visit, when it starts and for how long (None: unknown to the problem)."""


def _visits(problem: Problem, roster: Roster) -> dict[str, _Visit]:
    return {
        stop.task_id: (
            route.worker_id,
            stop.start,
            stop.minutes(problem.task(stop.task_id)) if problem.has_task(stop.task_id) else None,
        )
        for route, stop in roster.stops()
    }


def _differ(was: _Visit, now: _Visit) -> bool:
    if was[0] != now[0] or abs(was[1] - now[1]) > SAME:
        return True
    return was[2] is not None and now[2] is not None and abs(was[2] - now[2]) > SAME


def unchanged_visits(problem: Problem, before: Roster, after: Roster) -> set[str]:
    """Visits ``after`` has with the same worker, start and duration as ``before``."""
    old = _visits(problem, before)
    return {
        task_id
        for task_id, visit in _visits(problem, after).items()
        if task_id in old and not _differ(old[task_id], visit)
    }


def changes_between(problem: Problem, before: Roster, after: Roster) -> tuple[Change, ...]:
    """Every visit whose worker, start or duration differs, or that was newly placed or left out.

    ``problem`` is the one ``after`` answers (it gives the minimum duration of a stop without one).
    """
    old, new = _visits(problem, before), _visits(problem, after)
    changes = []
    for task_id in sorted(old.keys() | new.keys() | set(after.unassigned)):
        was, now = old.get(task_id), new.get(task_id)
        if was is None and now is None:
            if task_id not in before.unassigned:  # newly listed as left out
                changes.append(Change(task_id, None, None, None, None))
        elif was is None or now is None or _differ(was, now):
            changes.append(
                Change(
                    task_id,
                    was[0] if was else None,
                    now[0] if now else None,
                    was[1] if was else None,
                    now[1] if now else None,
                    was[2] if was else None,
                    now[2] if now else None,
                )
            )
    return tuple(changes)
