"""API schemas of visits and their alerts."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Any

from pydantic import BaseModel, Field

from careweave.adapters.web.api.common_schemas import Id, LongText, Schema, ShortText
from careweave.domain.visits.recording import Lateness
from careweave.domain.visits.visit import Priority, Visit, VisitStatus
from careweave.domain.workforce.workers import Skill
from careweave.services.visits.alerts import AlertLine
from careweave.services.visits.visits import Roster

Minutes = Annotated[int, Field(ge=1, le=24 * 60)]


WorkerIds = Annotated[list[Id], Field(max_length=2)]


IdSet = Annotated[list[Id], Field(max_length=50)]


class VisitCreate(Schema):
    """A new visit to a person."""

    person_id: Id
    day: date
    window_start: time
    window_end: time
    duration_min: Minutes
    duration_max: Minutes | None = None
    tasks: Annotated[list[ShortText], Field(max_length=50)] = Field(default_factory=list)
    required_skills: Annotated[list[Skill], Field(max_length=20)] = Field(default_factory=list)
    workers_needed: int = Field(default=1, ge=1, le=2)
    preferred_worker_ids: IdSet = Field(default_factory=list)
    excluded_worker_ids: IdSet = Field(default_factory=list)
    priority: Priority = Priority.NORMAL
    assigned_worker_ids: WorkerIds = Field(default_factory=list)
    planned_start: time | None = None
    planned_minutes: Minutes | None = None

    def to_domain(self) -> Visit:
        """The domain :class:`Visit`, planned (or assigned when workers are given)."""
        visit = Visit(
            person_id=self.person_id,
            day=self.day,
            window_start=self.window_start,
            window_end=self.window_end,
            duration_min=self.duration_min,
            duration_max=self.duration_max,
            tasks=tuple(self.tasks),
            required_skills=frozenset(self.required_skills),
            workers_needed=self.workers_needed,
            preferred_worker_ids=frozenset(self.preferred_worker_ids),
            excluded_worker_ids=frozenset(self.excluded_worker_ids),
            priority=self.priority,
        )
        if self.assigned_worker_ids:
            visit.assign(tuple(self.assigned_worker_ids), self.planned_start, self.planned_minutes)
        return visit


class VisitUpdate(Schema):
    """A change to a visit, carrying the ``version`` the client read (a stale one gives 409).

    A care worker may change ``status``; a coordinator may also reassign the visit (an empty
    ``assigned_worker_ids`` takes it off its workers).
    """

    version: int = Field(ge=1, le=2_000_000_000)
    status: VisitStatus | None = None
    assigned_worker_ids: WorkerIds | None = None
    planned_start: time | None = None
    planned_minutes: Minutes | None = None

    def changes(self) -> dict[str, Any]:
        """The domain field changes."""
        return self.model_dump(exclude_none=True, exclude={"version"})


class VisitPublic(BaseModel):
    """A visit as the API shows it."""

    id: str
    person_id: str
    day: date
    window_start: time
    window_end: time
    duration_min: int
    duration_max: int
    tasks: list[str]
    required_skills: list[Skill]
    workers_needed: int
    preferred_worker_ids: list[str]
    excluded_worker_ids: list[str]
    priority: Priority
    status: VisitStatus
    assigned_worker_ids: list[str]
    planned_start: time | None
    planned_minutes: int | None
    version: int

    @classmethod
    def of(cls, visit: Visit) -> VisitPublic:
        """The schema of a domain visit."""
        return cls(
            id=visit.id,
            person_id=visit.person_id,
            day=visit.day,
            window_start=visit.window_start,
            window_end=visit.window_end,
            duration_min=visit.duration_min,
            duration_max=visit.longest,
            tasks=list(visit.tasks),
            required_skills=sorted(visit.required_skills),
            workers_needed=visit.workers_needed,
            preferred_worker_ids=sorted(visit.preferred_worker_ids),
            excluded_worker_ids=sorted(visit.excluded_worker_ids),
            priority=visit.priority,
            status=visit.status,
            assigned_worker_ids=list(visit.assigned_worker_ids),
            planned_start=visit.planned_start,
            planned_minutes=visit.planned_minutes,
            version=visit.version,
        )


class WorkerDayPublic(BaseModel):
    """One worker's visits on the day, in planned order."""

    worker_id: str
    worker_name: str
    visits: list[VisitPublic]


class RosterPublic(BaseModel):
    """A team's day: each worker's visits and the visits nobody has yet."""

    team_id: str
    day: date
    workers: list[WorkerDayPublic]
    unassigned: list[VisitPublic]

    @classmethod
    def of(cls, roster: Roster) -> RosterPublic:
        """The schema of the service's roster."""
        return cls(
            team_id=roster.team_id,
            day=roster.day,
            workers=[
                WorkerDayPublic(
                    worker_id=day.worker.id,
                    worker_name=day.worker.display_name,
                    visits=[VisitPublic.of(v) for v in day.visits],
                )
                for day in roster.workers
            ],
            unassigned=[VisitPublic.of(v) for v in roster.unassigned],
        )


class AlertPublic(BaseModel):
    """An alert about a visit nobody had checked in to in time (``late``: 15 minutes after its
    window; ``missed``: 2 hours after, or by midnight). Who acknowledged it and their note stay
    with the team."""

    id: str
    kind: Lateness
    person_id: str
    visit_id: str
    day: date
    window_start: time
    window_end: time
    raised_at: datetime
    acknowledged: bool
    acknowledged_at: datetime | None

    @classmethod
    def of(cls, line: AlertLine) -> AlertPublic:
        """The schema of an alert with its visit."""
        alert, visit = line.alert, line.visit
        return cls(
            id=alert.id,
            kind=alert.kind,
            person_id=line.person.id,
            visit_id=visit.id,
            day=visit.day,
            window_start=visit.window_start,
            window_end=visit.window_end,
            raised_at=alert.raised_at,
            acknowledged=not alert.is_open,
            acknowledged_at=alert.acknowledged_at,
        )


class AlertAcknowledge(Schema):
    """What the coordinator is doing about the alert."""

    note: Annotated[LongText, Field(max_length=500)] = ""
