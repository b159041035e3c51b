"""The Barthel Index of activities of daily living (Mahoney and Barthel 1965; 0–100 version).

Ten items, each with its own short list of allowed scores; the total runs from 0 (fully dependent)
to 100 (independent in all ten). Any score an item does not allow is rejected, so a typo cannot
turn into a plausible-looking total.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import require_member


class BarthelItem(StrEnum):
    """The ten items of the Barthel Index, in the order of the form."""

    FEEDING = "feeding"
    BATHING = "bathing"
    GROOMING = "grooming"
    DRESSING = "dressing"
    BOWELS = "bowels"
    BLADDER = "bladder"
    TOILET_USE = "toilet_use"
    TRANSFERS = "transfers"
    MOBILITY = "mobility"
    STAIRS = "stairs"


ALLOWED_SCORES: dict[BarthelItem, tuple[int, ...]] = {
    BarthelItem.FEEDING: (0, 5, 10),
    BarthelItem.BATHING: (0, 5),
    BarthelItem.GROOMING: (0, 5),
    BarthelItem.DRESSING: (0, 5, 10),
    BarthelItem.BOWELS: (0, 5, 10),
    BarthelItem.BLADDER: (0, 5, 10),
    BarthelItem.TOILET_USE: (0, 5, 10),
    BarthelItem.TRANSFERS: (0, 5, 10, 15),
    BarthelItem.MOBILITY: (0, 5, 10, 15),
    BarthelItem.STAIRS: (0, 5, 10),
}

ITEM_TITLES: dict[BarthelItem, str] = {
    BarthelItem.FEEDING: "Feeding",
    BarthelItem.BATHING: "Bathing",
    BarthelItem.GROOMING: "Grooming (face, hair, teeth, shaving)",
    BarthelItem.DRESSING: "Dressing",
    BarthelItem.BOWELS: "Bowels",
    BarthelItem.BLADDER: "Bladder",
    BarthelItem.TOILET_USE: "Toilet use",
    BarthelItem.TRANSFERS: "Transfers (bed to chair and back)",
    BarthelItem.MOBILITY: "Mobility on level surfaces",
    BarthelItem.STAIRS: "Stairs",
}

MAX_TOTAL = sum(max(scores) for scores in ALLOWED_SCORES.values())


@dataclass(frozen=True, slots=True)
class BarthelScore:
    """One complete Barthel assessment: a score for each of the ten items.

    Parameters
    ----------
    items
        A score for every item; each must be one of :data:`ALLOWED_SCORES` for that item.
    """

    items: Mapping[BarthelItem, int]

    def __post_init__(self) -> None:
        cleaned: dict[BarthelItem, int] = {}
        for key, score in self.items.items():
            item = require_member("barthel.item", key, BarthelItem)
            allowed = ALLOWED_SCORES[item]
            if isinstance(score, bool) or not isinstance(score, int) or score not in allowed:
                choices = ", ".join(str(s) for s in allowed)
                raise DomainValidationError(
                    f"barthel.{item.value}", f"must be one of {choices}, got {score!r}"
                )
            cleaned[item] = score
        missing = [item.value for item in BarthelItem if item not in cleaned]
        if missing:
            raise DomainValidationError(
                "barthel", f"needs a score for every item; missing {', '.join(missing)}"
            )
        object.__setattr__(self, "items", {item: cleaned[item] for item in BarthelItem})

    @property
    def total(self) -> int:
        """The Barthel Index, 0 to 100."""
        return sum(self.items.values())
