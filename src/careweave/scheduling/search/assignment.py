"""Who does which task, apart from routes: dropped tasks, continuity, preferences, halves of pairs.

These costs depend only on which worker serves each task, so they change by a known amount on every
assign and unassign and are undone by replaying those steps backwards.
"""

from __future__ import annotations

from careweave.scheduling.search.constants import HARD
from careweave.scheduling.search.model import Instance


class Assignment:
    """Running total of the assignment part of the objective.

    Parameters
    ----------
    inst
        The instance.
    lane_of
        The state's task -> lane list (read to know whether linked halves are assigned).
    """

    def __init__(self, inst: Instance, lane_of: list[int]) -> None:
        self.inst = inst
        self.lane_of = lane_of
        self.counts: list[dict[int, int]] = [{} for _ in range(max(inst.person, default=-1) + 1)]
        self.cost = float(sum(inst.drop_cost))
        self.alone = 0
        self._steps: list[tuple[int, int, int]] = []
        self._saved = (0.0, 0)

    def total(self) -> float:
        """The assignment part of the objective, a half-done double-handed visit priced as hard."""
        return self.cost + HARD * self.alone

    def begin(self) -> None:
        """Start recording steps so that :meth:`rollback` can undo them."""
        self._steps.clear()
        self._saved = (self.cost, self.alone)

    def rollback(self) -> None:
        """Undo the person counts of every step since :meth:`begin` and restore the totals."""
        for task, worker, sign in reversed(self._steps):
            if self.inst.person[task] >= 0:
                self._count(task, worker, -sign)
        self.cost, self.alone = self._saved
        self._steps.clear()

    def hard_units(self) -> float:
        """Mandatory tasks left out plus double-handed visits with one half only."""
        dropped = sum(1 for t, must in enumerate(self.inst.must) if must and self.lane_of[t] < 0)
        return float(dropped + self.alone)

    def assign(self, task: int, worker: int) -> None:
        """Record that ``task`` (whose lane is already set) is now done by ``worker``."""
        self._change(task, worker, +1)

    def unassign(self, task: int, worker: int) -> None:
        """Record that ``task`` (whose lane is about to be cleared) leaves ``worker``."""
        self._change(task, worker, -1)

    def _change(self, task: int, worker: int, sign: int) -> None:
        inst = self.inst
        self._steps.append((task, worker, sign))
        cost = inst.assign_cost[task].get(worker, 0.0) - inst.drop_cost[task]
        person = inst.person[task]
        if person >= 0:
            regular = inst.regular[person]
            if regular and worker not in regular:
                cost += inst.w_stranger
            cost = sign * cost + inst.w_continuity * self._count(task, worker, sign)
        else:
            cost = sign * cost
        for other in inst.together[task]:
            # Unassign runs before the lane is cleared, assign after it is set.
            self.alone += -sign if self.lane_of[other] >= 0 else sign
        self.cost += cost

    def _count(self, task: int, worker: int, sign: int) -> int:
        """Change the person's count for ``worker``; return the change in their excess workers."""
        person = self.inst.person[task]
        counts = self.counts[person]
        before = len(counts)
        seen = counts.get(worker, 0) + sign
        if seen:
            counts[worker] = seen
        else:
            del counts[worker]
        target = self.inst.continuity_target[person]
        return max(0, len(counts) - target) - max(0, before - target)

    def delta(self, task: int, worker: int) -> float:
        """Estimate the cost change of giving unassigned ``task`` to ``worker``."""
        inst = self.inst
        cost = inst.assign_cost[task].get(worker, 0.0) - inst.drop_cost[task]
        person = inst.person[task]
        if person < 0:
            return cost
        regular = inst.regular[person]
        if regular and worker not in regular:
            cost += inst.w_stranger
        counts = self.counts[person]
        if worker not in counts and len(counts) >= inst.continuity_target[person]:
            cost += inst.w_continuity
        return cost
