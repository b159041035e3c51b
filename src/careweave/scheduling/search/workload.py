"""Paid time per worker, day and week: overtime, working-time limits and workload imbalance.

These parts of the objective span several lanes, so they are kept as running totals that change
whenever one lane's paid minutes change.
"""

from __future__ import annotations

from careweave.scheduling.search.model import HARD, Instance


class Workload:
    """Running totals of paid minutes by worker and by (worker, week)."""

    def __init__(self, inst: Instance) -> None:
        self.inst = inst
        limited = any(m < float("inf") for m in inst.max_week + inst.max_day)
        self.active = bool(inst.w_overtime or inst.w_imbalance or limited)
        self.by_day: dict[tuple[int, int], float] = {}
        self.lane_paid = [0.0] * len(inst.lanes)
        self.by_week: dict[tuple[int, int], float] = {}
        self.by_worker = [0.0] * len(inst.contracted)
        self.week_cost = 0.0
        self.week_hard = 0.0

    def set(self, lane_index: int, paid: float) -> None:
        """Record that lane ``lane_index`` now has ``paid`` minutes."""
        old = self.lane_paid[lane_index]
        if old == paid:
            return
        self.lane_paid[lane_index] = paid
        if not self.active:
            return
        lane = self.inst.lanes[lane_index]
        worker = lane.worker
        self.by_worker[worker] += paid - old
        key = (worker, lane.week)
        before = self.by_week.get(key, 0.0)
        after = before + paid - old
        self.by_week[key] = after
        overtime_after, excess_after = self._over(worker, after)
        overtime_before, excess_before = self._over(worker, before)
        # A day of split shifts is limited as a whole (each lane alone checks its own part).
        day_key = (worker, lane.day)
        day_before = self.by_day.get(day_key, 0.0)
        self.by_day[day_key] = day_before + paid - old
        limit = self.inst.max_day[worker]
        excess_after += max(0.0, day_before + paid - old - limit)
        excess_before += max(0.0, day_before - limit)
        self.week_cost += self.inst.w_overtime * (overtime_after - overtime_before)
        self.week_cost += HARD * (excess_after - excess_before)
        self.week_hard += excess_after - excess_before

    def _over(self, worker: int, minutes: float) -> tuple[float, float]:
        inst = self.inst
        return (
            max(0.0, minutes - inst.contracted[worker]),
            max(0.0, minutes - inst.max_week[worker]),
        )

    def cost(self) -> float:
        """Overtime and weekly-limit cost plus workload imbalance."""
        if not self.active:
            return 0.0
        total = self.week_cost
        if self.inst.w_imbalance:
            rostered = self.inst.rostered
            paid = [m for w, m in enumerate(self.by_worker) if rostered[w]]
            if paid:
                total += self.inst.w_imbalance * (max(paid) - min(paid))
        return total
