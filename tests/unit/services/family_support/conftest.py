"""The family-support use cases under test, built in one place (see
``tests/unit/services/conftest.py``), and the scheme they run: its team, a person's home team,
the person referred (``p-r1``) and one approved household (``h1``)."""

from __future__ import annotations

from datetime import date

import pytest
from tests.family_support_builders import SCHEME, a_household
from tests.integration.storage_builders import a_team
from tests.unit.services.neighbourhood import UowFactory

from careweave.clock import FixedClock
from careweave.domain.people.person import Person
from careweave.domain.values import Location
from careweave.services.family_support.arrangements import ArrangementService
from careweave.services.family_support.households import HouseholdService
from careweave.services.family_support.matching import MatchService
from careweave.services.family_support.referrals import ReferralService

HOME_TEAM = "home-team"


@pytest.fixture
def scheme(uow: UowFactory) -> None:
    """Store the scheme's team, the person's home team, the person and household ``h1``."""
    with uow() as u:
        u.teams.add_all([a_team("Shared Lives", id=SCHEME), a_team("Home", id=HOME_TEAM)])
        u.people.add(
            Person(
                "Ada",
                "Lovelace",
                date(1990, 5, 17),
                "1 High Street",
                "WN1 1AA",
                Location(53.5, -2.6),
                team_id=HOME_TEAM,
                id="p-r1",
            )
        )
        u.households.add(a_household("h1"))
        u.commit()


@pytest.fixture
def households(uow: UowFactory, clock: FixedClock, scheme: None) -> HouseholdService:
    """The carer household service on the fakes."""
    return HouseholdService(uow, clock)


@pytest.fixture
def referrals(uow: UowFactory, clock: FixedClock, scheme: None) -> ReferralService:
    """The referral service on the fakes."""
    return ReferralService(uow, clock)


@pytest.fixture
def matching(uow: UowFactory, clock: FixedClock, scheme: None) -> MatchService:
    """The match board service on the fakes."""
    return MatchService(uow, clock)


@pytest.fixture
def arrangements(uow: UowFactory, clock: FixedClock, scheme: None) -> ArrangementService:
    """The arrangement service on the fakes."""
    return ArrangementService(uow, clock)
