"""Paid time per worker, day and week: overtime, working-time limits, rest and workload imbalance.

These parts of the objective span several lanes, so they are kept as running totals that change
whenever one lane's paid minutes (or, for rest between days, its times) change.
"""

from __future__ import annotations

from careweave.scheduling.search.constants import HARD, excess
from careweave.scheduling.search.model import Instance


class Workload:
    """Running totals of paid minutes by worker and by (worker, week), and rest shortfalls.

    ``routes``, ``begins`` and ``ends`` are the state's own per-lane lists, read (never written)
    when a lane is set, to find the rest between one working day's last route and the next's first.
    """

    def __init__(
        self,
        inst: Instance,
        routes: list[list[int]],
        begins: list[float],
        ends: list[float],
    ) -> None:
        self.inst = inst
        self.routes, self.begins, self.ends = routes, begins, ends
        self.resting = any(m > 0 for m in inst.min_rest)
        self.span: list[tuple[float, float] | None] = [None] * len(inst.lanes)
        self.lanes_of: list[list[int]] = [[] for _ in inst.contracted]
        for k, lane in sorted(enumerate(inst.lanes), key=lambda kl: (kl[1].day, kl[1].shift)):
            self.lanes_of[lane.worker].append(k)
        self.short = [0.0] * len(inst.contracted)
        self.rest_hard = 0.0
        limited = any(m < float("inf") for m in inst.max_week + inst.max_day)
        self.active = bool(inst.w_overtime or inst.w_imbalance or limited or self.resting)
        self.by_day: dict[tuple[int, int], float] = {}
        self.lane_paid = [0.0] * len(inst.lanes)
        self.by_week: dict[tuple[int, int], float] = {}
        self.by_worker = [0.0] * len(inst.contracted)
        self.week_cost = 0.0
        self.week_hard = 0.0

    def set(self, lane_index: int, paid: float) -> None:
        """Record that lane ``lane_index`` now has ``paid`` minutes (and its current times)."""
        if self.resting:
            self._rest(lane_index)
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
        excess_after += excess(day_before + paid - old - limit)
        excess_before += excess(day_before - limit)
        self.week_cost += self.inst.w_overtime * (overtime_after - overtime_before)
        self.week_cost += HARD * (excess_after - excess_before)
        self.week_hard += excess_after - excess_before

    def _rest(self, lane_index: int) -> None:
        span = (self.begins[lane_index], self.ends[lane_index]) if self.routes[lane_index] else None
        if span == self.span[lane_index]:
            return
        self.span[lane_index] = span
        worker = self.inst.lanes[lane_index].worker
        short = self._shortfall(worker)
        change = short - self.short[worker]
        self.short[worker] = short
        self.rest_hard += change
        self.week_hard += change
        self.week_cost += HARD * change

    def _shortfall(self, worker: int) -> float:
        """Minutes of rest missing between the worker's consecutive working days."""
        need = self.inst.min_rest[worker]
        if need <= 0:
            return 0.0
        lanes, missing = self.inst.lanes, 0.0
        last_day, last_end = -1, 0.0
        for k in self.lanes_of[worker]:
            span = self.span[k]
            if span is None:
                continue
            day = lanes[k].day
            if last_day >= 0 and day != last_day:
                missing += excess(need - (span[0] - last_end))
            last_day, last_end = day, span[1]
        return missing

    def _over(self, worker: int, minutes: float) -> tuple[float, float]:
        inst = self.inst
        return (
            max(0.0, minutes - inst.contracted[worker]),
            excess(minutes - inst.max_week[worker]),
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
