"""Visits to a person at home and the life of a visit from planned to done."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import IntEnum, StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import new_id, require_member, require_text
from careweave.domain.workforce.workers import Skill

MIN_VISIT_MINUTES = 5
MAX_VISIT_MINUTES = 12 * 60


class VisitStatus(StrEnum):
    """Where a visit is in its life."""

    PLANNED = "planned"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"


# Which status may follow which: a visit record moves forward only, so nothing is silently undone.
ALLOWED_TRANSITIONS: dict[VisitStatus, frozenset[VisitStatus]] = {
    VisitStatus.PLANNED: frozenset(
        {VisitStatus.ASSIGNED, VisitStatus.CANCELLED, VisitStatus.MISSED}
    ),
    VisitStatus.ASSIGNED: frozenset(
        {VisitStatus.PLANNED, VisitStatus.IN_PROGRESS, VisitStatus.CANCELLED, VisitStatus.MISSED}
    ),
    VisitStatus.IN_PROGRESS: frozenset({VisitStatus.DONE}),
    VisitStatus.DONE: frozenset(),
    VisitStatus.MISSED: frozenset(),
    VisitStatus.CANCELLED: frozenset(),
}

# Nobody has started these visits and nobody has closed them: they may still be (re)assigned,
# and they are late, then missed, when nobody checks in.
PENDING_STATUSES = frozenset({VisitStatus.PLANNED, VisitStatus.ASSIGNED})
# Visits not over yet: pending, or under way. A family sees them as the visits to come.
STILL_TO_COME_STATUSES = PENDING_STATUSES | {VisitStatus.IN_PROGRESS}
# A worker checks in to a visit given to them, or to one a colleague has started already
# (a double-handed visit starts at the first check-in).
_CHECK_IN_STATUSES = frozenset({VisitStatus.ASSIGNED, VisitStatus.IN_PROGRESS})
_STARTED_STATUSES = frozenset({VisitStatus.IN_PROGRESS, VisitStatus.DONE})


class Priority(IntEnum):
    """How bad it is if the visit does not happen. CRITICAL (e.g. insulin) is never dropped."""

    LOW = 1
    NORMAL = 2
    HIGH = 3
    CRITICAL = 4


def minutes_of(moment: time) -> int:
    """Minutes since midnight."""
    return moment.hour * 60 + moment.minute


@dataclass(slots=True)
class Visit:
    """One visit to a person on a day, to start within a window.

    ``duration_min == duration_max`` is a fixed time-and-task visit; a range is an outcome-based visit
    whose length the team flexes within the person's time bank. ``planned_minutes`` is the length
    chosen when the visit was planned (by the roster optimiser or a coordinator); None means not
    chosen yet, which for a fixed visit is simply its one length.
    """

    person_id: str
    day: date
    window_start: time
    window_end: time
    duration_min: int
    duration_max: int | None = None
    tasks: tuple[str, ...] = ()
    required_skills: frozenset[Skill] = frozenset()
    workers_needed: int = 1
    preferred_worker_ids: frozenset[str] = frozenset()
    excluded_worker_ids: frozenset[str] = frozenset()
    priority: Priority = Priority.NORMAL
    status: VisitStatus = VisitStatus.PLANNED
    assigned_worker_ids: tuple[str, ...] = ()
    planned_start: time | None = None
    planned_minutes: int | None = None
    version: int = 1
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if self.duration_max is None:
            self.duration_max = self.duration_min
        for name, value in (
            ("duration_min", self.duration_min),
            ("duration_max", self.duration_max),
        ):
            if isinstance(value, bool) or not isinstance(value, int):
                raise DomainValidationError(f"visit.{name}", "must be a whole number of minutes")
            if not MIN_VISIT_MINUTES <= value <= MAX_VISIT_MINUTES:
                raise DomainValidationError(
                    f"visit.{name}",
                    f"must be between {MIN_VISIT_MINUTES} and {MAX_VISIT_MINUTES} minutes, got {value}",
                )
        if self.duration_max < self.duration_min:
            raise DomainValidationError("visit.duration_max", "must not be less than duration_min")
        if self.window_end < self.window_start:
            raise DomainValidationError("visit.window_end", "must not be before window_start")
        if self.workers_needed not in (1, 2):
            raise DomainValidationError("visit.workers_needed", "must be 1 or 2")
        self.required_skills = frozenset(
            require_member("visit.required_skills", s, Skill) for s in self.required_skills
        )
        self.priority = require_member("visit.priority", self.priority, Priority)
        self.status = require_member("visit.status", self.status, VisitStatus)
        self.tasks = tuple(require_text("visit.tasks", t, max_length=200) for t in self.tasks)
        clash = self.preferred_worker_ids & self.excluded_worker_ids
        if clash:
            raise DomainValidationError(
                "visit.excluded_worker_ids",
                f"worker(s) {sorted(clash)} are both preferred and excluded",
            )
        self._check_assignment(self.assigned_worker_ids)
        self._check_length(self.planned_minutes)

    @property
    def is_flexible(self) -> bool:
        """True for an outcome-based visit, whose length is chosen within a range."""
        return self.duration_max != self.duration_min

    @property
    def longest(self) -> int:
        """The most minutes the visit may last (its one length when it is fixed)."""
        return self.duration_min if self.duration_max is None else self.duration_max

    @property
    def planned_length(self) -> int:
        """The minutes the visit is planned to last: the chosen length, else the shortest."""
        return self.duration_min if self.planned_minutes is None else self.planned_minutes

    @property
    def is_double_handed(self) -> bool:
        """True when two workers must attend together."""
        return self.workers_needed == 2

    @property
    def is_pending(self) -> bool:
        """True while nobody has started or closed the visit (see :data:`PENDING_STATUSES`)."""
        return self.status in PENDING_STATUSES

    @property
    def can_check_in(self) -> bool:
        """True when an assigned worker may check in to the visit now."""
        return self.status in _CHECK_IN_STATUSES

    @property
    def has_started(self) -> bool:
        """True once a worker has checked in (the visit is under way or done)."""
        return self.status in _STARTED_STATUSES

    @property
    def is_cancelled(self) -> bool:
        """True for a visit called off."""
        return self.status is VisitStatus.CANCELLED

    @property
    def window_minutes(self) -> tuple[int, int]:
        """The start window as minutes since midnight."""
        return minutes_of(self.window_start), minutes_of(self.window_end)

    def _check_assignment(self, worker_ids: tuple[str, ...]) -> None:
        if len(set(worker_ids)) != len(worker_ids):
            raise DomainValidationError("visit.assigned_worker_ids", "lists a worker twice")
        if len(worker_ids) > self.workers_needed:
            raise DomainValidationError(
                "visit.assigned_worker_ids",
                f"has {len(worker_ids)} workers but the visit needs {self.workers_needed}",
            )
        excluded = set(worker_ids) & self.excluded_worker_ids
        if excluded:
            raise DomainValidationError(
                "visit.assigned_worker_ids",
                f"worker(s) {sorted(excluded)} are excluded from this visit",
            )

    def _check_length(self, minutes: int | None) -> None:
        if minutes is None:
            return
        if isinstance(minutes, bool) or not isinstance(minutes, int):
            raise DomainValidationError(
                "visit.planned_minutes", "must be a whole number of minutes"
            )
        if not self.duration_min <= minutes <= self.longest:
            raise DomainValidationError(
                "visit.planned_minutes",
                f"must be between the visit's {self.duration_min} and {self.longest} minutes, "
                f"got {minutes}",
            )

    def assign(
        self, worker_ids: tuple[str, ...], start: time | None = None, minutes: int | None = None
    ) -> None:
        """Give the visit to ``worker_ids`` (all that it needs), optionally at a start and length.

        ``minutes`` is the planned length, within the visit's range.
        """
        if not self.is_pending:
            raise DomainValidationError(
                "visit.status", f"a {self.status.value} visit cannot be reassigned"
            )
        self._check_assignment(worker_ids)
        if len(worker_ids) != self.workers_needed:
            raise DomainValidationError(
                "visit.assigned_worker_ids", f"the visit needs {self.workers_needed} worker(s)"
            )
        # A start after the window is allowed (the visit is planned late, which the roster
        # optimiser prices as lateness); a start before the window is not, as nobody is expected.
        if start is not None and start < self.window_start:
            raise DomainValidationError(
                "visit.planned_start", "must not be before the visit's window starts"
            )
        self._check_length(minutes)
        self.assigned_worker_ids = worker_ids
        self.planned_start = start
        self.planned_minutes = minutes
        self.status = VisitStatus.ASSIGNED

    def unassign(self) -> None:
        """Take the visit off its workers so it is planned but not yet given to anyone."""
        self.move_to(VisitStatus.PLANNED)
        self.assigned_worker_ids = ()
        self.planned_start = None
        self.planned_minutes = None

    def move_to(self, new_status: VisitStatus) -> None:
        """Change status, refusing any step :data:`ALLOWED_TRANSITIONS` does not allow."""
        new_status = require_member("visit.status", new_status, VisitStatus)
        if new_status not in ALLOWED_TRANSITIONS[self.status]:
            raise DomainValidationError(
                "visit.status", f"cannot go from {self.status.value} to {new_status.value}"
            )
        self.status = new_status
