"""What the telecare pages show, worked out once here so templates only print: local times, how long
an alert has waited, and whether the viewer may answer or configure (booleans, never rules)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from careweave.clock import LONDON
from careweave.domain.errors import DomainError
from careweave.domain.people.person import Person
from careweave.domain.telecare.alerts import PRIORITY_LABELS, TelecareAlert
from careweave.services.accounts.access import Actor
from careweave.services.telecare.access import check_can_configure, check_can_respond
from careweave.services.telecare.response import QueueLine


def local_time(moment: datetime | None) -> str:
    """``moment`` as a person in England reads it ("Mon 02 Mar 14:05"), or an empty string."""
    return "" if moment is None else moment.astimezone(LONDON).strftime("%a %d %b %H:%M")


@dataclass(frozen=True, slots=True)
class AlertRow:
    """One alert as a page shows it."""

    line: QueueLine
    raised: str
    waited_minutes: int
    priority: str
    reached: str
    age: int

    @property
    def alert(self) -> TelecareAlert:
        """The alert."""
        return self.line.alert


def alert_row(line: QueueLine, now: datetime, today: date) -> AlertRow:
    """The row of ``line`` at ``now``."""
    alert = line.alert
    end = alert.acknowledged_at or now
    reached = alert.reached
    return AlertRow(
        line=line,
        raised=local_time(alert.raised_at),
        waited_minutes=max(0, int((end - alert.raised_at).total_seconds() // 60)),
        priority=PRIORITY_LABELS[alert.priority],
        reached=reached.target if reached else "",
        age=line.person.age_on(today),
    )


def may_respond(actor: Actor, person: Person) -> bool:
    """True when ``actor`` may answer ``person``'s alerts."""
    return _allowed(check_can_respond, actor, person)


def may_configure(actor: Actor, person: Person) -> bool:
    """True when ``actor`` may change ``person``'s telecare set-up."""
    return _allowed(check_can_configure, actor, person)


def _allowed(check: Callable[[Actor, Person], None], actor: Actor, person: Person) -> bool:
    try:
        check(actor, person)
    except DomainError:
        return False
    return True
