"""The HHCRSP instances by family, and one solver's checked run on one of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from benchmarks.checker import Verdict
from benchmarks.processes import Answer

SOLVERS = ("careweave", "ortools", "pyvrp")
QUICK_PER_FAMILY = 2
COLLECTIONS = (
    ("Mankowska", "mankowska", r"_HCSRP_(\d+)_"),
    ("Kummer", "kummer", r"^HHCRSP_(\d+)_"),
)


@dataclass(frozen=True)
class Case:
    """One instance file and the family (collection and number of patients) it belongs to."""

    collection: str
    size: int
    path: Path

    @property
    def family(self) -> str:
        """E.g. ``"Mankowska 25"``."""
        return f"{self.collection} {self.size}"

    @property
    def name(self) -> str:
        """The instance file name, as in the best-known tables."""
        return self.path.name


@dataclass(frozen=True)
class Run:
    """One solver on one instance: what it printed and what the checker made of it.

    ``reused_from`` is when the run finished, when it was taken from an earlier benchmark run
    (``--resume``); None for a run made by this one.
    """

    case: Case
    solver: str
    answer: Answer
    verdict: Verdict | None
    reused_from: str | None = None

    @property
    def cost(self) -> float | None:
        """The checker's total_cost (None when there is no checked solution)."""
        return None if self.verdict is None else self.verdict.total_cost

    @property
    def feasible(self) -> bool:
        """Whether the checker found the solution feasible."""
        return self.verdict is not None and self.verdict.feasible and self.cost is not None


def discover(root: Path) -> list[Case]:
    """Every Mankowska and Kummer instance under ``root``, by family then natural order."""
    cases = []
    for collection, folder, pattern in COLLECTIONS:
        for path in sorted((root / folder).glob("*.json")):
            found = re.search(pattern, path.name)
            if found:
                cases.append(Case(collection, int(found.group(1)), path))
    return sorted(cases, key=lambda c: (c.collection != "Mankowska", c.size, _natural(c.name)))


def select(cases: list[Case], quick: bool) -> list[Case]:
    """All cases, or the first :data:`QUICK_PER_FAMILY` of each family for a quick run."""
    if not quick:
        return cases
    taken: dict[str, int] = {}
    chosen = []
    for case in cases:
        if taken.get(case.family, 0) < QUICK_PER_FAMILY:
            taken[case.family] = taken.get(case.family, 0) + 1
            chosen.append(case)
    return chosen


def _natural(name: str) -> list[int | str]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]
