"""The visits use cases under test, built in one place (see ``tests/unit/services/conftest.py``).

Recording is a set of functions that each take an unopened unit of work today; :class:`Recording`
puts them behind one object as a service class would, so that when they become one, only the
``recording_service`` fixture changes.
"""

from __future__ import annotations

import pytest
from tests.unit.services.neighbourhood import UowFactory

from careweave.domain.visits.recording import Outcomes
from careweave.services.accounts.access import Actor
from careweave.services.visits import recording
from careweave.services.visits.recording import RecordResult, Submission
from careweave.services.visits.visits import VisitService


class Recording:
    """Check-in and outcomes of visits, each use case on a new unit of work of ``uow``."""

    def __init__(self, uow: UowFactory) -> None:
        self._uow = uow

    def check_in(self, actor: Actor, submission: Submission) -> RecordResult:
        """See :func:`careweave.services.visits.recording.check_in`."""
        return recording.check_in(self._uow(), actor, submission)

    def record_outcomes(
        self, actor: Actor, submission: Submission, outcomes: Outcomes, *, check_out: bool
    ) -> RecordResult:
        """See :func:`careweave.services.visits.recording.record_outcomes`."""
        return recording.record_outcomes(
            self._uow(), actor, submission, outcomes, check_out=check_out
        )


@pytest.fixture
def visit_service(uow: UowFactory) -> VisitService:
    """The visit service on the fakes."""
    return VisitService(uow)


@pytest.fixture
def recording_service(uow: UowFactory) -> Recording:
    """Visit recording on the fakes."""
    return Recording(uow)
