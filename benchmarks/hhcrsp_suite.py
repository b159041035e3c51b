"""The public HHCRSP suite: careweave against best known, OR-Tools and PyVRP, checker-judged.

Instances are read at run time from ``../shared/benchmarks/hhcrsp`` (never copied into the
repository). Every (solver, instance) pair runs in its own single-threaded process; every
solution goes through careweave's independent checker.
"""

from __future__ import annotations

import json
import sys
from functools import partial

from benchmarks.best_known import read_best_known
from benchmarks.checker import check
from benchmarks.hhcrsp_cases import SOLVERS, Case, Run, discover, select
from benchmarks.hhcrsp_report import missing_data, report
from benchmarks.processes import Answer, careweave_command, in_parallel, run_json
from benchmarks.registry import RunOptions
from benchmarks.saved_runs import reusable, run_key, save

QUICK_SECONDS = 10.0
FULL_SECONDS = 60.0


def solve_command(solver: str, case: Case, seconds: float, seed: int) -> list[str]:
    """The command that runs ``solver`` on ``case`` and prints the solution JSON."""
    limits = ["--seconds", f"{seconds:g}", "--seed", str(seed)]
    if solver == "careweave":
        return [*careweave_command(), "roster", "solve", str(case.path), *limits, "--json"]
    return [sys.executable, "-m", "benchmarks.baselines", solver, str(case.path), *limits]


def run_one(job: tuple[Case, str], options: RunOptions, seconds: float) -> Run:
    """Solve one instance with one solver (or reuse a saved run), and have the solution checked."""
    case, solver = job
    key = run_key(solver, case.path, options.repo, seconds, options.seed)
    saved = reusable(options.raw_dir, case.name, key) if options.resume else None
    if saved is not None:
        answer, reused_from = saved.answer, saved.finished
    else:
        command = solve_command(solver, case, seconds, options.seed)
        answer = run_json(command, options.repo, timeout=seconds * 1.5 + 120.0)
        save(options.raw_dir, case.name, key, answer)
        reused_from = None
        _progress(f"{solver} {case.name}: {answer.error or 'solved'} in {_time(answer)}")
    if answer.output is None or not answer.output.get("routes"):
        return Run(case, solver, answer, None, reused_from)
    solution = options.raw_dir / "hhcrsp" / solver / case.name
    solution.parent.mkdir(parents=True, exist_ok=True)
    solution.write_text(json.dumps(answer.output, indent=1))
    verdict = check(case.path, solution)
    if reused_from is None:
        _progress(f"{solver} {case.name}: checker {verdict.error or verdict.total_cost}")
    return Run(case, solver, answer, verdict, reused_from)


def run(options: RunOptions) -> str:
    """Run the suite and return its markdown (see :mod:`benchmarks.hhcrsp_report`)."""
    root = options.shared / "benchmarks" / "hhcrsp"
    seconds = options.limit(QUICK_SECONDS, FULL_SECONDS)
    cases = select(discover(root), options.quick)
    if not cases:
        return missing_data(options, root, seconds)
    best = read_best_known([root / "mankowska_best.md", root / "kummer_best.md"])
    # The baselines first: their answers do not depend on careweave's code, so a run cut short
    # keeps what a later ``--resume`` can still use after careweave changes.
    jobs = [(case, solver) for solver in (*SOLVERS[1:], SOLVERS[0]) for case in cases]
    runs = in_parallel(jobs, partial(run_one, options=options, seconds=seconds), options.jobs)
    return report(options, seconds, runs, best)


def _time(answer: Answer) -> str:
    share = answer.cpu_share
    return f"{answer.wall_seconds:.1f} s" + ("" if share is None else f", {share:.0%} of a core")


def _progress(message: str) -> None:
    print(f"[hhcrsp] {message}", file=sys.stderr, flush=True)
