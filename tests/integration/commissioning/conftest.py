"""Fixtures of the commissioning integration tests: the web tests' world on the test's clock,
with person A's eligibility assessment stored."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from tests.commissioning_builders import an_assessment
from tests.integration.web.conftest import World, build_world

from careweave.clock import FixedClock
from careweave.config import Settings


@pytest.fixture
def cm_world(engine: Engine, settings: Settings, clock: FixedClock) -> World:
    """The web tests' world (alice coordinates team A, pat plans with person A), its services on
    the test's clock (noon on Monday 2 March 2026), and person A assessed as eligible."""
    world = build_world(engine, settings, clock=clock)
    with world.services.uow_factory() as uow:
        uow.eligibility.add(an_assessment(world.person_a.id))
        uow.commit()
    return world
