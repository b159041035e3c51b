"""Fuzz every JSON operation described by /openapi.json (schemathesis) on SQLite as a signed-in
coordinator: whatever is sent, the answer is never a 5xx. Bounded to 20 examples per operation."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from tests.integration.web.conftest import LOGIN_LIMIT, World, build_world

from careweave.adapters.storage.database import make_engine
from careweave.adapters.web.app import create_app
from careweave.bootstrap import wire_services
from careweave.config import Settings

EXAMPLES_PER_OPERATION = 20


@pytest.fixture(scope="module")
def fuzz_world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """A world on its own SQLite copy, shared by every fuzzed operation of this module."""
    path = tmp_path_factory.mktemp("fuzz") / "careweave.sqlite3"
    template: Path = request.getfixturevalue("_sqlite_template")
    shutil.copyfile(template, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    web_settings = Settings(
        database_url=url,
        data_dir=path.parent / "data",
        login_attempts_per_minute=LOGIN_LIMIT,
    )
    try:
        yield build_world(engine, web_settings)
    finally:
        engine.dispose()


def _operations() -> list[tuple[str, str]]:
    # The schema is built from the app alone (no database), so operations are known at collection.
    app = create_app(Settings(), wire_services(Settings(), _no_database))
    loaded = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [(op.method.upper(), op.path) for op in (r.ok() for r in loaded.get_all_operations())]


def _no_database() -> Any:
    raise AssertionError("describing the API must not open the database")


OPERATIONS = _operations()


@pytest.fixture(scope="module")
def api_schema(fuzz_world: World) -> Any:
    """The app's own OpenAPI description, bound to the fuzz world's app."""
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_world.app)


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_no_operation_answers_a_server_error(
    api_schema: Any, fuzz_world: World, method: str, path: str
) -> None:
    operation = api_schema[path][method]
    headers = {"Authorization": f"Bearer {fuzz_world.tokens['alice']}"}

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def never_a_server_error(case: Any) -> None:
        if method != "DELETE":
            # Aim at records that exist, so the fuzz reaches the services and not only the 404s
            # (random ids are the route-table tests' business); deletes keep random ids so the
            # world stays whole for the operations after them.
            known = _known_ids(fuzz_world)
            case.path_parameters = {
                name: known.get(name, value) for name, value in (case.path_parameters or {}).items()
            }
        case.call_and_validate(headers=headers, checks=[not_a_server_error])

    never_a_server_error()


def _known_ids(world: World) -> dict[str, str]:
    return {
        "team_id": world.team_a.id,
        "person_id": world.person_a.id,
        "worker_id": world.worker_a.id,
        "visit_id": world.visit_a.id,
        "day": world.visit_a.day.isoformat(),
    }


def test_every_api_operation_is_fuzzed() -> None:
    assert len(OPERATIONS) >= 20
