"""What the visit page adds to the records survives the database, on SQLite and PostgreSQL: a
plan's medicines, a record's reasons and tasks not done, an early check-in alert's reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from tests.integration.storage_builders import a_person, a_plan, a_team, a_visit, a_worker

from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.domain.plans.medicines import DayPart, PlanMedicine
from careweave.domain.visits.recording import (
    Alert,
    CheckPoint,
    Lateness,
    Outcomes,
    TaskNotDone,
    VisitRecord,
)

Factory = Callable[[], SqlUnitOfWork]
DAY = date(2026, 3, 2)


def test_reasons_medicines_and_early_alerts_round_trip(uow_factory: Factory) -> None:
    team = a_team()
    person = a_person(team)
    worker = a_worker(team)
    visit = a_visit(person, DAY)
    medicines = (
        PlanMedicine("Metformin 500 mg", frozenset({DayPart.TEA, DayPart.MORNING}), "With food"),
    )
    plan = a_plan(person, medicines=medicines)
    came = datetime.combine(DAY, time(6, 40))
    record = VisitRecord(
        visit.id,
        worker.id,
        CheckPoint(came),
        CheckPoint(datetime.combine(DAY, time(6, 50))),
        Outcomes(not_done=(TaskNotDone("medication prompt", "Taken already"),)),
        check_in_reason="Transport at 7",
        check_out_reason="Called away",
    )
    alert = Alert(visit.id, team.id, Lateness.EARLY_CHECK_IN, came, reason="Transport at 7")
    with uow_factory() as uow:
        uow.teams.add(team)
        uow.people.add(person)
        uow.workers.add(worker)
        uow.visits.add(visit)
        uow.plans.add_version(plan)
        uow.visit_records.add(record)
        uow.alerts.add(alert)
        uow.commit()
    with uow_factory() as uow:
        assert uow.plans.get(plan.plan_id).medicines == medicines
        stored = uow.visit_records.get(record.id)
        assert (stored.check_in_reason, stored.check_out_reason) == (
            "Transport at 7",
            "Called away",
        )
        assert stored.outcomes.not_done == record.outcomes.not_done
        assert uow.alerts.get(alert.id).reason == "Transport at 7"
        assert uow.alerts.raised_for([visit.id]) == {(visit.id, Lateness.EARLY_CHECK_IN)}
