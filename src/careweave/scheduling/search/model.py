"""The search's own compact view of a problem: plain lists indexed by integers.

The search reads these lists in its innermost loops, where Python lists of floats are faster than
numpy arrays read one element at a time. Everything is built once per solve by
:mod:`careweave.scheduling.search.compile` and never changed afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Lane:
    """One worker on one day: the container a route lives in.

    Attributes
    ----------
    worker, day, shift
        Indexes of the worker, the day, and the shift among the worker's shifts that day.
    start_loc, end_loc
        Location indexes where the day begins and ends.
    shift_start, shift_end
        The day's shift in minutes; the route leaves no earlier than ``shift_start`` and must be back
        by ``shift_end``.
    week
        Index of the week the day falls in (for weekly limits and overtime).
    travel
        Travel-time matrix (minutes) of the worker's travel mode, as nested lists.
    leg_cost
        Weighted cost of each leg (travel minutes and distance), as nested lists.
    max_work
        Most minutes the worker may be paid that day (from leaving ``start_loc`` to arriving back).
    break_after, break_minutes
        A day longer than ``break_after`` minutes needs an idle gap of ``break_minutes``.
    paid_cost
        Cost of one paid minute (the worker's wage, weighted).
    """

    worker: int
    day: int
    shift: int
    week: int
    start_loc: int
    end_loc: int
    shift_start: float
    shift_end: float
    travel: list[list[float]]
    leg_cost: list[list[float]]
    max_work: float
    break_after: float
    break_minutes: float
    paid_cost: float


@dataclass(slots=True)
class Instance:
    """Every number the search needs, as flat lists.

    Attributes
    ----------
    loc, earliest, latest, duration
        Per task: location index, window for the start, and duration in minutes.
    critical, must
        Per task: never start it late (critical); never leave it out (must).
    allowed
        Per task: the lane indexes that may serve it (skills, exclusions, pins, day and shift).
    out_edges
        Per task ``x``: pairs ``(y, w)`` meaning ``start[y] >= start[x] + w``.
    in_edges
        Per task ``y``: pairs ``(x, w)`` with the same meaning (the reverse index).
    apart
        Per task: tasks that must be served by a different worker (double-handed partners).
    together
        Per task: tasks that must be assigned if and only if this one is (the other halves).
    assign_cost
        Per task: extra cost by worker index of giving the task to that worker (preferences, team).
    drop_cost
        Per task: cost of leaving it unassigned.
    person, regular
        Per task: person index (-1 for none); per person, the workers already known to them
        (empty when the person has no history, so that nobody counts as a stranger).
    continuity_target, w_continuity, w_stranger
        Distinct workers per person allowed before ``w_continuity`` applies per extra worker;
        ``w_stranger`` per visit by a worker who is not one of the person's regulars.
    w_tardiness, w_max_tardiness, w_overtime, w_imbalance
        Weights of the objective's parts (already divided by the objective's divisor).
    contracted, max_week, max_day, rostered
        Per worker: paid minutes per week before overtime, hard weekly and daily limits, and
        whether the worker has any shift (only those count for workload imbalance).
    min_rest
        Per worker: hard minimum minutes between getting back from a day's last route and
        leaving on the next working day's first.
    near
        Per task: the allowed lanes whose workers start nearest (with ties kept), the lanes a
        construction or repair tries first; all allowed lanes when empty.
    partners
        Per task: every task linked to it in either direction (derived).
    beyond
        Per task: partners of its partners, bar itself (derived).
    """

    loc: list[int]
    earliest: list[float]
    latest: list[float]
    duration: list[float]
    critical: list[bool]
    must: list[bool]
    lanes: list[Lane]
    allowed: list[list[int]]
    out_edges: list[list[tuple[int, float]]]
    in_edges: list[list[tuple[int, float]]]
    apart: list[list[int]]
    together: list[list[int]]
    assign_cost: list[dict[int, float]]
    drop_cost: list[float]
    person: list[int]
    regular: list[frozenset[int]]
    continuity_target: list[int]
    w_continuity: float = 0.0
    w_stranger: float = 0.0
    w_tardiness: float = 1.0
    w_max_tardiness: float = 0.0
    w_overtime: float = 0.0
    w_imbalance: float = 0.0
    contracted: list[float] = field(default_factory=list)
    max_week: list[float] = field(default_factory=list)
    max_day: list[float] = field(default_factory=list)
    min_rest: list[float] = field(default_factory=list)
    rostered: list[bool] = field(default_factory=list)
    near: list[list[int]] = field(default_factory=list)
    partners: list[list[int]] = field(init=False)
    beyond: list[list[int]] = field(init=False)

    def __post_init__(self) -> None:
        self.partners = [
            sorted({y for y, _ in self.out_edges[t]} | {x for x, _ in self.in_edges[t]})
            for t in range(len(self.loc))
        ]
        if not self.near:
            self.near = self.allowed
        self.beyond = [
            sorted({y for x in self.partners[t] for y in self.partners[x]} - {t})
            for t in range(len(self.loc))
        ]

    @property
    def n_tasks(self) -> int:
        """Number of tasks."""
        return len(self.loc)
