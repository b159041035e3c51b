"""Conversion between visits (with their assigned workers) and their table rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from careweave.adapters.storage.schema import Row
from careweave.domain.visits.visit import Priority, Visit, VisitStatus
from careweave.domain.workforce.workers import (
    Skill,
)


def visit_to_row(visit: Visit) -> dict[str, Any]:
    """Column values of ``visit`` (its assigned workers go to :func:`assignment_rows`)."""
    return {
        "id": visit.id,
        "person_id": visit.person_id,
        "day": visit.day,
        "window_start": visit.window_start,
        "window_end": visit.window_end,
        "duration_min": visit.duration_min,
        "duration_max": visit.duration_max,
        "tasks": list(visit.tasks),
        "required_skills": sorted(skill.value for skill in visit.required_skills),
        "workers_needed": visit.workers_needed,
        "preferred_worker_ids": sorted(visit.preferred_worker_ids),
        "excluded_worker_ids": sorted(visit.excluded_worker_ids),
        "priority": int(visit.priority),
        "status": visit.status.value,
        "planned_start": visit.planned_start,
        "planned_minutes": visit.planned_minutes,
        "version": visit.version,
    }


def assignment_rows(visits: Iterable[Visit]) -> list[dict[str, Any]]:
    """One ``visit_assignments`` row per worker assigned to each of ``visits``."""
    return [
        {"visit_id": visit.id, "worker_id": worker_id, "position": position}
        for visit in visits
        for position, worker_id in enumerate(visit.assigned_worker_ids)
    ]


def visit_from_row(row: Row, assigned_worker_ids: tuple[str, ...]) -> Visit:
    """The :class:`Visit` stored in ``row``, with the workers assigned to it in order."""
    return Visit(
        person_id=row["person_id"],
        day=row["day"],
        window_start=row["window_start"],
        window_end=row["window_end"],
        duration_min=row["duration_min"],
        duration_max=row["duration_max"],
        tasks=tuple(row["tasks"]),
        required_skills=frozenset(Skill(skill) for skill in row["required_skills"]),
        workers_needed=row["workers_needed"],
        preferred_worker_ids=frozenset(row["preferred_worker_ids"]),
        excluded_worker_ids=frozenset(row["excluded_worker_ids"]),
        priority=Priority(row["priority"]),
        status=VisitStatus(row["status"]),
        assigned_worker_ids=assigned_worker_ids,
        planned_start=row["planned_start"],
        planned_minutes=row["planned_minutes"],
        version=row["version"],
        id=row["id"],
    )
