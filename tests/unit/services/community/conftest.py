"""Fixtures of the community use-case tests: the small directory stored in the shared fakes, and
a view of what the fake database holds once committed."""

from __future__ import annotations

from typing import Any

import pytest
from tests.community_directory import SmallDirectory
from tests.fakes import FakeDatabase
from tests.fakes.community import REFERRALS, SERVICES
from tests.unit.services.neighbourhood import UowFactory

from careweave.domain.accounts.audit import AuditEntry
from careweave.domain.community.services import Service
from careweave.domain.community.social_prescribing import Referral


class Committed:
    """What ``database`` holds once committed: the audit trail in order, services and referrals
    by id, and every non-empty table (to tell that a refused change wrote nothing)."""

    def __init__(self, database: FakeDatabase) -> None:
        self._database = database

    def _table(self, name: str) -> dict[Any, Any]:
        return self._database.tables.get(name, {})

    @property
    def audit(self) -> list[AuditEntry]:
        """The audit entries, oldest first."""
        return [self._table("audit_log")[seq] for seq in sorted(self._table("audit_log"))]

    @property
    def services(self) -> dict[str, Service]:
        """The directory's services by id."""
        return self._table(SERVICES)

    @property
    def referrals(self) -> dict[str, Referral]:
        """Social prescribing referrals by id."""
        return self._table(REFERRALS)

    def snapshot(self) -> dict[str, dict[Any, Any]]:
        """A copy of every table that holds rows."""
        return {name: dict(rows) for name, rows in self._database.tables.items() if rows}


@pytest.fixture
def small() -> SmallDirectory:
    """The small directory of the community tests."""
    return SmallDirectory()


@pytest.fixture
def data(database: FakeDatabase) -> Committed:
    """What the test's fake database holds once committed."""
    return Committed(database)


@pytest.fixture
def stored(uow: UowFactory, small: SmallDirectory) -> UowFactory:
    """The unit-of-work factory, with the small directory stored and committed."""
    with uow() as opened:
        small.store(opened)
        opened.commit()
    return uow
