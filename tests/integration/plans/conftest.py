"""Fixtures of the plans integration tests: units of work on the test database, actors, and a
second empty database for the FHIR import test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, make_url, text

from careweave.adapters.storage.database import make_engine, make_session_factory
from careweave.adapters.storage.migrate import upgrade
from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.domain.accounts.users import Role
from careweave.services.accounts.access import Actor

ADMIN = Actor(user_id="u-admin", username="admin", display_name="Admin", role=Role.ADMIN)


@pytest.fixture
def plans_uow(engine: Engine) -> Callable[[], SqlUnitOfWork]:
    """Units of work on the migrated test database."""
    sessions = make_session_factory(engine)
    return lambda: SqlUnitOfWork(sessions)


@pytest.fixture
def second_plans_uow(
    database_backend: str, database_url: str, tmp_path: Path
) -> Iterator[Callable[[], SqlUnitOfWork]]:
    """Units of work on a SECOND, empty database of the same kind, migrated to the heads."""
    if database_backend == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'second.sqlite3'}")
        upgrade(engine)
        yield _factory(engine)
        engine.dispose()
        return
    # Created beside the test's own database on the same server, and dropped afterwards.
    admin = make_engine(database_url, isolation_level="AUTOCOMMIT")
    name = f"{make_url(database_url).database}_second"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(
        make_url(database_url).set(database=name).render_as_string(hide_password=False)
    )
    try:
        upgrade(engine)
        yield _factory(engine)
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _factory(engine: Engine) -> Callable[[], SqlUnitOfWork]:
    sessions = make_session_factory(engine)
    return lambda: SqlUnitOfWork(sessions)
