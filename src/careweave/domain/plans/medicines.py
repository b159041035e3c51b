"""The medicines a person's plan says the team helps with, and which of them a visit brings due.

A medicine is given at named times of day (morning, lunch, tea, bed), as a medication
administration record reads. A visit brings due the medicines of the part of the day its planned
start falls in (:func:`day_part_of`), so the worker finds a list to tick, not blank lines to fill.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import require_member, require_text

MEDICINE_NAME_MAX_LENGTH = 200


class DayPart(StrEnum):
    """The times of day a medicine is given at."""

    MORNING = "morning"
    LUNCH = "lunch"
    TEA = "tea"
    BED = "bed"


DAY_PART_WORDS = {
    DayPart.MORNING: "morning",
    DayPart.LUNCH: "lunchtime",
    DayPart.TEA: "teatime",
    DayPart.BED: "bedtime",
}
# Where each part of the day ends (the last part, bed, runs to midnight).
_DAY_PART_ENDS = (
    (time(11, 0), DayPart.MORNING),
    (time(14, 30), DayPart.LUNCH),
    (time(19, 0), DayPart.TEA),
)


def day_part_of(moment: time) -> DayPart:
    """The part of the day ``moment`` falls in: morning before 11:00, lunch before 14:30, tea
    before 19:00, bed after."""
    return next((part for end, part in _DAY_PART_ENDS if moment < end), DayPart.BED)


@dataclass(frozen=True, slots=True)
class PlanMedicine:
    """A medicine the team helps with: its name and dose, when it is given, and how."""

    item: str
    times: frozenset[DayPart]
    instructions: str = ""

    def __post_init__(self) -> None:
        item = require_text("medicine.item", self.item, max_length=MEDICINE_NAME_MAX_LENGTH)
        times = frozenset(require_member("medicine.times", t, DayPart) for t in self.times)
        if not times:
            raise DomainValidationError("medicine.times", f"say when {item} is given")
        instructions = require_text(
            "medicine.instructions", self.instructions, max_length=500, allow_empty=True
        )
        object.__setattr__(self, "item", item)
        object.__setattr__(self, "times", times)
        object.__setattr__(self, "instructions", instructions)


def due_at(medicines: Iterable[PlanMedicine], moment: time) -> tuple[PlanMedicine, ...]:
    """The medicines given in the part of the day ``moment`` falls in, in the plan's order."""
    part = day_part_of(moment)
    return tuple(m for m in medicines if part in m.times)
