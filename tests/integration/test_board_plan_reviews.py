"""The team board flags people whose care and support plan review is due within seven days or
overdue, on SQLite and PostgreSQL, beside the late and missed visits of the week."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest
from tests.integration.storage_builders import a_person, a_team, a_visit, a_worker

from careweave.bootstrap import Services
from careweave.domain.accounts.users import Role, User
from careweave.domain.people.person import Person
from careweave.domain.plans.care_plan import CarePlan, FundingSource
from careweave.services.accounts.access import Actor
from careweave.services.unit_of_work import AppUnitOfWork
from careweave.services.visits.team_day import plan_review_reason

DAY = date(2026, 11, 17)  # a Tuesday
NOW = datetime.combine(DAY, time(12, 0))
LATER = DAY + timedelta(days=180)
Factory = Callable[[], AppUnitOfWork]


def _plan(person: Person, review_on: date, made: date) -> CarePlan:
    return CarePlan(
        person_id=person.id,
        review_on=review_on,
        review_by="Pat Practitioner",
        funding_source=FundingSource.LOCAL_AUTHORITY,
        created_by="Pat Practitioner",
        created_at=datetime.combine(made, time(9), tzinfo=UTC),
    )


@pytest.fixture
def uow(services: Services) -> Factory:
    return services.uow_factory


def _coordinator(uow: Factory, team_id: str) -> Actor:
    user = User(
        username="cora",
        display_name="Cora",
        role=Role.COORDINATOR,
        password_hash="not-used",
        team_ids=frozenset({team_id}),
        created_at=datetime.now(UTC),
    )
    with uow() as unit:
        unit.users.add(user)
        unit.commit()
    return Actor.of(user)


def test_plan_reviews_due_within_a_week_or_overdue_are_flagged(
    services: Services, uow: Factory
) -> None:
    team, other = a_team("Easton"), a_team("Redland")
    overdue = a_person(team, "Olive", "Overton")
    due_in_a_week = a_person(team, "Wilf", "Weekes")
    later = a_person(team, "Lena", "Later")
    revised = a_person(team, "Rita", "Revised")
    elsewhere = a_person(other, "Ezra", "Elsewhere")
    old = _plan(revised, DAY - timedelta(days=3), DAY - timedelta(days=200))
    with uow() as unit:
        unit.teams.add_all([team, other])
        unit.people.add_all([overdue, due_in_a_week, later, revised, elsewhere])
        for plan in (
            _plan(overdue, DAY - timedelta(days=2), DAY - timedelta(days=100)),
            _plan(due_in_a_week, DAY + timedelta(days=7), DAY - timedelta(days=100)),
            _plan(later, DAY + timedelta(days=8), DAY - timedelta(days=100)),
            old,
            # the plan was reviewed: its newest version is reviewed again in six months
            old.revise(changed_by="Pat", changed_at=NOW.replace(tzinfo=UTC), review_on=LATER),
            _plan(elsewhere, DAY - timedelta(days=1), DAY - timedelta(days=100)),
        ):
            unit.plans.add_version(plan)
        unit.commit()
    board = services.team_days.team_day(_coordinator(uow, team.id), team.id, DAY, NOW)
    assert [(flag.person.id, flag.reasons) for flag in board.reviews] == [
        (overdue.id, ("plan review overdue (was due Sun 15 Nov)",)),
        (due_in_a_week.id, ("plan review due Tue 24 Nov",)),
    ]


def test_a_plan_review_and_a_late_visit_are_both_given_as_reasons_and_the_alert_counted(
    services: Services, uow: Factory
) -> None:
    team = a_team("Easton")
    person = a_person(team, "Ada", "Lovelace")
    worker = a_worker(team)
    visit = a_visit(person, DAY, start=time(9, 0))
    visit.assign((worker.id,), time(9, 0))
    with uow() as unit:
        unit.teams.add(team)
        unit.people.add(person)
        unit.workers.add(worker)
        unit.visits.add(visit)
        unit.plans.add_version(_plan(person, DAY, DAY - timedelta(days=90)))
        unit.commit()
    services.alerts.scan(datetime.combine(DAY, time(10, 45)), [team.id])
    board = services.team_days.team_day(_coordinator(uow, team.id), team.id, DAY, NOW)
    assert [flag.reasons for flag in board.reviews] == [
        ("plan review due Tue 17 Nov", "late visit on Tue 17 Nov")
    ]
    assert board.open_alert_count == 1


def test_review_reason_says_due_or_overdue() -> None:
    assert plan_review_reason(DAY, DAY) == "plan review due Tue 17 Nov"
    assert plan_review_reason(DAY + timedelta(days=1), DAY) == "plan review due Wed 18 Nov"
    assert plan_review_reason(DAY - timedelta(days=1), DAY) == (
        "plan review overdue (was due Mon 16 Nov)"
    )
