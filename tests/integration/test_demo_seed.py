"""Loading the demo neighbourhood: all of it in one transaction, only into an empty database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.demo.data import Neighbourhood, generate_neighbourhood
from careweave.demo.seed import seed_demo
from careweave.domain.errors import ConflictError
from careweave.domain.visits.visit import VisitStatus

Factory = Callable[[], SqlUnitOfWork]


@pytest.fixture(scope="module")
def small() -> Neighbourhood:
    return generate_neighbourhood(
        people=30, workers=8, teams=2, seed=5, week_start=date(2026, 11, 16)
    )


def _people(uow_factory: Factory) -> int:
    with uow_factory() as uow:
        return uow.people.count()


def test_everything_is_written_and_reads_back_the_same(
    uow_factory: Factory, small: Neighbourhood
) -> None:
    result = seed_demo(uow_factory, small)
    assert result.seeded
    assert result.counts["people"] == 30
    with uow_factory() as uow:
        assert uow.teams.count() == 2
        assert uow.workers.count() == 8
        assert uow.visits.count() == len(small.visits)
        assigned = uow.visits.count(status=VisitStatus.ASSIGNED)
        assert assigned == sum(v.status is VisitStatus.ASSIGNED for v in small.visits)
        person = small.people[0]
        assert uow.people.get(person.id) == person
        circle = [m for m in small.circle_members if m.person_id == person.id]
        assert sorted(m.id for m in uow.circles.list_for_person(person.id)) == sorted(
            m.id for m in circle
        )
        visit = max(small.visits, key=lambda v: len(v.assigned_worker_ids))
        assert visit.assigned_worker_ids
        stored = uow.visits.get(visit.id)
        assert set(stored.assigned_worker_ids) == set(visit.assigned_worker_ids)
        assert stored.planned_start == visit.planned_start


def test_a_database_with_people_is_refused_unless_asked_to_skip(
    uow_factory: Factory, small: Neighbourhood
) -> None:
    seed_demo(uow_factory, small)
    other = generate_neighbourhood(people=5, workers=2, seed=9, week_start=date(2026, 11, 16))
    with pytest.raises(ConflictError, match="already holds 30 people"):
        seed_demo(uow_factory, other)
    skipped = seed_demo(uow_factory, other, if_empty=True)
    assert not skipped.seeded
    assert skipped.people_already_there == 30
    assert _people(uow_factory) == 30


def test_a_failure_part_way_writes_nothing(uow_factory: Factory, small: Neighbourhood) -> None:
    def breaks(uow: SqlUnitOfWork) -> None:
        raise ConflictError("the extra step failed")

    with pytest.raises(ConflictError, match="extra step"):
        seed_demo(uow_factory, small, also=breaks)
    assert _people(uow_factory) == 0
    with uow_factory() as uow:
        assert uow.teams.count() == 0
        assert uow.visits.count() == 0


def test_the_extra_step_runs_in_the_same_transaction(
    uow_factory: Factory, small: Neighbourhood
) -> None:
    seen: list[int] = []
    seed_demo(uow_factory, small, also=lambda uow: seen.append(uow.people.count()))
    assert seen == [30]
