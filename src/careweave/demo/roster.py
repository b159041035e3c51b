"""A simple first roster for the demo, so the team's week has something to show.

This is a greedy placeholder, not the roster optimiser (see ROSTERING.md): the optimiser replaces
it when a team plans its week. Day by day and team by team, it takes the visits in order of their
start windows (most urgent first among equals) and gives each to the worker of the person's team who
can start it soonest: someone with every skill it needs, on shift that day, free once they have
finished their last visit and travelled to this one at their own travel mode's speed, and under their
daily maximum. Workers who have already seen the person win ties (and up to ten minutes), which keeps
some continuity. Double-handed visits go to the two workers who can start together soonest. A visit
that fits nobody stays planned for a person to place.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time
from itertools import combinations

from careweave.domain.people.person import Person
from careweave.domain.rostering.travel import travel_minutes
from careweave.domain.values import Location
from careweave.domain.visits.visit import Visit, minutes_of
from careweave.domain.workforce.workers import TravelMode, Worker

CONTINUITY_BONUS_MIN = 10
PAIR_CANDIDATES = 6


def whole_travel_minutes(mode: TravelMode, origin: Location, destination: Location) -> int:
    """Whole minutes to travel between two places, by careweave's one travel estimate."""
    return math.ceil(travel_minutes(origin, destination, mode))


@dataclass(slots=True)
class _Day:
    """Where one worker is on one day: the shift slot they are in, when they are free, and where."""

    worker: Worker
    slots: list[tuple[int, int]]
    slot_index: int = -1
    free_at: int = 0
    at: Location | None = None
    worked: int = 0


def assign_initial_roster(
    people: Sequence[Person], workers: Sequence[Worker], visits: Iterable[Visit]
) -> int:
    """Give each planned visit to capable, free workers of the person's team; return how many.

    Visits are changed in place (status assigned, workers and planned start set).
    """
    person_by_id = {person.id: person for person in people}
    workers_by_team: dict[str, list[Worker]] = defaultdict(list)
    for worker in workers:
        if worker.active:
            workers_by_team[worker.team_id].append(worker)
    groups: dict[tuple[str, date], list[Visit]] = defaultdict(list)
    for visit in visits:
        team_id = person_by_id[visit.person_id].team_id
        if team_id is not None and not visit.assigned_worker_ids:
            groups[(team_id, visit.day)].append(visit)
    seen_by_person: dict[str, set[str]] = defaultdict(set)
    assigned = 0
    for (team_id, day), day_visits in sorted(groups.items()):
        days = [_Day(w, _slots(w, day)) for w in workers_by_team[team_id]]
        day_visits.sort(key=lambda v: (v.window_start, -v.priority, v.id))
        for visit in day_visits:
            where = person_by_id[visit.person_id].location
            if _place(visit, where, [d for d in days if d.slots], seen_by_person[visit.person_id]):
                assigned += 1
    return assigned


def _slots(worker: Worker, day: date) -> list[tuple[int, int]]:
    weekday = day.weekday()
    return sorted(
        (minutes_of(s.start), minutes_of(s.end))
        for s in worker.availability
        if s.weekday == weekday
    )


def _place(visit: Visit, where: Location, days: list[_Day], seen: set[str]) -> bool:
    """Assign ``visit`` to the best one or two workers; False when nobody can take it."""
    options: list[tuple[int, int, _Day]] = []
    for day in days:
        if day.worker.id in visit.excluded_worker_ids:
            continue
        if not day.worker.can_do(visit.required_skills):
            continue
        found = _earliest_start(day, visit, where)
        if found is not None:
            start, _ = found
            bonus = CONTINUITY_BONUS_MIN if day.worker.id in seen else 0
            options.append((start - bonus, start, day))
    if len(options) < visit.workers_needed:
        return False
    options.sort(key=lambda o: (o[0], o[2].worker.id))
    chosen = _choose(visit, where, [o[2] for o in options])
    if chosen is None:
        return False
    start, team = chosen
    for day, slot_index in team:
        _occupy(day, slot_index, visit, where, start)
        seen.add(day.worker.id)
    # The demo plans every visit at its longest, so that the roster holds however long it runs.
    visit.assign(tuple(d.worker.id for d, _ in team), time(start // 60, start % 60), visit.longest)
    return True


_Choice = tuple[int, list[tuple[_Day, int]]]


def _choose(visit: Visit, where: Location, ranked: list[_Day]) -> _Choice | None:
    """The start and the (worker, shift slot) pairs for the visit, best first."""
    if visit.workers_needed == 1:
        found = _earliest_start(ranked[0], visit, where)
        return None if found is None else (found[0], [(ranked[0], found[1])])
    best: _Choice | None = None
    for first, second in combinations(ranked[:PAIR_CANDIDATES], 2):
        choice = _common_start(visit, where, first, second)
        if choice is not None and (best is None or choice[0] < best[0]):
            best = choice
    return best


def _common_start(visit: Visit, where: Location, first: _Day, second: _Day) -> _Choice | None:
    """The earliest minute both workers can begin together, if it is inside the window."""
    a = _earliest_start(first, visit, where)
    b = _earliest_start(second, visit, where)
    if a is None or b is None:
        return None
    together = max(a[0], b[0])
    if _fits(first, a[1], visit, together) and _fits(second, b[1], visit, together):
        return together, [(first, a[1]), (second, b[1])]
    return None


def _fits(day: _Day, slot_index: int, visit: Visit, start: int) -> bool:
    duration = visit.longest
    _, window_end = visit.window_minutes
    return start <= window_end and start + duration <= day.slots[slot_index][1]


def _earliest_start(day: _Day, visit: Visit, where: Location) -> tuple[int, int] | None:
    """The earliest start and the shift slot it falls in, or None if the worker cannot fit it."""
    window_start, window_end = visit.window_minutes
    duration = visit.longest
    for index, (slot_start, slot_end) in enumerate(day.slots):
        if index < day.slot_index:
            continue
        continuing = index == day.slot_index and day.at is not None
        origin = day.at if continuing and day.at is not None else day.worker.home
        ready = day.free_at if continuing else slot_start
        travel = whole_travel_minutes(day.worker.travel_mode, origin, where)
        start = max(window_start, ready + travel)
        within_day_limit = day.worked + travel + duration <= day.worker.max_minutes_per_day
        if start <= window_end and start + duration <= slot_end and within_day_limit:
            return start, index
    return None


def _occupy(day: _Day, index: int, visit: Visit, where: Location, start: int) -> None:
    continuing = index == day.slot_index and day.at is not None
    origin = day.at if continuing and day.at is not None else day.worker.home
    duration = visit.longest
    day.worked += whole_travel_minutes(day.worker.travel_mode, origin, where) + duration
    day.slot_index = index
    day.free_at = start + duration
    day.at = where
