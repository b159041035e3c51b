"""Fixtures of the community integration tests: units of work with the directory's repositories,
and the small directory stored in them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine
from tests.community_directory import SmallDirectory
from tests.integration.web.conftest import web_settings, world

# The web tests' world of two teams and a persona for each role, for the community pages.
__all__ = ["web_settings", "world"]

from careweave.adapters.storage.community.uow import CommunitySqlUnitOfWork
from careweave.adapters.storage.database import make_session_factory


@pytest.fixture
def community_uow(engine: Engine) -> Callable[[], CommunitySqlUnitOfWork]:
    """Units of work with the community repositories on the migrated test database."""
    sessions = make_session_factory(engine)
    return lambda: CommunitySqlUnitOfWork(sessions)


@pytest.fixture
def directory(community_uow: Callable[[], CommunitySqlUnitOfWork]) -> SmallDirectory:
    """The small directory, stored and committed."""
    small = SmallDirectory()
    with community_uow() as uow:
        small.store(uow)
        uow.commit()
    return small
