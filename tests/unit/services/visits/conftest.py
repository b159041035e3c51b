"""The visits use cases under test, built in one place (see ``tests/unit/services/conftest.py``)."""

from __future__ import annotations

import pytest
from tests.unit.services.neighbourhood import UowFactory

from careweave.clock import FixedClock
from careweave.services.visits.briefing import VisitBriefingService
from careweave.services.visits.recording import RecordingService
from careweave.services.visits.visits import VisitService


@pytest.fixture
def visit_service(uow: UowFactory, clock: FixedClock) -> VisitService:
    """The visit service on the fakes."""
    return VisitService(uow, clock)


@pytest.fixture
def recording_service(uow: UowFactory, clock: FixedClock) -> RecordingService:
    """Visit recording on the fakes."""
    return RecordingService(uow, clock)


@pytest.fixture
def briefing_service(uow: UowFactory, clock: FixedClock) -> VisitBriefingService:
    """The visit page's briefing on the fakes."""
    return VisitBriefingService(uow, clock)
