"""The roster checker's verdict on one reassignment: only newly broken rules, in plain words."""

from __future__ import annotations

from datetime import date, time

from careweave.domain.people.person import Person
from careweave.domain.values import Location
from careweave.domain.visits.visit import Visit
from careweave.domain.workforce.workers import Availability, Patch, Team, TravelMode, Worker
from careweave.services.rostering.reassign_check import TeamWeekRecords, new_violations

MONDAY = date(2026, 3, 2)
HOME = Location(51.45, -2.59)
FAR = Location(51.45 + 5 / 111.2, -2.59)  # 5 km north: about 28 minutes by bicycle


def _person(name: str, where: Location, team: Team) -> Person:
    return Person(
        given_name=name,
        family_name="Lee",
        date_of_birth=date(1940, 1, 1),
        address="1 Road",
        postcode="BS5 0QX",
        location=where,
        team_id=team.id,
    )


def _records() -> tuple[TeamWeekRecords, Visit, Worker]:
    team = Team(name="Easton", patch=Patch(HOME, radius_km=10))
    near, far = _person("Ann", HOME, team), _person("Bea", FAR, team)
    sam = Worker(
        given_name="Sam",
        family_name="Okafor",
        team_id=team.id,
        home=HOME,
        travel_mode=TravelMode.CYCLE,
        availability=(Availability(0, time(7), time(13)),),
    )
    first = Visit(
        person_id=near.id,
        day=MONDAY,
        window_start=time(9),
        window_end=time(9, 15),
        duration_min=30,
    )
    first.assign((sam.id,), time(9))
    second = Visit(
        person_id=far.id,
        day=MONDAY,
        window_start=time(9, 30),
        window_end=time(10, 30),
        duration_min=30,
    )
    records = TeamWeekRecords(team, (near, far), (sam,), (first, second))
    return records, second, sam


def test_a_change_leaving_no_time_to_travel_is_reported_with_names() -> None:
    records, second, sam = _records()
    found = new_violations(records, second, [sam.id], time(9, 30))
    assert found
    assert found == [
        "Bea Lee's 09:30 visit starts at 09:30 but Sam Okafor cannot be there before 09:58 "
        "(previous visit ends at 09:30, travel 28 min)"
    ]
    assert not any(sam.id in text or second.id in text for text in found)


def test_a_change_with_time_to_travel_breaks_nothing_new() -> None:
    records, second, sam = _records()
    assert new_violations(records, second, [sam.id], time(10, 5)) == []
