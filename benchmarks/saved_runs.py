"""Finished HHCRSP runs kept on disk, so that a full run cut short can be taken up again.

Every public instance with three solvers at 60 s each is about four hours on two cores. Each
finished (solver, instance) run is saved beside its solution with the key it was run under; with
``--resume`` a later run reuses it when the key is the same: the same instance file, the same
solver code and library versions, time limit and seed. A run that did not have a core to itself
(see :data:`FAIR_CPU_SHARE`) is never reused, so waiting for other work cannot stand in for
solving.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.processes import Answer

FAIR_CPU_SHARE = 0.95
"""The least share of one core a run must have had to count as run on its own core."""

# What decides each solver's answers: its source files (relative to the repository root) and
# the libraries whose versions change its search.
_SOURCES = {
    "careweave": ("src/careweave/scheduling", "src/careweave/adapters/cli/roster.py"),
    "ortools": ("benchmarks/baselines", "benchmarks/hhcrsp_data.py"),
    "pyvrp": ("benchmarks/baselines", "benchmarks/hhcrsp_data.py"),
}
_LIBRARIES = {
    "careweave": ("numpy", "numba"),
    "ortools": ("ortools",),
    "pyvrp": ("pyvrp", "numpy"),
}


@dataclass(frozen=True)
class RunKey:
    """Everything a run's answer depends on; a saved run is reused only under an equal key."""

    solver: str
    instance: str
    code: str
    seconds: float
    seed: int


@dataclass(frozen=True)
class SavedRun:
    """A finished run as saved: its key, when it finished, and what the solver printed."""

    key: RunKey
    finished: str
    answer: Answer


def run_key(solver: str, instance: Path, repo: Path, seconds: float, seed: int) -> RunKey:
    """The key of running ``solver`` on ``instance`` with this code, limit and seed."""
    return RunKey(solver, _digest([instance]), solver_code(solver, repo), seconds, seed)


def solver_code(solver: str, repo: Path) -> str:
    """A digest of the solver's source files and the versions of the libraries it uses."""
    files: list[Path] = []
    for relative in _SOURCES[solver]:
        path = repo / relative
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    versions = ",".join(f"{name}={metadata.version(name)}" for name in _LIBRARIES[solver])
    return _digest(files, extra=versions, root=repo)


def record_path(raw_dir: Path, solver: str, instance_name: str) -> Path:
    """Where the run of ``solver`` on the instance called ``instance_name`` is saved."""
    return raw_dir / "hhcrsp" / solver / f"{instance_name}.run.json"


def save(raw_dir: Path, instance_name: str, key: RunKey, answer: Answer) -> None:
    """Save a finished run; written whole or not at all, so a run cut short leaves no half file."""
    target = record_path(raw_dir, key.solver, instance_name)
    target.parent.mkdir(parents=True, exist_ok=True)
    finished = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    body = {"key": asdict(key), "finished": finished, "answer": asdict(answer)}
    partial = target.with_suffix(".part")
    partial.write_text(json.dumps(body))
    os.replace(partial, target)


def reusable(raw_dir: Path, instance_name: str, key: RunKey) -> SavedRun | None:
    """The saved run under ``key``, when there is one that had a core to itself."""
    try:
        body: dict[str, Any] = json.loads(
            record_path(raw_dir, key.solver, instance_name).read_text()
        )
        saved = SavedRun(RunKey(**body["key"]), str(body["finished"]), Answer(**body["answer"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if saved.key != key or saved.answer.output is None:
        return None
    share = saved.answer.cpu_share
    return saved if share is not None and share >= FAIR_CPU_SHARE else None


def _digest(files: list[Path], extra: str = "", root: Path | None = None) -> str:
    hasher = hashlib.sha256(extra.encode())
    for path in files:
        name = path.relative_to(root) if root else Path(path.name)
        hasher.update(str(name).encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()[:16]
