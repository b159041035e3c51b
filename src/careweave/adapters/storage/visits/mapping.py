"""Conversion between visits (with their assigned workers), visit records (with their medication
outcomes) and alerts, and their table rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from careweave.adapters.storage.schema import Row
from careweave.domain.values import Location
from careweave.domain.visits.recording import (
    Alert,
    CheckPoint,
    Lateness,
    MedicationOutcome,
    Outcomes,
    ProgressNote,
    TaskDone,
    TaskNotDone,
    VisitRecord,
)
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


def record_to_row(record: VisitRecord) -> dict[str, Any]:
    """Column values of ``record`` (its medication outcomes go to :func:`medication_rows`)."""
    progress = record.outcomes.progress
    return {
        "id": record.id,
        "visit_id": record.visit_id,
        "worker_id": record.worker_id,
        **_point_columns("check_in", record.check_in),
        **_point_columns("check_out", record.check_out),
        "tasks": [[t.task, t.mode.value] for t in record.outcomes.tasks],
        "notes": record.outcomes.notes,
        "progress_goal_id": progress.goal_id if progress else None,
        "progress_text": progress.text if progress else None,
        "check_in_reason": record.check_in_reason,
        "check_out_reason": record.check_out_reason,
        "tasks_not_done": [[t.task, t.reason] for t in record.outcomes.not_done],
    }


def medication_rows(records: Iterable[VisitRecord]) -> list[dict[str, Any]]:
    """One ``medication_outcomes`` row per medication item of each of ``records``, in order."""
    return [
        {
            "record_id": record.id,
            "position": position,
            "item": m.item,
            "result": m.result.value,
            "reason": m.reason,
        }
        for record in records
        for position, m in enumerate(record.outcomes.medications)
    ]


def record_from_row(row: Row, medications: Iterable[MedicationOutcome]) -> VisitRecord:
    """The :class:`VisitRecord` stored in ``row``, with its medication outcomes in order."""
    goal_id, text = row["progress_goal_id"], row["progress_text"]
    outcomes = Outcomes(
        tasks=tuple(TaskDone(task, mode) for task, mode in row["tasks"]),
        notes=row["notes"],
        medications=tuple(medications),
        progress=ProgressNote(goal_id, text) if goal_id and text else None,
        not_done=tuple(TaskNotDone(task, reason) for task, reason in row["tasks_not_done"]),
    )
    check_in = _point_from(row, "check_in")
    assert check_in is not None  # the column is NOT NULL
    return VisitRecord(
        visit_id=row["visit_id"],
        worker_id=row["worker_id"],
        check_in=check_in,
        check_out=_point_from(row, "check_out"),
        outcomes=outcomes,
        check_in_reason=row["check_in_reason"],
        check_out_reason=row["check_out_reason"],
        id=row["id"],
    )


def alert_to_row(alert: Alert) -> dict[str, Any]:
    """Column values of ``alert``."""
    return {
        "id": alert.id,
        "visit_id": alert.visit_id,
        "team_id": alert.team_id,
        "kind": alert.kind.value,
        "raised_at": alert.raised_at,
        "acknowledged_at": alert.acknowledged_at,
        "acknowledged_by": alert.acknowledged_by,
        "note": alert.note,
        "reason": alert.reason,
    }


def alert_from_row(row: Row) -> Alert:
    """The :class:`Alert` stored in ``row``."""
    return Alert(
        visit_id=row["visit_id"],
        team_id=row["team_id"],
        kind=Lateness(row["kind"]),
        raised_at=row["raised_at"],
        acknowledged_at=row["acknowledged_at"],
        acknowledged_by=row["acknowledged_by"],
        note=row["note"],
        reason=row["reason"],
        id=row["id"],
    )


def _point_columns(prefix: str, point: CheckPoint | None) -> dict[str, Any]:
    location = point.location if point else None
    return {
        f"{prefix}_at": point.at if point else None,
        f"{prefix}_lat": location.lat if location else None,
        f"{prefix}_lon": location.lon if location else None,
        f"{prefix}_distance_km": point.distance_km if point else None,
    }


def _point_from(row: Row, prefix: str) -> CheckPoint | None:
    at = row[f"{prefix}_at"]
    if at is None:
        return None
    lat, lon = row[f"{prefix}_lat"], row[f"{prefix}_lon"]
    location = Location(lat, lon) if lat is not None and lon is not None else None
    return CheckPoint(at=at, location=location, distance_km=row[f"{prefix}_distance_km"])
