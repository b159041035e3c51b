"""Planning a team's week from the database with the roster optimiser, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timedelta

import pytest
from tests.integration.storage_builders import MONDAY, a_person, a_team, a_visit, a_worker

from careweave.bootstrap import Services
from careweave.domain.accounts.users import Role
from careweave.domain.errors import ConflictError, DomainValidationError, NotFoundError
from careweave.domain.visits.visit import Priority, VisitStatus
from careweave.domain.workforce.workers import Availability, Skill
from careweave.services.accounts.access import Actor
from careweave.services.rostering import rostering
from careweave.services.unit_of_work import AppUnitOfWork

UowFactory = Callable[[], AppUnitOfWork]
ADMIN = Actor(user_id="", username="test", display_name="Test", role=Role.ADMIN)
MORNING = (Availability(0, time(7, 0), time(14, 0)),)


@pytest.fixture
def units(services: Services) -> UowFactory:
    return services.uow_factory


@pytest.fixture
def week(units: UowFactory) -> dict[str, str]:
    """A team of two workers (only Bea can use a hoist) and five visits on Monday morning."""
    team = a_team("Pemberton")
    ann = a_worker(team, "Ann", "Ashworth", availability=MORNING)
    bea = a_worker(
        team,
        "Bea",
        "Barton",
        availability=MORNING,
        skills=frozenset({Skill.PERSONAL_CARE, Skill.MEDICATION, Skill.HOIST}),
    )
    alice, bert = a_person(team, "Alice", "Hart"), a_person(team, "Bert", "Hart", nhs_number="")
    visits = {
        "hoist": a_visit(alice, MONDAY, time(8, 0), required_skills=frozenset({Skill.HOIST})),
        "double": a_visit(bert, MONDAY, time(10, 0), workers_needed=2, duration_max=30),
        "insulin": a_visit(alice, MONDAY, time(12, 0), priority=Priority.CRITICAL),
        "lunch": a_visit(bert, MONDAY, time(12, 0), duration_max=30),
    }
    with units() as uow:
        uow.teams.add(team)
        uow.workers.add_all([ann, bea])
        uow.people.add_all([alice, bert])
        uow.visits.add_all(visits.values())
        uow.commit()
    return {"team": team.id, "ann": ann.id, "bea": bea.id} | {k: v.id for k, v in visits.items()}


def test_plan_assigns_every_visit_respecting_skills_and_double_handing(
    services: Services, units: UowFactory, week: dict[str, str]
) -> None:
    outcome = services.rostering.plan_team_week(ADMIN, "Pemberton", MONDAY, seconds=0.5)

    assert outcome.report.feasible, outcome.report.violations
    assert (outcome.visits, outcome.assigned, dict(outcome.unassigned)) == (4, 4, {})
    with units() as uow:
        stored = {key: uow.visits.get(week[key]) for key in ("hoist", "double", "insulin", "lunch")}
        entries = uow.audit.list(limit=None)
    assert all(v.status is VisitStatus.ASSIGNED for v in stored.values())
    assert stored["hoist"].assigned_worker_ids == (week["bea"],)
    assert set(stored["double"].assigned_worker_ids) == {week["ann"], week["bea"]}
    assert stored["insulin"].planned_start is not None
    assert time(12, 0) <= stored["insulin"].planned_start <= time(13, 0)
    planning = [e for e in entries if e.record_kind == "team_week"]
    assert len(planning) == 2  # the read of the week, then the stored roster
    assert {e.record_id for e in planning} == {week["team"]}


def test_plan_stores_the_length_chosen_for_each_outcome_based_visit(
    services: Services, units: UowFactory, week: dict[str, str]
) -> None:
    services.rostering.plan_team_week(ADMIN, "Pemberton", MONDAY, seconds=0.5)

    with units() as uow:
        stored = {key: uow.visits.get(week[key]) for key in ("hoist", "double", "insulin", "lunch")}
    # Bea waits from the 08:00 hoist visit until the 10:00 one, so the hoist visit may run to its
    # longest (45 min); the double-handed and lunch visits are fixed at 30.
    assert stored["hoist"].planned_minutes == 45
    assert (stored["double"].planned_minutes, stored["lunch"].planned_minutes) == (30, 30)
    for visit in stored.values():
        assert visit.planned_minutes is not None
        assert visit.duration_min <= visit.planned_minutes <= (visit.duration_max or 0)


def test_a_visit_nobody_can_make_is_reported_and_the_rest_is_planned(
    services: Services, units: UowFactory, week: dict[str, str]
) -> None:
    with units() as uow:
        alice = uow.visits.get(week["hoist"]).person_id
        tuesday_insulin = a_visit(
            uow.people.get(alice), MONDAY + timedelta(days=1), priority=Priority.CRITICAL
        )
        uow.visits.add(tuesday_insulin)
        uow.commit()

    outcome = services.rostering.plan_team_week(ADMIN, "Pemberton", MONDAY, seconds=0.5)

    assert (outcome.visits, outcome.assigned) == (5, 4)
    assert outcome.unassigned == {
        tuesday_insulin.id: "nobody working on Tuesday has the skills medication"
    }
    with units() as uow:
        assert uow.visits.get(tuesday_insulin.id).status is VisitStatus.PLANNED


def test_plan_refuses_to_overwrite_a_visit_changed_while_planning(
    services: Services, units: UowFactory, week: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_solve = rostering.solve

    def solve_while_someone_edits(*args: object, **kwargs: object) -> rostering.rs.Roster:
        with units() as uow:  # a coordinator moves the lunch visit meanwhile
            visit = uow.visits.get(week["lunch"])
            visit.assign((week["ann"],), time(12, 15))
            uow.visits.update(visit)
            uow.commit()
        return real_solve(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(rostering, "solve", solve_while_someone_edits)
    with pytest.raises(ConflictError):
        services.rostering.plan_team_week(ADMIN, week["team"], MONDAY, seconds=0.2)
    with units() as uow:
        assert uow.visits.get(week["hoist"]).status is VisitStatus.PLANNED
        assert uow.visits.get(week["lunch"]).planned_start == time(12, 15)


def test_plan_is_refused_for_a_coordinator_of_another_team(
    services: Services, units: UowFactory, week: dict[str, str]
) -> None:
    outsider = Actor(
        user_id="u2",
        username="carl",
        display_name="Carl",
        role=Role.COORDINATOR,
        team_ids=frozenset({"another-team"}),
    )
    with pytest.raises(NotFoundError):
        services.rostering.plan_team_week(outsider, week["team"], MONDAY, seconds=0.2)


def test_plan_rejects_a_week_not_starting_on_monday(
    services: Services, units: UowFactory, week: dict[str, str]
) -> None:
    with pytest.raises(DomainValidationError, match="Monday"):
        services.rostering.plan_team_week(ADMIN, week["team"], MONDAY.replace(day=3), seconds=0.2)
