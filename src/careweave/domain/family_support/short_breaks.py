"""Short breaks: fitting the stays people ask for into households' calendars, night by night.

Like the whole-list match, but a place and a room are held only on the nights of each stay, so two
people whose breaks do not share a night can use the same room. Each person's stays go to one
household (the same carers every time is what makes short breaks work) and one room there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.calendar import nights_of
from careweave.domain.family_support.compatibility import shared_lives_compatibility
from careweave.domain.family_support.factors import Weights
from careweave.domain.family_support.matching import Assignment, Candidate, explain_refusals
from careweave.domain.family_support.occupancy import Occupancy
from careweave.domain.family_support.referrals import Referral
from careweave.domain.family_support.rules import Breach, fits, rooms_that_fit
from careweave.domain.family_support.vocab import ArrangementType


@dataclass(frozen=True, slots=True)
class ShortBreakProblem:
    """Who asks for which nights, the pairs that break no rule, and the places free each night."""

    nights: Mapping[str, frozenset[date]]
    candidates: tuple[Candidate, ...]
    free_places: Mapping[tuple[str, date], int]

    @property
    def seekers(self) -> tuple[str, ...]:
        """The people asking for short breaks."""
        return tuple(self.nights)


def short_break_problem(
    referrals: Sequence[Referral],
    occupancies: Sequence[Occupancy],
    weights: Weights,
    today: date,
) -> tuple[ShortBreakProblem, Mapping[tuple[str, str], tuple[Breach, ...]]]:
    """The problem of the waiting short-break referrals, and, for each person no household fits,
    the hard rules each household breaks (to say why)."""
    seekers = [
        r for r in referrals if r.waiting and r.arrangement_type is ArrangementType.SHORT_BREAKS
    ]
    nights = {r.id: nights_of(r.stays) for r in seekers}
    asked = frozenset().union(*nights.values()) if nights else frozenset()
    free_places = {
        (o.household.id, night): o.free_places_on(night) for o in occupancies for night in asked
    }
    candidates: list[Candidate] = []
    refused: dict[tuple[str, str], tuple[Breach, ...]] = {}
    for referral in seekers:
        mine = [
            Candidate(
                referral.id,
                o.household.id,
                shared_lives_compatibility(referral, o.household, weights),
                tuple(r.name for r in rooms_that_fit(referral, o, today)),
            )
            for o in occupancies
            if fits(referral, o, today)
        ]
        if not mine:
            refused |= explain_refusals(referral, occupancies, today)
        candidates += mine
    problem = ShortBreakProblem(nights, tuple(candidates), free_places)
    return problem, refused


def check_short_break_plan(problem: ShortBreakProblem, plan: Assignment) -> None:
    """Raise naming what is wrong unless every match is a candidate, no room is booked twice on a
    night and no household has more guests on a night than places."""
    pairs = {(c.seeker_id, c.host_id): c for c in problem.candidates}
    rooms: Counter[tuple[str, str | None, date]] = Counter()
    guests: Counter[tuple[str, date]] = Counter()
    if len({m.seeker_id for m in plan.matches}) != len(plan.matches):
        raise DomainValidationError("match", "someone is placed twice")
    for m in plan.matches:
        candidate = pairs.get((m.seeker_id, m.host_id))
        if candidate is None or m.room not in candidate.rooms:
            raise DomainValidationError("match", f"{m.seeker_id} to {m.host_id} is not allowed")
        for night in problem.nights[m.seeker_id]:
            rooms[(m.host_id, m.room, night)] += 1
            guests[(m.host_id, night)] += 1
    if any(n > 1 for n in rooms.values()):
        raise DomainValidationError("match.room", "a room is booked twice on one night")
    for (host, night), n in guests.items():
        if n > problem.free_places.get((host, night), 0):
            raise DomainValidationError("match", f"{host} has too many guests on {night}")
