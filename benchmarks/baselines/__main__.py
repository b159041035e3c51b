"""Run one baseline on one HHCRSP instance and print careweave's solution JSON on stdout.

``python -m benchmarks.baselines {ortools,pyvrp} INSTANCE --seconds S --seed N``; the harness
runs each (solver, instance) pair as its own process, like careweave's own CLI.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

from benchmarks.hhcrsp_data import read_instance

BASELINES = ("ortools", "pyvrp")


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, solve, print the solution; 2 on a bad instance."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.baselines")
    parser.add_argument("solver", choices=BASELINES)
    parser.add_argument("instance", type=Path)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    try:
        instance = read_instance(args.instance)
    except (OSError, ValueError) as error:
        print(f"error: instance: {error}", file=sys.stderr)
        return 2
    began = time.monotonic()
    with warnings.catch_warnings():
        # PyVRP warns when it cannot meet every hard time window; the checker reports that.
        warnings.simplefilter("ignore")
        if args.solver == "ortools":
            from benchmarks.baselines import ortools_routing as solver
        else:
            from benchmarks.baselines import pyvrp_relaxed as solver  # type: ignore[no-redef]
        answer = solver.solve(instance, args.seconds, args.seed)
    answer["seconds"] = round(time.monotonic() - began, 3)
    answer["solver"] = args.solver
    print(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
