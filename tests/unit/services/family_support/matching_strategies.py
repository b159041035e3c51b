"""Hypothesis strategies of small matching problems, and a brute-force solver to check against."""

from __future__ import annotations

from collections import Counter

from hypothesis import strategies as st

from careweave.domain.family_support.factors import Compatibility, Factor, FactorScore
from careweave.domain.family_support.matching import (
    Assignment,
    Candidate,
    Host,
    Match,
    MatchProblem,
)

ROOMS = ("a", "b")


@st.composite
def small_problems(draw: st.DrawFn, max_seekers: int = 5, max_hosts: int = 3) -> MatchProblem:
    """Up to five people and three households; rooms, places and pairs drawn at random."""
    seekers = tuple(f"s{i}" for i in range(draw(st.integers(1, max_seekers))))
    hosts = tuple(
        Host(
            f"h{i}",
            draw(st.integers(0, 2)),
            ROOMS[: draw(st.integers(1, 2))],
            draw(st.integers(0, 1)),
        )
        for i in range(draw(st.integers(1, max_hosts)))
    )
    candidates = []
    for seeker in seekers:
        overnight = draw(st.booleans())
        for host in hosts:
            if not draw(st.booleans()):
                continue
            rooms = tuple(r for r in host.rooms if draw(st.booleans())) if overnight else ()
            if overnight and not rooms:
                continue
            scores = (
                FactorScore(Factor.PETS, draw(st.integers(0, 10)) / 10, 1, ""),
                FactorScore(Factor.HELP, draw(st.integers(0, 10)) / 10, 1, ""),
                FactorScore(Factor.LIFESTYLE, draw(st.integers(0, 10)) / 10, 1, ""),
            )
            candidates.append(Candidate(seeker, host.id, Compatibility(scores), rooms))
    return MatchProblem(seekers, hosts, tuple(candidates))


def brute_force_best(problem: MatchProblem) -> int:
    """The largest total over every way to place or not place each person (exponential)."""
    options: dict[str, list[Match]] = {s: [] for s in problem.seekers}
    for c in problem.candidates:
        rooms: tuple[str | None, ...] = c.rooms if c.overnight else (None,)
        options[c.seeker_id] += [Match(c.seeker_id, c.host_id, r, c.points) for r in rooms]
    best = 0

    def place(i: int, chosen: list[Match]) -> None:
        nonlocal best
        if i == len(problem.seekers):
            best = max(best, sum(m.points for m in chosen))
            return
        place(i + 1, chosen)
        for option in options[problem.seekers[i]]:
            trial = [*chosen, option]
            if _within_limits(problem, trial):
                place(i + 1, trial)

    place(0, [])
    return best


def _within_limits(problem: MatchProblem, matches: list[Match]) -> bool:
    overnight = Counter(m.host_id for m in matches if m.room is not None)
    day = Counter(m.host_id for m in matches if m.room is None)
    rooms = Counter((m.host_id, m.room) for m in matches if m.room is not None)
    return (
        all(n <= problem.host(h).places for h, n in overnight.items())
        and all(n <= problem.host(h).day_places for h, n in day.items())
        and all(n <= 1 for n in rooms.values())
    )


def assignment_total(assignment: Assignment) -> int:
    """The total of ``assignment`` (a helper for readable asserts)."""
    return assignment.total
