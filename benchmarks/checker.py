"""Judge a solution with careweave's independent checker, never with the solver's own figures.

The checker (:func:`careweave.scheduling.checker.check`) sees only the instance file and the
routes read back from the solution file, whoever wrote them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from careweave.scheduling.checker import CheckReport
from careweave.scheduling.checker import check as check_roster
from careweave.scheduling.formats.hhcrsp import read_hhcrsp
from careweave.scheduling.formats.roster_json import read_roster
from careweave.scheduling.items import ProblemError

# The checker's rule names for the timing of linked visits and for their two distinct workers.
SYNCHRONISATION_RULES = frozenset({"link", "same_worker"})


@dataclass(frozen=True)
class Verdict:
    """The checker's figures for one solution (``error`` set when it could not judge it)."""

    feasible: bool = False
    total_cost: float | None = None
    distance: float | None = None
    total_tardiness: float | None = None
    max_tardiness: float | None = None
    problems: tuple[str, ...] = ()
    rules: frozenset[str] = frozenset()
    error: str | None = None

    @property
    def only_synchronisation(self) -> bool:
        """Whether every broken rule is about synchronised or linked visits."""
        return bool(self.rules) and self.rules <= SYNCHRONISATION_RULES


def check(instance: Path, solution: Path) -> Verdict:
    """Read ``instance`` and the routes in ``solution``, check them, and keep the figures."""
    try:
        problem = read_hhcrsp(instance)
        roster = read_roster(solution, problem)
    except (OSError, ProblemError) as error:
        return Verdict(error=f"checker could not read the solution: {error}")
    return verdict_from(check_roster(problem, roster))


def verdict_from(report: CheckReport) -> Verdict:
    """A :class:`Verdict` from the checker's report."""
    figures = report.figures
    return Verdict(
        feasible=report.feasible,
        total_cost=figures.total_cost,
        distance=figures.distance,
        total_tardiness=figures.total_tardiness,
        max_tardiness=figures.max_tardiness,
        problems=tuple(str(violation) for violation in report.violations),
        rules=frozenset(violation.rule for violation in report.violations),
    )
