"""Fuzz every operation of the Open Referral API (schemathesis, from its own OpenAPI) on SQLite:
whatever is sent, the answer is never a 5xx. Bounded to 30 examples per operation."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from tests.community_directory import SmallDirectory

from careweave.adapters.storage.database import make_engine, make_session_factory
from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.adapters.web.api.community.openreferral import openreferral_app
from careweave.clock import SystemClock
from careweave.services.community.directory import DirectoryReader

EXAMPLES_PER_OPERATION = 30
# Fuzzing is many requests from one client: no throttle here (it has its own test).
UNTHROTTLED = 1_000_000


def _operations() -> list[tuple[str, str]]:
    app = openreferral_app(DirectoryReader(_no_database, SystemClock()), SystemClock())
    loaded = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [(op.method.upper(), op.path) for op in (r.ok() for r in loaded.get_all_operations())]


def _no_database() -> Any:
    raise AssertionError("describing the API must not open the database")


OPERATIONS = _operations()


@pytest.fixture(scope="module")
def fuzzed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, SmallDirectory]]:
    """The API on its own SQLite copy holding the small directory, for the whole module."""
    path = tmp_path_factory.mktemp("oruk-fuzz") / "careweave.sqlite3"
    shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
    engine = make_engine(f"sqlite:///{path}")
    sessions = make_session_factory(engine)
    small = SmallDirectory()
    with SqlUnitOfWork(sessions) as uow:
        small.store(uow)
        uow.commit()
    reader = DirectoryReader(lambda: SqlUnitOfWork(sessions), SystemClock())
    app = openreferral_app(reader, SystemClock(), requests_per_minute=UNTHROTTLED)
    try:
        yield schemathesis.openapi.from_asgi("/openapi.json", app), small
    finally:
        engine.dispose()


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_no_operation_answers_a_server_error(
    fuzzed: tuple[Any, SmallDirectory], method: str, path: str
) -> None:
    schema, small = fuzzed
    operation = schema[path][method]
    known = {"id": next(iter(small.services.values())).id}

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def never_a_server_error(case: Any) -> None:
        if case.path_parameters:
            case.path_parameters = {**case.path_parameters, **known}
        case.call_and_validate(checks=[not_a_server_error])

    never_a_server_error()


def test_every_endpoint_of_the_profile_is_fuzzed() -> None:
    assert len(OPERATIONS) == 9
