"""Whether a match is stable: no person and household who would both rather be matched to each
other than keep what they got.

Each side ranks the other by its own view of the compatibility (the person by the factors that
are theirs or shared, the household by its own and the shared ones; see ``factors``). A person
prefers any household they may be matched with to waiting. A household would take a person if it
has a free place and a free room that fits them, or if it would rather have them than someone it
got and that person's room (or a free one) fits them. Ties are not a preference.

The check reads only the problem and the answer, never the solver, so it is an independent check
of any matcher's result.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from careweave.domain.family_support.matching import Assignment, Candidate, Match, MatchProblem


@dataclass(frozen=True, slots=True)
class BlockingPair:
    """A person and a household who would both rather be matched to each other."""

    seeker_id: str
    host_id: str
    displaces: str | None

    @property
    def reason(self) -> str:
        """Why the pair blocks, in plain words."""
        if self.displaces is None:
            return "the household has a free place and room that fits, and the person prefers it"
        return "both prefer each other to the person and household they were given"


def blocking_pairs(problem: MatchProblem, assignment: Assignment) -> tuple[BlockingPair, ...]:
    """Every blocking pair of ``assignment`` (empty: the match is stable)."""
    by_host: dict[str, list[Match]] = defaultdict(list)
    for m in assignment.matches:
        by_host[m.host_id].append(m)
    by_seeker = {m.seeker_id: m for m in assignment.matches}
    found: list[BlockingPair] = []
    for candidate in problem.candidates:
        mine = by_seeker.get(candidate.seeker_id)
        if mine is not None and mine.host_id == candidate.host_id:
            continue
        if mine is not None and not _person_prefers(problem, candidate, mine):
            continue
        taken = by_host[candidate.host_id]
        if _has_room_for(problem, candidate, taken):
            found.append(BlockingPair(candidate.seeker_id, candidate.host_id, None))
            continue
        for other in sorted(taken, key=lambda m: m.seeker_id):
            if _household_prefers(problem, candidate, other, taken):
                found.append(BlockingPair(candidate.seeker_id, candidate.host_id, other.seeker_id))
                break
    return tuple(found)


def _person_prefers(problem: MatchProblem, candidate: Candidate, mine: Match) -> bool:
    current = problem.candidate(mine.seeker_id, mine.host_id)
    assert current is not None  # every match is a candidate (check_assignment)
    return candidate.compatibility.person_points > current.compatibility.person_points


def _has_room_for(problem: MatchProblem, candidate: Candidate, taken: list[Match]) -> bool:
    host = problem.host(candidate.host_id)
    if not candidate.overnight:
        return sum(m.room is None for m in taken) < host.day_places
    used = {m.room for m in taken}
    places_left = sum(m.room is not None for m in taken) < host.places
    return places_left and any(r not in used for r in candidate.rooms)


def _household_prefers(
    problem: MatchProblem, candidate: Candidate, other: Match, taken: list[Match]
) -> bool:
    held = problem.candidate(other.seeker_id, other.host_id)
    assert held is not None
    if held.overnight != candidate.overnight:
        return False  # a day place and an overnight place are not interchangeable
    better = candidate.compatibility.household_points > held.compatibility.household_points
    if not candidate.overnight:
        return better
    used = {m.room for m in taken}
    free_fit = any(r not in used for r in candidate.rooms)
    return better and (other.room in candidate.rooms or free_fit)
