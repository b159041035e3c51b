"""Small builders of valid domain objects for the storage tests (each call makes a new one)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from careweave.domain.people.person import AboutMe, AboutMeSection, CareModel, Person
from careweave.domain.plans.care_plan import AgreedBy, Agreement, CarePlan, FundingSource, Goal
from careweave.domain.plans.gas import DEFAULT_LEVEL_MEANINGS, GasScale
from careweave.domain.values import Location
from careweave.domain.visits.visit import Visit
from careweave.domain.workforce.workers import Availability, Patch, Skill, Team, TravelMode, Worker

CENTRE = Location(51.4545, -2.5879)
MONDAY = date(2026, 3, 2)


def a_team(name: str = "Easton", **changes: Any) -> Team:
    """A team with a round patch."""
    return Team(name=name, patch=Patch(CENTRE, radius_km=2.5), **changes)


def a_person(
    team: Team | None = None, given: str = "Ada", family: str = "Lovelace", **changes: Any
) -> Person:
    """A person in ``team``, with a little About Me."""
    fields: dict[str, Any] = {
        "given_name": given,
        "family_name": family,
        "date_of_birth": date(1941, 5, 17),
        "address": "12 Stapleton Road, Bristol",
        "postcode": "bs5 0qx",
        "location": Location(51.4620, -2.5650),
        "care_model": CareModel.REABLEMENT,
        "team_id": team.id if team else None,
        "preferred_name": "Addie",
        "gender": "female",
        "languages": ("en", "cy"),
        "nhs_number": "9434765919",
        "about_me": AboutMe({AboutMeSection.WHAT_MATTERS_TO_ME: "My garden and my cat."}),
        "continuity_target": 2,
    }
    fields.update(changes)
    return Person(**fields)


def a_worker(team: Team, given: str = "Sam", family: str = "Okafor", **changes: Any) -> Worker:
    """A worker of ``team`` with two availability slots."""
    fields: dict[str, Any] = {
        "given_name": given,
        "family_name": family,
        "team_id": team.id,
        "home": Location(51.4700, -2.5500),
        "travel_mode": TravelMode.CYCLE,
        "skills": frozenset({Skill.PERSONAL_CARE, Skill.MEDICATION}),
        "availability": (
            Availability(0, time(7, 0), time(13, 0)),
            Availability(2, time(14, 30), time(21, 0)),
        ),
        "cost_per_hour": 13.75,
    }
    fields.update(changes)
    return Worker(**fields)


def a_visit(person: Person, day: date = MONDAY, start: time = time(8, 0), **changes: Any) -> Visit:
    """A 30-minute planned visit to ``person`` on ``day`` with a one-hour window from ``start``."""
    fields: dict[str, Any] = {
        "person_id": person.id,
        "day": day,
        "window_start": start,
        "window_end": time(start.hour + 1, start.minute),
        "duration_min": 30,
        "duration_max": 45,
        "tasks": ("breakfast together", "medication prompt"),
        "required_skills": frozenset({Skill.MEDICATION}),
    }
    fields.update(changes)
    return Visit(**fields)


def a_goal(description: str = "Walk to the shop on my own", **changes: Any) -> Goal:
    """A goal in the person's words, on the default GAS scale."""
    fields: dict[str, Any] = {
        "description": description,
        "importance": 8,
        "scale": GasScale(DEFAULT_LEVEL_MEANINGS),
    }
    fields.update(changes)
    return Goal(**fields)


def an_agreement(agreed_on: date = date(2026, 2, 1)) -> Agreement:
    """The person's own agreement to their plan, with capacity and consent."""
    return Agreement(AgreedBy.PERSON, agreed_on, has_capacity=True, consent_given=True)


def a_plan(person: Person, *goals: Goal, **changes: Any) -> CarePlan:
    """Version 1 of a plan for ``person`` with ``goals`` (one goal when none is given)."""
    fields: dict[str, Any] = {
        "person_id": person.id,
        "review_on": date(2026, 6, 1),
        "review_by": "Pat",
        "funding_source": FundingSource.LOCAL_AUTHORITY,
        "created_by": "Pat",
        "created_at": datetime(2026, 2, 1, 10, tzinfo=UTC),
        "goals": goals or (a_goal(),),
    }
    fields.update(changes)
    return CarePlan(**fields)
