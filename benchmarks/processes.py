"""Run solvers as separate single-threaded processes, a few at a time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

# Numerical libraries start one thread per core unless told otherwise; one instance must use one.
THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "NUMBA_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)


def single_threaded_env(repo: Path) -> dict[str, str]:
    """This process's environment with every thread pool set to one thread.

    The repository root goes on ``PYTHONPATH`` so that ``benchmarks`` imports from any cwd.
    """
    env = dict(os.environ)
    env.update(dict.fromkeys(THREAD_VARIABLES, "1"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(repo), env.get("PYTHONPATH")) if p)
    return env


def careweave_command() -> list[str]:
    """How to call the ``careweave`` command of this virtual environment."""
    script = Path(sys.executable).with_name("careweave")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from careweave.adapters.cli.main import main; main()"]


@dataclass(frozen=True)
class Answer:
    """What a solver process printed: its JSON object, or why there is none."""

    wall_seconds: float
    output: dict[str, Any] | None
    error: str | None


def run_json(command: Sequence[str], repo: Path, timeout: float) -> Answer:
    """Run ``command`` single-threaded and parse the one JSON object it prints."""
    began = time.monotonic()
    try:
        done = subprocess.run(
            list(command),
            capture_output=True,
            text=True,
            cwd=repo,
            env=single_threaded_env(repo),
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Answer(time.monotonic() - began, None, f"no answer within {timeout:g} s")
    except OSError as error:
        return Answer(time.monotonic() - began, None, f"could not start: {error}")
    wall = time.monotonic() - began
    try:
        output = json.loads(done.stdout)
    except json.JSONDecodeError:
        return Answer(wall, None, f"exit {done.returncode}: {last_message(done)}")
    if not isinstance(output, dict):
        return Answer(wall, None, "printed JSON that is not an object")
    return Answer(wall, output, None)


def last_message(done: subprocess.CompletedProcess[str]) -> str:
    """The last line of a failed command's output that says something (not a box border)."""
    text = done.stderr + "\n" + done.stdout
    lines = [line.strip(" │╭╮╰╯─\t") for line in text.splitlines()]
    said = [line for line in lines if any(ch.isalnum() for ch in line)]
    return said[-1][:200] if said else "no output"


Item = TypeVar("Item")
Result = TypeVar("Result")


def in_parallel(items: Sequence[Item], work: Callable[[Item], Result], jobs: int) -> list[Result]:
    """``work`` on every item, ``jobs`` at a time, results in the items' order.

    Threads only wait on child processes here; the solving happens in those processes.
    """
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(work, items))
