"""Conversion between domain objects and table rows (plain dicts of column values).

The domain dataclasses use ``slots`` and validate themselves, so they are not mapped by the ORM;
instead each aggregate has a ``*_to_row`` function (domain -> column dict, ready for a bulk insert)
and a ``*_from_row`` function (a result row -> domain object, validated on the way in).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import time
from typing import Any

from careweave.domain.people import (
    AboutMe,
    AboutMeSection,
    CareModel,
    CircleMember,
    CircleRole,
    EligibilityOutcome,
    Need,
    Person,
    Strength,
    StrengthKind,
)
from careweave.domain.values import Location
from careweave.domain.visits import Priority, Visit, VisitStatus
from careweave.domain.workforce import (
    Availability,
    Gender,
    Patch,
    Skill,
    Team,
    TravelMode,
    Worker,
)

Row = Mapping[Any, Any]


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


def person_to_row(person: Person) -> dict[str, Any]:
    """Column values of ``person``."""
    return {
        "id": person.id,
        "team_id": person.team_id,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "preferred_name": person.preferred_name,
        "date_of_birth": person.date_of_birth,
        "address": person.address,
        "postcode": person.postcode,
        "lat": person.location.lat,
        "lon": person.location.lon,
        "care_model": person.care_model.value,
        "gender": person.gender,
        "languages": list(person.languages),
        "nhs_number": person.nhs_number,
        "about_me": {key.value: text for key, text in person.about_me.sections.items()},
        "continuity_target": person.continuity_target,
    }


def person_from_row(row: Row) -> Person:
    """The :class:`Person` stored in ``row``."""
    sections = {AboutMeSection(key): text for key, text in row["about_me"].items()}
    return Person(
        given_name=row["given_name"],
        family_name=row["family_name"],
        date_of_birth=row["date_of_birth"],
        address=row["address"],
        postcode=row["postcode"],
        location=Location(row["lat"], row["lon"]),
        care_model=CareModel(row["care_model"]),
        team_id=row["team_id"],
        preferred_name=row["preferred_name"],
        gender=row["gender"],
        languages=tuple(row["languages"]),
        nhs_number=row["nhs_number"],
        about_me=AboutMe(sections),
        continuity_target=row["continuity_target"],
        id=row["id"],
    )


def circle_member_to_row(member: CircleMember) -> dict[str, Any]:
    """Column values of ``member``."""
    return {
        "id": member.id,
        "person_id": member.person_id,
        "name": member.name,
        "role": member.role.value,
        "relationship": member.relationship,
        "phone": member.phone,
        "email": member.email,
        "is_emergency_contact": member.is_emergency_contact,
    }


def circle_member_from_row(row: Row) -> CircleMember:
    """The :class:`CircleMember` stored in ``row``."""
    return CircleMember(
        person_id=row["person_id"],
        name=row["name"],
        role=CircleRole(row["role"]),
        relationship=row["relationship"],
        phone=row["phone"],
        email=row["email"],
        is_emergency_contact=row["is_emergency_contact"],
        id=row["id"],
    )


def strength_to_row(strength: Strength) -> dict[str, Any]:
    """Column values of ``strength``."""
    return {
        "id": strength.id,
        "person_id": strength.person_id,
        "kind": strength.kind.value,
        "description": strength.description,
    }


def strength_from_row(row: Row) -> Strength:
    """The :class:`Strength` stored in ``row``."""
    return Strength(
        person_id=row["person_id"],
        kind=StrengthKind(row["kind"]),
        description=row["description"],
        id=row["id"],
    )


def need_to_row(need: Need) -> dict[str, Any]:
    """Column values of ``need``."""
    return {
        "id": need.id,
        "person_id": need.person_id,
        "outcome": need.outcome.value,
        "description": need.description,
    }


def need_from_row(row: Row) -> Need:
    """The :class:`Need` stored in ``row``."""
    return Need(
        person_id=row["person_id"],
        outcome=EligibilityOutcome(row["outcome"]),
        description=row["description"],
        id=row["id"],
    )


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


def visit_to_row(visit: Visit) -> dict[str, Any]:
    """Column values of ``visit`` (its assigned workers go to :func:`assignment_rows`)."""
    return {
        "id": visit.id,
        "person_id": visit.person_id,
        "day": visit.day,
        "window_start": visit.window_start,
        "window_end": visit.window_end,
        "duration_min": visit.duration_min,
        "duration_max": visit.duration_max,
        "tasks": list(visit.tasks),
        "required_skills": sorted(skill.value for skill in visit.required_skills),
        "workers_needed": visit.workers_needed,
        "preferred_worker_ids": sorted(visit.preferred_worker_ids),
        "excluded_worker_ids": sorted(visit.excluded_worker_ids),
        "priority": int(visit.priority),
        "status": visit.status.value,
        "planned_start": visit.planned_start,
        "planned_minutes": visit.planned_minutes,
        "version": visit.version,
    }


def assignment_rows(visits: Iterable[Visit]) -> list[dict[str, Any]]:
    """One ``visit_assignments`` row per worker assigned to each of ``visits``."""
    return [
        {"visit_id": visit.id, "worker_id": worker_id, "position": position}
        for visit in visits
        for position, worker_id in enumerate(visit.assigned_worker_ids)
    ]


def visit_from_row(row: Row, assigned_worker_ids: tuple[str, ...]) -> Visit:
    """The :class:`Visit` stored in ``row``, with the workers assigned to it in order."""
    return Visit(
        person_id=row["person_id"],
        day=row["day"],
        window_start=row["window_start"],
        window_end=row["window_end"],
        duration_min=row["duration_min"],
        duration_max=row["duration_max"],
        tasks=tuple(row["tasks"]),
        required_skills=frozenset(Skill(skill) for skill in row["required_skills"]),
        workers_needed=row["workers_needed"],
        preferred_worker_ids=frozenset(row["preferred_worker_ids"]),
        excluded_worker_ids=frozenset(row["excluded_worker_ids"]),
        priority=Priority(row["priority"]),
        status=VisitStatus(row["status"]),
        assigned_worker_ids=assigned_worker_ids,
        planned_start=row["planned_start"],
        planned_minutes=row["planned_minutes"],
        version=row["version"],
        id=row["id"],
    )
