"""Carer households: checks in date, skills from training, panel approval, what they offer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.family_support_builders import TODAY, a_household, an_approval, an_offer, training

from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.calendar import Stay, Unavailability
from careweave.domain.family_support.households import (
    DbsCheck,
    HouseholdMember,
    HouseholdStatus,
    MemberRole,
    Reference,
    Training,
)
from careweave.domain.family_support.offer import Room
from careweave.domain.family_support.vocab import ArrangementType, Skill


def test_a_dbs_check_is_renewed_after_three_years_unless_on_the_update_service() -> None:
    issued = date(2023, 3, 2)
    assert DbsCheck(issued).in_date(date(2026, 3, 1))
    assert not DbsCheck(issued).in_date(date(2026, 3, 2))
    assert DbsCheck(issued, on_update_service=True).in_date(date(2030, 1, 1))
    assert not DbsCheck(issued).in_date(date(2023, 3, 1))  # not issued yet


def test_a_dbs_check_issued_on_29_february_renews_on_1_march() -> None:
    assert DbsCheck(date(2024, 2, 29)).in_date(date(2027, 2, 28))
    assert not DbsCheck(date(2024, 2, 29)).in_date(date(2027, 3, 1))


def test_an_approved_household_with_its_checks_has_no_problems() -> None:
    assert a_household().check_problems(TODAY) == ()


def test_every_adult_needs_a_dbs_check_but_children_do_not() -> None:
    household = a_household(
        members=(
            HouseholdMember("Grace", MemberRole.CARER, DbsCheck(TODAY - timedelta(days=1))),
            HouseholdMember("Sam", MemberRole.ADULT),
            HouseholdMember("Ada", MemberRole.CHILD),
        )
    )
    assert household.check_problems(TODAY) == ("Sam has no DBS check in date",)
    assert household.has_children


def test_two_satisfactory_references_are_needed() -> None:
    household = a_household(
        references=(
            Reference("A neighbour", TODAY - timedelta(days=9)),
            Reference("A friend", TODAY - timedelta(days=9), satisfactory=False),
        )
    )
    assert household.check_problems(TODAY) == ("1 of 2 satisfactory references",)


def test_safeguarding_and_first_aid_training_must_be_in_date() -> None:
    household = a_household(training=training(Skill.SAFEGUARDING, due_in_days=-1))
    assert household.check_problems(TODAY) == (
        "first aid training is not in date",
        "safeguarding training is not in date",
    )


def test_a_skill_counts_only_while_its_training_is_in_date() -> None:
    household = a_household(training=training(Skill.EPILEPSY, due_in_days=10))
    assert Skill.EPILEPSY in household.skills_on(TODAY + timedelta(days=10))
    assert Skill.EPILEPSY not in household.skills_on(TODAY + timedelta(days=11))
    assert [t.skill for t in household.training_due(TODAY, within_days=30)] == [Skill.EPILEPSY]
    assert household.training_due(TODAY, within_days=5) == ()


def test_training_cannot_fall_due_before_it_was_done() -> None:
    with pytest.raises(DomainValidationError) as err:
        Training(Skill.FIRST_AID, TODAY, TODAY)
    assert err.value.field == "training.due_on"


def test_approval_holds_from_the_panel_to_its_yearly_review() -> None:
    household = a_household()
    review = household.approval.review_on if household.approval else TODAY
    assert household.approved_on(review)
    assert not household.approved_on(review + timedelta(days=1))
    assert not household.with_status(HouseholdStatus.ON_HOLD).approved_on(TODAY)


def test_an_approved_household_needs_an_approval() -> None:
    with pytest.raises(DomainValidationError) as err:
        a_household(approval=None)
    assert err.value.field == "household.approval"


def test_approving_a_household_in_assessment() -> None:
    applicant = a_household(approval=None, status=HouseholdStatus.ASSESSMENT)
    assert not applicant.approved_on(TODAY)
    assert applicant.places == 0
    approved = applicant.approve(an_approval())
    assert approved.approved_on(TODAY)
    with pytest.raises(DomainValidationError):
        applicant.with_status(HouseholdStatus.LEFT).approve(an_approval())


def test_places_are_what_it_offers_within_what_the_panel_allows() -> None:
    assert a_household(offer=an_offer(places=3)).places == 2
    assert a_household(approval=an_approval(max_people=3), offer=an_offer(places=1)).places == 1


def test_a_household_names_at_least_one_carer() -> None:
    with pytest.raises(DomainValidationError) as err:
        a_household(members=(HouseholdMember("Sam", MemberRole.ADULT),))
    assert err.value.field == "household.members"


def test_overnight_arrangements_need_a_room_and_day_support_a_day_place() -> None:
    with pytest.raises(DomainValidationError) as err:
        an_offer(rooms=())
    assert err.value.field == "offer.rooms"
    with pytest.raises(DomainValidationError) as err:
        an_offer(day_places=0)
    assert err.value.field == "offer.day_places"
    day_only = an_offer(arrangement_types={ArrangementType.DAY_SUPPORT}, rooms=(), places=0)
    assert day_only.rooms == ()


def test_rooms_have_their_own_names() -> None:
    with pytest.raises(DomainValidationError) as err:
        an_offer(rooms=(Room("Blue"), Room("blue")))
    assert err.value.field == "offer.rooms"


def test_offer_words_are_checked_and_tags_lower_cased() -> None:
    offer = an_offer(interests={" Gardening ", "MUSIC"}, languages={"Polish"})
    assert offer.interests == {"gardening", "music"}
    assert offer.languages == {"polish"}
    with pytest.raises(DomainValidationError) as err:
        an_offer(pets={"tiger"})
    assert err.value.field == "offer.pets"


def test_an_unavailable_period_covers_both_ends() -> None:
    away = Unavailability(date(2026, 7, 15), date(2026, 7, 22), "holiday")
    household = a_household(unavailable=(away,))
    assert not household.available_on(Stay(date(2026, 7, 22), date(2026, 7, 24)).nights)
    assert household.available_on(Stay(date(2026, 7, 23), date(2026, 7, 25)).nights)
    assert household.available_on(Stay(date(2026, 7, 13), date(2026, 7, 15)).nights)
