"""Publish a roster for a 60-person team week, send one worker off sick for a day, repair it.

``python -m benchmarks.repair_run --seconds 60 --repair-seconds 2 --seed 0`` prints one JSON
object; every figure of the repaired roster comes from careweave's checker.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from benchmarks.generate_provider import generate_provider, provider_spec
from careweave.scheduling.checker import check
from careweave.scheduling.repair import WorkerOff, repair
from careweave.scheduling.solution import Roster
from careweave.scheduling.solve import solve
from careweave.scheduling.stop import MaxRuntime

TEAM_PEOPLE = 60
SICK_DAY = 2


def busiest_worker(roster: Roster, day: int) -> str:
    """The worker with the most visits on ``day`` (the first by id on a tie)."""
    counts: dict[str, int] = {}
    for route in roster.routes:
        if route.day == day:
            counts[route.worker_id] = counts.get(route.worker_id, 0) + len(route.stops)
    return min(counts, key=lambda worker: (-counts[worker], worker))


def measure(seconds: float, repair_seconds: float, seed: int) -> dict[str, Any]:
    """Solve the team week, repair after the busiest worker of day 2 goes sick, check both."""
    problem = generate_provider(provider_spec(TEAM_PEOPLE, seed))
    published = solve(problem, MaxRuntime(seconds), seed=seed)
    sick = busiest_worker(published.roster, SICK_DAY)
    freed = sum(
        len(r.stops) for r in published.roster.routes if r.worker_id == sick and r.day == SICK_DAY
    )
    began = time.perf_counter()
    result = repair(
        problem, published.roster, WorkerOff(sick, SICK_DAY), MaxRuntime(repair_seconds)
    )
    wall = time.perf_counter() - began
    report = check(result.problem, result.roster)
    before = check(problem, published.roster)
    return {
        "people": TEAM_PEOPLE,
        "workers": len(problem.workers),
        "visits": len(problem.tasks) - len(problem.links),
        "published_feasible": before.feasible,
        "published_unassigned": before.figures.unassigned,
        "sick_worker": sick,
        "freed_visits": freed,
        "repair_seconds": round(wall, 3),
        "feasible": report.feasible,
        "violations": len(report.violations),
        "first_violation": str(report.violations[0]) if report.violations else None,
        "changed_worker": result.moved,
        "shifted_starts": result.shifted,
        "changes": len(result.changes),
        "unassigned": report.figures.unassigned,
    }


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and print one JSON object."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.repair_run")
    parser.add_argument("--seconds", type=float, default=60.0, help="solve limit (published)")
    parser.add_argument("--repair-seconds", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.seconds, args.repair_seconds, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
