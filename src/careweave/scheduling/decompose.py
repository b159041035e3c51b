"""Solve a many-team roster problem team by team, in parallel, then cover what is left out.

Neighbourhood teams are independent except for cover: a worker of another team may do a visit at
an extra ``cross_team`` cost. :func:`solve_by_team` splits the problem into one small problem per
team (the team's workers and its people's visits, with travel cut down to the places they use),
solves those with :func:`careweave.scheduling.solve` in ``jobs`` worker processes, each with a
share of the budget in proportion to its visits, and merges the rosters. A short cover pass then
offers each team's left-out visits, must-do ones first, to the workers of the nearest other
teams, keeping every route it does not change exactly as its team solved it.
"""

from __future__ import annotations

import copy
import time
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from types import MappingProxyType

import numpy as np

from careweave.scheduling.checker import TOLERANCE, check
from careweave.scheduling.items import TravelMatrix, Worker
from careweave.scheduling.params import SolveParams
from careweave.scheduling.problem import Problem
from careweave.scheduling.search.compile import compile_problem, routes_of, to_roster
from careweave.scheduling.search.model import HARD
from careweave.scheduling.search.moves import insert_group, make_room
from careweave.scheduling.search.state import INFEASIBLE, State, rebuild
from careweave.scheduling.solution import Roster, Route
from careweave.scheduling.solve import Result, left_out_reasons, solve
from careweave.scheduling.stop import FirstOf, MaxIterations, MaxRuntime, StoppingCriterion

COVER_SHARE = 0.15
"""Share of a time budget kept back from the teams for merging, the cover pass and checking."""

COVER_TEAMS = 3
"""How many of the nearest other teams are asked to cover a team's left-out visits."""

COVER_REASONS = 10
"""Left-out visits per cover pass whose blocking rule is found by exact trial."""

NO_COVER = "no worker of its team could do it, and no nearby team's worker could take it"


@dataclass(frozen=True)
class _TeamAnswer:
    """What one team's solve sends back (a Result's reasons are a read-only mapping: no pickle)."""

    roster: Roster
    reasons: dict[str, str]
    iterations: int


def solve_by_team(
    problem: Problem,
    stop: StoppingCriterion,
    seed: int = 0,
    params: SolveParams | None = None,
    jobs: int = 1,
) -> Result:
    """Find a roster for a neighbourhood-team problem by solving each team on its own.

    Parameters
    ----------
    problem
        The whole problem. When a worker or a visit has no team, or there are fewer than two
        teams, it is solved whole with :func:`careweave.scheduling.solve`.
    stop
        The budget of the whole solve. A ``MaxRuntime`` (alone or in ``FirstOf``) is shared out
        so that the teams finish in time on ``jobs`` processes; a ``MaxIterations`` is split
        between the teams in proportion to their visits; other criteria apply to each team as
        given.
    seed, params
        As for :func:`careweave.scheduling.solve` (every team uses the same seed).
    jobs
        Worker processes solving teams at once; 1 solves them one after another in this process.

    Returns
    -------
    Result
        The merged roster; ``cost`` and ``feasible`` are the checker's on the whole problem (each
        broken rule priced at the search's hard price).
    """
    if jobs < 1:
        raise ValueError(f"jobs: must be at least 1, got {jobs!r}")
    home = _home_teams(problem)
    if home is None:
        return solve(problem, stop, seed=seed, params=params)
    began = time.perf_counter()
    stop(INFEASIBLE)  # the budget's clock starts now: splitting counts against it
    parts = _team_problems(problem, home)
    answers = _solve_teams(parts, stop, seed, params, jobs)
    merged = _merge(problem, answers)
    reasons = {t: r for answer in answers.values() for t, r in answer.reasons.items()}
    roster = _cover(problem, home, merged, stop, reasons)
    report = check(problem, roster)
    return Result(
        roster=roster,
        cost=report.figures.weighted_total + HARD * len(report.violations),
        seconds=time.perf_counter() - began,
        iterations=sum(answer.iterations for answer in answers.values()),
        feasible=report.feasible,
        unassigned=MappingProxyType({t: reasons.get(t, NO_COVER) for t in roster.unassigned}),
    )


def _home_teams(problem: Problem) -> dict[int, str] | None:
    """Each task's home team (position -> team), or None when the problem has no team split.

    Tasks joined by links stay together, in the team of the worker one of them is pinned to, else
    in the team of the first of them.
    """
    teams = {w.team for w in problem.workers}
    if None in teams or len(teams) < 2 or any(t.team is None for t in problem.tasks):
        return None
    home: dict[int, str] = {}
    for group in _linked_groups(problem):
        pins = [p for p in (problem.tasks[t].pinned for t in group) if p is not None]
        team = problem.worker(pins[0]).team if pins else problem.tasks[group[0]].team
        for task in group:
            home[task] = str(team)
    return home


def _linked_groups(problem: Problem) -> list[list[int]]:
    """Task positions in groups joined by links (each group in problem order)."""
    parent = list(range(len(problem.tasks)))

    def root(task: int) -> int:
        while parent[task] != task:
            parent[task] = parent[parent[task]]
            task = parent[task]
        return task

    for link in problem.links:
        a, b = root(problem.task_position(link.first)), root(problem.task_position(link.second))
        parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for task in range(len(problem.tasks)):
        groups[root(task)].append(task)
    return list(groups.values())


def _staffable(problem: Problem, group: Sequence[int], workers: set[int]) -> bool:
    """Whether ``workers`` can do every must-do task of a linked group (two people for a pair)."""
    for task in group:
        if problem.tasks[task].must_assign and not set(problem.eligible(task)) & workers:
            return False
    for task in group:
        for link in problem.links_of(problem.tasks[task].id):
            if not link.distinct_workers:
                continue
            ends = [problem.task_position(link.first), problem.task_position(link.second)]
            if not any(problem.tasks[t].must_assign for t in ends):
                continue
            first, second = (set(problem.eligible(t)) & workers for t in ends)
            if not first or not second or (len(first | second) == 1):
                return False
    return True


def _restrict(problem: Problem, workers: Iterable[int], tasks: Iterable[int], name: str) -> Problem:
    """The problem cut down to some workers and tasks, travel cut to the places they use."""
    chosen_workers = [problem.workers[w] for w in sorted(set(workers))]
    chosen_tasks = [problem.tasks[t] for t in sorted(set(tasks))]
    ids = {t.id for t in chosen_tasks}
    places = sorted(
        {w.start_location for w in chosen_workers}
        | {w.end_location for w in chosen_workers}
        | {t.location for t in chosen_tasks}
    )
    at = {old: new for new, old in enumerate(places)}
    people = {t.person for t in chosen_tasks}
    return Problem(
        workers=tuple(_moved_worker(w, at) for w in chosen_workers),
        tasks=tuple(replace(t, location=at[t.location]) for t in chosen_tasks),
        travel={mode: _cut(matrix, places) for mode, matrix in problem.travel.items()},
        links=tuple(k for k in problem.links if k.first in ids and k.second in ids),
        people=tuple(p for p in problem.people if p.id in people),
        weights=problem.weights,
        mode=problem.mode,
        skills=problem.skills,
        name=name,
    )


def _moved_worker(worker: Worker, at: Mapping[int, int]) -> Worker:
    return replace(
        worker, start_location=at[worker.start_location], end_location=at[worker.end_location]
    )


def _cut(matrix: TravelMatrix, places: list[int]) -> TravelMatrix:
    rows = np.ix_(places, places)
    distance = None if matrix.distance is None else matrix.distance[rows]
    return TravelMatrix(minutes=matrix.minutes[rows], distance=distance, mode=matrix.mode)


def _team_problems(problem: Problem, home: Mapping[int, str]) -> dict[str, Problem]:
    """One problem per team with workers and tasks; groups the team cannot staff are left out."""
    staff: dict[str, set[int]] = defaultdict(set)
    for position, worker in enumerate(problem.workers):
        staff[str(worker.team)].add(position)
    tasks: dict[str, list[int]] = defaultdict(list)
    for group in _linked_groups(problem):
        team = home[group[0]]
        if team in staff and _staffable(problem, group, staff[team]):
            tasks[team].extend(group)
    return {
        team: _restrict(problem, staff[team], tasks[team], f"{problem.name} {team}".strip())
        for team in sorted(tasks)
    }


def _budget(stop: StoppingCriterion, wall: float, work: float) -> StoppingCriterion:
    """A fresh criterion for one team: ``wall`` of the whole time budget, ``work`` of the iterations."""
    if isinstance(stop, MaxRuntime):
        return MaxRuntime(max(stop.seconds * wall, 1e-3))
    if isinstance(stop, MaxIterations):
        return MaxIterations(max(1, round(stop.iterations * work)))
    if isinstance(stop, FirstOf):
        return FirstOf(*(_budget(c, wall, work) for c in stop.criteria))
    return copy.deepcopy(stop)


def _solve_team(
    part: Problem, stop: StoppingCriterion, seed: int, params: SolveParams | None
) -> _TeamAnswer:
    result = solve(part, stop, seed=seed, params=params)
    return _TeamAnswer(result.roster, dict(result.unassigned), result.iterations)


class _Shares:
    """Hands out each team's budget when it starts, from what is left of the whole budget.

    A team gets the time left for the teams in proportion to its visits among the teams not yet
    started, times the lanes running at once; so a team that overruns leaves less to those after
    it, and the last ones still end in time for the cover pass.
    """

    def __init__(self, parts: Mapping[str, Problem], stop: StoppingCriterion, lanes: int) -> None:
        total = sum(len(p.tasks) for p in parts.values()) or 1
        self.work = {team: len(part.tasks) / total for team, part in parts.items()}
        self.unstarted = sum(self.work.values())
        self.stop = stop
        self.lanes = lanes

    def next(self, team: str) -> StoppingCriterion:
        left = max(0.0, 1.0 - COVER_SHARE - self.stop.progress())
        share = self.work[team] / self.unstarted if self.unstarted > 0 else 1.0
        self.unstarted -= self.work[team]
        return _budget(self.stop, min(left, left * self.lanes * share), self.work[team])


def _solve_teams(
    parts: Mapping[str, Problem],
    stop: StoppingCriterion,
    seed: int,
    params: SolveParams | None,
    jobs: int,
) -> dict[str, _TeamAnswer]:
    """Solve every team's problem, biggest first, on up to ``jobs`` processes."""
    lanes = max(1, min(jobs, len(parts)))
    shares = _Shares(parts, stop, lanes)
    waiting = deque(sorted(parts, key=lambda team: -len(parts[team].tasks)))
    if lanes == 1:
        return {t: _solve_team(parts[t], shares.next(t), seed, params) for t in waiting}
    answers: dict[str, _TeamAnswer] = {}
    with ProcessPoolExecutor(max_workers=lanes) as pool:
        running: dict[Future[_TeamAnswer], str] = {}
        while waiting or running:
            while waiting and len(running) < lanes:
                team = waiting.popleft()
                running[pool.submit(_solve_team, parts[team], shares.next(team), seed, params)] = (
                    team
                )
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                answers[running.pop(future)] = future.result()
    return answers


def _merge(problem: Problem, answers: Mapping[str, _TeamAnswer]) -> Roster:
    """Every team's routes; left out: what the teams left out, what no team was given, and
    critical visits a team could only do late (with their linked partners), for cover to place.
    """
    routes = [route for team in sorted(answers) for route in answers[team].roster.routes]
    late = _late_critical(problem, routes)
    routes = [replace(r, stops=tuple(s for s in r.stops if s.task_id not in late)) for r in routes]
    done = {s.task_id for r in routes for s in r.stops}
    return Roster(
        tuple(r for r in routes if r.stops), tuple(t.id for t in problem.tasks if t.id not in done)
    )


def _late_critical(problem: Problem, routes: Sequence[Route]) -> set[str]:
    """Critical visits that start after their window, and every visit linked to one."""
    late = {
        s.task_id
        for r in routes
        for s in r.stops
        if problem.task(s.task_id).critical and s.start > problem.task(s.task_id).latest + TOLERANCE
    }
    return {
        end
        for task_id in late
        for end in (task_id, *(e for k in problem.links_of(task_id) for e in (k.first, k.second)))
    }


def _cover(
    problem: Problem,
    home: Mapping[int, str],
    roster: Roster,
    stop: StoppingCriterion,
    reasons: dict[str, str],
) -> Roster:
    """Offer each team's left-out tasks to the nearest other teams, teams with must-do ones first.

    Once a time budget is spent only teams with must-do tasks left out are still covered;
    ``reasons`` is updated for what stays out.
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
        if stop.progress() >= 1.0 and not any(problem.tasks[t].must_assign for t in out[team]):
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
        if _staffable(problem, g, workers) and any(set(problem.eligible(t)) & workers for t in g)
    ]
    if not groups:
        return roster
    on_routes = [problem.task_position(s.task_id) for r in kept for s in r.stops]
    offered = [t for g in groups for t in g]
    cover = _restrict(problem, workers, on_routes + offered, f"{problem.name} cover".strip())
    inst = compile_problem(cover)
    state = rebuild(inst, routes_of(cover, inst, Roster(tuple(kept))))
    for group in sorted(groups, key=lambda g: _urgency(problem, g)):
        _place(state, [cover.task_position(problem.tasks[t].id) for t in group])
    found = to_roster(cover, inst, [list(seq) for seq in state.routes], list(state.start))
    merged = _changed_routes(problem, roster, kept, found)
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
        for group in _linked_groups(problem)
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


def _route_key(route: Route) -> tuple[str, int, int]:
    return route.worker_id, route.day, route.shift


def _changed_routes(
    problem: Problem, roster: Roster, kept: Sequence[Route], found: Roster
) -> Roster:
    """``roster`` with the cover's routes of every worker whose routes the cover changed.

    A changed worker's whole week comes from the cover (its times were computed together, so rest
    and weekly hours hold), and so does the week of anyone doing a visit linked to one of theirs.
    Everyone else keeps the times their team's solve gave them.
    """
    before = {_route_key(r): r.task_ids for r in kept}
    after = {_route_key(r): r.task_ids for r in found.routes}
    changed = {k[0] for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    doer = {s.task_id: r.worker_id for r in (*kept, *found.routes) for s in r.stops}
    while True:
        linked = {
            doer[end]
            for task_id, worker_id in doer.items()
            if worker_id in changed
            for link in problem.links_of(task_id)
            for end in (link.first, link.second)
            if end in doer
        }
        if linked <= changed:
            break
        changed |= linked
    routes = [r for r in roster.routes if r.worker_id not in changed]
    routes += [r for r in found.routes if r.worker_id in changed]
    done = {s.task_id for r in routes for s in r.stops}
    return Roster(tuple(routes), tuple(t.id for t in problem.tasks if t.id not in done))


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
