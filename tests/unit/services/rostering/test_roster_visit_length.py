"""The planned length of an outcome-based visit: read from the optimiser, stored, checked."""

from __future__ import annotations

from datetime import date, time

from careweave import scheduling as rs
from careweave.domain.people.person import Person
from careweave.domain.values import Location
from careweave.domain.visits.visit import Visit
from careweave.domain.workforce.workers import Availability, Patch, Team, TravelMode, Worker
from careweave.services.rostering.reassign_check import TeamWeekRecords, new_violations
from careweave.services.rostering.roster_problem import (
    WeekProblem,
    assignments_from,
    build_week_problem,
    roster_from_visits,
)

MONDAY = date(2026, 3, 2)
HOME = Location(51.45, -2.59)
NEAR = Location(51.45 + 1 / 111.2, -2.59)  # 1 km north
DAY = (Availability(0, time(7), time(14)),)


def _records() -> tuple[TeamWeekRecords, Visit, Visit, tuple[Worker, Worker]]:
    team = Team(name="Easton", patch=Patch(HOME, radius_km=10))
    ann = Person(
        given_name="Ann",
        family_name="Lee",
        date_of_birth=date(1940, 1, 1),
        address="1 Road",
        postcode="BS5 0QX",
        location=NEAR,
        team_id=team.id,
    )
    sam, kim = (
        Worker(
            given_name=name,
            family_name="Okafor",
            team_id=team.id,
            home=HOME,
            travel_mode=TravelMode.DRIVE,
            availability=DAY,
        )
        for name in ("Sam", "Kim")
    )
    breakfast = Visit(
        person_id=ann.id,
        day=MONDAY,
        window_start=time(8),
        window_end=time(9),
        duration_min=30,
        duration_max=60,
        workers_needed=2,
    )
    lunch = Visit(
        person_id=ann.id,
        day=MONDAY,
        window_start=time(9),
        window_end=time(13),
        duration_min=20,
        duration_max=40,
    )
    return (
        TeamWeekRecords(team, (ann,), (sam, kim), (breakfast, lunch)),
        breakfast,
        lunch,
        (sam, kim),
    )


def _week(records: TeamWeekRecords) -> WeekProblem:
    return build_week_problem(
        records.team, records.people, records.workers, records.visits, {}, MONDAY
    )


def _tasks(week: WeekProblem, visit: Visit) -> list[str]:
    return sorted(task for task, (visit_id, _) in week.task_visit.items() if visit_id == visit.id)


def test_a_double_handed_visit_lasts_its_shorter_half_in_whole_minutes() -> None:
    records, breakfast, lunch, (sam, kim) = _records()
    week = _week(records)
    first, second = _tasks(week, breakfast)
    (only,) = _tasks(week, lunch)
    roster = rs.Roster(
        routes=(
            rs.Route(sam.id, 0, (rs.Stop(first, 480.0, 52.7), rs.Stop(only, 600.0, 39.9999999))),
            rs.Route(kim.id, 0, (rs.Stop(second, 480.0, 44.5),)),
        )
    )
    found = assignments_from(week, roster)
    assert (found[breakfast.id].worker_ids, found[breakfast.id].minutes) == ((sam.id, kim.id), 44)
    assert (found[lunch.id].start, found[lunch.id].minutes) == (time(10), 40)


def test_a_stop_without_a_length_is_planned_at_the_visits_shortest() -> None:
    records, _, lunch, (sam, _) = _records()
    week = _week(records)
    (only,) = _tasks(week, lunch)
    roster = rs.Roster(routes=(rs.Route(sam.id, 0, (rs.Stop(only, 600.0),)),))
    assert assignments_from(week, roster)[lunch.id].minutes == 20


def test_the_stored_roster_keeps_each_visits_planned_length() -> None:
    records, breakfast, lunch, (sam, kim) = _records()
    breakfast.assign((sam.id, kim.id), time(8, 10), 60)
    lunch.assign((sam.id,), time(9, 30))
    week = _week(records)
    roster = roster_from_visits(week, records.workers)
    lengths = {stop.task_id: stop.duration for route in roster.routes for stop in route.stops}
    assert sorted(lengths.values()) == [20.0, 60.0, 60.0]
    assert rs.check(week.problem, roster).feasible
    # Breakfast is planned to run until 09:10 (at its shortest it would end at 08:40).
    assert new_violations(records, lunch, [kim.id], time(9, 10)) == []
    (clash,) = new_violations(records, lunch, [kim.id], time(9))
    assert "cannot be there before 09:10 (previous visit ends at 09:10" in clash
