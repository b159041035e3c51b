"""Database fixtures for integration tests, on SQLite and on PostgreSQL.

Every test that asks for ``database_url`` runs twice: on a fresh SQLite file and on a fresh
PostgreSQL database (marked ``postgres``, so ``pytest -m "not postgres"`` runs SQLite only).

- ``database_backend``: ``"sqlite"`` or ``"postgresql"``.
- ``database_url``: a fresh, EMPTY database of its own (nothing migrated yet).
- ``engine``: that same database migrated to the code's heads, as an Engine.
- ``uow_factory``: a callable making :class:`SqlUnitOfWork` on ``engine``.
- ``settings``: :class:`Settings` pointing at the migrated database, ``data_dir`` in ``tmp_path``.

Migrating for each test would be slow, so each xdist worker migrates one template once (a SQLite
file copied per test; a PostgreSQL database cloned per test with ``CREATE DATABASE ... TEMPLATE``).
PostgreSQL comes from ``CAREWEAVE_TEST_POSTGRES_URL`` (``scripts/with_postgres.py`` sets it). When
it is missing the PostgreSQL tests are skipped, or fail if ``CI`` or ``CAREWEAVE_REQUIRE_POSTGRES=1``
is set, so a CI run can never pass without PostgreSQL.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, make_url, text

from careweave.adapters.storage.database import make_engine, make_session_factory
from careweave.adapters.storage.migrate import upgrade
from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.config import Settings

POSTGRES_URL_ENV = "CAREWEAVE_TEST_POSTGRES_URL"
SQLITE_FILE = "careweave.sqlite3"
_database_numbers = itertools.count(1)


def _postgres_required() -> bool:
    return bool(os.environ.get("CI")) or os.environ.get("CAREWEAVE_REQUIRE_POSTGRES") == "1"


def _worker_tag(request: pytest.FixtureRequest) -> str:
    worker = getattr(request.config, "workerinput", {}).get("workerid", "main")
    # The pid keeps two test runs against one long-lived server apart.
    return f"{worker}_{os.getpid()}"


@pytest.fixture(scope="session")
def _postgres_admin(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An AUTOCOMMIT engine on the server's own database, to create and drop test databases."""
    url = os.environ.get(POSTGRES_URL_ENV, "")
    if not url:
        message = f"{POSTGRES_URL_ENV} is not set; run under scripts/with_postgres.py"
        if _postgres_required():
            pytest.fail(
                f"PostgreSQL is required here (CI or CAREWEAVE_REQUIRE_POSTGRES): {message}"
            )
        pytest.skip(message)
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    yield admin
    admin.dispose()


def _postgres_url(admin: Engine, name: str) -> str:
    return admin.url.set(database=name).render_as_string(hide_password=False)


def _drop_postgres(admin: Engine, name: str) -> None:
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _create_postgres(admin: Engine, name: str, template: str = "template0") -> None:
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))


@pytest.fixture(scope="session")
def _postgres_template(request: pytest.FixtureRequest, _postgres_admin: Engine) -> Iterator[str]:
    """Name of this worker's PostgreSQL database migrated to the heads (cloned by each test)."""
    name = f"cw_template_{_worker_tag(request)}"
    _drop_postgres(_postgres_admin, name)
    _create_postgres(_postgres_admin, name)
    template_engine = make_engine(_postgres_url(_postgres_admin, name))
    try:
        upgrade(template_engine)
    finally:
        template_engine.dispose()  # CREATE DATABASE ... TEMPLATE refuses a template in use
    yield name
    _drop_postgres(_postgres_admin, name)


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This worker's SQLite file migrated to the heads (copied by each test)."""
    path = tmp_path_factory.mktemp("sqlite-template") / SQLITE_FILE
    template_engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(template_engine)
        with template_engine.connect() as connection:
            # Fold the write-ahead log into the file so a plain copy holds everything.
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        template_engine.dispose()
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_backend(request: pytest.FixtureRequest) -> str:
    """Which database the test runs on: ``"sqlite"`` or ``"postgresql"``."""
    return str(request.param)


@pytest.fixture
def database_url(
    database_backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[str]:
    """URL of a fresh, empty database used by this test alone."""
    if database_backend == "sqlite":
        yield f"sqlite:///{tmp_path / SQLITE_FILE}"
        return
    admin: Engine = request.getfixturevalue("_postgres_admin")
    name = f"cw_{_worker_tag(request)}_{next(_database_numbers)}"
    _create_postgres(admin, name)
    try:
        yield _postgres_url(admin, name)
    finally:
        _drop_postgres(admin, name)


@pytest.fixture
def engine(
    database_backend: str, database_url: str, request: pytest.FixtureRequest
) -> Iterator[Engine]:
    """An engine on ``database_url``, which is migrated to the heads first."""
    if database_backend == "sqlite":
        template: Path = request.getfixturevalue("_sqlite_template")
        shutil.copyfile(template, str(make_url(database_url).database))
    else:
        admin: Engine = request.getfixturevalue("_postgres_admin")
        name = str(make_url(database_url).database)
        # The empty database was never connected to, so it can be swapped for a migrated clone.
        _drop_postgres(admin, name)
        _create_postgres(admin, name, template=request.getfixturevalue("_postgres_template"))
    migrated = make_engine(database_url)
    yield migrated
    migrated.dispose()


@pytest.fixture
def uow_factory(engine: Engine) -> Callable[[], SqlUnitOfWork]:
    """Makes a new unit of work on the migrated test database."""
    sessions = make_session_factory(engine)
    return lambda: SqlUnitOfWork(sessions)


@pytest.fixture
def settings(engine: Engine, database_url: str, tmp_path: Path) -> Settings:
    """Settings on the migrated test database, with ``data_dir`` inside ``tmp_path``."""
    return Settings(database_url=database_url, data_dir=tmp_path / "data")
