"""What happened on a visit (electronic call monitoring) and the alerts raised when a visit is late.

Times are naive wall-clock datetimes in Europe/London (what ``careweave.clock.wall_time`` gives),
the same clock a visit's ``day`` and window use, so "late" is judged against what the person was
told.

Late and missed, precisely (:func:`lateness`):

* a visit that nobody has checked in to by **15 minutes after its window ends** is *late*;
* a visit that nobody has checked in to by **2 hours after its window ends**, or by the **end of its
  day** if that comes first, is *missed*.

Only visits that should still happen (planned or assigned) are judged; a cancelled, started or
finished visit is never late. An alert records that a coordinator was told and when someone
acknowledged it; it never changes the visit, so a worker who arrives after all can still check in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import Location, new_id, require_member, require_text
from careweave.domain.visits.timing import is_early_check_in, minutes_between
from careweave.domain.visits.visit import Visit, VisitStatus

LATE_AFTER = timedelta(minutes=15)
MISSED_AFTER = timedelta(hours=2)
# A check-in further than this from the person's home is shown to the coordinator to look at.
AWAY_FROM_HOME_KM = 0.3
NOTES_MAX_LENGTH = 4000
REASON_MAX_LENGTH = 500


class TaskMode(StrEnum):
    """Whether a task was done *with* the person (enabling) or *for* them."""

    WITH = "with"
    FOR = "for"


class MedicationResult(StrEnum):
    """What happened to one medication item on a visit."""

    ADMINISTERED = "administered"
    REFUSED = "refused"
    ALREADY_TAKEN = "already_taken"
    NOT_GIVEN = "not_given"


MEDICATION_RESULT_LABELS: dict[MedicationResult, str] = {
    MedicationResult.ADMINISTERED: "Administered",
    MedicationResult.REFUSED: "Refused",
    MedicationResult.ALREADY_TAKEN: "Already taken",
    MedicationResult.NOT_GIVEN: "Not given",
}
# A refusal or an omission must say why, so the next worker and the pharmacist can act on it.
REASON_REQUIRED = frozenset({MedicationResult.REFUSED, MedicationResult.NOT_GIVEN})


@dataclass(frozen=True, slots=True)
class TaskDone:
    """One task of the visit and whether it was done with or for the person."""

    task: str
    mode: TaskMode

    def __post_init__(self) -> None:
        object.__setattr__(self, "task", require_text("tasks.task", self.task, max_length=200))
        object.__setattr__(self, "mode", require_member("tasks.mode", self.mode, TaskMode))


@dataclass(frozen=True, slots=True)
class TaskNotDone:
    """A task of the visit that was not done, and why (kept for the summary and the next worker)."""

    task: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "task", require_text("tasks.task", self.task, max_length=200))
        object.__setattr__(
            self, "reason", require_text("tasks.reason", self.reason, max_length=REASON_MAX_LENGTH)
        )


@dataclass(frozen=True, slots=True)
class MedicationOutcome:
    """The result for one medication item; refused and not given need a reason."""

    item: str
    result: MedicationResult
    reason: str = ""

    def __post_init__(self) -> None:
        item = require_text("medication.item", self.item, max_length=200)
        result = require_member("medication.result", self.result, MedicationResult)
        reason = require_text("medication.reason", self.reason, max_length=500, allow_empty=True)
        if result in REASON_REQUIRED and not reason:
            label = MEDICATION_RESULT_LABELS[result].lower()
            raise DomainValidationError(
                "medication.reason", f"say why {item!r} was {label} (a reason is required)"
            )
        object.__setattr__(self, "item", item)
        object.__setattr__(self, "result", result)
        object.__setattr__(self, "reason", reason)


@dataclass(frozen=True, slots=True)
class ProgressNote:
    """Progress towards one of the person's goals, in words, against the goal's id."""

    goal_id: str
    text: str

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "goal_id", require_text("progress_note.goal_id", self.goal_id, max_length=64)
        )
        object.__setattr__(
            self,
            "text",
            require_text("progress_note.text", self.text, max_length=NOTES_MAX_LENGTH),
        )


@dataclass(frozen=True, slots=True)
class GoalNote:
    """A progress note as the plan shows it under its goal: the visit's day, the worker's first
    name (all a family member may learn of who came) and the words."""

    goal_id: str
    day: date
    worker_first_name: str
    text: str


@dataclass(frozen=True, slots=True)
class CheckPoint:
    """A check-in or check-out: when, and where if the phone said so."""

    at: datetime
    location: Location | None = None
    distance_km: float | None = None

    @classmethod
    def taken(cls, at: datetime, location: Location | None, home: Location) -> CheckPoint:
        """A check point at ``at``, with its distance from ``home`` when a location is known."""
        distance = None if location is None else round(location.distance_km(home), 3)
        return cls(at=at, location=location, distance_km=distance)

    @property
    def away_from_home(self) -> bool:
        """True when the phone placed the worker more than :data:`AWAY_FROM_HOME_KM` from home."""
        return self.distance_km is not None and self.distance_km > AWAY_FROM_HOME_KM


@dataclass(frozen=True, slots=True)
class Outcomes:
    """Everything a worker records about what happened on a visit."""

    tasks: tuple[TaskDone, ...] = ()
    notes: str = ""
    medications: tuple[MedicationOutcome, ...] = ()
    progress: ProgressNote | None = None
    not_done: tuple[TaskNotDone, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "notes",
            require_text("notes", self.notes, max_length=NOTES_MAX_LENGTH, allow_empty=True),
        )
        named = [t.task for t in self.tasks] + [t.task for t in self.not_done]
        _reject_duplicates("tasks", [task.casefold() for task in named])
        _reject_duplicates("medication.item", [m.item.casefold() for m in self.medications])


def _reject_duplicates(field_name: str, keys: list[str]) -> None:
    if len(set(keys)) != len(keys):
        raise DomainValidationError(field_name, "lists the same item twice")


@dataclass(slots=True)
class VisitRecord:
    """One worker's record of one visit: check-in, check-out and outcomes."""

    visit_id: str
    worker_id: str
    check_in: CheckPoint
    check_out: CheckPoint | None = None
    outcomes: Outcomes = field(default_factory=Outcomes)
    check_in_reason: str = ""
    check_out_reason: str = ""
    id: str = field(default_factory=new_id)

    @property
    def is_open(self) -> bool:
        """True while the worker is checked in and not yet out."""
        return self.check_out is None

    @property
    def minutes_on_visit(self) -> int | None:
        """Whole minutes from check-in to check-out, or None while still checked in."""
        if self.check_out is None:
            return None
        return minutes_between(self.check_in.at, self.check_out.at)

    def record(self, outcomes: Outcomes) -> None:
        """Record what happened; only while checked in, so a finished record is never rewritten."""
        if not self.is_open:
            raise DomainValidationError("visit_record", "the visit is checked out already")
        self.outcomes = outcomes

    def finish(self, point: CheckPoint, reason: str = "") -> None:
        """Check out at ``point``, which must not come before the check-in; ``reason`` says why
        the visit was cut short, when it was."""
        if not self.is_open:
            raise DomainValidationError("visit_record", "the visit is checked out already")
        if point.at < self.check_in.at:
            raise DomainValidationError("check_out.at", "must not be before the check-in")
        self.check_out_reason = require_text(
            "check_out.reason", reason, max_length=REASON_MAX_LENGTH, allow_empty=True
        )
        self.check_out = point


def start_visit(visit: Visit, worker_id: str, point: CheckPoint, reason: str = "") -> VisitRecord:
    """Check ``worker_id`` in to ``visit``; the visit moves to in progress at its first check-in.

    A check-in far earlier than planned (see :mod:`.timing`) needs ``reason``.
    """
    if worker_id not in visit.assigned_worker_ids:
        raise DomainValidationError("worker_id", "you are not on this visit")
    if point.at.date() != visit.day:
        raise DomainValidationError("check_in.at", f"the visit is on {visit.day.isoformat()}")
    if not visit.can_check_in:
        raise DomainValidationError(
            "visit.status", f"a {visit.status.value.replace('_', ' ')} visit cannot be started"
        )
    reason = require_text("check_in.reason", reason, max_length=REASON_MAX_LENGTH, allow_empty=True)
    if is_early_check_in(visit, point.at) and not reason:
        opens = visit.window_start.strftime("%H:%M")
        raise DomainValidationError(
            "check_in.reason", f"the visit's time starts at {opens}: say why you are this early"
        )
    if visit.status is VisitStatus.ASSIGNED:
        visit.move_to(VisitStatus.IN_PROGRESS)
    return VisitRecord(
        visit_id=visit.id, worker_id=worker_id, check_in=point, check_in_reason=reason
    )


def finish_visit_if_complete(visit: Visit, records: list[VisitRecord]) -> bool:
    """Mark ``visit`` done when every worker it needs has checked in and out; say if it did."""
    closed = {r.worker_id for r in records if not r.is_open}
    if visit.status is VisitStatus.IN_PROGRESS and len(closed) >= visit.workers_needed:
        visit.move_to(VisitStatus.DONE)
        return True
    return False


class Lateness(StrEnum):
    """What a visit alert is about: a visit nobody has checked in to that is late or missed (see
    the module docstring for the rule), or a check-in far earlier than planned (:mod:`.timing`)."""

    LATE = "late"
    MISSED = "missed"
    EARLY_CHECK_IN = "early_check_in"


# The alerts about a visit that did not happen on time, which the person's family is told of.
MISSED_OR_LATE = frozenset({Lateness.LATE, Lateness.MISSED})


def late_at(visit: Visit) -> datetime:
    """The moment a visit with no check-in becomes late: 15 minutes after its window ends."""
    return datetime.combine(visit.day, visit.window_end) + LATE_AFTER


def missed_at(visit: Visit) -> datetime:
    """The moment a visit with no check-in is missed: 2 hours after its window, or its day's end."""
    end_of_day = datetime.combine(visit.day + timedelta(days=1), time(0, 0))
    return min(datetime.combine(visit.day, visit.window_end) + MISSED_AFTER, end_of_day)


def lateness(visit: Visit, now: datetime) -> Lateness | None:
    """Whether ``visit`` is late or missed at ``now``; None when on time or no longer due."""
    if not visit.is_pending:
        return None
    if now >= missed_at(visit):
        return Lateness.MISSED
    if now >= late_at(visit):
        return Lateness.LATE
    return None


@dataclass(slots=True)
class Alert:
    """A late or missed visit, or a check-in far earlier than planned (with the worker's reason),
    raised to the coordinator until somebody acknowledges it."""

    visit_id: str
    team_id: str
    kind: Lateness
    raised_at: datetime
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None
    note: str = ""
    reason: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.kind = require_member("alert.kind", self.kind, Lateness)
        self.reason = require_text(
            "alert.reason", self.reason, max_length=REASON_MAX_LENGTH, allow_empty=True
        )

    @property
    def is_open(self) -> bool:
        """True until acknowledged."""
        return self.acknowledged_at is None

    def acknowledge(self, by_user_id: str, at: datetime, note: str = "") -> None:
        """Record who acknowledged the alert, when, and what they are doing about it."""
        if not self.is_open:
            raise DomainValidationError("alert", "was acknowledged already")
        if at < self.raised_at:
            raise DomainValidationError("alert.acknowledged_at", "must not be before it was raised")
        self.note = require_text("alert.note", note, max_length=500, allow_empty=True)
        self.acknowledged_by = require_text("alert.acknowledged_by", by_user_id, max_length=64)
        self.acknowledged_at = at
