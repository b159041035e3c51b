"""The hard rules of a match: a household that breaks one is never proposed, and a match that
breaks one is refused with the rule named.

Checked on the day the arrangement would start (and, for short breaks, on the last night too):
approved by panel and in date; checks in date; the kind of arrangement offered and the person's
support group approved; a place and a room that fits free on the dates; available on the dates;
the home's access and the training the person's risks need; safeguarding exclusions either way;
the person's limits and the household's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from careweave.domain.family_support.calendar import nights_of
from careweave.domain.family_support.homeshare import Homesharer, HomeshareStatus, Householder
from careweave.domain.family_support.occupancy import Occupancy
from careweave.domain.family_support.offer import Room
from careweave.domain.family_support.referrals import Referral
from careweave.domain.family_support.vocab import ArrangementType, PetWish, SmokingRule


class HardRule(StrEnum):
    """The rules no match may break."""

    APPROVED = "approved"
    CHECKS = "checks"
    ARRANGEMENT_TYPE = "arrangement_type"
    SUPPORT_GROUP = "support_group"
    ACCESSIBILITY = "accessibility"
    SKILLS = "skills"
    CAPACITY = "capacity"
    DATES = "dates"
    SAFEGUARDING = "safeguarding"
    LIMITS = "limits"


HARD_RULE_TITLES: dict[HardRule, str] = {
    HardRule.APPROVED: "Approved by panel and in date",
    HardRule.CHECKS: "DBS, references and training in date",
    HardRule.ARRANGEMENT_TYPE: "Offers this kind of arrangement",
    HardRule.SUPPORT_GROUP: "Approved to support this person",
    HardRule.ACCESSIBILITY: "A room and home the person can use",
    HardRule.SKILLS: "Trained in what the person's risks need",
    HardRule.CAPACITY: "A place and a room free on the dates",
    HardRule.DATES: "Available on the dates",
    HardRule.SAFEGUARDING: "No safeguarding exclusion",
    HardRule.LIMITS: "Within the person's and the household's limits",
}


@dataclass(frozen=True, slots=True)
class Breach:
    """One hard rule a pair breaks, and why in plain words."""

    rule: HardRule
    reason: str

    @property
    def title(self) -> str:
        """The rule's name for people."""
        return HARD_RULE_TITLES[self.rule]


def start_day(referral: Referral, today: date) -> date:
    """The first day an arrangement for ``referral`` could start when matched ``today``."""
    return max(referral.wanted_from, today)


def check_days(referral: Referral, today: date) -> tuple[date, ...]:
    """The days approval and checks must hold: the start, and the last night of short breaks."""
    first = start_day(referral, today)
    if referral.arrangement_type is ArrangementType.SHORT_BREAKS:
        return (first, referral.stays[-1].leave_on - timedelta(days=1))
    return (first,)


def rooms_that_fit(referral: Referral, occupancy: Occupancy, today: date) -> tuple[Room, ...]:
    """The rooms free for the whole of the arrangement that meet the person's access needs.

    Empty for day support, which needs no room.
    """
    kind = referral.arrangement_type
    if not kind.overnight:
        return ()
    home = occupancy.household.offer.home_features
    if kind is ArrangementType.SHORT_BREAKS:
        nights = nights_of(referral.stays)
        free = [
            r
            for r in occupancy.household.offer.rooms
            if all(r in occupancy.free_rooms_on(n) for n in nights)
        ]
    else:
        free = list(occupancy.free_rooms_from(start_day(referral, today)))
    return tuple(r for r in free if r.fits(referral.access_needs, home))


def breaches(referral: Referral, occupancy: Occupancy, today: date) -> tuple[Breach, ...]:
    """Every hard rule ``referral`` and the household of ``occupancy`` break (empty: a fit)."""
    found = _approval_breaches(referral, occupancy, today)
    found += _need_breaches(referral, occupancy, today)
    found += _capacity_breaches(referral, occupancy, today)
    found += _limit_breaches(referral, occupancy, today)
    return tuple(found)


def _approval_breaches(referral: Referral, occupancy: Occupancy, today: date) -> list[Breach]:
    household = occupancy.household
    found: list[Breach] = []
    for day in check_days(referral, today):
        if not household.approved_on(day):
            found.append(Breach(HardRule.APPROVED, f"not approved and in date on {day:%d %b %Y}"))
            break
    for day in check_days(referral, today):
        problems = household.check_problems(day)
        if problems:
            found.append(Breach(HardRule.CHECKS, f"on {day:%d %b %Y}: " + "; ".join(problems)))
            break
    if not household.offers(referral.arrangement_type):
        found.append(
            Breach(
                HardRule.ARRANGEMENT_TYPE,
                f"does not offer {referral.arrangement_type.value.replace('_', ' ')}",
            )
        )
    groups = household.approval.support_groups if household.approval else frozenset()
    if referral.support_group not in groups:
        found.append(
            Breach(
                HardRule.SUPPORT_GROUP,
                f"not approved for {referral.support_group.value.replace('_', ' ')}",
            )
        )
    return found


def _need_breaches(referral: Referral, occupancy: Occupancy, today: date) -> list[Breach]:
    household = occupancy.household
    found: list[Breach] = []
    offer = household.offer
    if referral.arrangement_type.overnight and not any(
        r.fits(referral.access_needs, offer.home_features) for r in offer.rooms
    ):
        found.append(
            Breach(HardRule.ACCESSIBILITY, "no room and home with " + _words(referral.access_needs))
        )
    if not referral.arrangement_type.overnight and not referral.access_needs <= offer.home_features:
        found.append(
            Breach(
                HardRule.ACCESSIBILITY,
                "the home lacks " + _words(referral.access_needs - offer.home_features),
            )
        )
    missing = referral.skills_needed - household.skills_on(start_day(referral, today))
    if missing:
        found.append(Breach(HardRule.SKILLS, "no training in date in " + _words(missing)))
    return found


def _capacity_breaches(referral: Referral, occupancy: Occupancy, today: date) -> list[Breach]:
    kind, household = referral.arrangement_type, occupancy.household
    start = start_day(referral, today)
    found: list[Breach] = []
    if kind is ArrangementType.SHORT_BREAKS:
        nights = sorted(nights_of(referral.stays))
        if not household.available_on(nights):
            found.append(
                Breach(HardRule.DATES, "away or not hosting on some of the nights asked for")
            )
        full = [n for n in nights if occupancy.free_places_on(n) < 1]
        if full:
            found.append(
                Breach(
                    HardRule.CAPACITY,
                    f"no place free on {len(full)} of the nights, first {full[0]:%d %b}",
                )
            )
    elif kind is ArrangementType.LONG_TERM:
        if not household.available_on([start]):
            found.append(Breach(HardRule.DATES, f"not hosting on {start:%d %b %Y}"))
        if occupancy.free_places_from(start) < 1:
            found.append(Breach(HardRule.CAPACITY, f"no place free from {start:%d %b %Y}"))
    elif occupancy.free_day_places_from(start) < 1:
        found.append(Breach(HardRule.CAPACITY, f"no day place free from {start:%d %b %Y}"))
    offer = household.offer
    fits_some_room = any(r.fits(referral.access_needs, offer.home_features) for r in offer.rooms)
    if kind.overnight and fits_some_room and not rooms_that_fit(referral, occupancy, today):
        found.append(Breach(HardRule.CAPACITY, "no suitable room free for the whole arrangement"))
    return found


def _limit_breaches(referral: Referral, occupancy: Occupancy, today: date) -> list[Breach]:
    household, limits, wishes = occupancy.household, referral.limits, referral.wishes
    offer = household.offer
    found: list[Breach] = []
    if (
        household.id in limits.excluded_household_ids
        or referral.person_id in household.excluded_person_ids
    ):
        found.append(Breach(HardRule.SAFEGUARDING, "a safeguarding exclusion is recorded"))
    checks = (
        (
            wishes.pets is PetWish.NO_PETS and bool(offer.pets),
            "no animals wanted; the household has " + _words(offer.pets),
        ),
        (
            limits.smoke_free_home and offer.smoking is not SmokingRule.SMOKE_FREE,
            "a smoke-free home is needed",
        ),
        (limits.no_children and household.has_children, "no children in the home is needed"),
        (
            wishes.smokes and not offer.accepts_smokers,
            "the household does not accept someone who smokes",
        ),
        (
            limits.only_person_supported and occupancy.others_from(start_day(referral, today)) > 0,
            "wants to be the only person the household supports",
        ),
        (
            bool(limits.communication_language)
            and limits.communication_language not in offer.languages,
            f"nobody speaks {limits.communication_language}",
        ),
    )
    found += [Breach(HardRule.LIMITS, reason) for broken, reason in checks if broken]
    if limits.max_distance_km is not None:
        far = [
            p
            for p in wishes.near
            if p.location.distance_km(household.location) > limits.max_distance_km
        ]
        found += [
            Breach(HardRule.LIMITS, f"more than {limits.max_distance_km:g} km from {p.label}")
            for p in far
        ]
    return found


def _words(values: Iterable[object]) -> str:
    return ", ".join(sorted(str(v).replace("_", " ") for v in values)) or "nothing"


def homeshare_breaches(
    householder: Householder, homesharer: Homesharer, today: date
) -> tuple[Breach, ...]:
    """Every hard rule a householder and a homesharer break (empty: a fit)."""
    found = [Breach(HardRule.CHECKS, p) for p in homesharer.check_problems(today)]
    waiting = HomeshareStatus.WAITING
    if householder.status is not waiting or homesharer.status is not waiting:
        found.append(Breach(HardRule.CAPACITY, "one of them is already matched or has left"))
    checks = (
        (
            homesharer.pets is PetWish.NO_PETS and bool(householder.pets),
            "no animals wanted; the householder has " + _words(householder.pets),
        ),
        (
            homesharer.smokes and not householder.accepts_smokers,
            "the householder does not accept someone who smokes",
        ),
    )
    found += [Breach(HardRule.LIMITS, reason) for broken, reason in checks if broken]
    if homesharer.max_distance_km is not None:
        found += [
            Breach(HardRule.LIMITS, f"more than {homesharer.max_distance_km:g} km from {p.label}")
            for p in homesharer.near
            if p.location.distance_km(householder.location) > homesharer.max_distance_km
        ]
    return tuple(found)
