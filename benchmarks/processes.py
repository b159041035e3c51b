"""Run solvers as separate single-threaded processes, a few at a time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
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
    """What a solver process printed: its JSON object, or why there is none.

    ``cpu_seconds`` is the processor time the process was given. Divided by ``wall_seconds`` it
    shows whether a single-threaded solver had a core to itself (close to 1) or shared one.
    """

    wall_seconds: float
    output: dict[str, Any] | None
    error: str | None
    cpu_seconds: float | None = None

    @property
    def cpu_share(self) -> float | None:
        """The share of one core the process was given while it ran (None when unknown)."""
        if self.cpu_seconds is None or self.wall_seconds <= 0:
            return None
        return self.cpu_seconds / self.wall_seconds


def run_json(command: Sequence[str], repo: Path, timeout: float) -> Answer:
    """Run ``command`` single-threaded and parse the one JSON object it prints."""
    began = time.monotonic()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        try:
            child = subprocess.Popen(
                list(command),
                stdout=out,
                stderr=err,
                text=True,
                cwd=repo,
                env=single_threaded_env(repo),
            )
        except OSError as error:
            return Answer(time.monotonic() - began, None, f"could not start: {error}")
        status, cpu, timed_out = _wait_measured(child, began + timeout)
        wall = time.monotonic() - began
        if timed_out:
            return Answer(wall, None, f"no answer within {timeout:g} s", cpu)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    try:
        output = json.loads(stdout)
    except json.JSONDecodeError:
        return Answer(wall, None, f"exit {status}: {last_message(stdout, stderr)}", cpu)
    if not isinstance(output, dict):
        return Answer(wall, None, "printed JSON that is not an object", cpu)
    return Answer(wall, output, None, cpu)


def _wait_measured(child: subprocess.Popen[str], deadline: float) -> tuple[int, float, bool]:
    """Wait for ``child`` (killing it at ``deadline``): exit code, processor seconds, timed out.

    ``os.wait4`` is the one call that gives one child's own resource usage; ``getrusage`` would
    mix in the other solvers running at the same time.
    """
    timed_out = False
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() >= deadline:
            child.kill()
            _, status, usage = os.wait4(child.pid, 0)
            timed_out = True
            break
        time.sleep(0.05)
    # Tell Popen the child is reaped, so that it never waits for (or signals) the pid again.
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, usage.ru_utime + usage.ru_stime, timed_out


def last_message(stdout: str, stderr: str) -> str:
    """The last line of a failed command's output that says something (not a box border)."""
    text = stderr + "\n" + stdout
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
