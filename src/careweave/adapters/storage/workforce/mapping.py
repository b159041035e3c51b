"""Conversion between teams and workers and their table rows (plain dicts of column values)."""

from __future__ import annotations

from datetime import time
from typing import Any

from careweave.adapters.storage.schema import Row
from careweave.domain.values import Location
from careweave.domain.workforce.workers import (
    Availability,
    Gender,
    Patch,
    Skill,
    Team,
    TravelMode,
    Worker,
)


def team_to_row(team: Team) -> dict[str, Any]:
    """Column values of ``team``."""
    patch = team.patch
    return {
        "id": team.id,
        "name": team.name,
        "centre_lat": patch.centre.lat,
        "centre_lon": patch.centre.lon,
        "radius_km": patch.radius_km,
        "polygon": [[corner.lat, corner.lon] for corner in patch.polygon],
    }


def team_from_row(row: Row) -> Team:
    """The :class:`Team` stored in ``row``."""
    patch = Patch(
        centre=Location(row["centre_lat"], row["centre_lon"]),
        radius_km=row["radius_km"],
        polygon=tuple(Location(lat, lon) for lat, lon in row["polygon"]),
    )
    return Team(name=row["name"], patch=patch, id=row["id"])


def worker_to_row(worker: Worker) -> dict[str, Any]:
    """Column values of ``worker``."""
    return {
        "id": worker.id,
        "team_id": worker.team_id,
        "given_name": worker.given_name,
        "family_name": worker.family_name,
        "home_lat": worker.home.lat,
        "home_lon": worker.home.lon,
        "travel_mode": worker.travel_mode.value,
        "skills": sorted(skill.value for skill in worker.skills),
        "gender": worker.gender.value,
        "languages": list(worker.languages),
        "contracted_minutes_per_week": worker.contracted_minutes_per_week,
        "max_minutes_per_day": worker.max_minutes_per_day,
        "availability": [
            [slot.weekday, slot.start.isoformat(), slot.end.isoformat()]
            for slot in worker.availability
        ],
        "cost_per_hour": worker.cost_per_hour,
        "active": worker.active,
    }


def worker_from_row(row: Row) -> Worker:
    """The :class:`Worker` stored in ``row``."""
    return Worker(
        given_name=row["given_name"],
        family_name=row["family_name"],
        team_id=row["team_id"],
        home=Location(row["home_lat"], row["home_lon"]),
        travel_mode=TravelMode(row["travel_mode"]),
        skills=frozenset(Skill(skill) for skill in row["skills"]),
        gender=Gender(row["gender"]),
        languages=tuple(row["languages"]),
        contracted_minutes_per_week=row["contracted_minutes_per_week"],
        max_minutes_per_day=row["max_minutes_per_day"],
        availability=tuple(
            Availability(weekday, time.fromisoformat(start), time.fromisoformat(end))
            for weekday, start, end in row["availability"]
        ),
        cost_per_hour=row["cost_per_hour"],
        active=row["active"],
        id=row["id"],
    )
