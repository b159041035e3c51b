"""The match board: the best whole-list match of a scheme's waiting list with the reasons, each
person's shortlist, the stability report, short breaks fitted into calendars, and proposing a
match, which starts an introduction (the people decide, not the algorithm)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.arrangements import Arrangement
from careweave.domain.family_support.compatibility import shared_lives_compatibility
from careweave.domain.family_support.factors import Weights
from careweave.domain.family_support.households import CarerHousehold
from careweave.domain.family_support.matching import (
    Assignment,
    Candidate,
    Match,
    shared_lives_problem,
    shortlist,
)
from careweave.domain.family_support.occupancy import Occupancy
from careweave.domain.family_support.referrals import Referral
from careweave.domain.family_support.rules import Breach, breaches, rooms_that_fit, start_day
from careweave.domain.family_support.short_breaks import short_break_problem
from careweave.domain.family_support.stability import BlockingPair, blocking_pairs
from careweave.domain.family_support.vocab import ArrangementType
from careweave.domain.people.person import Person
from careweave.services.accounts.access import Actor
from careweave.services.accounts.audit import AuditTrail
from careweave.services.family_support.access import check_can_lead_scheme, check_can_run_scheme
from careweave.services.family_support.audit_kinds import ARRANGEMENT, SCHEME
from careweave.services.family_support.short_break_planner import plan_short_breaks
from careweave.services.family_support.solver import solve_whole_list
from careweave.services.family_support.unit_of_work import FamilySupportUnitOfWork

SHORTLIST_SIZE = 3
WEEKDAYS = frozenset(range(5))
# Placeholder carer rates in pence per night (per day for day support): each scheme sets its own.
DEFAULT_RATE_PENCE: Mapping[ArrangementType, int] = {
    ArrangementType.LONG_TERM: 6500,
    ArrangementType.SHORT_BREAKS: 8000,
    ArrangementType.DAY_SUPPORT: 6000,
}


@dataclass(frozen=True, slots=True)
class Option:
    """One household on a person's shortlist, with every factor's reason."""

    household: CarerHousehold
    candidate: Candidate
    in_best_match: bool


@dataclass(frozen=True, slots=True)
class BoardRow:
    """One person on the waiting list: their place in the best match, or why they wait."""

    referral: Referral
    person: Person
    match: Match | None
    household: CarerHousehold | None
    options: tuple[Option, ...]
    waiting_reason: str
    blocking: tuple[BlockingPair, ...]


@dataclass(frozen=True, slots=True)
class MatchBoard:
    """The scheme's board on ``day``."""

    day: date
    weights: Weights
    rows: tuple[BoardRow, ...]
    total_points: int
    blocking: tuple[BlockingPair, ...]
    short_breaks_proved_optimal: bool

    @property
    def matched(self) -> int:
        """People the best match places."""
        return sum(r.match is not None for r in self.rows)

    @property
    def stable(self) -> bool:
        """Whether no person and household would both rather have each other."""
        return not self.blocking


def waiting_reason(
    referral_id: str,
    options: Sequence[Candidate],
    refused: Mapping[tuple[str, str], tuple[Breach, ...]],
) -> str:
    """Why someone the best match does not place is waiting, in plain words."""
    if options:
        return "every household that fits has its places given to people it fits better"
    rules = Counter(
        b.title
        for (r, _), found in refused.items()
        if r == referral_id
        for b in {x.rule: x for x in found}.values()
    )
    if not rules:
        return "the scheme has no household yet"
    top = "; ".join(f"{title} ({n} households)" for title, n in rules.most_common(2))
    return f"no household meets every hard rule: {top}"


class MatchService:
    """The match board, the scheme's weights, and proposing a match."""

    def __init__(self, uow_factory: Callable[[], FamilySupportUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def weights(self, actor: Actor, scheme_team_id: str) -> Weights:
        """The scheme's weights."""
        check_can_run_scheme(actor, scheme_team_id)
        with self._uow_factory() as uow:
            return uow.scheme_weights.get(scheme_team_id)

    def set_weights(self, actor: Actor, scheme_team_id: str, weights: Weights) -> Weights:
        """Set the scheme's weights (its coordinator)."""
        check_can_lead_scheme(actor, scheme_team_id)
        with self._uow_factory() as uow:
            uow.teams.get(scheme_team_id)
            uow.scheme_weights.put(scheme_team_id, weights)
            self._audit.record(
                uow,
                actor,
                AuditAction.UPDATE,
                SCHEME,
                scheme_team_id,
                team_id=scheme_team_id,
                detail="weights",
            )
            uow.commit()
        return weights

    def board(self, actor: Actor, scheme_team_id: str) -> MatchBoard:
        """The best match of the whole waiting list, short breaks, shortlists and stability."""
        check_can_run_scheme(actor, scheme_team_id)
        today = self._clock.today()
        with self._uow_factory() as uow:
            weights = uow.scheme_weights.get(scheme_team_id)
            occupancies = _occupancies(uow, scheme_team_id)
            referrals = [r for r in uow.referrals.list(scheme_team_id=scheme_team_id) if r.waiting]
            people = {p.id: p for p in uow.people.list(ids={r.person_id for r in referrals})}
            self._audit.record(
                uow,
                actor,
                AuditAction.LIST,
                SCHEME,
                scheme_team_id,
                team_id=scheme_team_id,
                detail="match board",
            )
            uow.commit()
        problem, refused = shared_lives_problem(referrals, occupancies, weights, today)
        assignment = solve_whole_list(problem)
        breaks, refused_breaks = short_break_problem(referrals, occupancies, weights, today)
        plan, proved = plan_short_breaks(breaks)
        blocking = blocking_pairs(problem, assignment)
        households = {o.household.id: o.household for o in occupancies}
        everything = Assignment(assignment.matches + plan.matches)
        candidates = (*problem.candidates, *breaks.candidates)
        rows = tuple(
            _row(
                r,
                people[r.person_id],
                everything,
                candidates,
                households,
                {**refused, **refused_breaks},
                blocking,
            )
            for r in referrals
        )
        return MatchBoard(today, weights, rows, everything.total, blocking, proved)

    def propose(
        self,
        actor: Actor,
        referral_id: str,
        household_id: str,
        *,
        room: str | None = None,
        rate_pence: int | None = None,
        weekdays: frozenset[int] = WEEKDAYS,
    ) -> Arrangement:
        """Start introductions between a person and a household; a pair that breaks a hard rule
        is refused with the rule named, and nothing is written."""
        today = self._clock.today()
        with self._uow_factory() as uow:
            referral = uow.referrals.get(referral_id)
            check_can_run_scheme(actor, referral.scheme_team_id)
            household = uow.households.get(household_id)
            if household.scheme_team_id != referral.scheme_team_id:
                raise DomainValidationError(
                    "match.household_id", "is a household of another scheme"
                )
            if not referral.waiting:
                raise DomainValidationError("match.referral_id", "this person is not waiting")
            occupancy = Occupancy(
                household, tuple(uow.arrangements.list(household_id=household_id))
            )
            arrangement = _proposal(
                referral,
                occupancy,
                today,
                room,
                rate_pence,
                weekdays,
                uow.scheme_weights.get(referral.scheme_team_id),
            )
            uow.arrangements.add(arrangement)
            uow.referrals.update(referral.start_introductions())
            self._audit.record(
                uow,
                actor,
                AuditAction.CREATE,
                ARRANGEMENT,
                arrangement.id,
                team_id=referral.scheme_team_id,
                detail="introduction",
            )
            uow.commit()
        return arrangement


def _occupancies(uow: FamilySupportUnitOfWork, scheme_team_id: str) -> list[Occupancy]:
    arrangements = uow.arrangements.list(scheme_team_id=scheme_team_id)
    return [
        Occupancy(h, tuple(a for a in arrangements if a.household_id == h.id))
        for h in uow.households.list(scheme_team_id=scheme_team_id)
    ]


def _proposal(
    referral: Referral,
    occupancy: Occupancy,
    today: date,
    room: str | None,
    rate_pence: int | None,
    weekdays: frozenset[int],
    weights: Weights,
) -> Arrangement:
    broken = breaches(referral, occupancy, today)
    if broken:
        first = broken[0]
        raise DomainValidationError("match", f"refused by the rule '{first.title}': {first.reason}")
    kind = referral.arrangement_type
    fitting = [r.name for r in rooms_that_fit(referral, occupancy, today)]
    if kind.overnight:
        room = room or fitting[0]
        if room not in fitting:
            raise DomainValidationError(
                "match.room",
                f"{room!r} is not a free room that fits; choose from {', '.join(fitting)}",
            )
    compatibility = shared_lives_compatibility(referral, occupancy.household, weights)
    return Arrangement(
        referral_id=referral.id,
        person_id=referral.person_id,
        household_id=occupancy.household.id,
        scheme_team_id=referral.scheme_team_id,
        arrangement_type=kind,
        proposed_on=today,
        starts_on=start_day(referral, today),
        rate_pence=DEFAULT_RATE_PENCE[kind] if rate_pence is None else rate_pence,
        room=room if kind.overnight else None,
        stays=referral.stays,
        weekdays=weekdays if kind is ArrangementType.DAY_SUPPORT else frozenset(),
        points=compatibility.points,
    )


def _row(
    referral: Referral,
    person: Person,
    assignment: Assignment,
    candidates: Sequence[Candidate],
    households: Mapping[str, CarerHousehold],
    refused: Mapping[tuple[str, str], tuple[Breach, ...]],
    blocking: Sequence[BlockingPair],
) -> BoardRow:
    mine = [c for c in candidates if c.seeker_id == referral.id]
    match = assignment.of(referral.id)
    best = shortlist(mine, referral.id, SHORTLIST_SIZE)
    options = tuple(
        Option(households[c.host_id], c, match is not None and match.host_id == c.host_id)
        for c in best
    )
    return BoardRow(
        referral,
        person,
        match,
        households[match.host_id] if match else None,
        options,
        "" if match else waiting_reason(referral.id, mine, refused),
        tuple(b for b in blocking if b.seeker_id == referral.id),
    )
