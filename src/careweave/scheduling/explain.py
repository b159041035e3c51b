"""Plain-words reasons: why a task was left out (and, per assignment, why that worker).

A reason is found by asking the roster itself: which workers could do the task at all, and what
would break if the task were put on each of their days at its best place.
"""

from __future__ import annotations

from careweave.scheduling.problem import Problem
from careweave.scheduling.search.insertion import candidates
from careweave.scheduling.search.state import INFEASIBLE, State

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


def _broken_rule(state: State, lane: int) -> str:
    inst = state.inst
    shape = inst.lanes[lane]
    paid = state.lane_end[lane] - state.lane_begin[lane]
    if state.lane_end[lane] > shape.shift_end + 1e-6:
        return "no eligible worker can fit it and still get back before their shift ends"
    if paid > shape.max_work + 1e-6:
        return "every eligible worker would go over their daily working-time limit"
    if state.workload.week_hard > 0:
        return "every eligible worker would go over their weekly working-time limit"
    if state.assignment.alone:
        return "its double-handed partner visit cannot be placed with a second worker"
    if state.lane_hard[lane] > 0:
        return "it (or a critical visit it would delay) could not start within its window"
    return "a legal break could not be fitted"


def blocking_reason(problem: Problem, state: State, position: int) -> str:
    """Say in plain words why the task at ``position`` is not on any route of ``state``.

    Parameters
    ----------
    problem
        The problem.
    state
        The final search state (unchanged on return).
    position
        The task's index in ``problem.tasks``.
    """
    inst = state.inst
    if not inst.allowed[position]:
        return _nobody(problem, position)
    hard_before = state.hard_units()
    found = candidates(state, position)
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
        else:
            reasons.append(
                f"fitting it would cost {after - before:.1f} more than leaving it out "
                f"(priority {problem.tasks[position].priority})"
            )
        state.rollback()
    if not reasons:
        return "every eligible worker is busy with its double-handed partner"
    return reasons[0]
