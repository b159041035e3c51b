"""The people use cases under test, built in one place (see ``tests/unit/services/conftest.py``)."""

from __future__ import annotations

import pytest
from tests.unit.services.neighbourhood import UowFactory

from careweave.clock import FixedClock
from careweave.services.people.people import PeopleService


@pytest.fixture
def people_service(uow: UowFactory, clock: FixedClock) -> PeopleService:
    """The people service on the fakes."""
    return PeopleService(uow, clock)
