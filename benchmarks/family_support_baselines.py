"""What the scheme's matcher is compared with: first come first served, plain deferred acceptance,
and an independent exact solver (CP-SAT) for small cases. All answer the same
:class:`~careweave.domain.family_support.matching.MatchProblem`."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence

from ortools.sat.python import cp_model

from careweave.domain.family_support.matching import Assignment, Candidate, Match, MatchProblem


def rooms_for(people: Sequence[Candidate]) -> dict[str, str] | None:
    """A room for each overnight person (one each, from those that fit them), or None if there is
    no way (augmenting paths: a small bipartite matching)."""
    held: dict[str, str] = {}

    def place(person: Candidate, seen: set[str]) -> bool:
        for room in person.rooms:
            if room in seen:
                continue
            seen.add(room)
            other = next((p for p in people if held.get(p.seeker_id) == room), None)
            if other is None or place(other, seen):
                held[person.seeker_id] = room
                return True
        return False

    return held if all(place(p, set()) for p in people if p.overnight) else None


def _feasible(problem: MatchProblem, host_id: str, people: Sequence[Candidate]) -> bool:
    host = problem.host(host_id)
    overnight = [p for p in people if p.overnight]
    day = len(people) - len(overnight)
    return (
        len(overnight) <= host.places
        and day <= host.day_places
        and rooms_for(overnight) is not None
    )


def _matches(held: dict[str, list[Candidate]]) -> Assignment:
    found = []
    for host_id, people in held.items():
        rooms = rooms_for(people) or {}
        found += [Match(p.seeker_id, host_id, rooms.get(p.seeker_id), p.points) for p in people]
    return Assignment(tuple(sorted(found, key=lambda m: m.seeker_id)))


def _preferences(problem: MatchProblem) -> dict[str, list[Candidate]]:
    mine: dict[str, list[Candidate]] = defaultdict(list)
    for c in problem.candidates:
        mine[c.seeker_id].append(c)
    for options in mine.values():
        options.sort(key=lambda c: (-c.compatibility.person_points, c.host_id))
    return mine


def first_come_first_served(problem: MatchProblem) -> Assignment:
    """In referral order, each person takes the household they like best that still has a place
    and a room for them: how a scheme working down its list by hand would do it."""
    held: dict[str, list[Candidate]] = defaultdict(list)
    preferences = _preferences(problem)
    for seeker in problem.seekers:
        for option in preferences.get(seeker, []):
            if _feasible(problem, option.host_id, [*held[option.host_id], option]):
                held[option.host_id].append(option)
                break
    return _matches(held)


def deferred_acceptance(problem: MatchProblem) -> Assignment:
    """Person-proposing deferred acceptance (Gale and Shapley) with places and rooms: each person
    proposes down their list; a household keeps the proposers it likes best that fit its places and
    rooms (taken greedily, best first) and turns the rest away."""
    preferences = _preferences(problem)
    next_choice = dict.fromkeys(problem.seekers, 0)
    held: dict[str, list[Candidate]] = defaultdict(list)
    free = deque(problem.seekers)
    while free:
        seeker = free.popleft()
        options = preferences.get(seeker, [])
        if next_choice[seeker] >= len(options):
            continue
        option = options[next_choice[seeker]]
        next_choice[seeker] += 1
        ranked = sorted(
            [*held[option.host_id], option],
            key=lambda c: (-c.compatibility.household_points, c.seeker_id),
        )
        kept: list[Candidate] = []
        for person in ranked:
            if _feasible(problem, option.host_id, [*kept, person]):
                kept.append(person)
            else:
                free.append(person.seeker_id)
        held[option.host_id] = kept
    return _matches(held)


def cp_sat_best(problem: MatchProblem, seconds: float = 30.0) -> int:
    """The best total, proved by CP-SAT on the same problem written as an integer programme (an
    independent check of the flow: another algorithm, another model)."""
    model = cp_model.CpModel()
    use = {
        (c.seeker_id, c.host_id, room): model.new_bool_var(f"{c.seeker_id}-{c.host_id}-{room}")
        for c in problem.candidates
        for room in (c.rooms or (None,))
    }
    points = {(c.seeker_id, c.host_id): c.points for c in problem.candidates}
    for seeker in problem.seekers:
        model.add_at_most_one(v for (s, _, _), v in use.items() if s == seeker)
    for host in problem.hosts:
        mine = [(room, v) for (_, h, room), v in use.items() if h == host.id]
        model.add(sum(v for room, v in mine if room is not None) <= host.places)
        model.add(sum(v for room, v in mine if room is None) <= host.day_places)
        for room in host.rooms:
            model.add_at_most_one(v for r, v in mine if r == room)
    model.maximize(sum(points[(s, h)] * v for (s, h, _), v in use.items()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 1
    if solver.solve(model) != cp_model.OPTIMAL:
        raise RuntimeError("CP-SAT did not prove the optimum in time")
    return round(solver.objective_value)
