"""The hard rules: each one broken by a tiny named case, and named in the breach."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pytest
from tests.family_support_builders import (
    BOLTON,
    TODAY,
    WIGAN,
    a_household,
    a_referral,
    an_approval,
    an_arrangement,
    an_offer,
    short_breaks,
    training,
)

from careweave.domain.family_support.arrangements import (
    Arrangement,
    ArrangementStatus,
    Decline,
    DeclinedBy,
)
from careweave.domain.family_support.calendar import Stay, Unavailability
from careweave.domain.family_support.factors import Factor
from careweave.domain.family_support.homeshare import (
    HelpTask,
    Homesharer,
    HomeshareStatus,
    Householder,
)
from careweave.domain.family_support.households import (
    CarerHousehold,
    DbsCheck,
    HouseholdMember,
    HouseholdStatus,
    MemberRole,
    Reference,
)
from careweave.domain.family_support.occupancy import Occupancy
from careweave.domain.family_support.referrals import Limits, Place, PlaceKind, Referral, Wishes
from careweave.domain.family_support.rules import (
    HardRule,
    breaches,
    homeshare_breaches,
    rooms_that_fit,
)
from careweave.domain.family_support.vocab import (
    AccessFeature,
    ArrangementType,
    PetKind,
    PetWish,
    Skill,
    SmokingRule,
    SupportGroup,
)


def rules_broken(
    referral: Referral | None = None,
    household: CarerHousehold | None = None,
    arrangements: Sequence[Arrangement] = (),
) -> set[HardRule]:
    occupancy = Occupancy(household or a_household(), tuple(arrangements))
    return {b.rule for b in breaches(referral or a_referral(), occupancy, TODAY)}


def test_a_good_pair_breaks_no_rule() -> None:
    assert rules_broken() == set()


@pytest.mark.parametrize(
    ("household", "rule"),
    [
        (a_household(status=HouseholdStatus.ON_HOLD), HardRule.APPROVED),
        (
            a_household(
                approval=an_approval(
                    review_on=TODAY - timedelta(days=1), approved_on=TODAY - timedelta(days=400)
                )
            ),
            HardRule.APPROVED,
        ),
        (a_household(references=(Reference("One", TODAY),)), HardRule.CHECKS),
        (
            a_household(
                offer=an_offer(arrangement_types={ArrangementType.DAY_SUPPORT}, rooms=(), places=0)
            ),
            HardRule.ARRANGEMENT_TYPE,
        ),
        (
            a_household(approval=an_approval(support_groups={SupportGroup.OLDER_PEOPLE})),
            HardRule.SUPPORT_GROUP,
        ),
        (a_household(excluded_person_ids=frozenset({"p-r1"})), HardRule.SAFEGUARDING),
        (
            a_household(unavailable=(Unavailability(TODAY, TODAY + timedelta(days=3)),)),
            HardRule.DATES,
        ),
    ],
    ids=[
        "on hold",
        "review overdue",
        "one reference",
        "day support only",
        "older people only",
        "excluded",
        "away",
    ],
)
def test_the_household_side_rules(household: CarerHousehold, rule: HardRule) -> None:
    assert rule in rules_broken(household=household)


def test_checks_must_hold_on_the_last_night_of_short_breaks_too() -> None:
    stay = Stay(TODAY + timedelta(days=200), TODAY + timedelta(days=203))

    def carer_renewing_on(day: date) -> CarerHousehold:
        dbs = DbsCheck(day.replace(year=day.year - 3))
        return a_household(members=(HouseholdMember("Grace", MemberRole.CARER, dbs),))

    after_the_break = carer_renewing_on(stay.leave_on)
    assert HardRule.CHECKS not in rules_broken(short_breaks("sb", stay), after_the_break)
    household = carer_renewing_on(stay.arrive_on + timedelta(days=1))
    assert HardRule.CHECKS in rules_broken(short_breaks("sb", stay), household)


def test_access_needs_are_met_by_a_room_and_the_home_together() -> None:
    needs = frozenset({AccessFeature.STEP_FREE_ENTRANCE, AccessFeature.LEVEL_ACCESS_SHOWER})
    referral = a_referral(access_needs=needs)
    assert rules_broken(referral) == set()
    assert [r.name for r in rooms_that_fit(referral, Occupancy(a_household()), TODAY)] == [
        "Blue room"
    ]
    hoist = a_referral(access_needs={AccessFeature.CEILING_HOIST})
    assert rules_broken(hoist) == {HardRule.ACCESSIBILITY}


def test_day_support_needs_the_home_itself_to_be_accessible() -> None:
    day = a_referral(
        arrangement_type=ArrangementType.DAY_SUPPORT,
        access_needs={AccessFeature.GROUND_FLOOR_BEDROOM},
    )
    assert rules_broken(day) == {HardRule.ACCESSIBILITY}


def test_skills_the_risks_need_must_be_trained_and_in_date() -> None:
    assert rules_broken(a_referral(skills_needed={Skill.EPILEPSY})) == set()
    assert rules_broken(a_referral(skills_needed={Skill.PEG_FEEDING})) == {HardRule.SKILLS}
    lapsed = a_household(
        training=training(Skill.SAFEGUARDING, Skill.FIRST_AID)
        + training(Skill.EPILEPSY, due_in_days=-1)
    )
    assert rules_broken(a_referral(skills_needed={Skill.EPILEPSY}), lapsed) == {HardRule.SKILLS}


def test_places_and_rooms_taken_by_live_arrangements_count_until_they_end() -> None:
    household = a_household()
    blue = an_arrangement(
        a_referral("a"), household, room="Blue room", status=ArrangementStatus.ACTIVE
    )
    attic = an_arrangement(a_referral("b"), household, room="Attic room")
    assert rules_broken(household=household, arrangements=[blue]) == set()
    assert rules_broken(household=household, arrangements=[blue, attic]) == {HardRule.CAPACITY}
    declined = attic.decline_with(Decline(DeclinedBy.PERSON, frozenset({Factor.PETS})))
    assert rules_broken(household=household, arrangements=[blue, declined]) == set()


def test_the_only_suitable_room_being_taken_is_a_capacity_breach() -> None:
    household = a_household()
    blue = an_arrangement(a_referral("a"), household, room="Blue room")
    needs_shower = a_referral(access_needs={AccessFeature.LEVEL_ACCESS_SHOWER})
    assert rules_broken(needs_shower, household, [blue]) == {HardRule.CAPACITY}


def test_short_breaks_fit_around_other_short_breaks_night_by_night() -> None:
    household = a_household(offer=an_offer(places=1), approval=an_approval(max_people=1))
    booked = an_arrangement(
        short_breaks("a", Stay(TODAY + timedelta(days=5), TODAY + timedelta(days=8))), household
    )
    clash = short_breaks("b", Stay(TODAY + timedelta(days=7), TODAY + timedelta(days=9)))
    after = short_breaks("c", Stay(TODAY + timedelta(days=8), TODAY + timedelta(days=9)))
    assert HardRule.CAPACITY in rules_broken(clash, household, [booked])
    assert rules_broken(after, household, [booked]) == set()


def test_a_long_term_place_is_free_only_if_no_short_break_is_booked_ahead() -> None:
    household = a_household(offer=an_offer(places=1), approval=an_approval(max_people=1))
    booked = an_arrangement(short_breaks("a"), household)
    assert rules_broken(a_referral(), household, [booked]) == {HardRule.CAPACITY}
    starts_after = a_referral(wanted_from=TODAY + timedelta(days=20))
    assert rules_broken(starts_after, household, [booked]) == set()


@pytest.mark.parametrize(
    ("referral", "household"),
    [
        (
            a_referral(wishes=Wishes(pets=PetWish.NO_PETS)),
            a_household(offer=an_offer(pets={PetKind.CAT})),
        ),
        (
            a_referral(limits=Limits(smoke_free_home=True)),
            a_household(offer=an_offer(smoking=SmokingRule.OUTDOORS_ONLY)),
        ),
        (
            a_referral(wishes=Wishes(smokes=True)),
            a_household(offer=an_offer(accepts_smokers=False)),
        ),
        (a_referral(limits=Limits(communication_language="polish")), a_household()),
        (a_referral(limits=Limits(excluded_household_ids=frozenset({"h1"}))), a_household()),
        (
            a_referral(
                wishes=Wishes(near=(Place("Work", PlaceKind.WORK, BOLTON),)),
                limits=Limits(max_distance_km=10),
            ),
            a_household(location=WIGAN),
        ),
    ],
    ids=[
        "no pets",
        "smoke-free",
        "household refuses smokers",
        "language",
        "excluded household",
        "too far",
    ],
)
def test_the_limits_of_either_side(referral: Referral, household: CarerHousehold) -> None:
    assert rules_broken(referral, household) & {HardRule.LIMITS, HardRule.SAFEGUARDING}


def test_someone_who_wants_to_be_the_only_person_supported() -> None:
    household = a_household()
    other = an_arrangement(a_referral("x"), household, status=ArrangementStatus.ACTIVE)
    alone = a_referral(limits=Limits(only_person_supported=True))
    assert rules_broken(alone, household) == set()
    assert rules_broken(alone, household, [other]) == {HardRule.LIMITS}


def test_the_breach_says_why_in_plain_words() -> None:
    occupancy = Occupancy(a_household())
    breach = breaches(a_referral(skills_needed={Skill.PEG_FEEDING}), occupancy, TODAY)[0]
    assert breach.title == "Trained in what the person's risks need"
    assert breach.reason == "no training in date in peg feeding"


def householder(**changes: object) -> Householder:
    fields: dict[str, object] = {
        "name": "Joan",
        "scheme_team_id": "s",
        "address": "1 Park Road",
        "postcode": "WN1 1AA",
        "location": WIGAN,
        "help_wanted": frozenset({HelpTask.SHOPPING, HelpTask.COMPANIONSHIP}),
    }
    fields.update(changes)
    return Householder(**fields)  # type: ignore[arg-type]


def homesharer(**changes: object) -> Homesharer:
    fields: dict[str, object] = {
        "name": "Priya",
        "scheme_team_id": "s",
        "help_offered": frozenset({HelpTask.SHOPPING}),
        "dbs": DbsCheck(TODAY - timedelta(days=10)),
        "references": (Reference("Tutor", TODAY), Reference("Landlord", TODAY)),
    }
    fields.update(changes)
    return Homesharer(**fields)  # type: ignore[arg-type]


def test_homeshare_rules() -> None:
    assert homeshare_breaches(householder(), homesharer(), TODAY) == ()
    assert {b.rule for b in homeshare_breaches(householder(), homesharer(dbs=None), TODAY)} == {
        HardRule.CHECKS
    }
    smoker = homesharer(smokes=True)
    assert {b.rule for b in homeshare_breaches(householder(), smoker, TODAY)} == {HardRule.LIMITS}
    matched = householder(status=HomeshareStatus.MATCHED)
    assert {b.rule for b in homeshare_breaches(matched, homesharer(), TODAY)} == {HardRule.CAPACITY}
