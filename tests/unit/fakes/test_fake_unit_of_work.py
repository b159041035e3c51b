"""What only the fake needs saying: it hands out copies and refuses use after its block."""

from __future__ import annotations

import pytest
from tests.fakes import FakeDatabase, FakeUnitOfWork
from tests.integration.storage_builders import a_person, a_team


def test_an_object_read_and_changed_is_stored_only_when_saved() -> None:
    database = FakeDatabase()
    team = a_team()
    with FakeUnitOfWork(database) as uow:
        uow.teams.add(team)
        uow.commit()
        team.name = "Renamed after adding"
        uow.teams.get(team.id).name = "Renamed after reading"
        uow.commit()

    with FakeUnitOfWork(database) as uow:
        assert uow.teams.get(team.id).name == "Easton"


def test_a_repository_kept_past_its_block_refuses_to_work() -> None:
    with FakeUnitOfWork(FakeDatabase()) as uow:
        people = uow.people
    with pytest.raises(RuntimeError, match="outside"):
        people.add(a_person())


def test_the_same_unit_of_work_opens_again_after_its_block() -> None:
    database, team = FakeDatabase(), a_team()
    uow = FakeUnitOfWork(database)
    with uow:
        uow.teams.add(team)
    with uow:
        assert uow.teams.count() == 0
        uow.teams.add(team)
        uow.commit()
    with FakeUnitOfWork(database) as other:
        assert other.teams.get(team.id) == team
