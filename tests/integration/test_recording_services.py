"""Visit recording, alerts and the team board against real SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import Engine, func, select
from tests.integration.storage_builders import a_person, a_team, a_worker

from careweave.adapters.storage.visits.tables import visit_alerts, visit_records
from careweave.bootstrap import Services
from careweave.domain.accounts.users import Role, User
from careweave.domain.errors import (
    ConflictError,
    DomainValidationError,
    NotFoundError,
    PermissionDeniedError,
)
from careweave.domain.plans.care_plan import AgreedBy, Agreement, CarePlan, FundingSource, Goal
from careweave.domain.plans.gas import DEFAULT_LEVEL_MEANINGS, GasScale, GoalLifecycleStatus
from careweave.domain.values import Location
from careweave.domain.visits.recording import (
    CheckPoint,
    Lateness,
    MedicationOutcome,
    MedicationResult,
    Outcomes,
    ProgressNote,
    TaskDone,
    TaskMode,
    VisitRecord,
)
from careweave.domain.visits.visit import Visit, VisitStatus
from careweave.services.accounts.access import Actor
from careweave.services.unit_of_work import AppUnitOfWork
from careweave.services.visits.recording import Submission

DAY = date(2026, 3, 2)
UowFactory = Callable[[], AppUnitOfWork]
GOAL = "goal-1"


@dataclass
class World:
    services: Services
    uow: UowFactory
    engine: Engine
    visit: Visit
    worker: Actor
    other_team_worker: Actor
    coordinator: Actor
    team_id: str
    home: Location
    person_id: str


def _user(name: str, role: Role, team_id: str, worker_id: str | None = None) -> User:
    return User(
        username=name,
        display_name=name.title(),
        role=role,
        password_hash="not-used",
        team_ids=frozenset({team_id}),
        worker_id=worker_id,
        created_at=datetime.now(UTC),
    )


@pytest.fixture
def world(services: Services, engine: Engine) -> World:
    factory = services.uow_factory
    team, other = a_team("Easton"), a_team("Redland")
    person = a_person(team)
    worker, stranger = a_worker(team), a_worker(other, "Lee", "Hart")
    visit = Visit(
        person_id=person.id,
        day=DAY,
        window_start=time(9, 0),
        window_end=time(9, 30),
        duration_min=30,
        tasks=("Breakfast", "Medication"),
    )
    visit.assign((worker.id,), time(9, 0))
    users = [
        _user("sam", Role.CARE_WORKER, team.id, worker.id),
        _user("lee", Role.CARE_WORKER, other.id, stranger.id),
        _user("cora", Role.COORDINATOR, team.id),
    ]
    with factory() as uow:
        uow.teams.add_all([team, other])
        uow.people.add(person)
        uow.workers.add_all([worker, stranger])
        uow.visits.add(visit)
        uow.plans.add_version(_agreed_plan(person.id))
        for user in users:
            uow.users.add(user)
        uow.commit()
    worker_actor, stranger_actor, coordinator = (Actor.of(user) for user in users)
    return World(
        services=services,
        uow=factory,
        engine=engine,
        visit=visit,
        worker=worker_actor,
        other_team_worker=stranger_actor,
        coordinator=coordinator,
        team_id=team.id,
        home=person.location,
        person_id=person.id,
    )


def _agreed_plan(person_id: str) -> CarePlan:
    """An agreed plan with an open goal (``GOAL``) and a goal already met."""
    scale = GasScale(DEFAULT_LEVEL_MEANINGS)
    return CarePlan(
        person_id=person_id,
        review_on=date(2026, 6, 1),
        review_by="Pat",
        funding_source=FundingSource.LOCAL_AUTHORITY,
        created_by="Pat",
        created_at=datetime(2026, 2, 1, 10, tzinfo=UTC),
        goals=(
            Goal("I want to make my own breakfast", 8, scale, id=GOAL),
            Goal(
                "Get to the shop",
                5,
                scale,
                id="goal-met",
                lifecycle_status=GoalLifecycleStatus.COMPLETED,
            ),
        ),
        agreement=Agreement(
            AgreedBy.PERSON, date(2026, 2, 1), has_capacity=True, consent_given=True
        ),
    )


def _submission(world: World, key: str, hour: int, minute: int, version: int = 1) -> Submission:
    return Submission(
        visit_id=world.visit.id,
        expected_version=version,
        idempotency_key=key,
        at=datetime.combine(DAY, time(hour, minute)),
        location=world.home,
    )


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_check_in_resubmitted_is_recorded_once(world: World) -> None:
    first = world.services.recording.check_in(world.worker, _submission(world, "key-0001", 9, 5))
    again = world.services.recording.check_in(world.worker, _submission(world, "key-0001", 9, 5))
    assert not first.repeated
    assert again.repeated
    assert again.record.id == first.record.id
    assert first.record.check_in.distance_km == 0
    assert _count(world.engine, visit_records) == 1
    with world.uow() as uow:
        assert uow.visits.get(world.visit.id).status is VisitStatus.IN_PROGRESS


def test_outcomes_and_check_out_finish_the_visit(world: World) -> None:
    world.services.recording.check_in(world.worker, _submission(world, "key-0001", 9, 5))
    outcomes = Outcomes(
        tasks=(TaskDone("Breakfast", TaskMode.WITH),),
        notes="Made porridge together.",
        medications=(MedicationOutcome("Metformin 500 mg", MedicationResult.REFUSED, "nausea"),),
        progress=ProgressNote(GOAL, "Buttered her own toast"),
    )
    submission = _submission(world, "key-0002", 9, 40, version=2)
    done = world.services.recording.record_outcomes(
        world.worker, submission, outcomes, check_out=True
    )
    repeat = world.services.recording.record_outcomes(
        world.worker, submission, outcomes, check_out=True
    )
    assert repeat.repeated
    assert done.record.minutes_on_visit == 35
    with world.uow() as uow:
        stored = uow.visit_records.get(done.record.id)
        assert stored.outcomes == outcomes
        assert uow.visits.get(world.visit.id).status is VisitStatus.DONE


def test_same_key_with_other_content_is_a_conflict(world: World) -> None:
    world.services.recording.check_in(world.worker, _submission(world, "key-0001", 9, 5))
    with pytest.raises(ConflictError):
        world.services.recording.record_outcomes(
            world.worker,
            _submission(world, "key-0001", 9, 6, 2),
            Outcomes(),
            check_out=False,
        )


def test_a_changed_visit_is_a_conflict(world: World) -> None:
    with world.uow() as uow:
        visit = uow.visits.get(world.visit.id)
        visit.assign(visit.assigned_worker_ids, time(9, 15))
        uow.visits.update(visit)
        uow.commit()
    with pytest.raises(ConflictError):
        world.services.recording.check_in(world.worker, _submission(world, "key-0001", 9, 5))
    assert _count(world.engine, visit_records) == 0


def test_worker_of_another_team_learns_nothing(world: World) -> None:
    with pytest.raises(NotFoundError):
        world.services.recording.check_in(
            world.other_team_worker, _submission(world, "key-0001", 9, 5)
        )
    with pytest.raises(NotFoundError):
        world.services.team_days.team_day(
            world.other_team_worker, world.team_id, DAY, datetime(2026, 3, 2, 9)
        )


def test_coordinator_is_not_a_worker_on_the_visit(world: World) -> None:
    with pytest.raises(PermissionDeniedError):
        world.services.recording.check_in(world.coordinator, _submission(world, "key-0001", 9, 5))


def test_outcomes_before_check_in_are_refused(world: World) -> None:
    with pytest.raises(DomainValidationError, match="check in"):
        world.services.recording.record_outcomes(
            world.worker,
            _submission(world, "key-0003", 9, 5),
            Outcomes(),
            check_out=True,
        )


def test_scan_raises_each_alert_once_and_coordinator_acknowledges(world: World) -> None:
    at_late = datetime.combine(DAY, time(9, 45))
    assert [a.kind for a in world.services.alerts.scan(at_late, [world.team_id])] == [Lateness.LATE]
    assert world.services.alerts.scan(at_late, [world.team_id]) == []
    at_missed = datetime.combine(DAY, time(11, 30))
    missed = world.services.alerts.scan(at_missed, [world.team_id])
    assert [a.kind for a in missed] == [Lateness.MISSED]
    assert _count(world.engine, visit_alerts) == 2
    open_now = world.services.alerts.open_alerts(world.coordinator)
    assert len(open_now) == 2
    with pytest.raises(PermissionDeniedError):
        world.services.alerts.acknowledge(world.worker, missed[0].id, "", at_missed)
    with pytest.raises(NotFoundError):
        world.services.alerts.acknowledge(world.other_team_worker, missed[0].id, "", at_missed)
    world.services.alerts.acknowledge(world.coordinator, missed[0].id, "Phoned Sam", at_missed)
    assert len(world.services.alerts.open_alerts(world.coordinator)) == 1
    assert world.services.alerts.open_alerts(world.other_team_worker) == []


def test_board_shows_who_is_where_and_who_needs_a_review(world: World) -> None:
    board = world.services.team_days.team_day(
        world.coordinator, world.team_id, DAY, datetime(2026, 3, 2, 8)
    )
    assert [line.visit.id for line in board.lines] == [world.visit.id]
    assert board.workers_now[0].doing == "next: Addie Lovelace at 09:00"
    world.services.recording.check_in(world.worker, _submission(world, "key-0001", 9, 50))
    board = world.services.team_days.team_day(
        world.worker, world.team_id, DAY, datetime(2026, 3, 2, 9, 55)
    )
    assert board.workers_now[0].doing == "with Addie Lovelace since 09:50"
    assert board.reviews == ()
    outcomes = Outcomes(medications=(MedicationOutcome("Insulin", "not_given", "no stock"),))  # type: ignore[arg-type]
    world.services.recording.record_outcomes(
        world.worker,
        _submission(world, "key-0002", 10, 20, 2),
        outcomes,
        check_out=True,
    )
    board = world.services.team_days.team_day(
        world.coordinator, world.team_id, DAY, datetime(2026, 3, 2, 11)
    )
    assert [r.reasons for r in board.reviews] == [("Insulin: not given (no stock)",)]


def test_reassign_checks_rules_and_versions(world: World) -> None:
    with world.uow() as uow:
        sam = uow.workers.get(world.worker.worker_id or "")
        stranger_id = world.other_team_worker.worker_id or ""
    verdict = world.services.reassignments.check_reassignment(
        world.coordinator, world.visit.id, [sam.id], time(9, 20)
    )
    assert verdict.feasible
    late = world.services.reassignments.check_reassignment(
        world.coordinator, world.visit.id, [sam.id], time(11, 0)
    )
    assert not late.feasible
    assert "outside the visit's window" in late.violations[0]
    with pytest.raises(DomainValidationError, match="person's team"):
        world.services.reassignments.check_reassignment(
            world.coordinator, world.visit.id, [stranger_id], None
        )
    with pytest.raises(PermissionDeniedError):
        world.services.reassignments.reassign(
            world.worker, world.visit.id, [sam.id], time(9, 20), 1
        )
    moved = world.services.reassignments.reassign(
        world.coordinator, world.visit.id, [sam.id], time(9, 20), 1
    )
    assert moved.planned_start == time(9, 20)
    with pytest.raises(ConflictError):
        world.services.reassignments.reassign(
            world.coordinator, world.visit.id, [sam.id], time(9, 10), 1
        )


def test_week_has_routes_travel_and_continuity(world: World) -> None:
    week = world.services.team_weeks.team_week(
        world.worker, world.team_id, DAY, datetime(2026, 3, 2, 8)
    )
    (sam,) = week.workers
    day = week.worker_day(sam, DAY)
    assert len(day.route) == 3  # home, the visit, home
    travel, care, share = week.travel_share(sam)
    assert care == 30
    assert travel > 0
    assert share == pytest.approx(travel / (travel + care))
    (figure,) = week.continuity()
    assert figure.distinct_workers == 1
    assert figure.within_target
    with pytest.raises(DomainValidationError):
        world.services.team_weeks.team_week(
            world.worker, world.team_id, date(2026, 3, 3), datetime(2026, 3, 3)
        )


def test_two_copies_of_one_check_in_racing_are_recorded_once(world: World) -> None:
    submission = _submission(world, "key-race-1", 9, 5)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(
            pool.map(
                lambda _: world.services.recording.check_in(world.worker, submission), range(2)
            )
        )
    assert results[0].record.id == results[1].record.id
    assert _count(world.engine, visit_records) == 1


# --- progress notes against the person's current goals ------------------------------------------


def test_a_progress_note_must_be_about_a_current_goal(world: World) -> None:
    world.services.recording.check_in(world.worker, _submission(world, "key-0001", 9, 5))
    for goal_id in ("goal-met", "a-goal-of-nobody"):
        with pytest.raises(DomainValidationError) as caught:
            world.services.recording.record_outcomes(
                world.worker,
                _submission(world, f"key-{goal_id}", 9, 30, 2),
                Outcomes(notes="Fine", progress=ProgressNote(goal_id, "Walked further")),
                check_out=True,
            )
        assert caught.value.field == "progress_note.goal_id"
    with world.uow() as uow:
        (record,) = uow.visit_records.list_for_visits([world.visit.id])
        assert record.is_open  # nothing of the refused submissions was written
        assert record.outcomes == Outcomes()
    offered = world.services.progress_notes.goals_for_visit(world.worker, world.visit.id)
    assert [g.id for g in offered.goals] == [GOAL]
    with pytest.raises(NotFoundError):
        world.services.progress_notes.goals_for_visit(world.other_team_worker, world.visit.id)


def _noted_visit(world: World, day: date, text: str) -> None:
    visit = Visit(
        person_id=world.person_id,
        day=day,
        window_start=time(9),
        window_end=time(10),
        duration_min=30,
        status=VisitStatus.DONE,
    )
    record = VisitRecord(
        visit_id=visit.id,
        worker_id=world.worker.worker_id or "",
        check_in=CheckPoint(datetime.combine(day, time(9))),
        check_out=CheckPoint(datetime.combine(day, time(9, 30))),
        outcomes=Outcomes(progress=ProgressNote(GOAL, text)),
    )
    with world.uow() as uow:
        uow.visits.add(visit)
        uow.visit_records.add(record)
        uow.commit()


def test_the_plan_shows_the_newest_five_notes_under_their_goal(world: World) -> None:
    for n in range(1, 8):
        _noted_visit(world, date(2026, 2, n), f"Note {n}")
    with world.uow() as uow:
        (plan,) = uow.plans.list_for_person(world.person_id)
    notes = world.services.progress_notes.notes_by_goal(world.coordinator, plan.plan_id)
    assert list(notes) == [GOAL]
    assert [n.text for n in notes[GOAL]] == ["Note 7", "Note 6", "Note 5", "Note 4", "Note 3"]
    assert {n.worker_first_name for n in notes[GOAL]} == {"Sam"}  # never the family name
    with world.uow() as uow:
        (entry,) = uow.audit.list(record_kind="progress_note", record_id=plan.plan_id)
        assert entry.user_id == world.coordinator.user_id
    with pytest.raises(NotFoundError):
        world.services.progress_notes.notes_by_goal(world.other_team_worker, plan.plan_id)
