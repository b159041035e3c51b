"""Fuzz ``POST /api/telecare/events`` with a real device token (schemathesis): whatever a device
sends, valid or not, the answer is never a 5xx. The shared fuzz test (tests/integration/web) has no
device token, so it only reaches the 401; this one reaches the reader and the store."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from tests.integration.web.conftest import LOGIN_LIMIT, build_world

from careweave.adapters.storage.database import make_engine
from careweave.config import Settings
from careweave.domain.telecare.devices import DeviceKind

EXAMPLES = 150


def test_no_event_body_answers_a_server_error(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    path = tmp_path / "careweave.sqlite3"
    shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    try:
        world = build_world(
            engine,
            Settings(
                database_url=url, data_dir=tmp_path / "data", login_attempts_per_minute=LOGIN_LIMIT
            ),
        )
        homes = world.services.telecare_homes
        token = homes.register_device(
            world.actors["alice"], world.person_a.id, DeviceKind.PENDANT, "worn"
        ).token
        operation = schemathesis.openapi.from_asgi("/openapi.json", world.app)[
            "/api/telecare/events"
        ]["POST"]

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def never_a_server_error(case: Any) -> None:
            case.call_and_validate(headers={"X-Device-Token": token}, checks=[not_a_server_error])

        never_a_server_error()
    finally:
        engine.dispose()
