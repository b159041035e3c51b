"""Fixtures of the calendar feed integration tests: the web tests' world on the test's clock, on
SQLite and PostgreSQL, and a signed-in browser's way to make a feed link."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from tests.integration.web.conftest import World, build_world, csrf_of

from careweave.clock import FixedClock
from careweave.config import Settings

FEED_LINK = re.compile(r'id="feed-url" type="text" readonly value="([^"]+)"')


@pytest.fixture
def cal_world(engine: Engine, settings: Settings, clock: FixedClock) -> World:
    """The web tests' world (bob has team A's visit at 08:15 on Monday 2 March 2026) with its
    services on the test's clock."""
    return build_world(engine, settings, clock=clock)


def make_link(world: World, persona: str) -> str:
    """Sign in as ``persona``, make a calendar link on the "Your calendar" page, and return the
    feed's path (the page shows the whole link once)."""
    browser = world.browser(persona)
    page = browser.get("/calendar")
    assert page.status_code == 200, page.text
    made = browser.post("/calendar/link", data={"csrf_token": csrf_of(page.text)})
    assert made.status_code == 200, made.text
    found = FEED_LINK.search(made.text)
    assert found, "the page shows no link"
    return found.group(1).removeprefix("http://testserver")


def calendar_app(world: World) -> TestClient:
    """A client with no session or token, as a calendar app is."""
    return TestClient(world.app, follow_redirects=False)
