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
from collections.abc import Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from types import MappingProxyType

from careweave.scheduling.checker import TOLERANCE, check
from careweave.scheduling.cover import NO_COVER, cover_left_out
from careweave.scheduling.params import SolveParams
from careweave.scheduling.problem import Problem
from careweave.scheduling.search.constants import HARD, INFEASIBLE
from careweave.scheduling.solution import Roster, Route
from careweave.scheduling.solve import Result, solve
from careweave.scheduling.stop import FirstOf, MaxIterations, MaxRuntime, StoppingCriterion
from careweave.scheduling.teams import (
    home_teams,
    linked_groups,
    restrict,
    staffable,
)

COVER_SHARE = 0.15
"""Share of a time budget kept back from the teams for merging, the cover pass and checking."""


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
    home = home_teams(problem)
    if home is None:
        return solve(problem, stop, seed=seed, params=params)
    began = time.perf_counter()
    stop(INFEASIBLE)  # the budget's clock starts now: splitting counts against it
    parts = _team_problems(problem, home)
    answers = _solve_teams(parts, stop, seed, params, jobs)
    merged = _merge(problem, answers)
    reasons = {t: r for answer in answers.values() for t, r in answer.reasons.items()}
    roster = cover_left_out(problem, home, merged, stop, reasons)
    report = check(problem, roster)
    seconds = time.perf_counter() - began
    return Result(
        roster=roster,
        cost=report.figures.weighted_total + HARD * len(report.violations),
        seconds=seconds,
        iterations=sum(answer.iterations for answer in answers.values()),
        feasible=report.feasible,
        unassigned=MappingProxyType({t: reasons.get(t, NO_COVER) for t in roster.unassigned}),
        # The whole provider's roster exists only once the teams' rosters are merged.
        first_feasible_seconds=seconds if report.feasible else None,
    )


def _team_problems(problem: Problem, home: Mapping[int, str]) -> dict[str, Problem]:
    """One problem per team with workers and tasks; groups the team cannot staff are left out."""
    staff: dict[str, set[int]] = defaultdict(set)
    for position, worker in enumerate(problem.workers):
        staff[str(worker.team)].add(position)
    tasks: dict[str, list[int]] = defaultdict(list)
    for group in linked_groups(problem):
        team = home[group[0]]
        if team in staff and staffable(problem, group, staff[team]):
            tasks[team].extend(group)
    return {
        team: restrict(problem, staff[team], tasks[team], f"{problem.name} {team}".strip())
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
