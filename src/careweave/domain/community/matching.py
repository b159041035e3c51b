"""Which directory services suit what a link worker is looking for, and why each one does.

Every result carries its reasons in plain words (the need it serves, the words it mentions, when
it is open, how far it is), so that the person can judge the suggestion rather than trust it.
How far counts as "a walk" or "a bus ride" is an assumption stated in :data:`REACH_KM`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from careweave.domain.community.locations import DirectoryLocation
from careweave.domain.community.schedules import WEEKDAY_NAMES, PartOfDay, Schedule
from careweave.domain.community.service_details import ServiceAtLocation
from careweave.domain.community.services import Service
from careweave.domain.community.taxonomy import TaxonomyTerm
from careweave.domain.values import Location


class Reach(StrEnum):
    """How far the person can get."""

    SHORT_WALK = "short_walk"
    WALK = "walk"
    BUS_RIDE = "bus_ride"
    ANYWHERE = "anywhere"


# Straight-line kilometres: 10 and 20 minutes at an older person's walking pace (about 3 km/h
# with rests), a local bus ride of about half an hour, and for "anywhere" a day out (what lies
# further is rarely a community connection).
REACH_KM: Mapping[Reach, float] = {
    Reach.SHORT_WALK: 0.5,
    Reach.WALK: 1.0,
    Reach.BUS_RIDE: 8.0,
    Reach.ANYWHERE: 50.0,
}


@dataclass(frozen=True, slots=True)
class Wanted:
    """What is looked for. ``needs`` are the terms asked for, each with every narrower term below
    it (``narrower[term_id]``), so a reason can name the need a service answers."""

    needs: Sequence[TaxonomyTerm] = ()
    narrower: Mapping[str, frozenset[str]] | None = None
    words: tuple[str, ...] = ()
    weekday: int | None = None
    part_of_day: PartOfDay | None = None
    age: int | None = None
    free_only: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    """A service at a location that suits, with why."""

    service: Service
    service_at_location: ServiceAtLocation
    location: DirectoryLocation
    distance_km: float | None
    next_session: date | None
    reasons: tuple[str, ...]


def match(
    service: Service,
    sal: ServiceAtLocation,
    place: DirectoryLocation,
    wanted: Wanted,
    home: Location | None,
    today: date,
) -> Match | None:
    """The match of ``service`` at ``place`` for ``wanted``, or ``None`` when it does not suit."""
    if not service.listed:
        return None
    reasons = list(_need_reasons(service, wanted))
    if wanted.needs and not reasons:
        return None
    if wanted.words:
        reasons.append("mentions " + ", ".join(f"“{w}”" for w in wanted.words))
    if wanted.age is not None and not service.accepts_age(wanted.age):
        return None
    if wanted.free_only and not service.free:
        return None
    if service.free:
        reasons.append("free")
    timing = _open_when_wanted(service.schedules_at(sal.id), wanted, today)
    if timing is None:
        return None
    next_session, when = timing
    if when:
        reasons.append(when)
    distance = home.distance_km(place.point) if home and place.point else None
    if distance is not None:
        reasons.append(f"{distance:.1f} km from home")
    return Match(service, sal, place, distance, next_session, tuple(reasons))


def _need_reasons(service: Service, wanted: Wanted) -> list[str]:
    reasons: list[str] = []
    for need in wanted.needs:
        family = (wanted.narrower or {}).get(need.id, frozenset({need.id}))
        if service.term_ids & family:
            reasons.append(f"for {need.name.lower()}")
    return reasons


def _open_when_wanted(
    schedules: Sequence[Schedule], wanted: Wanted, today: date
) -> tuple[date | None, str] | None:
    """The next session and the words saying when it is open, or ``None`` when it is not open
    at the time asked for (no day or time asked: any schedule, or none, will do)."""
    if wanted.weekday is None and wanted.part_of_day is None:
        upcoming = [s.next_on_or_after(today) for s in schedules]
        dates = [d for d in upcoming if d is not None]
        return (min(dates) if dates else None), ""
    start, end = wanted.part_of_day.hours if wanted.part_of_day else (time.min, time.max)
    part = f" {wanted.part_of_day.value}s" if wanted.part_of_day else "s"
    days = [wanted.weekday] if wanted.weekday is not None else list(range(7))
    for schedule in schedules:
        for day in days:
            if schedule.open_during(day, start, end, today):
                session = schedule.next_on_or_after(today, weekday=day)
                return session, f"open {WEEKDAY_NAMES[day]}{part}: {schedule.words()}"
    return None


def nearest_first(matches: Sequence[Match]) -> list[Match]:
    """Matches nearest first; those with no distance (online, or no home given) after, by name."""
    return sorted(
        matches,
        key=lambda m: (
            m.distance_km is None,
            m.distance_km or 0.0,
            m.service.name,
            m.service_at_location.id,
        ),
    )
