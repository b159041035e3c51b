"""A worker on a split shift in the stored roster: one route per half, as the optimiser plans it."""

from __future__ import annotations

from datetime import date, time

from careweave import scheduling as rs
from careweave.domain.people.person import Person
from careweave.domain.values import Location
from careweave.domain.visits.visit import Visit
from careweave.domain.workforce.workers import Availability, Patch, Team, TravelMode, Worker
from careweave.services.rostering.reassign_check import TeamWeekRecords, new_violations
from careweave.services.rostering.roster_problem import build_week_problem, roster_from_visits

MONDAY = date(2026, 3, 2)
HOME = Location(51.45, -2.59)
NEAR = Location(51.45 + 1 / 111.2, -2.59)  # 1 km north


def _records() -> tuple[TeamWeekRecords, Visit, Worker]:
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
    split = (Availability(0, time(7), time(11)), Availability(0, time(17), time(22)))
    sam = Worker(
        given_name="Sam",
        family_name="Okafor",
        team_id=team.id,
        home=HOME,
        travel_mode=TravelMode.DRIVE,
        availability=split,
    )
    breakfast = Visit(
        person_id=ann.id,
        day=MONDAY,
        window_start=time(8),
        window_end=time(8, 30),
        duration_min=30,
    )
    breakfast.assign((sam.id,), time(8))
    tea = Visit(
        person_id=ann.id,
        day=MONDAY,
        window_start=time(13),
        window_end=time(19),
        duration_min=30,
    )
    return TeamWeekRecords(team, (ann,), (sam,), (breakfast, tea)), tea, sam


def test_the_stored_roster_has_one_route_per_half_of_a_split_shift() -> None:
    records, tea, sam = _records()
    tea.assign((sam.id,), time(18))
    week = build_week_problem(
        records.team, records.people, records.workers, records.visits, {}, MONDAY
    )
    assert week.problem.worker(sam.id).shifts_on(0) == (
        rs.Shift(0, 420, 660),
        rs.Shift(0, 1020, 1320),
    )
    roster = roster_from_visits(week, records.workers)
    assert sorted((r.shift, r.task_ids) for r in roster.routes) == [
        (0, (records.visits[0].id,)),
        (1, (tea.id,)),
    ]
    assert rs.check(week.problem, roster).feasible


def test_a_change_into_the_evening_half_breaks_nothing_and_one_into_the_gap_is_named() -> None:
    records, tea, sam = _records()
    assert new_violations(records, tea, [sam.id], time(18)) == []
    (found,) = new_violations(records, tea, [sam.id], time(13))
    assert found == (
        "Ann Lee's 13:00 visit starts at 13:00 and ends at 13:30 on Monday, outside the shift "
        "of Sam Okafor's route, which starts at 07:00 and ends at 11:00"
    )
