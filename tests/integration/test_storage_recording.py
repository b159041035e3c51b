"""Visit records and late or missed visit alerts, stored and read back on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from tests.integration.storage_builders import MONDAY, a_person, a_team, a_visit, a_worker

from careweave.domain.errors import ConflictError, NotFoundError
from careweave.domain.visits.recording import (
    Alert,
    CheckPoint,
    GoalNote,
    Lateness,
    MedicationOutcome,
    MedicationResult,
    Outcomes,
    ProgressNote,
    TaskDone,
    TaskMode,
    VisitRecord,
)


@pytest.fixture
def world(uow_factory):
    """A person in each of two teams, two workers, and a visit to the first person a day."""
    home, away = a_team("Home"), a_team("Away")
    ada, bo = a_person(home), a_person(away, "Bo", "Diddley")
    sam, kim = a_worker(home), a_worker(home, "Kim", "Lee")
    visits = [a_visit(ada, date(2026, 3, day), required_skills=frozenset()) for day in (2, 3, 4)]
    other = a_visit(bo, MONDAY, required_skills=frozenset())
    with uow_factory() as uow:
        uow.teams.add_all([home, away])
        uow.people.add_all([ada, bo])
        uow.workers.add_all([sam, kim])
        uow.visits.add_all([*visits, other])
        uow.commit()
    return {"home": home, "ada": ada, "sam": sam, "kim": kim, "visits": visits, "other": other}


def _checked_in(
    visit_id: str, worker_id: str, day: date, hour: int, **outcomes: object
) -> VisitRecord:
    return VisitRecord(
        visit_id=visit_id,
        worker_id=worker_id,
        check_in=CheckPoint(datetime.combine(day, time(hour))),
        outcomes=Outcomes(**outcomes),  # type: ignore[arg-type]
    )


def test_a_record_reads_back_with_its_outcomes_in_order(uow_factory, world):
    visit, sam = world["visits"][0], world["sam"]
    record = _checked_in(
        visit.id,
        sam.id,
        visit.day,
        8,
        tasks=(TaskDone("Breakfast", TaskMode.WITH),),
        notes="Porridge together",
        medications=(
            MedicationOutcome("Metformin", MedicationResult.ADMINISTERED),
            MedicationOutcome("Insulin", MedicationResult.REFUSED, "nausea"),
        ),
        progress=ProgressNote("goal-1", "Buttered her own toast"),
    )
    with uow_factory() as uow:
        uow.visit_records.add(record)
        uow.commit()

    with uow_factory() as uow:
        assert uow.visit_records.get(record.id) == record
        assert uow.visit_records.find(visit.id, sam.id) == record
        assert uow.visit_records.find(visit.id, world["kim"].id) is None
        with pytest.raises(NotFoundError, match="visit record"):
            uow.visit_records.get("no-such-record")


def test_a_second_record_of_one_worker_on_a_visit_is_a_conflict(uow_factory, world):
    visit, sam = world["visits"][0], world["sam"]
    with uow_factory() as uow:
        uow.visit_records.add(_checked_in(visit.id, sam.id, visit.day, 8))
        uow.commit()

    with uow_factory() as uow, pytest.raises(ConflictError, match="already checked in"):
        uow.visit_records.add(_checked_in(visit.id, sam.id, visit.day, 9))


def test_an_update_replaces_the_outcomes_and_records_the_check_out(uow_factory, world):
    visit, sam = world["visits"][0], world["sam"]
    record = _checked_in(
        visit.id,
        sam.id,
        visit.day,
        8,
        medications=(MedicationOutcome("Insulin", MedicationResult.REFUSED, "asleep"),),
    )
    with uow_factory() as uow:
        uow.visit_records.add(record)
        uow.commit()

    record.record(
        Outcomes(medications=(MedicationOutcome("Insulin", MedicationResult.ADMINISTERED),))
    )
    record.finish(CheckPoint(datetime.combine(visit.day, time(8, 40))))
    with uow_factory() as uow:
        uow.visit_records.update(record)
        uow.commit()

    with uow_factory() as uow:
        stored = uow.visit_records.get(record.id)
    assert stored == record
    assert stored.minutes_on_visit == 40


def test_records_of_visits_come_by_check_in_time(uow_factory, world):
    first, second, third = world["visits"]
    late = _checked_in(first.id, world["sam"].id, first.day, 10)
    early = _checked_in(first.id, world["kim"].id, first.day, 8)
    elsewhere = _checked_in(third.id, world["sam"].id, third.day, 7)
    with uow_factory() as uow:
        uow.visit_records.add_all([late, early, elsewhere])
        uow.commit()

    with uow_factory() as uow:
        assert uow.visit_records.list_for_visits([first.id]) == [early, late]
        assert uow.visit_records.list_for_visits([first.id, third.id]) == [early, late, elsewhere]
        assert uow.visit_records.list_for_visits([second.id]) == []


def test_goal_notes_are_the_newest_few_per_goal_with_the_worker_first_name(uow_factory, world):
    sam, kim = world["sam"], world["kim"]
    records = [
        _checked_in(v.id, sam.id, v.day, 9, progress=ProgressNote("walk", f"Walk {v.day.day}"))
        for v in world["visits"]
    ]
    first = world["visits"][0]
    records.append(
        _checked_in(first.id, kim.id, first.day, 8, progress=ProgressNote("cook", "Soup"))
    )
    with uow_factory() as uow:
        uow.visit_records.add_all(records)
        uow.commit()

    with uow_factory() as uow:
        notes = uow.visit_records.goal_notes(world["ada"].id, ["walk", "cook"], 2)
        assert notes == [
            GoalNote("cook", first.day, "Kim", "Soup"),
            GoalNote("walk", date(2026, 3, 4), "Sam", "Walk 4"),
            GoalNote("walk", date(2026, 3, 3), "Sam", "Walk 3"),
        ]
        assert uow.visit_records.goal_notes(world["ada"].id, ["other"], 2) == []


def test_medication_results_are_the_team_outcomes_in_the_days_asked(uow_factory, world):
    sam = world["sam"]
    monday, tuesday, wednesday = world["visits"]
    refused = MedicationOutcome("Insulin", MedicationResult.REFUSED, "asleep")
    given = MedicationOutcome("Metformin", MedicationResult.ADMINISTERED)
    with uow_factory() as uow:
        uow.visit_records.add_all(
            [
                _checked_in(monday.id, sam.id, monday.day, 8, medications=(given, refused)),
                _checked_in(tuesday.id, sam.id, tuesday.day, 8, medications=(refused,)),
                _checked_in(wednesday.id, sam.id, wednesday.day, 8, medications=(refused,)),
            ]
        )
        uow.commit()

    ada = world["ada"].id
    with uow_factory() as uow:
        found = uow.visit_records.medication_results(
            world["home"].id, monday.day, tuesday.day, [MedicationResult.REFUSED]
        )
        assert found == [(ada, monday.day, refused), (ada, tuesday.day, refused)]


def test_removing_a_visit_removes_its_records_and_alerts(uow_factory, world):
    visit = world["visits"][0]
    record = _checked_in(visit.id, world["sam"].id, visit.day, 8)
    alert = Alert(visit.id, world["home"].id, Lateness.LATE, datetime(2026, 3, 2, 9, 30))
    with uow_factory() as uow:
        uow.visit_records.add(record)
        uow.alerts.add(alert)
        uow.visits.remove(visit.id)
        uow.commit()

    with uow_factory() as uow:
        assert uow.visit_records.list_for_visits([visit.id]) == []
        with pytest.raises(NotFoundError):
            uow.alerts.get(alert.id)


def test_one_alert_of_each_kind_per_visit(uow_factory, world):
    visit, team = world["visits"][0], world["home"].id
    with uow_factory() as uow:
        uow.alerts.add(Alert(visit.id, team, Lateness.LATE, datetime(2026, 3, 2, 9, 30)))
        uow.alerts.add(Alert(visit.id, team, Lateness.MISSED, datetime(2026, 3, 2, 11)))
        uow.commit()

    with uow_factory() as uow:
        with pytest.raises(ConflictError):
            uow.alerts.add(Alert(visit.id, team, Lateness.LATE, datetime(2026, 3, 2, 9, 45)))
        assert uow.alerts.raised_for([visit.id, world["other"].id]) == {
            (visit.id, Lateness.LATE),
            (visit.id, Lateness.MISSED),
        }


def test_alerts_come_newest_first_and_filter_by_team_person_and_state(uow_factory, world):
    (monday, tuesday, _), team = world["visits"], world["home"].id
    late = Alert(monday.id, team, Lateness.LATE, datetime(2026, 3, 2, 9, 30))
    missed = Alert(tuesday.id, team, Lateness.MISSED, datetime(2026, 3, 3, 11))
    late.acknowledge("u-coordinator", datetime(2026, 3, 2, 9, 40), "Phoned Sam")
    with uow_factory() as uow:
        uow.alerts.add(late)
        uow.alerts.add(missed)
        uow.commit()

    with uow_factory() as uow:
        assert uow.alerts.list(team_ids=[team]) == [missed, late]
        assert uow.alerts.list(team_ids=[team], limit=1, offset=1) == [late]
        assert uow.alerts.list(team_ids=[team], open_only=True) == [missed]
        assert uow.alerts.list(person_ids=[world["other"].person_id]) == []
        assert uow.alerts.list(raised_from=datetime(2026, 3, 3)) == [missed]
        assert uow.alerts.count(team_ids=[team]) == 2
        assert uow.alerts.count(team_ids=["another-team"]) == 0
        assert uow.alerts.raised_since(team, datetime(2026, 3, 2)) == [
            (world["ada"].id, monday.day, Lateness.LATE),
            (world["ada"].id, tuesday.day, Lateness.MISSED),
        ]
