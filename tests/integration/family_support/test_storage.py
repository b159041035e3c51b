"""Family-support records round-trip through SQLite and PostgreSQL whole, and lists filter."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.family_support_builders import (
    SCHEME,
    TODAY,
    a_household,
    a_referral,
    an_arrangement,
    an_offer,
    changed,
    short_breaks,
)
from tests.integration.family_support.conftest import Factory

from careweave.domain.errors import NotFoundError
from careweave.domain.family_support.arrangements import (
    Agreement,
    Decline,
    DeclinedBy,
    Review,
)
from careweave.domain.family_support.calendar import Unavailability
from careweave.domain.family_support.factors import Factor, Weights
from careweave.domain.family_support.households import HouseholdStatus
from careweave.domain.family_support.referrals import Limits
from careweave.domain.family_support.vocab import AccessFeature, PetKind, Skill
from careweave.domain.people.person import Person
from careweave.domain.workforce.workers import Team


def test_a_household_round_trips_whole(uow_factory: Factory, scheme: Team) -> None:
    household = a_household(
        offer=an_offer(pets={PetKind.DOG}, faith="Methodist"),
        unavailable=(Unavailability(TODAY, TODAY + timedelta(days=3), "holiday"),),
        excluded_person_ids=frozenset({"p-x"}),
    )
    with uow_factory() as uow:
        uow.households.add(household)
        uow.commit()
    with uow_factory() as uow:
        assert uow.households.get(household.id) == household
        assert uow.households.list(scheme_team_id=SCHEME) == [household]
        assert uow.households.list(scheme_team_id="elsewhere") == []


def test_a_household_of_an_unknown_scheme_is_refused(uow_factory: Factory, scheme: Team) -> None:
    with uow_factory() as uow, pytest.raises(NotFoundError):
        uow.households.add(a_household(scheme_team_id="nowhere"))


def test_a_referral_and_its_arrangement_round_trip_whole(
    uow_factory: Factory, person: Person
) -> None:
    referral = a_referral(
        access_needs={AccessFeature.GRAB_RAILS},
        skills_needed={Skill.EPILEPSY},
        limits=Limits(
            smoke_free_home=True, max_distance_km=12.5, excluded_household_ids=frozenset({"hx"})
        ),
        what_matters="My music",
    )
    household = a_household()
    arrangement = an_arrangement(referral, household).agree(Agreement("We agree", TODAY))
    arrangement = arrangement.activate(TODAY).with_review(
        Review(TODAY + timedelta(days=30), "Going well")
    )
    with uow_factory() as uow:
        uow.households.add(household)
        uow.referrals.add(referral)
        uow.arrangements.add(arrangement)
        uow.commit()
    with uow_factory() as uow:
        assert uow.referrals.get(referral.id) == referral
        assert uow.arrangements.get(arrangement.id) == arrangement
        assert uow.referrals.list(person_ids=[person.id]) == [referral]
        assert uow.arrangements.list(household_id=household.id) == [arrangement]
        assert uow.arrangements.list(person_ids=["someone-else"]) == []


def test_short_breaks_and_declines_round_trip(uow_factory: Factory, person: Person) -> None:
    referral = short_breaks("sb", person_id=person.id)
    household = a_household()
    declined = an_arrangement(referral, household).decline_with(
        Decline(DeclinedBy.HOUSEHOLD, frozenset({Factor.ROUTINES}), "early starts")
    )
    with uow_factory() as uow:
        uow.households.add(household)
        uow.referrals.add(referral)
        uow.arrangements.add(declined)
        uow.commit()
    with uow_factory() as uow:
        assert uow.referrals.get("sb") == referral
        assert uow.arrangements.get(declined.id) == declined


def test_updates_are_saved_and_a_rollback_leaves_nothing(
    uow_factory: Factory, scheme: Team
) -> None:
    household = a_household()
    with uow_factory() as uow:
        uow.households.add(household)
        uow.commit()
    with uow_factory() as uow:
        uow.households.update(changed(household, status=HouseholdStatus.ON_HOLD))
        uow.households.add(a_household("h2"))
        # no commit
    with uow_factory() as uow:
        assert uow.households.get(household.id).status is HouseholdStatus.APPROVED
        assert [h.id for h in uow.households.list()] == [household.id]


def test_scheme_weights_default_until_set(uow_factory: Factory, scheme: Team) -> None:
    with uow_factory() as uow:
        assert uow.scheme_weights.get(SCHEME) == Weights()
        uow.scheme_weights.put(SCHEME, Weights({Factor.PETS: 9}))
        uow.scheme_weights.put(SCHEME, Weights({Factor.PETS: 1}))
        uow.commit()
    with uow_factory() as uow:
        assert uow.scheme_weights.get(SCHEME).of(Factor.PETS) == 1
