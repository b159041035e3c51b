"""The whole-list matching problem: who may be matched with whom, how well, and into which room.

The problem is pure data built from the hard rules and the compatibility factors, so that any
solver (the scheme's, a baseline, or an independent check) answers exactly the same question:
choose at most one household place for each person, within each household's free places and free
rooms, to make the total compatibility as large as possible.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.compatibility import (
    homeshare_compatibility,
    shared_lives_compatibility,
)
from careweave.domain.family_support.factors import Compatibility, Weights
from careweave.domain.family_support.homeshare import Homesharer, Householder
from careweave.domain.family_support.occupancy import Occupancy
from careweave.domain.family_support.referrals import Referral
from careweave.domain.family_support.rules import (
    Breach,
    breaches,
    fits,
    homeshare_breaches,
    rooms_that_fit,
)
from careweave.domain.family_support.vocab import ArrangementType, SupportGroup

HOMESHARE_ROOM = "spare room"


@dataclass(frozen=True, slots=True)
class Host:
    """A household as the matcher sees it: free overnight places and rooms, free day places."""

    id: str
    places: int
    rooms: tuple[str, ...]
    day_places: int = 0


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pair that breaks no hard rule, with its compatibility and the free rooms that fit.

    ``rooms`` is empty for day support (which uses a day place, not a room).
    """

    seeker_id: str
    host_id: str
    compatibility: Compatibility
    rooms: tuple[str, ...] = ()

    @property
    def overnight(self) -> bool:
        """Whether the pair needs a room and an overnight place."""
        return bool(self.rooms)

    @property
    def points(self) -> int:
        """The pair's total compatibility (what the match maximises)."""
        return self.compatibility.points


@dataclass(frozen=True, slots=True)
class MatchProblem:
    """Seekers, hosts and the candidate pairs between them."""

    seekers: tuple[str, ...]
    hosts: tuple[Host, ...]
    candidates: tuple[Candidate, ...]
    _pairs: dict[tuple[str, str], Candidate] = field(init=False, repr=False, compare=False)
    _hosts: dict[str, Host] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        hosts = {h.id: h for h in self.hosts}
        object.__setattr__(self, "_hosts", hosts)
        object.__setattr__(self, "_pairs", {(c.seeker_id, c.host_id): c for c in self.candidates})
        seekers = set(self.seekers)
        for c in self.candidates:
            if c.seeker_id not in seekers or c.host_id not in hosts:
                raise DomainValidationError("candidate", "names an unknown seeker or host")
            if not set(c.rooms) <= set(hosts[c.host_id].rooms):
                raise DomainValidationError("candidate.rooms", "names a room the host has not")

    def host(self, host_id: str) -> Host:
        """The host with ``host_id``."""
        return self._hosts[host_id]

    def candidate(self, seeker_id: str, host_id: str) -> Candidate | None:
        """The candidate pair, or ``None`` when the pair breaks a hard rule."""
        return self._pairs.get((seeker_id, host_id))


@dataclass(frozen=True, slots=True)
class Match:
    """One person placed with one household (in ``room`` for overnight arrangements)."""

    seeker_id: str
    host_id: str
    room: str | None
    points: int


@dataclass(frozen=True, slots=True)
class Assignment:
    """A solver's answer: the matches and the total compatibility."""

    matches: tuple[Match, ...]

    @property
    def total(self) -> int:
        """The sum of the matched pairs' points."""
        return sum(m.points for m in self.matches)

    def of(self, seeker_id: str) -> Match | None:
        """The seeker's match, or ``None`` while they wait."""
        return next((m for m in self.matches if m.seeker_id == seeker_id), None)


def check_assignment(problem: MatchProblem, assignment: Assignment) -> None:
    """Raise naming what is wrong unless every match is a candidate within places and rooms."""
    seen: set[str] = set()
    rooms: set[tuple[str, str]] = set()
    for m in assignment.matches:
        candidate = problem.candidate(m.seeker_id, m.host_id)
        if candidate is None or m.seeker_id in seen or m.points != candidate.points:
            raise DomainValidationError("match", f"{m.seeker_id} to {m.host_id} is not allowed")
        if candidate.overnight and (m.room not in candidate.rooms or (m.host_id, m.room) in rooms):
            raise DomainValidationError("match.room", f"room {m.room!r} does not fit or is taken")
        seen.add(m.seeker_id)
        if m.room is not None:
            rooms.add((m.host_id, m.room))
    for host in problem.hosts:
        at_host = [m for m in assignment.matches if m.host_id == host.id]
        if sum(m.room is not None for m in at_host) > host.places:
            raise DomainValidationError("match", f"{host.id} has more people than places")
        if sum(m.room is None for m in at_host) > host.day_places:
            raise DomainValidationError("match", f"{host.id} has more people than day places")


def shared_lives_problem(
    referrals: Sequence[Referral],
    occupancies: Sequence[Occupancy],
    weights: Weights,
    today: date,
) -> tuple[MatchProblem, Mapping[tuple[str, str], tuple[Breach, ...]]]:
    """The whole-list problem of waiting long-term and day-support referrals on ``today``, and,
    for each person no household fits, the hard rules each household breaks (to say why).

    Short breaks are fitted into calendars separately; they hold their places here.
    """
    seekers = [
        r for r in referrals if r.waiting and r.arrangement_type is not ArrangementType.SHORT_BREAKS
    ]
    hosts = tuple(
        Host(
            o.household.id,
            o.free_places_from(today),
            tuple(r.name for r in o.free_rooms_from(today)),
            o.free_day_places_from(today),
        )
        for o in occupancies
    )
    candidates: list[Candidate] = []
    refused: dict[tuple[str, str], tuple[Breach, ...]] = {}
    offering = _offering(occupancies)
    for referral in seekers:
        kind_and_group = (referral.arrangement_type, referral.support_group)
        pairs = [(occupancies[i], hosts[i]) for i in offering.get(kind_and_group, ())]
        mine = _candidates(referral, pairs, weights, today)
        if not mine:
            refused |= explain_refusals(referral, occupancies, today)
        candidates += mine
    return MatchProblem(tuple(r.id for r in seekers), hosts, tuple(candidates)), refused


def _offering(
    occupancies: Sequence[Occupancy],
) -> dict[tuple[ArrangementType, SupportGroup], list[int]]:
    # An index, not a rule: which households offer each kind to each group, so that the hard
    # rules (which check both again) run on a long list's likely pairs only.
    index: dict[tuple[ArrangementType, SupportGroup], list[int]] = {}
    for i, o in enumerate(occupancies):
        groups = o.household.approval.support_groups if o.household.approval else ()
        for kind in o.household.offer.arrangement_types:
            for group in groups:
                index.setdefault((kind, group), []).append(i)
    return index


def _candidates(
    referral: Referral,
    pairs: Sequence[tuple[Occupancy, Host]],
    weights: Weights,
    today: date,
) -> list[Candidate]:
    found = []
    for occupancy, host in pairs:
        if not fits(referral, occupancy, today):
            continue
        fit = tuple(r.name for r in rooms_that_fit(referral, occupancy, today))
        rooms = tuple(r for r in fit if r in host.rooms)
        if referral.arrangement_type.overnight and not rooms:
            continue  # a room frees only later than today: not offered by this match
        compatibility = shared_lives_compatibility(referral, occupancy.household, weights)
        found.append(Candidate(referral.id, host.id, compatibility, rooms))
    return found


def explain_refusals(
    referral: Referral, occupancies: Sequence[Occupancy], today: date
) -> dict[tuple[str, str], tuple[Breach, ...]]:
    """Every hard rule each household breaks with ``referral``, keyed by (referral, household)."""
    return {(referral.id, o.household.id): breaches(referral, o, today) for o in occupancies}


def homeshare_problem(
    householders: Sequence[Householder],
    homesharers: Sequence[Homesharer],
    weights: Weights,
    today: date,
) -> MatchProblem:
    """The whole-list problem of Homeshare: each waiting householder hosts one homesharer."""
    hosts = tuple(Host(h.id, 1, (HOMESHARE_ROOM,)) for h in householders)
    candidates = tuple(
        Candidate(s.id, h.id, homeshare_compatibility(h, s, weights), (HOMESHARE_ROOM,))
        for s in homesharers
        for h in householders
        if not homeshare_breaches(h, s, today)
    )
    return MatchProblem(tuple(s.id for s in homesharers), hosts, candidates)


def shortlist(candidates: Sequence[Candidate], seeker_id: str, size: int) -> tuple[Candidate, ...]:
    """The seeker's best ``size`` households by total compatibility, best first (ties by id)."""
    mine = [c for c in candidates if c.seeker_id == seeker_id]
    return tuple(sorted(mine, key=lambda c: (-c.points, c.host_id))[:size])
