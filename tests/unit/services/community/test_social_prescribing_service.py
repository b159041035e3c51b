"""Social prescribing use cases on in-memory fakes: the caseload, access per role, audit, and
nothing kept from a refused change."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tests.fakes import FakeDatabase
from tests.integration.storage_builders import a_person, a_team
from tests.unit.services.community.conftest import Committed
from tests.unit.services.neighbourhood import UowFactory

from careweave.clock import FixedClock
from careweave.domain.accounts.users import Role
from careweave.domain.community.social_prescribing import ReferralSource
from careweave.domain.errors import DomainValidationError, NotFoundError, PermissionDeniedError
from careweave.services.accounts.access import Actor
from careweave.services.community.social_prescribing import SocialPrescribingService

CLOCK = FixedClock(datetime(2026, 3, 2, 9, tzinfo=UTC))
TEAM = a_team("Alder")
PERSON = a_person(TEAM)


def actor(
    name: str, role: Role, teams: frozenset[str] = frozenset({TEAM.id}), **more: object
) -> Actor:
    return Actor(
        user_id=f"u-{name}",
        username=name,
        display_name=name.title(),
        role=role,
        team_ids=teams,
        **more,
    )  # type: ignore[arg-type]


COORDINATOR = actor("cora", Role.COORDINATOR)
WORKER = actor("bob", Role.CARE_WORKER)
OUTSIDER = actor("charlie", Role.CARE_WORKER, frozenset({"other-team"}))
FAMILY = actor("dora", Role.FAMILY_MEMBER, frozenset(), person_ids=frozenset({PERSON.id}))
COMMISSIONER = actor("cam", Role.COMMISSIONER, frozenset())


@pytest.fixture
def sp(uow: UowFactory, database: FakeDatabase) -> SocialPrescribingService:
    # The person is put straight into the fake's table: their team is not part of these tests.
    database.tables["people"] = {PERSON.id: PERSON}
    return SocialPrescribingService(uow, CLOCK)


def test_a_referral_waits_on_every_caseload_until_someone_takes_it_on(
    sp: SocialPrescribingService,
) -> None:
    referral = sp.refer(WORKER, PERSON.id, source=ReferralSource.GP, reason="Lonely")
    assert [r.referral.id for r in sp.caseload(COORDINATOR)] == [referral.id]
    sp.take_on(COORDINATOR, referral.id, CLOCK.today())
    assert sp.caseload(COORDINATOR)[0].mine
    assert sp.caseload(WORKER) == []  # held by someone else now


def test_every_read_and_write_is_audited(sp: SocialPrescribingService, data: Committed) -> None:
    referral = sp.refer(WORKER, PERSON.id, source=ReferralSource.SELF, reason="Low mood")
    sp.referral(FAMILY, referral.id)
    assert [(e.action.value, e.username) for e in data.audit] == [
        ("create", "bob"),
        ("read", "dora"),
    ]


def test_refusals_per_role(sp: SocialPrescribingService, data: Committed) -> None:
    referral = sp.refer(WORKER, PERSON.id, source=ReferralSource.GP, reason="Lonely")
    with pytest.raises(NotFoundError):
        sp.referral(OUTSIDER, referral.id)
    with pytest.raises(PermissionDeniedError):
        sp.close(FAMILY, referral.id)
    with pytest.raises(PermissionDeniedError):
        sp.refer(FAMILY, PERSON.id, source=ReferralSource.SELF, reason="x")
    assert data.referrals[referral.id].open


def test_a_refused_change_keeps_nothing(sp: SocialPrescribingService, data: Committed) -> None:
    referral = sp.refer(WORKER, PERSON.id, source=ReferralSource.GP, reason="Lonely")
    before = data.snapshot()
    with pytest.raises(DomainValidationError):
        sp.what_matters(WORKER, referral.id, "x" * 5000)
    assert data.snapshot() == before
    assert data.referrals[referral.id].what_matters == ""


def test_a_commissioner_counts_every_referral_and_a_worker_only_those_of_people_they_see(
    sp: SocialPrescribingService,
) -> None:
    sp.refer(WORKER, PERSON.id, source=ReferralSource.GP, reason="Lonely")
    assert sp.figures(COMMISSIONER).referrals == 1
    assert sp.figures(WORKER).referrals == 1
    assert sp.figures(OUTSIDER).referrals == 0
