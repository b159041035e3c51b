"""Fixtures of the community integration tests: the small directory stored through the app's
unit of work, and the web tests' world."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.community_directory import SmallDirectory
from tests.integration.web.conftest import shared_world, web_settings, world

from careweave.adapters.storage.uow import SqlUnitOfWork

# The web tests' world of two teams and a persona for each role, for the community pages (one
# per module where the tests only read).
__all__ = ["shared_world", "web_settings", "world"]


@pytest.fixture
def directory(uow_factory: Callable[[], SqlUnitOfWork]) -> SmallDirectory:
    """The small directory, stored and committed."""
    small = SmallDirectory()
    with uow_factory() as uow:
        small.store(uow)
        uow.commit()
    return small
