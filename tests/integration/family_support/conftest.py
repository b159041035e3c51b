"""Fixtures of the family-support integration tests: units of work with its repositories, a
scheme team, a person's team and a person."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine
from tests.family_support_builders import SCHEME
from tests.integration.storage_builders import a_person, a_team

from careweave.adapters.storage.database import make_session_factory
from careweave.adapters.storage.family_support.uow import FamilySupportSqlUnitOfWork
from careweave.domain.people.person import Person
from careweave.domain.workforce.workers import Team

Factory = Callable[[], FamilySupportSqlUnitOfWork]


@pytest.fixture
def fs_uow(engine: Engine) -> Factory:
    """Units of work with the family-support repositories on the migrated test database."""
    sessions = make_session_factory(engine)
    return lambda: FamilySupportSqlUnitOfWork(sessions)


@pytest.fixture
def scheme(fs_uow: Factory) -> Team:
    """The Shared Lives scheme's team (its id is the builders' ``SCHEME``)."""
    team = a_team("Shared Lives", id=SCHEME)
    with fs_uow() as uow:
        uow.teams.add(team)
        uow.commit()
    return team


@pytest.fixture
def person(fs_uow: Factory, scheme: Team) -> Person:
    """A person of a neighbourhood team, whose id the builders' first referral uses."""
    home = a_team("Easton")
    someone = a_person(home, id="p-r1")
    with fs_uow() as uow:
        uow.teams.add(home)
        uow.people.add(someone)
        uow.commit()
    return someone
