"""The neighbourhood the use-case tests start from: two teams, a person, a worker and a visit in
each, written through the in-memory fakes (the fixtures are in ``conftest.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from tests.integration.storage_builders import a_person, a_team, a_visit, a_worker

from careweave.domain.people.person import Person
from careweave.domain.visits.visit import Visit
from careweave.domain.workforce.workers import Team, Worker
from careweave.services.unit_of_work import AppUnitOfWork

UowFactory = Callable[[], AppUnitOfWork]
DAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Neighbourhood:
    """The records every test starts with, as first stored."""

    team_a: Team
    team_b: Team
    person_a: Person
    person_b: Person
    worker_a: Worker
    worker_b: Worker
    visit_a: Visit
    visit_b: Visit


def build_neighbourhood(uow: UowFactory) -> Neighbourhood:
    """Store teams A and B, each with a person, a worker and a visit on :data:`DAY`.

    Team A's visit is assigned to its worker at 09:00; team B's is not assigned yet.
    """
    team_a, team_b = a_team("Alder team"), a_team("Birch team")
    person_a = a_person(team_a, given="Agatha", family="Quixleyworth")
    person_b = a_person(team_b, given="Bernard", family="Brambleton", nhs_number="")
    worker_a = a_worker(team_a, given="Bob", family="Pennywhistle")
    worker_b = a_worker(team_b, given="Charlie", family="Thistlewood")
    visit_a = a_visit(person_a, DAY, start=time(9))
    visit_a.assign((worker_a.id,), time(9))
    visit_b = a_visit(person_b, DAY, start=time(10))
    with uow() as u:
        u.teams.add_all([team_a, team_b])
        u.workers.add_all([worker_a, worker_b])
        u.people.add_all([person_a, person_b])
        u.visits.add_all([visit_a, visit_b])
        u.commit()
    return Neighbourhood(team_a, team_b, person_a, person_b, worker_a, worker_b, visit_a, visit_b)
