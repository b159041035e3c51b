"""The cover pass: other teams' workers take the visits a team left out, where that pays.

After each team is solved on its own, :func:`cover_left_out` offers each team's left-out visits,
must-do ones first, to the workers of the nearest other teams: their routes are rebuilt in the
search's state, the visits are inserted greedily (a must-do visit may push optional ones off),
and only the weeks of the workers whose routes changed are taken. A pass that would break a rule
the roster did not break before is dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from careweave.scheduling.checker import check
from careweave.scheduling.problem import Problem
from careweave.scheduling.search.compile import compile_problem, routes_of, to_roster
from careweave.scheduling.search.moves import insert_group, make_room
from careweave.scheduling.search.state import State, rebuild
from careweave.scheduling.solution import Roster
from careweave.scheduling.solve import left_out_reasons
from careweave.scheduling.stop import StoppingCriterion
from careweave.scheduling.teams import changed_routes, linked_groups, restrict, staffable

COVER_TEAMS = 3
"""How many of the nearest other teams are asked to cover a team's left-out visits."""


COVER_REASONS = 10
"""Left-out visits per cover pass whose blocking rule is found by exact trial."""


WRAP_UP = 0.03
"""Share of a time budget left, when the cover pass stops offering optional visits, for the
final check of the whole roster."""

NO_COVER = "no worker of its team could do it, and no nearby team's worker could take it"


def cover_left_out(
    problem: Problem,
    home: Mapping[int, str],
    roster: Roster,
    stop: StoppingCriterion,
    reasons: dict[str, str],
) -> Roster:
    """Offer each team's left-out tasks to the nearest other teams, teams with must-do ones first.

    Parameters
    ----------
    problem
        The whole problem.
    home
        Each task's home team (see :func:`careweave.scheduling.teams.home_teams`).
    roster
        The merged roster of the teams.
    stop
        The whole solve's budget: once all but ``WRAP_UP`` of it is spent, only teams with
        must-do tasks left out are still covered.
    reasons
        Why each left-out task is out, by task id; updated for what the cover tried and left out.

    Returns
    -------
    Roster
        The roster with the covering workers' weeks replaced where the cover placed something.
    """
    staff: dict[str, set[int]] = defaultdict(set)
    for position, worker in enumerate(problem.workers):
        staff[str(worker.team)].add(position)
    out: dict[str, list[int]] = defaultdict(list)
    for task_id in roster.unassigned:
        position = problem.task_position(task_id)
        out[home[position]].append(position)
    order = sorted(
        out,
        key=lambda team: (-sum(problem.tasks[t].must_assign for t in out[team]), -len(out[team])),
    )
    for team in order:
        if stop.progress() >= 1.0 - WRAP_UP and not any(
            problem.tasks[t].must_assign for t in out[team]
        ):
            continue
        helpers = set().union(*(staff[t] for t in _nearest_teams(problem, staff, team, out[team])))
        if helpers:
            roster = _cover_team(problem, out[team], helpers, roster, reasons)
    return roster


def _nearest_teams(
    problem: Problem, staff: Mapping[str, set[int]], team: str, tasks: Sequence[int]
) -> list[str]:
    """The ``COVER_TEAMS`` other teams whose bases are nearest, on average, to ``tasks``."""
    distances = next(iter(problem.travel.values())).distances
    places = [problem.tasks[t].location for t in tasks]
    scored = []
    for other, members in staff.items():
        if other != team:
            bases = [problem.workers[w].start_location for w in members]
            scored.append((float(distances[np.ix_(bases, places)].mean()), other))
    return [other for _, other in sorted(scored)[:COVER_TEAMS]]


def _with_partners(problem: Problem, roster: Roster, workers: set[int]) -> set[int]:
    """``workers`` and, again and again, whoever does a task linked to one of theirs."""
    doer = {stop.task_id: route.worker_id for route, stop in roster.stops()}
    grown = set(workers)
    while True:
        names = {problem.workers[w].id for w in grown}
        more = {
            problem.worker_position(doer[end])
            for task_id, worker_id in doer.items()
            if worker_id in names
            for link in problem.links_of(task_id)
            for end in (link.first, link.second)
            if end in doer and doer[end] not in names
        }
        if not more:
            return grown
        grown |= more


def _cover_team(
    problem: Problem,
    left: Sequence[int],
    helpers: set[int],
    roster: Roster,
    reasons: dict[str, str],
) -> Roster:
    """Place ``left`` (one team's left-out tasks) on ``helpers``' routes where it pays."""
    workers = _with_partners(problem, roster, helpers)
    names = {problem.workers[w].id for w in workers}
    kept = [r for r in roster.routes if r.worker_id in names]
    groups = [
        g
        for g in _out_groups(problem, roster, left)
        if staffable(problem, g, workers) and any(set(problem.eligible(t)) & workers for t in g)
    ]
    if not groups:
        return roster
    on_routes = [problem.task_position(s.task_id) for r in kept for s in r.stops]
    offered = [t for g in groups for t in g]
    cover = restrict(problem, workers, on_routes + offered, f"{problem.name} cover".strip())
    inst = compile_problem(cover)
    state = rebuild(inst, routes_of(cover, inst, Roster(tuple(kept))))
    for group in sorted(groups, key=lambda g: _urgency(problem, g)):
        _place(state, [cover.task_position(problem.tasks[t].id) for t in group])
    found = to_roster(cover, inst, state.routes, state.start.tolist())
    merged = changed_routes(problem, roster, kept, found)
    if _new_breaks(cover, roster, merged):
        return roster
    reasons.update(left_out_reasons(cover, state, found.unassigned, exact=COVER_REASONS))
    return merged


def _out_groups(problem: Problem, roster: Roster, left: Sequence[int]) -> list[list[int]]:
    """``left`` in linked groups, keeping only groups of which no task is on a route."""
    done = {stop.task_id for _, stop in roster.stops()}
    wanted = set(left)
    return [
        group
        for group in linked_groups(problem)
        if group[0] in wanted and not any(problem.tasks[t].id in done for t in group)
    ]


def _urgency(problem: Problem, group: Sequence[int]) -> tuple[bool, float]:
    first = problem.tasks[group[0]]
    return (not any(problem.tasks[t].must_assign for t in group), first.day * 1440.0 + first.latest)


def _place(state: State, group: list[int]) -> None:
    """Insert a left-out group where it pays; a must-do single task may push optional ones off."""
    if state.lane_of[group[0]] >= 0:
        return
    if not insert_group(state, group) and len(group) == 1 and state.inst.must[group[0]]:
        make_room(state, group[0])


def _new_breaks(cover: Problem, before: Roster, after: Roster) -> bool:
    """Whether ``after`` breaks a rule on the cover's workers that ``before`` did not.

    Must-do visits still left out do not count: placing some of them is the cover's whole point.
    """
    found = []
    for roster in (before, after):
        routes = tuple(r for r in roster.routes if cover.has_worker(r.worker_id))
        done = {s.task_id for r in routes for s in r.stops}
        left = tuple(t.id for t in cover.tasks if t.id not in done)
        report = check(cover, Roster(routes, left))
        found.append({str(v) for v in report.violations if v.rule != "unassigned"})
    return bool(found[1] - found[0])
