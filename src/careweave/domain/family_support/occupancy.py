"""What a household already holds: its places and rooms taken by arrangements, night by night.

New long-term and day-support arrangements are open-ended, so a place counts as free for one
starting on a day only if nothing holds it on that day or later: an arrangement ending next month
still counts, and a short break booked for later in the year takes its place (and room) for the
busiest night ahead. That is cautious on purpose: a match never collides with a booking.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from careweave.domain.family_support.arrangements import Arrangement
from careweave.domain.family_support.households import CarerHousehold
from careweave.domain.family_support.offer import Room
from careweave.domain.family_support.vocab import ArrangementType, Skill

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Occupancy:
    """A household with its arrangements (any status: only live ones hold anything)."""

    household: CarerHousehold
    arrangements: tuple[Arrangement, ...] = ()
    # The same household is checked against every person on the list, mostly for one start day:
    # each fact of a day is worked out once (records are immutable, so it never goes stale).
    _memo: dict[tuple[str, date], Any] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def _once(self, name: str, day: date, compute: Callable[[], T]) -> T:
        key = (name, day)
        if key not in self._memo:
            self._memo[key] = compute()
        found: T = self._memo[key]
        return found

    def approved_on(self, day: date) -> bool:
        """The household's :meth:`~CarerHousehold.approved_on`, worked out once per day."""
        return self._once("approved", day, lambda: self.household.approved_on(day))

    def check_problems(self, day: date) -> tuple[str, ...]:
        """The household's :meth:`~CarerHousehold.check_problems`, worked out once per day."""
        return self._once("problems", day, lambda: self.household.check_problems(day))

    def skills_on(self, day: date) -> frozenset[Skill]:
        """The household's :meth:`~CarerHousehold.skills_on`, worked out once per day."""
        return self._once("skills", day, lambda: self.household.skills_on(day))

    def _live(self, kind: ArrangementType) -> list[Arrangement]:
        return [a for a in self.arrangements if a.live and a.arrangement_type is kind]

    def _short_break_peak_from(self, day: date) -> int:
        nights = Counter(
            night
            for a in self._live(ArrangementType.SHORT_BREAKS)
            for stay in a.stays
            for night in stay.nights
            if night >= day
        )
        return max(nights.values(), default=0)

    def free_places_from(self, day: date) -> int:
        """Overnight places free on ``day`` and every day after."""
        return self._once("places", day, lambda: self._free_places_from(day))

    def _free_places_from(self, day: date) -> int:
        long_term = sum(a.holds_from(day) for a in self._live(ArrangementType.LONG_TERM))
        return max(0, self.household.places - long_term - self._short_break_peak_from(day))

    def free_rooms_from(self, day: date) -> tuple[Room, ...]:
        """Rooms nothing holds on ``day`` or later."""
        return self._once("rooms", day, lambda: self._free_rooms_from(day))

    def _free_rooms_from(self, day: date) -> tuple[Room, ...]:
        taken = {a.room for a in self.arrangements if a.room is not None and a.holds_from(day)}
        return tuple(r for r in self.household.offer.rooms if r.name not in taken)

    def free_day_places_from(self, day: date) -> int:
        """Day-support places free on ``day`` and every day after."""
        held = sum(a.holds_from(day) for a in self._live(ArrangementType.DAY_SUPPORT))
        return max(0, self.household.day_places - held)

    def free_places_on(self, night: date) -> int:
        """Overnight places free on ``night``."""
        held = sum(a.holds_night(night) for a in self.arrangements)
        return max(0, self.household.places - held)

    def free_rooms_on(self, night: date) -> tuple[Room, ...]:
        """Rooms free on ``night``."""
        taken = {a.room for a in self.arrangements if a.holds_night(night)}
        return tuple(r for r in self.household.offer.rooms if r.name not in taken)

    def others_from(self, day: date) -> int:
        """How many other people it supports on ``day`` or later (any kind)."""
        return self._once("others", day, lambda: sum(a.holds_from(day) for a in self.arrangements))
