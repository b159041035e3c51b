"""The items a roster problem is made of: workers, tasks (visits), links, people and travel.

Every item is a frozen dataclass that checks itself when built and raises :class:`ProblemError`
naming the item, so a bad input is rejected before any search starts. Times are minutes from
midnight of the item's own ``day``; ``math.inf`` stands for "no limit".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

CRITICAL = 4
"""Priority of a visit that is never dropped and never late (e.g. insulin)."""

MINUTES_PER_DAY = 1440.0


class ProblemError(ValueError):
    """A roster problem (or a roster for it) is malformed.

    Parameters
    ----------
    item
        The item at fault, e.g. ``"visit p4/s2"`` or ``"worker c1"``.
    message
        What is wrong with it, in plain words.
    """

    def __init__(self, item: str, message: str) -> None:
        super().__init__(f"{item}: {message}")
        self.item = item
        self.message = message


class Mode(StrEnum):
    """How care is commissioned, which shapes the problem's rules and costs."""

    TIME_AND_TASK = "time_and_task"
    OUTCOME_BASED = "outcome_based"
    NEIGHBOURHOOD = "neighbourhood"


def _number(item: str, name: str, value: float, *, minimum: float = 0.0) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise ProblemError(item, f"{name} must be a number, not {value!r}")
    if value < minimum:
        raise ProblemError(item, f"{name} must be at least {minimum:g}, not {value:g}")


def _finite(item: str, name: str, value: float, *, minimum: float = 0.0) -> None:
    _number(item, name, value, minimum=minimum)
    if math.isinf(value):
        raise ProblemError(item, f"{name} must be finite")


def _ident(kind: str, ident: str) -> None:
    if not isinstance(ident, str) or not ident.strip():
        raise ProblemError(kind, f"id must be non-empty text, not {ident!r}")


def _texts(item: str, name: str, values: frozenset[str]) -> None:
    if not isinstance(values, frozenset) or not all(isinstance(v, str) and v for v in values):
        raise ProblemError(item, f"{name} must be a frozenset of non-empty text")


def _set_frozen(obj: object, name: str, value: Any) -> None:
    # The one place we write into a frozen dataclass: normalising inputs in __post_init__.
    object.__setattr__(obj, name, value)


@dataclass(frozen=True, slots=True)
class Shift:
    """One stretch of a worker's availability on one day: ``start`` to ``end`` minutes.

    ``end`` may be inf. A worker may have several shifts on a day (a split shift) if they do
    not overlap; each is worked as its own route from the start location back to the end location.
    """

    day: int
    start: float
    end: float

    def __post_init__(self) -> None:
        item = f"shift on day {self.day}"
        if isinstance(self.day, bool) or not isinstance(self.day, int) or self.day < 0:
            raise ProblemError("shift", f"day must be a whole number >= 0, not {self.day!r}")
        _finite(item, "start", self.start)
        _number(item, "end", self.end)
        if self.end <= self.start:
            raise ProblemError(item, f"ends ({self.end:g}) before it starts ({self.start:g})")


@dataclass(frozen=True, slots=True)
class BreakRule:
    """A route (one shift's working period) longer than ``after`` minutes needs an idle gap of ``length``.

    Each half of a split shift is its own working period: the worker goes home in between.
    """

    after: float = 360.0
    length: float = 20.0

    def __post_init__(self) -> None:
        _finite("break rule", "after", self.after)
        _finite("break rule", "length", self.length, minimum=1e-9)


@dataclass(frozen=True, slots=True)
class Worker:
    """A care worker: what they can do, where they start and end, and when they may work.

    ``max_day_minutes`` and ``max_week_minutes`` are hard limits on paid time (leaving the start
    location to arriving at the end location, summed over the day's routes);
    ``contracted_week_minutes`` is the soft point past which paid time counts as overtime.
    ``shifts`` are kept in time order (by day, then start); two on the same day must not overlap.
    """

    id: str
    skills: frozenset[str] = frozenset()
    shifts: tuple[Shift, ...] = ()
    start_location: int = 0
    end_location: int = 0
    travel_mode: str = "drive"
    gender: str | None = None
    languages: frozenset[str] = frozenset()
    team: str | None = None
    max_day_minutes: float = math.inf
    max_week_minutes: float = math.inf
    contracted_week_minutes: float = math.inf
    min_rest_minutes: float = 0.0
    break_rule: BreakRule | None = None
    cost_per_hour: float = 0.0

    def __post_init__(self) -> None:
        _ident("worker", self.id)
        item = f"worker {self.id}"
        _texts(item, "skills", self.skills)
        _texts(item, "languages", self.languages)
        _set_frozen(self, "shifts", _in_time_order(item, self.shifts))
        for name in ("start_location", "end_location"):
            _location(item, name, getattr(self, name))
        for name in ("max_day_minutes", "max_week_minutes", "contracted_week_minutes"):
            _number(item, name, getattr(self, name))
        _finite(item, "min_rest_minutes", self.min_rest_minutes)
        _finite(item, "cost_per_hour", self.cost_per_hour)

    def shifts_on(self, day: int) -> tuple[Shift, ...]:
        """The worker's shifts on ``day`` in time order (empty when they do not work that day).

        A split shift (e.g. 07:00-11:00 and 17:00-22:00) is two shifts; a route's ``shift`` is an
        index into this tuple.
        """
        return tuple(s for s in self.shifts if s.day == day)

    def shift_index(self, day: int, minute: float) -> int:
        """Which of the day's shifts a visit starting at ``minute`` belongs to (a route's ``shift``).

        The last shift that day starting at or before ``minute`` (the one holding it, when any
        does), else 0: a visit in the gap of a split shift goes with the earlier half, where the
        checker reports it as outside the shift.
        """
        found = 0
        for number, shift in enumerate(self.shifts_on(day)):
            if shift.start <= minute:
                found = number
        return found


def _in_time_order(item: str, shifts: Iterable[Shift]) -> tuple[Shift, ...]:
    """``shifts`` ordered by day and start, rejecting two that overlap on the same day."""
    ordered = tuple(sorted(shifts, key=lambda s: (s.day, s.start)))
    for before, after in pairwise(ordered):
        if before.day == after.day and after.start < before.end:
            raise ProblemError(
                item,
                f"has overlapping shifts on day {after.day}: {_span(before)} and {_span(after)}",
            )
    return ordered


def _span(shift: Shift) -> str:
    return f"{shift.start:g}-{shift.end:g}"


def _location(item: str, name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ProblemError(item, f"{name} must be a location index >= 0, not {value!r}")


@dataclass(frozen=True, slots=True)
class Task:
    """One worker's part of a visit: where, when it may start, how long, and who may do it.

    A double-handed visit is two tasks joined by a :class:`Link` with ``distinct_workers``.
    ``earliest``/``latest`` bound the start (minutes on ``day``); starting after ``latest`` is
    lateness (soft, except for a critical task). ``mandatory`` tasks may be late but never
    unassigned; critical tasks (priority 4) are mandatory and must start on time.
    """

    id: str
    person: str
    location: int
    day: int
    earliest: float
    latest: float
    duration_min: float
    duration_max: float
    skills: frozenset[str] = frozenset()
    priority: int = 2
    mandatory: bool = False
    preferred: frozenset[str] = frozenset()
    excluded: frozenset[str] = frozenset()
    pinned: str | None = None
    gender: str | None = None
    language: str | None = None
    team: str | None = None

    def __post_init__(self) -> None:
        _ident("visit", self.id)
        item = f"visit {self.id}"
        _ident(item + " person", self.person)
        _location(item, "location", self.location)
        if isinstance(self.day, bool) or not isinstance(self.day, int) or self.day < 0:
            raise ProblemError(item, f"day must be a whole number >= 0, not {self.day!r}")
        _finite(item, "window start", self.earliest)
        _finite(item, "window end", self.latest)
        if self.latest < self.earliest:
            raise ProblemError(
                item, f"window ends ({self.latest:g}) before it starts ({self.earliest:g})"
            )
        _finite(item, "duration", self.duration_min)
        _finite(item, "maximum duration", self.duration_max)
        if self.duration_max < self.duration_min:
            raise ProblemError(item, "maximum duration is shorter than the minimum duration")
        if self.priority not in (1, 2, 3, CRITICAL) or isinstance(self.priority, bool):
            raise ProblemError(item, f"priority must be 1, 2, 3 or 4, not {self.priority!r}")
        for name in ("skills", "preferred", "excluded"):
            _texts(item, name, getattr(self, name))
        if self.preferred & self.excluded:
            both = ", ".join(sorted(self.preferred & self.excluded))
            raise ProblemError(item, f"worker(s) {both} both preferred and excluded")
        if self.pinned is not None and self.pinned in self.excluded:
            raise ProblemError(item, f"pinned worker {self.pinned} is also excluded")

    @property
    def critical(self) -> bool:
        """Whether the task must be assigned and start on time."""
        return self.priority == CRITICAL

    @property
    def must_assign(self) -> bool:
        """Whether leaving the task unassigned breaks a hard rule."""
        return self.mandatory or self.critical


@dataclass(frozen=True, slots=True)
class Link:
    """A timing rule between two tasks: ``min_gap <= start(second) - start(first) <= max_gap``.

    ``distinct_workers`` marks the two halves of a double-handed visit (or any pair that needs two
    different people); such halves are done together or not at all.
    """

    first: str
    second: str
    min_gap: float = 0.0
    max_gap: float = 0.0
    distinct_workers: bool = True

    def __post_init__(self) -> None:
        item = f"link {self.first} -> {self.second}"
        _ident("link", self.first)
        _ident("link", self.second)
        if self.first == self.second:
            raise ProblemError(item, "links a visit to itself")
        _finite(item, "min_gap", self.min_gap, minimum=-math.inf)
        _finite(item, "max_gap", self.max_gap, minimum=-math.inf)
        if self.max_gap < self.min_gap:
            raise ProblemError(
                item, f"max_gap ({self.max_gap:g}) is below min_gap ({self.min_gap:g})"
            )

    @property
    def name(self) -> str:
        """How messages refer to the link."""
        return f"link {self.first} -> {self.second}"


@dataclass(frozen=True, slots=True)
class Person:
    """Someone who receives care: continuity target, visit history and time bank.

    ``continuity_target`` is the most different workers wanted over the horizon (None: no
    target). ``history`` maps worker id to past visit count; those workers are the person's
    regulars. ``time_bank_minutes`` caps the total minutes of their visits (outcome-based care).
    """

    id: str
    continuity_target: int | None = None
    history: Mapping[str, int] = field(default_factory=dict)
    time_bank_minutes: float | None = None

    def __post_init__(self) -> None:
        _ident("person", self.id)
        item = f"person {self.id}"
        target = self.continuity_target
        if target is not None and (isinstance(target, bool) or not isinstance(target, int)):
            raise ProblemError(item, f"continuity target must be a whole number, not {target!r}")
        if target is not None and target < 1:
            raise ProblemError(item, f"continuity target must be at least 1, not {target}")
        history = dict(self.history)
        for worker, count in history.items():
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise ProblemError(item, f"history count for {worker} must be a whole number >= 0")
        _set_frozen(self, "history", MappingProxyType(history))
        if self.time_bank_minutes is not None:
            _finite(item, "time bank minutes", self.time_bank_minutes)

    def __hash__(self) -> int:
        return hash((self.id, self.continuity_target, self.time_bank_minutes))

    def __reduce__(self) -> tuple[Any, ...]:
        # A read-only mapping cannot be pickled; rebuild from a plain dict instead.
        return (
            Person,
            (self.id, self.continuity_target, dict(self.history), self.time_bank_minutes),
        )

    @property
    def regulars(self) -> frozenset[str]:
        """Workers who have visited the person before."""
        return frozenset(w for w, count in self.history.items() if count > 0)


FloatMatrix = npt.NDArray[np.float64]


def as_matrix(item: str, name: str, values: Any) -> FloatMatrix:
    """``values`` as a read-only square float64 matrix without NaN, infinite or negative entries."""
    try:
        array = np.array(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise ProblemError(item, f"{name} matrix must hold numbers only") from None
    if array.ndim != 2 or array.shape[0] != array.shape[1]:
        raise ProblemError(item, f"{name} matrix must be square, not of shape {array.shape}")
    if np.isnan(array).any():
        raise ProblemError(item, f"{name} matrix holds a missing value (NaN)")
    if not np.isfinite(array).all():
        raise ProblemError(item, f"{name} matrix holds an infinite value")
    if (array < 0).any():
        row, col = (int(i) for i in np.argwhere(array < 0)[0])
        raise ProblemError(item, f"{name} matrix has a negative entry at [{row}][{col}]")
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class TravelMatrix:
    """Travel between location indices for one travel mode: minutes, and optionally distance.

    Both are read-only square float64 arrays of the same size. Without a distance matrix the
    distance of a leg is taken to be its travel minutes.
    """

    minutes: FloatMatrix
    distance: FloatMatrix | None = None
    mode: str = "drive"

    def __post_init__(self) -> None:
        item = f"travel mode {self.mode}"
        _set_frozen(self, "minutes", as_matrix(item, "travel time", self.minutes))
        if self.distance is None:
            return
        distance = as_matrix(item, "distance", self.distance)
        if distance.shape != self.minutes.shape:
            raise ProblemError(item, "distance and travel time matrices differ in size")
        _set_frozen(self, "distance", distance)

    @property
    def size(self) -> int:
        """Number of locations the matrices cover."""
        return int(self.minutes.shape[0])

    @property
    def distances(self) -> FloatMatrix:
        """The distance matrix (the travel minutes when no distance was given)."""
        return self.minutes if self.distance is None else self.distance

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TravelMatrix):
            return NotImplemented
        return (
            self.mode == other.mode
            and np.array_equal(self.minutes, other.minutes)
            and np.array_equal(self.distances, other.distances)
        )

    __hash__ = None  # type: ignore[assignment]


def ids_of(items: Iterable[Worker | Task | Person], kind: str) -> dict[str, int]:
    """Map each item's id to its position, rejecting a repeated id."""
    positions: dict[str, int] = {}
    for position, item in enumerate(items):
        if item.id in positions:
            raise ProblemError(f"{kind} {item.id}", "id is used twice")
        positions[item.id] = position
    return positions
