"""The suites ``python -m benchmarks`` knows, and the options every suite is run with.

To add a suite, write a module with ``run(options: RunOptions) -> str`` returning its markdown
table and add ONE line to :data:`SUITES`. Suites are imported only when selected, so a suite that
needs a part of careweave still being written does not break the others.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SUITES: dict[str, str] = {
    "hhcrsp": "benchmarks.hhcrsp_suite:run",
    "provider": "benchmarks.provider_suite:run",
    "repair": "benchmarks.repair_suite:run",
    "web": "benchmarks.web_load:run",
    "community": "benchmarks.community_search:run",
    "matching": "benchmarks.family_support_suite:run",
    "telecare": "benchmarks.telecare_load:run",
}
"""Suite name to ``module:function``; the function takes :class:`RunOptions`, returns markdown."""


@dataclass(frozen=True)
class RunOptions:
    """How a benchmark run was asked for.

    Parameters
    ----------
    quick
        A few instances per family at a short limit, instead of every instance.
    seconds
        The time limit per instance chosen by ``--seconds`` (None: the suite's default).
    jobs
        How many instances run at once, each in its own single-threaded process.
    seed
        The random seed given to every solver.
    command
        The command line, for the table header.
    repo
        The repository root (the public data is read from ``../shared`` next to it).
    raw_dir
        Where solutions and checker reports go (not committed).
    resume
        Reuse the saved runs of an earlier run of the same code, limit and seed (suites that
        save their runs: hhcrsp).
    """

    quick: bool
    seconds: float | None
    jobs: int
    seed: int
    command: str
    repo: Path
    raw_dir: Path
    resume: bool = False

    def limit(self, quick_default: float, full_default: float) -> float:
        """The time limit per instance: ``--seconds`` or the suite's default for the mode."""
        if self.seconds is not None:
            return self.seconds
        return quick_default if self.quick else full_default

    @property
    def shared(self) -> Path:
        """The shared data folder next to the repository."""
        return self.repo.parent / "shared"


SuiteRun = Callable[[RunOptions], str]


def resolve(name: str) -> SuiteRun:
    """The ``run`` function of the suite called ``name``.

    Raises
    ------
    KeyError
        When no suite has that name.
    """
    module_name, _, function = SUITES[name].partition(":")
    run: SuiteRun = getattr(importlib.import_module(module_name), function)
    return run


def parse_suites(text: str) -> list[str]:
    """Suite names from a comma-separated list, in order, each once.

    Raises
    ------
    ValueError
        Naming the unknown suite and the known ones.
    """
    names = [part.strip() for part in text.split(",") if part.strip()]
    if not names:
        raise ValueError("--suite: name at least one suite")
    for name in names:
        if name not in SUITES:
            known = ", ".join(sorted(SUITES))
            raise ValueError(f"--suite: unknown suite {name!r} (known: {known})")
    return list(dict.fromkeys(names))
