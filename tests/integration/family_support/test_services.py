"""The family-support services on the real database: a referral matched, introduced and agreed,
and a refused proposal that writes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from tests.family_support_builders import SCHEME, TODAY, a_household, a_referral
from tests.integration.family_support.conftest import Factory

from careweave.adapters.storage.family_support import tables
from careweave.clock import FixedClock
from careweave.domain.accounts.users import Role
from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.arrangements import Agreement, ArrangementStatus
from careweave.domain.family_support.referrals import ReferralStatus
from careweave.domain.family_support.vocab import Skill
from careweave.domain.people.person import Person
from careweave.services.accounts.access import Actor
from careweave.services.family_support.arrangements import ArrangementService
from careweave.services.family_support.matching import MatchService
from careweave.services.family_support.referrals import ReferralService

CLOCK = FixedClock(datetime(TODAY.year, TODAY.month, TODAY.day, 9, tzinfo=UTC))
WORKER = Actor("u-w", "worker", "W", Role.CARE_WORKER, team_ids=frozenset({SCHEME}))
PRACTITIONER = Actor("u-p", "prac", "P", Role.PRACTITIONER, assigned_person_ids=frozenset({"p-r1"}))


@pytest.fixture
def household(fs_uow: Factory, person: Person) -> None:
    with fs_uow() as uow:
        uow.households.add(a_household())
        uow.commit()


def test_refer_match_introduce_and_agree(fs_uow: Factory, household: None) -> None:
    ReferralService(fs_uow, CLOCK).refer(PRACTITIONER, a_referral())
    matching = MatchService(fs_uow, CLOCK)
    (row,) = matching.board(WORKER, SCHEME).rows
    assert row.match is not None
    proposed = matching.propose(WORKER, "r1", row.match.host_id, room=row.match.room)
    agreed = ArrangementService(fs_uow, CLOCK).agree(
        WORKER, proposed.id, Agreement("terms", TODAY + timedelta(days=4))
    )
    assert agreed.status is ArrangementStatus.AGREED
    with fs_uow() as uow:
        assert uow.referrals.get("r1").status is ReferralStatus.MATCHED
        kinds = {e.record_kind for e in uow.audit.list()}
    assert {"fs_referral", "fs_scheme", "fs_arrangement"} <= kinds


def test_a_refused_proposal_writes_nothing(fs_uow: Factory, household: None) -> None:
    ReferralService(fs_uow, CLOCK).refer(
        PRACTITIONER, a_referral(skills_needed={Skill.PEG_FEEDING})
    )
    with pytest.raises(DomainValidationError) as err:
        MatchService(fs_uow, CLOCK).propose(WORKER, "r1", "h1")
    assert "Trained in what the person's risks need" in err.value.message
    with fs_uow() as uow:
        assert (
            uow.session.execute(select(func.count()).select_from(tables.arrangements)).scalar() == 0
        )
        assert uow.referrals.get("r1").waiting
