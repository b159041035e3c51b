"""Nights and days: short-break stays, and the periods a household cannot host anyone.

A stay is counted in nights, as Shared Lives carers are paid for short breaks: arriving on the 3rd
and leaving on the 5th is two nights, the 3rd and the 4th. An unavailable period is inclusive at
both ends ("away 15 to 22 July"), since that is how a carer says it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import require_text

STAY_MAX_NIGHTS = 28


def _require_date(field: str, value: object) -> None:
    if not isinstance(value, date):
        raise DomainValidationError(field, "must be a date")


def days_between(first: date, last: date) -> Iterator[date]:
    """Every day from ``first`` to ``last``, both included."""
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


@dataclass(frozen=True, slots=True)
class Stay:
    """A short break: the person arrives on ``arrive_on`` and leaves on ``leave_on``."""

    arrive_on: date
    leave_on: date

    def __post_init__(self) -> None:
        _require_date("stay.arrive_on", self.arrive_on)
        _require_date("stay.leave_on", self.leave_on)
        if self.leave_on <= self.arrive_on:
            raise DomainValidationError("stay.leave_on", "must be after the day of arrival")
        if (self.leave_on - self.arrive_on).days > STAY_MAX_NIGHTS:
            raise DomainValidationError(
                "stay.leave_on", f"a short break is at most {STAY_MAX_NIGHTS} nights"
            )

    @property
    def nights(self) -> tuple[date, ...]:
        """The nights of the stay (each named by its evening's date)."""
        return tuple(days_between(self.arrive_on, self.leave_on - timedelta(days=1)))


def nights_of(stays: Iterable[Stay]) -> frozenset[date]:
    """Every night of ``stays``."""
    return frozenset(night for stay in stays for night in stay.nights)


def check_no_overlap(field: str, stays: Iterable[Stay]) -> tuple[Stay, ...]:
    """``stays`` in date order, or raise naming ``field`` when two share a night."""
    ordered = tuple(sorted(stays, key=lambda s: s.arrive_on))
    for before, after in pairwise(ordered):
        if after.arrive_on < before.leave_on:
            raise DomainValidationError(field, "two stays share a night")
    return ordered


@dataclass(frozen=True, slots=True)
class Unavailability:
    """Nights from ``first_night`` to ``last_night`` (both included) the household hosts no one."""

    first_night: date
    last_night: date
    reason: str = ""

    def __post_init__(self) -> None:
        _require_date("unavailable.first_night", self.first_night)
        _require_date("unavailable.last_night", self.last_night)
        if self.last_night < self.first_night:
            raise DomainValidationError("unavailable.last_night", "must not be before the first")
        object.__setattr__(
            self,
            "reason",
            require_text("unavailable.reason", self.reason, max_length=200, allow_empty=True),
        )

    def covers(self, night: date) -> bool:
        """Whether the household is away (or otherwise not hosting) on ``night``."""
        return self.first_night <= night <= self.last_night
