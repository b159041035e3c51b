"""The family-support services on the real database: a referral matched, introduced and agreed,
and a refused proposal that writes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, select
from tests.family_support_builders import SCHEME, TODAY, a_household, a_referral
from tests.integration.family_support.conftest import Factory

from careweave.adapters.storage.family_support import tables
from careweave.bootstrap import Services
from careweave.domain.accounts.users import Role
from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.arrangements import Agreement, ArrangementStatus
from careweave.domain.family_support.referrals import ReferralStatus
from careweave.domain.family_support.vocab import Skill
from careweave.domain.people.person import Person
from careweave.services.accounts.access import Actor

WORKER = Actor("u-w", "worker", "W", Role.CARE_WORKER, team_ids=frozenset({SCHEME}))
PRACTITIONER = Actor("u-p", "prac", "P", Role.PRACTITIONER, assigned_person_ids=frozenset({"p-r1"}))


@pytest.fixture
def household(uow_factory: Factory, person: Person) -> None:
    with uow_factory() as uow:
        uow.households.add(a_household())
        uow.commit()


def test_refer_match_introduce_and_agree(
    uow_factory: Factory, services: Services, household: None
) -> None:
    services.family_referrals.refer(PRACTITIONER, a_referral())
    matching = services.family_matching
    (row,) = matching.board(WORKER, SCHEME).rows
    assert row.match is not None
    proposed = matching.propose(WORKER, "r1", row.match.host_id, room=row.match.room)
    agreed = services.family_arrangements.agree(
        WORKER, proposed.id, Agreement("terms", TODAY + timedelta(days=4))
    )
    assert agreed.status is ArrangementStatus.AGREED
    with uow_factory() as uow:
        assert uow.referrals.get("r1").status is ReferralStatus.MATCHED
        kinds = {e.record_kind for e in uow.audit.list()}
    assert {"fs_referral", "fs_scheme", "fs_arrangement"} <= kinds


def test_a_refused_proposal_writes_nothing(
    uow_factory: Factory, engine: Engine, services: Services, household: None
) -> None:
    services.family_referrals.refer(PRACTITIONER, a_referral(skills_needed={Skill.PEG_FEEDING}))
    with pytest.raises(DomainValidationError) as err:
        services.family_matching.propose(WORKER, "r1", "h1")
    assert "Trained in what the person's risks need" in err.value.message
    with engine.connect() as connection:
        assert (
            connection.execute(select(func.count()).select_from(tables.arrangements)).scalar() == 0
        )
    with uow_factory() as uow:
        assert uow.referrals.get("r1").waiting
