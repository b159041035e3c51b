"""Database fixtures for integration tests, on SQLite and on PostgreSQL.

Every test that asks for ``database_url`` runs twice: on a fresh SQLite file and on a fresh
PostgreSQL database (marked ``postgres``, so ``pytest -m "not postgres"`` runs SQLite only).

- ``database_backend``: ``"sqlite"`` or ``"postgresql"``.
- ``database_url``: a fresh, EMPTY database of its own (nothing migrated yet).
- ``engine``: that same database migrated to the code's heads, as an Engine.
- ``uow_factory``: a callable making :class:`SqlUnitOfWork` on ``engine``.
- ``settings``: :class:`Settings` pointing at the migrated database, ``data_dir`` in ``tmp_path``.
- ``clock``: the :class:`FixedClock` of the test's services (noon on Monday 2 March 2026).
- ``services``: every service on ``engine``, built by the composition root with ``clock``.

Migrating for each test would be slow, so each xdist worker migrates one template once (a SQLite
file copied per test; a PostgreSQL database cloned per test with ``CREATE DATABASE ... TEMPLATE``,
a few clones made ahead in background threads).
PostgreSQL comes from ``CAREWEAVE_TEST_POSTGRES_URL`` (``scripts/with_postgres.py`` sets it). When
it is missing the PostgreSQL tests are skipped, or fail if ``CI`` or ``CAREWEAVE_REQUIRE_POSTGRES=1``
is set, so a CI run can never pass without PostgreSQL.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, make_url, text

from careweave.adapters.storage.database import make_engine, make_session_factory
from careweave.adapters.storage.migrate import upgrade
from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.bootstrap import Services, build_services
from careweave.clock import FixedClock
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
        # FILE_COPY (PostgreSQL 15+) copies a small database about twice as fast as WAL_LOG.
        version = connection.dialect.server_version_info or (0,)
        fast = " STRATEGY FILE_COPY" if version >= (15,) else ""
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"{fast}'))


class _MigratedClones:
    """Makes clones of this worker's migrated template database a few at a time, ahead of need.

    One ``CREATE DATABASE ... TEMPLATE`` mostly waits on the server's checkpoint, and concurrent
    ones share that wait, so keeping a few in flight makes each clone nearly free for the test.
    """

    AHEAD = 3

    def __init__(self, admin: Engine, template: str, tag: str) -> None:
        self._admin, self._template, self._tag = admin, template, tag
        self._pool = ThreadPoolExecutor(max_workers=self.AHEAD, thread_name_prefix="pg-clone")
        self._ready: deque[Future[str]] = deque(self._start() for _ in range(self.AHEAD))

    def _start(self) -> Future[str]:
        name = f"cw_{self._tag}_{next(_database_numbers)}"
        return self._pool.submit(self._create, name)

    def _create(self, name: str) -> str:
        _create_postgres(self._admin, name, self._template)
        return name

    def take(self) -> str:
        """The name of a fresh migrated database, now owned by the caller."""
        ready = self._ready.popleft()
        self._ready.append(self._start())
        return ready.result()

    def close(self) -> None:
        """Drop the clones nobody took."""
        self._pool.shutdown(wait=True)
        for unused in self._ready:
            if unused.exception() is None:
                _drop_postgres(self._admin, unused.result())


@pytest.fixture(scope="session")
def _postgres_clones(
    request: pytest.FixtureRequest, _postgres_admin: Engine
) -> Iterator[_MigratedClones]:
    """This worker's PostgreSQL template migrated to the heads, and clones of it made ahead."""
    tag = _worker_tag(request)
    template = f"cw_template_{tag}"
    _drop_postgres(_postgres_admin, template)
    _create_postgres(_postgres_admin, template)
    template_engine = make_engine(_postgres_url(_postgres_admin, template))
    try:
        upgrade(template_engine)
    finally:
        template_engine.dispose()  # CREATE DATABASE ... TEMPLATE refuses a template in use
    clones = _MigratedClones(_postgres_admin, template, tag)
    yield clones
    clones.close()
    _drop_postgres(_postgres_admin, template)


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
    # A test that will migrate it gets a migrated clone at once (no empty database to replace).
    if "engine" in request.fixturenames:
        name = request.getfixturevalue("_postgres_clones").take()
    else:
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
    # On PostgreSQL, ``database_url`` already cloned the migrated template for this test.
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


@pytest.fixture
def clock() -> FixedClock:
    """The clock the test's services read; a test moves it with :meth:`FixedClock.set`."""
    return FixedClock(datetime(2026, 3, 2, 12, tzinfo=UTC))


@pytest.fixture
def services(settings: Settings, engine: Engine, clock: FixedClock) -> Services:
    """Every service on the test database, built by the composition root with ``clock``."""
    return build_services(settings, engine, clock=clock)
