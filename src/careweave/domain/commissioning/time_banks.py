"""Time banks: hours agreed per person per four-week block, flexed by the team.

Instead of minutes per visit, the person and the team agree a number of contact hours for a
block of four weeks (28 days, Monday to Sunday four times over, counted from
:data:`FIRST_BLOCK`); the team decides visit by visit how to spend them. The hours used are what
the visit records show, not the roster: from check-in to check-out of every worker on a visit
(a double-handed visit uses both workers' time), and for an outcome-based visit, whose length the
team chose within its range, the minutes planned for it.

Rules (``docs/commissioning.md`` says them in words):

* **Carrying over.** When a block ends, hours left over carry into the next block up to
  :data:`CARRY_OVER_SHARE` of the hours agreed for it; the rest return to the council (they were
  commissioned but not used). Hours overspent carry over in full, as a debt the next block repays.
* **Overspend alerts.** A bank is *overspent* when fewer than no minutes are left, and *ahead of
  pace* when the share of hours used runs more than :data:`PACE_MARGIN` ahead of the share of
  the block gone by, or when less than an hour is left with days of the block still to come.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import new_id, require_text
from careweave.domain.visits.recording import VisitRecord
from careweave.domain.visits.visit import Visit, VisitStatus

BLOCK_DAYS = 28
FIRST_BLOCK = date(2026, 1, 5)  # a Monday: every block starts a multiple of 28 days from it
MAX_BLOCK_MINUTES = BLOCK_DAYS * 24 * 60
CARRY_OVER_SHARE = 0.25
PACE_MARGIN = 0.10
LOW_MINUTES = 60


def block_of(day: date) -> date:
    """The first day of the four-week block ``day`` falls in."""
    return FIRST_BLOCK + timedelta(days=(day - FIRST_BLOCK).days // BLOCK_DAYS * BLOCK_DAYS)


def block_end(start: date) -> date:
    """The last day of the block starting on ``start``."""
    return start + timedelta(days=BLOCK_DAYS - 1)


def check_block_start(field_name: str, start: date) -> date:
    """``start`` if a block starts on it, else an error naming the nearest block start."""
    if block_of(start) != start:
        raise DomainValidationError(
            field_name, f"blocks start every four weeks, e.g. on {block_of(start).isoformat()}"
        )
    return start


@dataclass(frozen=True, slots=True)
class TimeBankAgreement:
    """The hours (as minutes) agreed with a person for the block starting ``block_start``."""

    person_id: str
    block_start: date
    agreed_minutes: int
    agreed_by: str
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        check_block_start("block_start", self.block_start)
        minutes = self.agreed_minutes
        if isinstance(minutes, bool) or not isinstance(minutes, int):
            raise DomainValidationError("agreed_minutes", "must be a whole number of minutes")
        if not 1 <= minutes <= MAX_BLOCK_MINUTES:
            raise DomainValidationError(
                "agreed_minutes", f"must be between 1 and {MAX_BLOCK_MINUTES} minutes"
            )
        object.__setattr__(
            self, "agreed_by", require_text("agreed_by", self.agreed_by, max_length=120)
        )

    @property
    def block_end(self) -> date:
        """The block's last day."""
        return block_end(self.block_start)


def minutes_used(visit: Visit, records: Sequence[VisitRecord]) -> int:
    """The minutes a done visit took from the person's time bank (0 for any other visit).

    Outcome-based visits count the minutes planned for them (for every worker); others count
    every worker's check-in to check-out.
    """
    if visit.status is not VisitStatus.DONE:
        return 0
    if visit.is_flexible:
        return visit.planned_length * visit.workers_needed
    return sum(r.minutes_on_visit or 0 for r in records if r.visit_id == visit.id)


def expiring_minutes(left_at_end: int, agreed_minutes: int) -> int:
    """Minutes that return to the council when a block ends with ``left_at_end`` minutes left:
    what is above the carry-over cap (none when the bank is overspent)."""
    cap = int(agreed_minutes * CARRY_OVER_SHARE)
    return max(0, left_at_end - cap)


class BankState(StrEnum):
    """How a bank stands in its block."""

    ON_TRACK = "on_track"
    AHEAD_OF_PACE = "ahead_of_pace"
    OVERSPENT = "overspent"


def bank_state(
    agreed: int, carried_in: int, used: int, block_start: date, today: date
) -> BankState:
    """Whether the bank is on track, spending ahead of the block's pace, or overspent."""
    available = agreed + carried_in
    left = available - used
    if left < 0:
        return BankState.OVERSPENT
    gone = min(max((today - block_start).days + 1, 0), BLOCK_DAYS) / BLOCK_DAYS
    share_used = used / available if available > 0 else 1.0
    still_to_come = gone < 1
    if share_used > gone + PACE_MARGIN or (still_to_come and left < LOW_MINUTES):
        return BankState.AHEAD_OF_PACE
    return BankState.ON_TRACK
