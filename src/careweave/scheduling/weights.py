"""How much each soft part of the roster objective costs."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from careweave.scheduling.items import ProblemError


@dataclass(frozen=True, slots=True)
class Weights:
    """Weights of the soft objective; the weighted total is ``sum(weight * figure) / divisor``.

    Parameters
    ----------
    travel
        Per minute of travel.
    distance
        Per unit of distance travelled.
    tardiness
        Per minute a task starts after its window (summed over tasks).
    max_tardiness
        Per minute of the largest lateness of any task.
    unassigned
        Per unassigned task of priority 1, 2 and 3 (critical tasks are never unassigned).
    continuity_excess
        Per distinct worker a person sees above their continuity target.
    non_regular
        Per task done by a worker who is not one of the person's regulars.
    preference_miss
        Per task whose preferred workers, gender or language is not met.
    overtime
        Per minute of paid time above a worker's contracted week.
    imbalance
        Per minute between the most and the least paid worker.
    cross_team
        Per task done by a worker from a team other than the task's.
    wage
        Per unit of wage cost (paid hours times the worker's cost per hour).
    divisor
        Divides the weighted sum, so that e.g. the HHCRSP mean ``(a + b + c) / 3`` is exact.
    """

    travel: float = 1.0
    distance: float = 0.0
    tardiness: float = 2.0
    max_tardiness: float = 0.0
    unassigned: tuple[float, float, float] = (100.0, 300.0, 1000.0)
    continuity_excess: float = 60.0
    non_regular: float = 10.0
    preference_miss: float = 20.0
    overtime: float = 2.0
    imbalance: float = 0.1
    cross_team: float = 30.0
    wage: float = 0.0
    divisor: float = 1.0

    def __post_init__(self) -> None:
        for spec in fields(self):
            if spec.name == "unassigned":
                continue
            _weight(spec.name, getattr(self, spec.name))
        unassigned = tuple(self.unassigned)
        if len(unassigned) != 3:
            raise ProblemError("weights", "unassigned needs one weight per priority 1, 2 and 3")
        for priority, value in enumerate(unassigned, start=1):
            _weight(f"unassigned[priority {priority}]", value)
        object.__setattr__(self, "unassigned", unassigned)
        if self.divisor <= 0:
            raise ProblemError("weights", "divisor must be above 0")

    @classmethod
    def hhcrsp(cls) -> Weights:
        """The HHCRSP benchmark objective: ``(distance + total_tardiness + max_tardiness) / 3``."""
        return cls(
            travel=0.0,
            distance=1.0,
            tardiness=1.0,
            max_tardiness=1.0,
            unassigned=(0.0, 0.0, 0.0),
            continuity_excess=0.0,
            non_regular=0.0,
            preference_miss=0.0,
            overtime=0.0,
            imbalance=0.0,
            cross_team=0.0,
            wage=0.0,
            divisor=3.0,
        )

    def for_unassigned(self, priority: int) -> float:
        """Cost of leaving one task of ``priority`` (1–3) unassigned."""
        return self.unassigned[priority - 1]


def _weight(name: str, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ProblemError("weights", f"{name} must be a finite number, not {value!r}")
    if value < 0:
        raise ProblemError("weights", f"{name} must not be negative, not {value:g}")
