"""The units of work of the storage tests, on the in-memory fakes instead of a database.

``uow_factory`` and ``app_uow_factory`` are the integration suite's fixture names; here both make
fake units of work (the fake carries every area's repositories) on one empty database per test.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.fakes import FakeDatabase, fake_uow_factory

from careweave.services.visits.recording_ports import RecordingPlansUnitOfWork

UowFactory = Callable[[], RecordingPlansUnitOfWork]


@pytest.fixture
def uow_factory() -> UowFactory:
    """Makes units of work on one empty in-memory database, new for each test."""
    return fake_uow_factory(FakeDatabase())


@pytest.fixture
def app_uow_factory(uow_factory: UowFactory) -> UowFactory:
    """The same units of work: the fake has the repositories of every area."""
    return uow_factory
