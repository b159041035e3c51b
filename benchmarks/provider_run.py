"""Generate one provider week, solve it with careweave, check it, print the figures as JSON.

``python -m benchmarks.provider_run --people 1000 --seconds 60 --seed 0 --jobs 2``: the week is
solved team by team (:func:`careweave.scheduling.decompose.solve_by_team`) on ``--jobs``
processes; the provider suite runs one size at a time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from benchmarks.generate_provider import generate_provider, provider_spec
from careweave.scheduling.checker import check
from careweave.scheduling.decompose import solve_by_team
from careweave.scheduling.problem import Problem
from careweave.scheduling.stop import MaxRuntime


def measure(people: int, seconds: float, seed: int, jobs: int) -> dict[str, Any]:
    """Generate, solve and check a provider week of ``people``; the checker's figures."""
    began = time.perf_counter()
    problem = generate_provider(provider_spec(people, seed))
    generated = time.perf_counter() - began
    result = solve_by_team(problem, MaxRuntime(seconds), seed=seed, jobs=jobs)
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
        "cross_team_visits": figures.cross_team_visits,
        "visit_hours": round(sum(t.duration_min for t in problem.tasks) / 60.0),
        "most_paid_hours": round(_most_paid_minutes(problem) / 60.0),
    }


def _most_paid_minutes(problem: Problem) -> float:
    """The workers' paid time if each worked every shift day to the day's and week's limits."""
    return sum(
        min(w.max_week_minutes, len({s.day for s in w.shifts}) * w.max_day_minutes)
        for w in problem.workers
    )


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and print one JSON object."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.provider_run")
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.people, args.seconds, args.seed, args.jobs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
