"""A roster under search: routes per lane, start times, and an objective kept up to date move by move.

Start times are the earliest ones that satisfy everything: a worker waits only until a window opens,
for a linked partner (``start[y] >= start[x] + w`` for every link edge) or for a legal break. Those
are the least solution of a system of difference constraints, found by raising times from below until
nothing changes. If a move creates a cycle that forces times up forever (two routes meeting two
synchronised pairs in crossed order), the move is refused. A move is made in a transaction:
``begin``, any number of ``remove``/``insert``, ``evaluate``, then ``commit`` or ``rollback``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from careweave.scheduling.search.assignment import Assignment
from careweave.scheduling.search.constants import (
    CLEAN,
    EPS,
    HARD,
    INFEASIBLE,
    NEG,
    NO_BREAK,
    SETTLE_RUNS,
    SETTLE_RUNS_PER_LANE,
    SETTLE_RUNS_PER_VISIT,
    excess,
)
from careweave.scheduling.search.model import Instance
from careweave.scheduling.search.workload import Workload

Saved = tuple[list[int], list[float], list[float], float, float, float, float, float]


class State:
    """Routes, start times and objective of one roster for one :class:`Instance`."""

    def __init__(self, inst: Instance) -> None:
        self.inst = inst
        n, n_lanes = inst.n_tasks, len(inst.lanes)
        self.routes: list[list[int]] = [[] for _ in range(n_lanes)]
        self.lane_of = [-1] * n
        self.pos_of = [-1] * n
        self.start = [NEG] * n
        self.ready = [NEG] * n
        self.lane_cost = [0.0] * n_lanes
        self.lane_tmax = [0.0] * n_lanes
        self.lane_hard = [0.0] * n_lanes
        self.lane_begin = [lane.shift_start for lane in inst.lanes]
        self.lane_end = [lane.shift_start for lane in inst.lanes]
        self.lane_sum = 0.0
        self.assignment = Assignment(inst, self.lane_of)
        self.workload = Workload(inst, self.routes, self.lane_begin, self.lane_end)
        self._journal: list[tuple[int, int]] = []
        self._saved: dict[int, Saved] = {}
        self._dirty: dict[int, int] = {}
        self._saved_sum = 0.0

    # ----------------------------------------------------------------- objective
    def cost(self) -> float:
        """Return the objective of the current roster (hard breaks priced at ``HARD`` each)."""
        inst = self.inst
        total = self.lane_sum + self.assignment.total() + self.workload.cost()
        if inst.w_max_tardiness:
            total += inst.w_max_tardiness * max(self.lane_tmax, default=0.0)
        return total

    def hard_units(self) -> float:
        """Return how much hard constraints are broken (0 means the routes are feasible)."""
        return sum(self.lane_hard) + self.assignment.hard_units() + self.workload.week_hard

    def resum(self) -> None:
        """Recompute the running sum of lane costs, shedding floating-point drift."""
        self.lane_sum = float(sum(self.lane_cost))

    # ----------------------------------------------------------------- transactions
    def begin(self) -> None:
        """Open a transaction; every change until ``commit``/``rollback`` can be undone."""
        self.commit()
        self.assignment.begin()
        self._saved_sum = self.lane_sum

    def _save(self, lane: int) -> None:
        if lane not in self._saved:
            seq = self.routes[lane]
            self._saved[lane] = (
                list(seq),
                [self.start[t] for t in seq],
                [self.ready[t] for t in seq],
                self.lane_cost[lane],
                self.lane_tmax[lane],
                self.lane_hard[lane],
                self.lane_begin[lane],
                self.lane_end[lane],
            )

    def _renumber(self, seq: list[int], pos: int) -> None:
        pos_of = self.pos_of
        for p in range(pos, len(seq)):
            pos_of[seq[p]] = p

    def remove(self, task: int) -> None:
        """Take ``task`` off its route (it must be on one)."""
        lane = self.lane_of[task]
        self._save(lane)
        seq = self.routes[lane]
        pos = self.pos_of[task]
        del seq[pos]
        self._renumber(seq, pos)
        self._journal.append((task, lane))
        self.assignment.unassign(task, self.inst.lanes[lane].worker)
        self.lane_of[task] = -1
        self.pos_of[task] = -1
        self.start[task] = NEG
        self.ready[task] = NEG
        self._touch(lane, pos)

    def insert(self, task: int, lane: int, pos: int) -> None:
        """Put unassigned ``task`` on ``lane`` at position ``pos``."""
        self._save(lane)
        seq = self.routes[lane]
        seq.insert(pos, task)
        self._renumber(seq, pos)
        self._journal.append((task, -1))
        self.lane_of[task] = lane
        self.assignment.assign(task, self.inst.lanes[lane].worker)
        self._touch(lane, pos)

    def _touch(self, lane: int, pos: int) -> None:
        """Note that lane ``lane`` changed from position ``pos`` on."""
        if pos < self._dirty.get(lane, CLEAN):
            self._dirty[lane] = pos

    def evaluate(self) -> float:
        """Recompute times of everything the changes can reach; return the new cost (inf if stuck)."""
        if self._dirty:
            settled = self._propagate_fast(self._dirty)
            if settled is None:
                settled = self._propagate(self._dirty)
            if not settled:
                return INFEASIBLE
            self._dirty.clear()
        return self.cost()

    def commit(self) -> None:
        """Keep the changes."""
        self._journal.clear()
        self._saved.clear()
        self._dirty.clear()

    def rollback(self) -> None:
        """Undo every change since ``begin``."""
        for task, old_lane in reversed(self._journal):
            self.lane_of[task] = old_lane
            if old_lane < 0:
                self.pos_of[task] = -1
                self.start[task] = NEG
                self.ready[task] = NEG
        self.assignment.rollback()
        for lane, (seq, starts, ready, cost, tmax, hard, begin, end) in self._saved.items():
            self.routes[lane] = seq
            for p, t in enumerate(seq):
                self.lane_of[t] = lane
                self.pos_of[t] = p
                self.start[t] = starts[p]
                self.ready[t] = ready[p]
            self.lane_cost[lane] = cost
            self.lane_tmax[lane] = tmax
            self.lane_hard[lane] = hard
            self.lane_begin[lane] = begin
            self.lane_end[lane] = end
            self.workload.set(lane, end - begin if seq else 0.0)
        self.lane_sum = self._saved_sum
        self.commit()

    # ----------------------------------------------------------------- timing
    def _propagate_fast(self, dirty: dict[int, int]) -> bool | None:
        """Recompute only lanes whose linked partners moved; False if stuck, None if unsure.

        A task's link bound is taken from its partner's *ready* time (arrival or window opening)
        and the partner's other links, never from the partner's own start, so a start held up by
        this very task cannot keep it up after the cause has gone. That is exact when links form
        pairs; anything else is verified afterwards and, if broken, left to :meth:`_propagate`.
        Times that keep rising past the budget mean a cycle of links: the move is impossible.
        """
        queue = deque(dirty)
        queued = set(dirty)
        touched = set(dirty)
        budget = 4 * len(self.routes) + 20
        partners, beyond, lane_of = self.inst.partners, self.inst.beyond, self.lane_of
        while queue:
            lane = queue.popleft()
            queued.discard(lane)
            budget -= 1
            if budget < 0:
                return False
            self._save(lane)
            readied, shifted = self._run_lane(lane, exclusive=True)
            # Partners read a task's ready time; partners' partners read its start.
            affected = [o for t in readied for o in partners[t]]
            affected += [o for t in shifted for o in beyond[t]]
            for other in affected:
                other_lane = lane_of[other]
                if other_lane >= 0 and other_lane not in queued:
                    queue.append(other_lane)
                    queued.add(other_lane)
                    touched.add(other_lane)
        return True if self._consistent(touched) else None

    def _consistent(self, lanes: set[int]) -> bool:
        """Whether every link into or out of a task of ``lanes`` is met.

        Both directions matter: a break can move a task without moving its ready time, and then
        only the partner's side of the link (on a lane not recomputed) shows the gap.
        """
        start, in_edges, out_edges = self.start, self.inst.in_edges, self.inst.out_edges
        lane_of = self.lane_of
        for lane in lanes:
            for task in self.routes[lane]:
                here = start[task]
                for other, gap in in_edges[task]:
                    if lane_of[other] >= 0 and here < start[other] + gap - EPS:
                        return False
                for other, gap in out_edges[task]:
                    if lane_of[other] >= 0 and start[other] < here + gap - EPS:
                        return False
        return True

    def _closure(self, dirty: dict[int, int]) -> dict[int, int]:
        """Return lane -> first position whose start may change, following links."""
        first = dict(dirty)
        stack = list(dirty)
        routes, lane_of, pos_of, partners = (
            self.routes,
            self.lane_of,
            self.pos_of,
            self.inst.partners,
        )
        while stack:
            lane = stack.pop()
            seq = routes[lane]
            for p in range(first[lane], len(seq)):
                for other in partners[seq[p]]:
                    other_lane = lane_of[other]
                    if other_lane < 0:
                        continue
                    q = pos_of[other]
                    if q < first.get(other_lane, CLEAN):
                        first[other_lane] = q
                        stack.append(other_lane)
        return first

    def _propagate(self, dirty: dict[int, int]) -> bool:
        first = self._closure(dirty)
        start, routes = self.start, self.routes
        budget = SETTLE_RUNS
        for lane, p in first.items():
            self._save(lane)
            seq = routes[lane]
            budget += SETTLE_RUNS_PER_VISIT * (len(seq) - p) + SETTLE_RUNS_PER_LANE
            for t in seq[p:]:
                start[t] = NEG
        queue = deque(first)
        queued = set(first)
        out_edges, lane_of = self.inst.out_edges, self.lane_of
        while queue:
            lane = queue.popleft()
            queued.discard(lane)
            budget -= 1
            if budget < 0:
                return False
            for task in self._run_lane(lane, exclusive=False)[1]:
                bound = start[task]
                for other, gap in out_edges[task]:
                    other_lane = lane_of[other]
                    if (
                        other_lane >= 0
                        and start[other] < bound + gap - EPS
                        and other_lane not in queued
                    ):
                        queue.append(other_lane)
                        queued.add(other_lane)
        return True

    def _link_bound(self, task: int, exclusive: bool) -> float:
        """Latest start any link into ``task`` demands (see :meth:`_propagate_fast`)."""
        start, in_edges = self.start, self.inst.in_edges
        bound = NEG
        for other, gap in in_edges[task]:
            if exclusive:
                held = self.ready[other]
                for third, third_gap in in_edges[other]:
                    if third != task and start[third] + third_gap > held:
                        held = start[third] + third_gap
            else:
                held = start[other]
            if held + gap > bound:
                bound = held + gap
        return bound

    def _run_lane(self, k: int, exclusive: bool) -> tuple[list[int], list[int]]:
        """Recompute lane ``k``'s times and cost.

        Returns the linked tasks whose ready time moved and those whose start moved. This is the
        search's innermost loop, kept as one function with local names on purpose: splitting it
        costs a Python call per visit.
        """
        inst = self.inst
        lane = inst.lanes[k]
        travel, legs = lane.travel, lane.leg_cost
        ready = self.ready
        start, loc, earliest, latest, dur = (
            self.start,
            inst.loc,
            inst.earliest,
            inst.latest,
            inst.duration,
        )
        in_edges, out_edges, critical = inst.in_edges, inst.out_edges, inst.critical
        needs_break = lane.break_after < NO_BREAK
        readied: list[int] = []
        shifted: list[int] = []
        prev = lane.start_loc
        t = lane.shift_start
        leg = tard = tmax = hard = 0.0
        begin = -1.0
        rested = False
        for task in self.routes[k]:
            here = loc[task]
            arrive = t + travel[prev][here]
            s = arrive if arrive > earliest[task] else earliest[task]
            if in_edges[task]:
                if s != ready[task]:
                    ready[task] = s
                    readied.append(task)
                bound = self._link_bound(task, exclusive)
                if bound > s:
                    s = bound
            if begin < 0.0:
                begin = s - travel[prev][here]
            elif needs_break and not rested:
                if s - arrive >= lane.break_minutes:
                    rested = True
                elif s + dur[task] + travel[here][lane.end_loc] - begin > lane.break_after:
                    s = max(s, arrive + lane.break_minutes)
                    rested = True
            late = s - latest[task]
            if late > 0.0:
                tard += late
                if late > tmax:
                    tmax = late
                if critical[task]:
                    hard += excess(late)
            if s != start[task]:
                start[task] = s
                if out_edges[task]:
                    shifted.append(task)
            leg += legs[prev][here]
            t = s + dur[task]
            prev = here
        paid = 0.0
        if begin >= 0.0:
            leg += legs[prev][lane.end_loc]
            end = t + travel[prev][lane.end_loc]
            paid = end - begin
            hard += excess(end - lane.shift_end) + excess(paid - lane.max_work)
            if needs_break and not rested and paid > lane.break_after:
                hard += lane.break_minutes
        else:
            begin = end = lane.shift_start
        cost = leg + inst.w_tardiness * tard + HARD * hard + lane.paid_cost * paid
        self.lane_sum += cost - self.lane_cost[k]
        self.lane_cost[k] = cost
        self.lane_tmax[k] = tmax
        self.lane_hard[k] = hard
        self.lane_begin[k] = begin
        self.lane_end[k] = end
        self.workload.set(k, paid)
        return readied, shifted


def rebuild(inst: Instance, routes: Sequence[Sequence[int]]) -> State:
    """Return a fresh state holding ``routes`` (task positions per lane), every time computed.

    Raises
    ------
    ValueError
        When the routes order linked visits so that no start times can satisfy the links.
    """
    state = State(inst)
    state.begin()
    for lane, seq in enumerate(routes):
        for pos, task in enumerate(seq):
            state.insert(task, lane, pos)
    if state.evaluate() == INFEASIBLE:
        raise ValueError("routes: linked visits are in an order no start times can satisfy")
    state.commit()
    state.resum()
    return state
