"""Fixtures of the family-support integration tests: units of work with its repositories, a
scheme team, a person's team and a person."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Engine
from tests.family_support_builders import SCHEME, TODAY
from tests.integration.storage_builders import a_person, a_team
from tests.integration.web.conftest import World, build_world

from careweave.adapters.storage.database import make_session_factory
from careweave.adapters.storage.family_support.uow import FamilySupportSqlUnitOfWork
from careweave.clock import FixedClock
from careweave.config import Settings
from careweave.domain.people.person import Person
from careweave.domain.workforce.workers import Team
from careweave.services.family_support.bundle import FamilySupportServices
from careweave.services.family_support.ports import FamilySupportUnitOfWork

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


@pytest.fixture
def fs_world(engine: Engine, tmp_path: Path) -> World:
    """The web tests' world (team A is the scheme: alice its coordinator, bob its worker), with
    the family-support services on a clock fixed at the builders' day."""
    settings = Settings(
        database_url=engine.url.render_as_string(hide_password=False),
        data_dir=tmp_path / "data",
    )
    world = build_world(engine, settings)
    services = world.app.state.services
    clock = FixedClock(datetime(TODAY.year, TODAY.month, TODAY.day, 9, tzinfo=UTC))
    factory = cast(Callable[[], FamilySupportUnitOfWork], services.uow_factory)
    world.app.state.services = dataclasses.replace(
        services, family_support=FamilySupportServices.build(factory, clock)
    )
    return world
