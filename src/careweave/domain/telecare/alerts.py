"""Alerts that reach someone: what raised them, how urgent they are, who is told and in what order,
and the responder's acknowledgement, outcome and closing.

An alert's life is a small state machine::

    open --acknowledge--> acknowledged --record_outcome--> (outcome known) --close--> closed

Nothing else moves it: an alert is never closed without an outcome, and an acknowledged one is not
acknowledged again. While it is open it climbs the person's :class:`EscalationChain`: the
responder on duty at once, then (each after its own minutes without acknowledgement) the
neighbourhood team's worker on shift, the coordinator, and a named member of the circle of
support. Technical alerts (a silent device, a low battery) go to the responder only: they need a
technician, not the person's circle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import IntEnum, StrEnum

from careweave.domain.errors import ConflictError, DomainValidationError
from careweave.domain.values import new_id, require_member, require_range, require_text

SUMMARY_MAX_LENGTH = 300
NOTE_MAX_LENGTH = 1000


class AlertKind(StrEnum):
    """What raised an alert: one of the rules, or a technical issue of a device."""

    PENDANT_PRESS = "pendant_press"
    FALL = "fall"
    SMOKE = "smoke"
    FLOOD = "flood"
    NO_MOVEMENT = "no_movement"
    OUT_OF_BED = "out_of_bed"
    DOOR_AT_NIGHT = "door_at_night"
    APPLIANCE_NOT_USED = "appliance_not_used"
    LOW_TEMPERATURE = "low_temperature"
    UNUSUAL_DAY = "unusual_day"
    DEVICE_SILENT = "device_silent"
    LOW_BATTERY = "low_battery"


ALERT_TITLES: dict[AlertKind, str] = {
    AlertKind.PENDANT_PRESS: "Pendant pressed",
    AlertKind.FALL: "Fall detected",
    AlertKind.SMOKE: "Smoke detected",
    AlertKind.FLOOD: "Flood detected",
    AlertKind.NO_MOVEMENT: "No movement this morning",
    AlertKind.OUT_OF_BED: "Out of bed at night",
    AlertKind.DOOR_AT_NIGHT: "Door at night",
    AlertKind.APPLIANCE_NOT_USED: "Kettle or fridge not used",
    AlertKind.LOW_TEMPERATURE: "Cold home",
    AlertKind.UNUSUAL_DAY: "Unusual day",
    AlertKind.DEVICE_SILENT: "Device silent",
    AlertKind.LOW_BATTERY: "Low battery",
}
TECHNICAL_KINDS = frozenset({AlertKind.DEVICE_SILENT, AlertKind.LOW_BATTERY})
# Kinds that follow from the person moving about their home: none while they are away.
ACTIVITY_ALERT_KINDS = frozenset(
    {
        AlertKind.NO_MOVEMENT,
        AlertKind.OUT_OF_BED,
        AlertKind.DOOR_AT_NIGHT,
        AlertKind.APPLIANCE_NOT_USED,
        AlertKind.UNUSUAL_DAY,
    }
)


class Priority(IntEnum):
    """How urgent an alert is; the console shows the lowest number first."""

    URGENT = 1
    HIGH = 2
    ROUTINE = 3


PRIORITY_LABELS: dict[Priority, str] = {
    Priority.URGENT: "Urgent",
    Priority.HIGH: "High",
    Priority.ROUTINE: "Routine",
}


class AlertStatus(StrEnum):
    """Where an alert is in its life."""

    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"


STATUS_LABELS: dict[AlertStatus, str] = {
    AlertStatus.OPEN: "waiting to be taken on",
    AlertStatus.ACKNOWLEDGED: "being dealt with",
    AlertStatus.CLOSED: "dealt with",
}


class Outcome(StrEnum):
    """What came of an alert, as the responder records it."""

    FALSE_ALARM = "false_alarm"
    RESOLVED_BY_PHONE = "resolved_by_phone"
    VISITED = "visited"
    FAMILY_HANDLED = "family_handled"
    AMBULANCE_CALLED = "ambulance_called"
    EMERGENCY_SERVICES = "emergency_services"
    DEVICE_FIXED = "device_fixed"
    OTHER = "other"


OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.FALSE_ALARM: "False alarm",
    Outcome.RESOLVED_BY_PHONE: "Sorted out on the phone",
    Outcome.VISITED: "Someone visited",
    Outcome.FAMILY_HANDLED: "Family handled it",
    Outcome.AMBULANCE_CALLED: "Ambulance called",
    Outcome.EMERGENCY_SERVICES: "Fire service or police called",
    Outcome.DEVICE_FIXED: "Device fixed or battery changed",
    Outcome.OTHER: "Something else (see the note)",
}


class Tier(StrEnum):
    """Who an escalation step reaches."""

    RESPONDER = "responder"
    WORKER_ON_SHIFT = "worker_on_shift"
    COORDINATOR = "coordinator"
    CIRCLE_MEMBER = "circle_member"


@dataclass(frozen=True, slots=True)
class ChainStep:
    """One step of an escalation chain: ``tier`` is told ``after_minutes`` after the step before
    (the first step: after the alert is raised) if nobody has acknowledged the alert yet."""

    tier: Tier
    after_minutes: int
    circle_member_id: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "tier", require_member("chain.tier", self.tier, Tier))
        require_range("chain.after_minutes", self.after_minutes, 0, 24 * 60)
        if (self.tier is Tier.CIRCLE_MEMBER) != (self.circle_member_id is not None):
            raise DomainValidationError(
                "chain.circle_member_id", "names the circle member of a circle step, and only then"
            )


@dataclass(frozen=True, slots=True)
class EscalationChain:
    """Who is told about a person's alerts, in order; it always starts with the responder at once."""

    steps: tuple[ChainStep, ...]

    def __post_init__(self) -> None:
        if not self.steps or self.steps[0] != ChainStep(Tier.RESPONDER, 0):
            raise DomainValidationError("chain", "must start with the responder on duty, at once")

    @classmethod
    def default(cls, circle_member_id: str | None = None) -> EscalationChain:
        """Responder at once, the worker on shift after 5 minutes, the coordinator 10 minutes
        later, and (when one is named) the circle member 15 minutes after that."""
        steps = [
            ChainStep(Tier.RESPONDER, 0),
            ChainStep(Tier.WORKER_ON_SHIFT, 5),
            ChainStep(Tier.COORDINATOR, 10),
        ]
        if circle_member_id is not None:
            steps.append(ChainStep(Tier.CIRCLE_MEMBER, 15, circle_member_id))
        return cls(tuple(steps))

    def due_at(self, raised_at: datetime) -> list[datetime]:
        """When each step falls due for an alert raised at ``raised_at``."""
        moments, at = [], raised_at
        for step in self.steps:
            at += timedelta(minutes=step.after_minutes)
            moments.append(at)
        return moments


@dataclass(frozen=True, slots=True)
class Escalation:
    """A step taken: ``level`` of the chain reached ``tier`` (``target`` says who, in plain words)."""

    level: int
    tier: Tier
    target: str
    at: datetime


@dataclass(slots=True)
class TelecareAlert:
    """An alert about a person, raised by a rule or a device problem.

    ``trigger_key`` names what raised it (the rule and its occasion): the store keeps one alert per
    person and key, so evaluating the same events again raises nothing twice.
    """

    person_id: str
    team_id: str | None
    kind: AlertKind
    priority: Priority
    trigger_key: str
    raised_at: datetime
    summary: str
    status: AlertStatus = AlertStatus.OPEN
    escalations: list[Escalation] = field(default_factory=list)
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None
    outcome: Outcome | None = None
    outcome_note: str = ""
    closed_at: datetime | None = None
    closed_by: str | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.kind = require_member("alert.kind", self.kind, AlertKind)
        self.priority = require_member("alert.priority", self.priority, Priority)
        self.status = require_member("alert.status", self.status, AlertStatus)
        self.summary = require_text("alert.summary", self.summary, max_length=SUMMARY_MAX_LENGTH)
        self.trigger_key = require_text("alert.trigger_key", self.trigger_key, max_length=160)

    @property
    def is_technical(self) -> bool:
        """True for a device problem (it goes to the responder only)."""
        return self.kind in TECHNICAL_KINDS

    @property
    def title(self) -> str:
        """The kind of alert in plain words."""
        return ALERT_TITLES[self.kind]

    @property
    def can_acknowledge(self) -> bool:
        """True while nobody has acknowledged it."""
        return self.status is AlertStatus.OPEN

    @property
    def can_record_outcome(self) -> bool:
        """True once acknowledged and until closed."""
        return self.status is AlertStatus.ACKNOWLEDGED

    @property
    def is_closed(self) -> bool:
        """True once the alert is closed."""
        return self.status is AlertStatus.CLOSED

    @property
    def status_label(self) -> str:
        """Where the alert is, in plain words."""
        return STATUS_LABELS[self.status]

    @property
    def can_close(self) -> bool:
        """True once acknowledged with an outcome, and not yet closed."""
        return self.status is AlertStatus.ACKNOWLEDGED and self.outcome is not None

    @property
    def response_seconds(self) -> float | None:
        """Seconds from raising to acknowledgement (``None`` until acknowledged)."""
        if self.acknowledged_at is None:
            return None
        return (self.acknowledged_at - self.raised_at).total_seconds()

    def acknowledge(self, user_id: str, at: datetime) -> None:
        """Someone has taken the alert on; it climbs the chain no further."""
        if not self.can_acknowledge:
            raise ConflictError(f"the alert is already {self.status.value}", field="status")
        self.status, self.acknowledged_at, self.acknowledged_by = (
            AlertStatus.ACKNOWLEDGED,
            max(at, self.raised_at),
            user_id,
        )

    def record_outcome(self, outcome: Outcome, note: str) -> None:
        """Say what came of it (it may be changed until the alert is closed)."""
        if not self.can_record_outcome:
            raise ConflictError(
                "acknowledge the alert before recording its outcome"
                if self.status is AlertStatus.OPEN
                else "the alert is closed",
                field="status",
            )
        self.outcome = require_member("outcome", outcome, Outcome)
        self.outcome_note = require_text("note", note, max_length=NOTE_MAX_LENGTH, allow_empty=True)
        if self.outcome is Outcome.OTHER and not self.outcome_note:
            raise DomainValidationError("note", "say what happened when the outcome is 'other'")

    def close(self, user_id: str, at: datetime) -> None:
        """End the alert; it needs an outcome first."""
        if not self.can_close:
            raise ConflictError(
                "record the outcome before closing the alert"
                if self.status is AlertStatus.ACKNOWLEDGED
                else f"an {self.status.value} alert cannot be closed",
                field="outcome" if self.status is AlertStatus.ACKNOWLEDGED else "status",
            )
        self.status, self.closed_at, self.closed_by = AlertStatus.CLOSED, at, user_id

    def due_steps(self, chain: EscalationChain, now: datetime) -> list[tuple[int, ChainStep]]:
        """The chain's steps that are due at ``now`` and not yet taken, as ``(level, step)``.

        None once acknowledged; a technical alert only ever reaches the responder.
        """
        if self.status is not AlertStatus.OPEN:
            return []
        steps = chain.steps[:1] if self.is_technical else chain.steps
        due = chain.due_at(self.raised_at)
        taken = {e.level for e in self.escalations}
        return [
            (level, step)
            for level, step in enumerate(steps)
            if level not in taken and due[level] <= now
        ]

    def escalate(self, level: int, tier: Tier, target: str, at: datetime) -> Escalation:
        """Record that step ``level`` reached ``target``; return the step."""
        step = Escalation(level=level, tier=tier, target=target, at=at)
        self.escalations.append(step)
        return step

    @property
    def reached(self) -> Escalation | None:
        """The last step taken, or ``None``."""
        return max(self.escalations, key=lambda e: e.level, default=None)
