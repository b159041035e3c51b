"""Plain-words reasons: why each visit went to its worker, and what kept a visit late or out.

A reason is found by asking the roster itself: which workers could do the visit at all, where the
worker came from and how far, whether the person knows the worker, and, for a visit left out,
what would break if it were put on each eligible worker's day at its best place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from careweave.scheduling.items import Task, Worker
from careweave.scheduling.problem import Problem
from careweave.scheduling.search.compile import compile_problem, routes_of
from careweave.scheduling.search.constants import HARD, INFEASIBLE
from careweave.scheduling.search.insertion import candidates
from careweave.scheduling.search.state import State, rebuild
from careweave.scheduling.solution import Roster, Route

CHECKED_PLACES = 5
"""How many of the best estimated places are tried exactly when looking for a blocking rule."""


def _nobody(problem: Problem, position: int) -> str:
    task = problem.tasks[position]
    if task.pinned is not None:
        return f"its pinned worker {task.pinned} cannot do it on day {task.day}"
    skilled = [w for w in problem.workers if task.skills <= w.skills]
    if not skilled:
        need = ", ".join(sorted(task.skills))
        return f"no worker has the skill(s) it needs ({need})"
    on_shift = [w for w in skilled if w.shifts_on(task.day)]
    if not on_shift:
        return f"no worker with the skills it needs has a shift on day {task.day}"
    return "every worker who could do it is excluded from it"


def _off_shift(problem: Problem, position: int) -> str | None:
    """Say so when no eligible worker is on shift at any time the task could start and finish."""
    task = problem.tasks[position]
    for w in problem.eligible(position):
        for shift in problem.workers[w].shifts_on(task.day):
            if shift.start <= task.latest and task.earliest + task.duration_min <= shift.end:
                return None
    return (
        f"no eligible worker is available (on shift) to start it between "
        f"{_clock(task.earliest)} and {_clock(task.latest)} on day {task.day}"
    )


def _clock(minutes: float) -> str:
    whole = round(minutes)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def _broken_rule(state: State, lane: int) -> str:
    inst = state.inst
    shape = inst.lanes[lane]
    paid = state.lane_end[lane] - state.lane_begin[lane]
    if state.lane_end[lane] > shape.shift_end + 1e-6:
        return "no eligible worker can fit it and still get back before their shift ends"
    if paid > shape.max_work + 1e-6:
        return "every eligible worker would go over their daily working-time limit"
    if state.workload.rest_hard > 0:
        return "every eligible worker would get less than their minimum rest between working days"
    if state.workload.week_hard > 0:
        return "every eligible worker would go over their daily or weekly working-time limit"
    if state.assignment.alone:
        return "its double-handed partner visit cannot be placed with a second worker"
    if state.lane_hard[lane] > 0:
        return "it (or a critical visit it would delay) could not start within its window"
    return "a legal break could not be fitted"


def _estimated_reason(problem: Problem, extra: float, position: int) -> str:
    if extra >= HARD / 2:
        return "no eligible worker can fit it within their shift and working-time limits"
    if extra <= problem.weights.for_unassigned(min(problem.tasks[position].priority, 3)) / 2:
        # The estimate leaves out rules spanning several routes: one of those is what blocked it.
        return (
            "every nearby eligible worker would break a working-time limit, their rest "
            "or a linked visit's timing"
        )
    return (
        f"fitting it would cost about {extra:.1f} more than leaving it out "
        f"(priority {problem.tasks[position].priority})"
    )


def blocking_reason(problem: Problem, state: State, position: int, exact: bool = True) -> str:
    """Say in plain words why the task at ``position`` is not on any route of ``state``.

    Parameters
    ----------
    problem
        The problem.
    state
        The final search state (unchanged on return).
    position
        The task's index in ``problem.tasks``.
    exact
        Try the best places exactly (slower, names the rule); otherwise judge from estimates.
    """
    inst = state.inst
    if not inst.allowed[position]:
        return _nobody(problem, position)
    off_shift = _off_shift(problem, position)
    if off_shift is not None:
        return off_shift
    found = candidates(state, position)
    if found and not exact:
        # An estimate counts leaving the task out as saved: add that back to show the extra cost.
        return _estimated_reason(problem, found[0][0] + inst.drop_cost[position], position)
    hard_before = state.hard_units()
    reasons: list[str] = []
    for _, lane, pos in found[:CHECKED_PLACES]:
        before = state.cost()
        state.begin()
        state.insert(position, lane, pos)
        after = state.evaluate()
        if after == INFEASIBLE:
            reasons.append("it would force linked visits into an impossible order")
        elif state.hard_units() > hard_before + 1e-6:
            reasons.append(_broken_rule(state, lane))
        elif after < before:
            reasons.append("the search stopped before it found this place for it")
        else:
            reasons.append(
                f"fitting it would cost {after - before:.1f} more than leaving it out "
                f"(priority {problem.tasks[position].priority})"
            )
        state.rollback()
    if not reasons:
        return "every eligible worker is busy with its double-handed partner"
    return reasons[0]


@dataclass(frozen=True)
class Assignment:
    """Why ``worker_id`` does ``task_id``: each reason a short plain sentence."""

    task_id: str
    worker_id: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    """Reasons for a whole roster.

    Attributes
    ----------
    assignments
        One entry per visit on a route, in route order.
    late
        Visit id -> why it starts after its window.
    unassigned
        Visit id -> what kept it off every route.
    """

    assignments: tuple[Assignment, ...]
    late: Mapping[str, str] = field(default_factory=dict)
    unassigned: Mapping[str, str] = field(default_factory=dict)


def _why_worker(
    problem: Problem, task: Task, worker: Worker, came_from: str, leg: float
) -> list[str]:
    reasons = []
    if task.pinned == worker.id:
        reasons.append(f"the visit is pinned to {worker.id}")
    if task.skills:
        reasons.append(f"has the skills it needs ({', '.join(sorted(task.skills))})")
    others = len(problem.eligible(problem.task_position(task.id))) - 1
    reasons.append(f"works that day; {others} other worker(s) could have done it")
    history = problem.person(task.person).history.get(worker.id, 0)
    if history:
        reasons.append(f"knows {task.person}: {history} earlier visit(s)")
    elif problem.person(task.person).regulars:
        reasons.append(
            f"not one of {task.person}'s regular workers (none was free at a lower cost)"
        )
    if worker.id in task.preferred:
        reasons.append(f"{task.person} prefers {worker.id}")
    reasons.append(f"comes from {came_from}, {leg:g} min away")
    return reasons


def _why_late(problem: Problem, route: Route, index: int, arrival: float) -> str:
    stop = route.stops[index]
    task = problem.task(stop.task_id)
    if arrival > task.latest + 1e-6:
        before = f"visit {route.stops[index - 1].task_id}" if index else "base"
        return f"the worker cannot get there before {arrival:g} (coming from {before})"
    for link in problem.links_of(task.id):
        other = link.first if link.second == task.id else link.second
        return f"it is timed with visit {other}, which could not start earlier"
    return "a legal break had to come first"


def _route_reasons(
    problem: Problem, route: Route, found: list[Assignment], late: dict[str, str]
) -> None:
    worker = problem.worker(route.worker_id)
    minutes = problem.travel_for(worker).minutes
    place, came_from, free_at = worker.start_location, "base", None
    for index, stop in enumerate(route.stops):
        task = problem.task(stop.task_id)
        leg = float(minutes[place, task.location])
        found.append(
            Assignment(
                task.id, worker.id, tuple(_why_worker(problem, task, worker, came_from, leg))
            )
        )
        arrival = stop.start - 0.0 if free_at is None else free_at + leg
        if stop.start > task.latest + 1e-6:
            late[task.id] = _why_late(problem, route, index, arrival)
        free_at = stop.start + (task.duration_min if stop.duration is None else stop.duration)
        place, came_from = task.location, f"visit {task.id}"


def explain(problem: Problem, roster: Roster) -> Explanation:
    """Explain every assignment, late visit and left-out visit of ``roster``.

    Parameters
    ----------
    problem
        The problem.
    roster
        A roster for it (routes that match no shift are ignored).
    """
    assignments: list[Assignment] = []
    late: dict[str, str] = {}
    for route in roster.routes:
        _route_reasons(problem, route, assignments, late)
    inst = compile_problem(problem)
    state = rebuild(inst, routes_of(problem, inst, roster))
    unassigned = {
        task.id: blocking_reason(problem, state, position)
        for position, task in enumerate(problem.tasks)
        if state.lane_of[position] < 0
    }
    return Explanation(tuple(assignments), MappingProxyType(late), MappingProxyType(unassigned))
