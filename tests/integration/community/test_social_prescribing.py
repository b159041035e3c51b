"""Social prescribing on SQLite and PostgreSQL with every persona: a referral through first
contact, what matters, a plan of directory services, follow-ups and wellbeing to the figures;
refusals per role; every read and write audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.community_directory import SmallDirectory
from tests.integration.web.conftest import World

from careweave.domain.community.social_prescribing import (
    SNOMED_DECLINED,
    FollowUp,
    LinkStatus,
    ReferralSource,
    WellbeingRecord,
)
from careweave.domain.community.wellbeing import Ons4, Swemwbs
from careweave.domain.errors import DomainValidationError, NotFoundError, PermissionDeniedError
from careweave.services.community.social_prescribing import SocialPrescribingService


@pytest.fixture
def prescribing(world: World) -> tuple[World, SmallDirectory, SocialPrescribingService]:
    small = SmallDirectory(hall=world.person_a.location)
    with world.services.uow_factory() as uow:
        small.store(uow)
        uow.commit()
    service = world.services.social_prescribing
    assert isinstance(service, SocialPrescribingService)
    return world, small, service


def test_a_referral_from_first_contact_to_the_figures(
    prescribing: tuple[World, SmallDirectory, SocialPrescribingService],
) -> None:
    world, small, sp = prescribing
    bob, alice, edna = (world.actors[n] for n in ("bob", "alice", "edna"))
    referral = sp.refer(
        bob, world.person_a.id, source=ReferralSource.GP, reason="Lonely", referrer="Dr Shah"
    )
    today = referral.referred_on

    assert [row.referral.id for row in sp.caseload(alice)] == [referral.id]
    sp.take_on(alice, referral.id, today)
    sp.what_matters(alice, referral.id, "Seeing people; getting out of the house")
    lunch = small.services["lunch"].id
    sp.add_service(alice, referral.id, lunch, "Tuesdays, June will meet her at the door")
    sp.service_status(alice, referral.id, lunch, LinkStatus.STARTED)
    sp.follow_up(alice, referral.id, FollowUp(today, "Went on Tuesday; wants to go again"))
    sp.record_wellbeing(
        alice,
        referral.id,
        WellbeingRecord(
            today - timedelta(days=0), ons4=Ons4(4, 5, 4, 7), swemwbs=Swemwbs((3,) * 7)
        ),
    )
    held, _ = sp.referral(alice, referral.id)

    assert held.link_worker_id == alice.user_id
    assert held.plan[0].status is LinkStatus.STARTED
    assert sp.caseload(alice)[0].mine
    figures = sp.figures(edna)
    assert figures.referrals == 1
    assert figures.services_used == {lunch: 1}
    assert figures.median_days_to_first_contact == 0
    with world.services.uow_factory() as uow:
        trail = uow.audit.list(record_kind="referral", record_id=referral.id)
    assert len(trail) == 8


def test_declining_codes_the_referral_and_ends_the_work(
    prescribing: tuple[World, SmallDirectory, SocialPrescribingService],
) -> None:
    world, _, sp = prescribing
    pat = world.actors["pat"]
    referral = sp.refer(pat, world.person_a.id, source=ReferralSource.SELF, reason="Low mood")
    declined = sp.decline(pat, referral.id, "Not ready")
    assert declined.snomed_code == SNOMED_DECLINED
    with pytest.raises(DomainValidationError, match="declined"):
        sp.what_matters(pat, referral.id, "Too late")


def test_refusals_per_role(
    prescribing: tuple[World, SmallDirectory, SocialPrescribingService],
) -> None:
    world, _, sp = prescribing
    actors = world.actors
    referral = sp.refer(
        actors["bob"], world.person_a.id, source=ReferralSource.WORKER, reason="Isolated"
    )

    with pytest.raises(NotFoundError):
        sp.referral(actors["charlie"], referral.id)  # a worker of another team learns nothing
    with pytest.raises(NotFoundError):
        sp.refer(actors["charlie"], world.person_a.id, source=ReferralSource.WORKER, reason="x")
    dora_view, _ = sp.referral(actors["dora"], referral.id)  # the family may read it
    assert dora_view.id == referral.id
    with pytest.raises(PermissionDeniedError):
        sp.what_matters(actors["dora"], referral.id, "Family wrote this")
    with pytest.raises(NotFoundError):
        sp.referral(actors["edna"], referral.id)  # a commissioner sees figures only
    with pytest.raises(PermissionDeniedError):
        sp.caseload(actors["edna"])
    assert sp.caseload(actors["charlie"]) == []


def test_a_future_date_and_an_unknown_service_are_named(
    prescribing: tuple[World, SmallDirectory, SocialPrescribingService],
) -> None:
    world, _, sp = prescribing
    alice = world.actors["alice"]
    referral = sp.refer(alice, world.person_a.id, source=ReferralSource.GP, reason="Lonely")
    with pytest.raises(DomainValidationError) as raised:
        sp.take_on(alice, referral.id, referral.referred_on + timedelta(days=3))
    assert raised.value.field == "first_contact_on"
    with pytest.raises(NotFoundError, match="service"):
        sp.add_service(alice, referral.id, "6a6a6a6a-0000-4000-8000-000000000000", "")
