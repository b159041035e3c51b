"""The SQL unit of work: commit makes writes permanent, anything else leaves nothing behind."""

from __future__ import annotations

import pytest
from tests.integration.storage_builders import a_person, a_team

from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.domain.errors import ConflictError, NotFoundError


def test_committed_writes_are_seen_by_the_next_unit_of_work(uow_factory):
    team = a_team()
    with uow_factory() as uow:
        uow.teams.add(team)
        uow.people.add(a_person(team))
        uow.commit()

    with uow_factory() as uow:
        assert uow.teams.get(team.id) == team
        assert uow.people.count(team_id=team.id) == 1


def test_an_exception_inside_the_block_leaves_nothing_written(uow_factory):
    team = a_team()

    def write_then_fail():
        with uow_factory() as uow:
            uow.teams.add(team)
            uow.people.add(a_person(team))
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        write_then_fail()

    with uow_factory() as uow:
        assert uow.teams.count() == 0
        assert uow.people.count() == 0


def test_leaving_without_commit_rolls_back(uow_factory):
    with uow_factory() as uow:
        uow.teams.add(a_team())

    with uow_factory() as uow:
        assert uow.teams.count() == 0


def test_explicit_rollback_discards_only_what_came_after_the_commit(uow_factory):
    kept, dropped = a_team("Kept"), a_team("Dropped")
    with uow_factory() as uow:
        uow.teams.add(kept)
        uow.commit()
        uow.teams.add(dropped)
        uow.rollback()
        uow.commit()

    with uow_factory() as uow:
        assert [team.name for team in uow.teams.list()] == ["Kept"]


def test_a_failed_bulk_insert_writes_none_of_the_batch(uow_factory):
    team = a_team()
    people = [a_person(team, given=f"P{n}") for n in range(3)]
    with uow_factory() as uow:
        uow.teams.add(team)
        uow.commit()

    duplicate = a_person(team, id=people[0].id)
    with uow_factory() as uow:
        with pytest.raises(ConflictError):
            uow.people.add_all([*people, duplicate])
        uow.commit()  # even committing afterwards must not keep the rows before the duplicate

    with uow_factory() as uow:
        assert uow.people.count() == 0
        with pytest.raises(NotFoundError):
            uow.people.get(people[0].id)


def test_the_unit_of_work_is_not_usable_outside_or_twice(uow_factory):
    uow: SqlUnitOfWork = uow_factory()
    with pytest.raises(RuntimeError, match="outside"):
        uow.commit()
    with uow, pytest.raises(RuntimeError, match="already open"):
        uow.__enter__()


def test_a_refused_write_leaves_the_unit_of_work_usable(uow_factory):
    easton, other = a_team("Easton"), a_team("Redfield")
    with uow_factory() as uow:
        uow.teams.add(easton)
        with pytest.raises(ConflictError):
            uow.teams.add_all([a_team("Easton", id=easton.id)])
        uow.teams.add(other)
        uow.commit()

    with uow_factory() as uow:
        assert [team.name for team in uow.teams.list()] == ["Easton", "Redfield"]
