"""The units of work of the storage tests, on the in-memory fakes instead of a database.

``uow_factory`` is the integration suite's fixture name; here it makes fake units of work (the fake
carries every capability's repositories) on one empty database per test.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.fakes import FakeDatabase, fake_uow_factory

from careweave.services.unit_of_work import AppUnitOfWork

UowFactory = Callable[[], AppUnitOfWork]


@pytest.fixture
def uow_factory() -> UowFactory:
    """Makes units of work on one empty in-memory database, new for each test."""
    return fake_uow_factory(FakeDatabase())
