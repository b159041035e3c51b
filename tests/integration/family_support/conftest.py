"""Fixtures of the family-support integration tests: a scheme team, a person's team and a person,
and the web tests' world on the test's clock."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine
from tests.family_support_builders import SCHEME
from tests.integration.storage_builders import a_person, a_team
from tests.integration.web.conftest import World, build_world

from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.clock import FixedClock
from careweave.config import Settings
from careweave.domain.people.person import Person
from careweave.domain.workforce.workers import Team

Factory = Callable[[], SqlUnitOfWork]


@pytest.fixture
def scheme(uow_factory: Factory) -> Team:
    """The Shared Lives scheme's team (its id is the builders' ``SCHEME``)."""
    team = a_team("Shared Lives", id=SCHEME)
    with uow_factory() as uow:
        uow.teams.add(team)
        uow.commit()
    return team


@pytest.fixture
def person(uow_factory: Factory, scheme: Team) -> Person:
    """A person of a neighbourhood team, whose id the builders' first referral uses."""
    home = a_team("Easton")
    someone = a_person(home, id="p-r1")
    with uow_factory() as uow:
        uow.teams.add(home)
        uow.people.add(someone)
        uow.commit()
    return someone


@pytest.fixture
def fs_world(engine: Engine, settings: Settings, clock: FixedClock) -> World:
    """The web tests' world (team A is the scheme: alice its coordinator, bob its worker), its
    services on the test's clock, which reads the builders' day (``TODAY``)."""
    return build_world(engine, settings, clock=clock)
