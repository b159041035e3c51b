"""Care workers, their availability, and the neighbourhood teams they belong to."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import Location, new_id, require_member, require_range, require_text


class Skill(StrEnum):
    """What a worker is trained and signed off to do (and a visit may require)."""

    PERSONAL_CARE = "personal_care"
    MEDICATION = "medication"
    HOIST = "hoist"
    PEG_FEEDING = "peg_feeding"
    CATHETER = "catheter"
    STOMA = "stoma"
    DEMENTIA_CARE = "dementia_care"
    INSULIN = "insulin"
    END_OF_LIFE = "end_of_life"
    REABLEMENT = "reablement"
    NURSING = "nursing"


class TravelMode(StrEnum):
    """How a worker gets between visits; each mode has its own travel times."""

    WALK = "walk"
    CYCLE = "cycle"
    DRIVE = "drive"


class Gender(StrEnum):
    """Gender, as a person may state a preference about who supports them with personal care."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNSTATED = "unstated"


@dataclass(frozen=True, slots=True)
class Availability:
    """A weekly slot in which a worker can work: weekday 0 (Monday) to 6, from ``start`` to ``end``."""

    weekday: int
    start: time
    end: time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise DomainValidationError("availability.weekday", "must be 0 (Monday) to 6 (Sunday)")
        if self.end <= self.start:
            raise DomainValidationError("availability.end", "must be after the start")

    @property
    def minutes(self) -> int:
        """Length of the slot in minutes."""
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)


MINUTES_PER_WEEK = 7 * 24 * 60


@dataclass(slots=True)
class Worker:
    """A member of a neighbourhood team who visits people at home."""

    given_name: str
    family_name: str
    team_id: str
    home: Location
    travel_mode: TravelMode = TravelMode.DRIVE
    skills: frozenset[Skill] = frozenset({Skill.PERSONAL_CARE})
    gender: Gender = Gender.UNSTATED
    languages: tuple[str, ...] = ("en",)
    contracted_minutes_per_week: int = 37 * 60 + 30
    max_minutes_per_day: int = 10 * 60
    availability: tuple[Availability, ...] = ()
    cost_per_hour: float = 12.5
    active: bool = True
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.given_name = require_text("worker.given_name", self.given_name, max_length=80)
        self.family_name = require_text("worker.family_name", self.family_name, max_length=80)
        self.team_id = require_text("worker.team_id", self.team_id, max_length=64)
        self.travel_mode = require_member("worker.travel_mode", self.travel_mode, TravelMode)
        self.gender = require_member("worker.gender", self.gender, Gender)
        self.skills = frozenset(require_member("worker.skills", s, Skill) for s in self.skills)
        if not 0 <= self.contracted_minutes_per_week <= 60 * 60:
            raise DomainValidationError(
                "worker.contracted_minutes_per_week", "must be between 0 and 3600 (60 hours)"
            )
        if not 0 < self.max_minutes_per_day <= 13 * 60:
            raise DomainValidationError(
                "worker.max_minutes_per_day",
                "must be above 0 and at most 780 (the 11-hour daily rest leaves 13 hours)",
            )
        require_range("worker.cost_per_hour", self.cost_per_hour, 0.0, 1000.0)
        if not self.languages:
            raise DomainValidationError("worker.languages", "must name at least one language")
        _reject_overlapping_slots(self.availability)

    @property
    def display_name(self) -> str:
        """First name and family name."""
        return f"{self.given_name} {self.family_name}"

    def can_do(self, required: frozenset[Skill]) -> bool:
        """True when the worker holds every skill in ``required``."""
        return required <= self.skills

    def available_minutes_per_week(self) -> int:
        """Total minutes of weekly availability."""
        return sum(slot.minutes for slot in self.availability)


def _reject_overlapping_slots(slots: tuple[Availability, ...]) -> None:
    ordered = sorted(slots, key=lambda s: (s.weekday, s.start))
    for before, after in itertools.pairwise(ordered):
        if before.weekday == after.weekday and after.start < before.end:
            raise DomainValidationError(
                "worker.availability", f"slots overlap on weekday {after.weekday} at {after.start}"
            )


@dataclass(frozen=True, slots=True)
class Patch:
    """The area a team serves: a polygon (list of corners) or a centre with a radius."""

    centre: Location
    radius_km: float = 0.0
    polygon: tuple[Location, ...] = ()

    def __post_init__(self) -> None:
        if self.polygon:
            if len(self.polygon) < 3:
                raise DomainValidationError("patch.polygon", "needs at least three corners")
        else:
            require_range("patch.radius_km", self.radius_km, 0.05, 100.0)

    def contains(self, point: Location) -> bool:
        """True when ``point`` lies inside the patch."""
        if not self.polygon:
            return self.centre.distance_km(point) <= self.radius_km
        return polygon_contains(self.polygon, point)


def polygon_contains(corners: Sequence[Location], point: Location) -> bool:
    """True when ``point`` lies inside the polygon ``corners`` (ray casting).

    Patches are a few kilometres across, so treating latitude and longitude as flat is exact enough.
    """
    inside = False
    j = len(corners) - 1
    for i, corner in enumerate(corners):
        other = corners[j]
        if (corner.lat > point.lat) != (other.lat > point.lat):
            lon_at = (other.lon - corner.lon) * (point.lat - corner.lat) / (
                other.lat - corner.lat
            ) + corner.lon
            if point.lon < lon_at:
                inside = not inside
        j = i
    return inside


@dataclass(slots=True)
class Team:
    """A small self-managing neighbourhood team serving one patch."""

    name: str
    patch: Patch
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.name = require_text("team.name", self.name, max_length=80)

    @property
    def called_a_team(self) -> str:
        """The name followed by "team", unless it already ends in "team".

        Headings read "Riverside team board", not "Riverside neighbourhood team team board".
        """
        if self.name.split()[-1].casefold() == "team":
            return self.name
        return f"{self.name} team"
