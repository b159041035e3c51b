"""Generate one provider week, solve it with careweave, check it, print the figures as JSON.

``python -m benchmarks.provider_run --people 1000 --seconds 60 --seed 0``; the provider suite runs
each size in its own single-threaded process.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from benchmarks.generate_provider import generate_provider, provider_spec
from careweave.scheduling.checker import check
from careweave.scheduling.solve import solve
from careweave.scheduling.stop import MaxRuntime


def measure(people: int, seconds: float, seed: int) -> dict[str, Any]:
    """Generate, solve and check a provider week of ``people``; the checker's figures."""
    began = time.perf_counter()
    problem = generate_provider(provider_spec(people, seed))
    generated = time.perf_counter() - began
    result = solve(problem, MaxRuntime(seconds), seed=seed)
    report = check(problem, result.roster)
    figures = report.figures
    return {
        "people": people,
        "workers": len(problem.workers),
        "teams": len({w.team for w in problem.workers}),
        "visits": len(problem.tasks) - len(problem.links),
        "double_handed": len(problem.links),
        "generate_seconds": round(generated, 2),
        "solve_seconds": round(result.seconds, 2),
        "iterations": result.iterations,
        "feasible": report.feasible,
        "violations": len(report.violations),
        "first_violation": str(report.violations[0]) if report.violations else None,
        "unassigned": figures.unassigned,
        "unassigned_critical": figures.unassigned_by_priority[3],
        "late_visits": figures.late_visits,
        "median_distinct_workers": figures.median_distinct_workers,
        "travel_share": figures.travel_share,
        "paid_hours": round(figures.paid_minutes / 60.0, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and print one JSON object."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.provider_run")
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.people, args.seconds, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
