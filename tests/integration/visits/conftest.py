"""Fixtures of the visit page tests: the web tests' world on a clock set to the morning of its
visit (bob's 08:00–09:00 visit to Agatha), so bob may check in."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from tests.integration.web.conftest import World, build_world

from careweave.clock import FixedClock
from careweave.config import Settings

# 2 March is in GMT, so UTC reads the same as the person's clock.
VISIT_MORNING = datetime(2026, 3, 2, 8, 20, tzinfo=UTC)


@pytest.fixture
def visit_clock() -> FixedClock:
    """The clock of the visit tests: 08:20 on the day of bob's visit."""
    return FixedClock(VISIT_MORNING)


@pytest.fixture
def visit_world(engine: Engine, settings: Settings, visit_clock: FixedClock) -> World:
    """The web tests' world (bob is the care worker of ``visit_a``) on ``visit_clock``."""
    return build_world(engine, settings, clock=visit_clock)
