"""The hard rules of a match: a household that breaks one is never proposed, and a match that
breaks one is refused with the rule named.

Checked on the day the arrangement would start (and, for short breaks, on the last night too):
approved by panel and in date; checks in date; the kind of arrangement offered and the person's
support group approved; a place and a room that fits free on the dates; available on the dates;
the home's access and the training the person's risks need; safeguarding exclusions either way;
the person's limits and the household's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


def _offers_kind(referral: Referral, occupancy: Occupancy, _today: date) -> str | None:
    if occupancy.household.offers(referral.arrangement_type):
        return None
    return f"does not offer {_word(referral.arrangement_type)}"


def _approved_for_group(referral: Referral, occupancy: Occupancy, _today: date) -> str | None:
    approval = occupancy.household.approval
    if approval is not None and referral.support_group in approval.support_groups:
        return None
    return f"not approved for {_word(referral.support_group)}"


def _approved_in_date(referral: Referral, occupancy: Occupancy, today: date) -> str | None:
    for day in check_days(referral, today):
        if not occupancy.approved_on(day):
            return f"not approved and in date on {day:%d %b %Y}"
    return None


def _checks_in_date(referral: Referral, occupancy: Occupancy, today: date) -> str | None:
    for day in check_days(referral, today):
        problems = occupancy.check_problems(day)
        if problems:
            return f"on {day:%d %b %Y}: " + "; ".join(problems)
    return None


def _no_exclusion(referral: Referral, occupancy: Occupancy, _today: date) -> str | None:
    household = occupancy.household
    if (
        household.id in referral.limits.excluded_household_ids
        or referral.person_id in household.excluded_person_ids
    ):
        return "a safeguarding exclusion is recorded"
    return None


def _trained(referral: Referral, occupancy: Occupancy, today: date) -> str | None:
    missing = referral.skills_needed - occupancy.skills_on(start_day(referral, today))
    return "no training in date in " + _words(missing) if missing else None


def _accessible(referral: Referral, occupancy: Occupancy, _today: date) -> str | None:
    needs, offer = referral.access_needs, occupancy.household.offer
    if not needs:
        return None
    if not referral.arrangement_type.overnight:
        lacking = needs - offer.home_features
        return "the home lacks " + _words(lacking) if lacking else None
    if any(r.fits(needs, offer.home_features) for r in offer.rooms):
        return None
    return "no room and home with " + _words(needs)


def _available(referral: Referral, occupancy: Occupancy, today: date) -> str | None:
    household, kind = occupancy.household, referral.arrangement_type
    if kind is ArrangementType.SHORT_BREAKS:
        if not household.available_on(sorted(nights_of(referral.stays))):
            return "away or not hosting on some of the nights asked for"
    elif kind is ArrangementType.LONG_TERM:
        start = start_day(referral, today)
        if not household.available_on([start]):
            return f"not hosting on {start:%d %b %Y}"
    return None


def _place_free(referral: Referral, occupancy: Occupancy, today: date) -> str | None:
    kind, start = referral.arrangement_type, start_day(referral, today)
    reasons: list[str] = []
    if kind is ArrangementType.SHORT_BREAKS:
        full = [n for n in sorted(nights_of(referral.stays)) if occupancy.free_places_on(n) < 1]
        if full:
            reasons.append(f"no place free on {len(full)} of the nights, first {full[0]:%d %b}")
    elif kind is ArrangementType.LONG_TERM and occupancy.free_places_from(start) < 1:
        reasons.append(f"no place free from {start:%d %b %Y}")
    elif kind is ArrangementType.DAY_SUPPORT and occupancy.free_day_places_from(start) < 1:
        reasons.append(f"no day place free from {start:%d %b %Y}")
    offer = occupancy.household.offer
    fits_some_room = any(r.fits(referral.access_needs, offer.home_features) for r in offer.rooms)
    if kind.overnight and fits_some_room and not rooms_that_fit(referral, occupancy, today):
        reasons.append("no suitable room free for the whole arrangement")
    return "; ".join(reasons) or None


def _within_limits(referral: Referral, occupancy: Occupancy, today: date) -> str | None:
    household, limits, wishes = occupancy.household, referral.limits, referral.wishes
    offer = household.offer
    reasons = []
    if wishes.pets is PetWish.NO_PETS and offer.pets:
        reasons.append("no animals wanted; the household has " + _words(offer.pets))
    if limits.smoke_free_home and offer.smoking is not SmokingRule.SMOKE_FREE:
        reasons.append("a smoke-free home is needed")
    if limits.no_children and household.has_children:
        reasons.append("no children in the home is needed")
    if wishes.smokes and not offer.accepts_smokers:
        reasons.append("the household does not accept someone who smokes")
    if limits.only_person_supported and occupancy.others_from(start_day(referral, today)) > 0:
        reasons.append("wants to be the only person the household supports")
    language = limits.communication_language
    if language and language not in offer.languages:
        reasons.append(f"nobody speaks {language}")
    if limits.max_distance_km is not None:
        reasons += [
            f"more than {limits.max_distance_km:g} km from {p.label}"
            for p in wishes.near
            if p.location.distance_km(household.location) > limits.max_distance_km
        ]
    return "; ".join(reasons) or None


Check = Callable[[Referral, Occupancy, date], "str | None"]

# Each rule once, as a check that gives the reason it is broken (or None). Cheap and selective
# checks come first, so that :func:`fits` stops early on most pairs of a long list.
CHECKS: tuple[tuple[HardRule, Check], ...] = (
    (HardRule.ARRANGEMENT_TYPE, _offers_kind),
    (HardRule.SUPPORT_GROUP, _approved_for_group),
    (HardRule.APPROVED, _approved_in_date),
    (HardRule.CHECKS, _checks_in_date),
    (HardRule.SAFEGUARDING, _no_exclusion),
    (HardRule.SKILLS, _trained),
    (HardRule.ACCESSIBILITY, _accessible),
    (HardRule.LIMITS, _within_limits),
    (HardRule.DATES, _available),
    (HardRule.CAPACITY, _place_free),
)


def breaches(referral: Referral, occupancy: Occupancy, today: date) -> tuple[Breach, ...]:
    """Every hard rule ``referral`` and the household of ``occupancy`` break (empty: a fit)."""
    found = ((rule, check(referral, occupancy, today)) for rule, check in CHECKS)
    return tuple(Breach(rule, reason) for rule, reason in found if reason is not None)


def fits(referral: Referral, occupancy: Occupancy, today: date) -> bool:
    """Whether the pair breaks no hard rule (stops at the first broken one)."""
    return all(check(referral, occupancy, today) is None for _, check in CHECKS)


def _word(value: object) -> str:
    return str(value).replace("_", " ")


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
