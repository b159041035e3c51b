"""Time the greedy construction alone on a generated provider week, team by team.

``python -m benchmarks.construction_time --people 1000 --runs 3 --seed 0`` generates the week
(:mod:`benchmarks.generate_provider`), cuts it into one problem per team as the provider solve does
(:func:`careweave.scheduling.decompose.team_problems`), and for each team times compiling the
problem and building the first roster: the search state (with the compiled search, copying the
problem into the kernel's arrays) and its greedy construction, with no time limit, so it never
hurries. A double-handed visit is one visit and two tasks, as in the provider benchmark. It
prints one JSON object: the median over ``--runs`` of the seconds summed over the teams (one
core, one team after another), the slowest team's median, and the constructed rosters' summed
cost and left-out tasks, which must not depend on the run. The compiled kernel is loaded before
any timing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import Any

from benchmarks.generate_provider import generate_provider, provider_spec
from careweave.scheduling.decompose import team_problems
from careweave.scheduling.problem import Problem
from careweave.scheduling.search.compile import compile_problem
from careweave.scheduling.search.moves import construct
from careweave.scheduling.search.state import State
from careweave.scheduling.search.warm import ensure_compiled
from careweave.scheduling.teams import home_teams


def _construct_team(part: Problem) -> tuple[float, float, float, int]:
    """Seconds to compile and to construct, the roster's cost and its left-out tasks."""
    began = time.perf_counter()
    inst = compile_problem(part)
    compiled = time.perf_counter()
    state = State(inst)
    construct(state)
    done = time.perf_counter()
    left_out = sum(1 for lane in state.lane_of if lane < 0)
    return compiled - began, done - compiled, state.cost(), left_out


def measure(people: int, runs: int, seed: int) -> dict[str, Any]:
    """Construct every team's roster ``runs`` times; the medians and the rosters' figures."""
    problem = generate_provider(provider_spec(people, seed))
    home = home_teams(problem)
    if home is None:
        raise ValueError("the generated provider has no teams")
    parts = team_problems(problem, home)
    ensure_compiled()
    compiles, constructs, slowest = [], [], []
    cost, left_out = 0.0, 0
    for _ in range(runs):
        timed = [_construct_team(part) for part in parts.values()]
        compiles.append(sum(t[0] for t in timed))
        constructs.append(sum(t[1] for t in timed))
        slowest.append(max(t[1] for t in timed))
        cost, left_out = sum(t[2] for t in timed), sum(t[3] for t in timed)
    return {
        "people": people,
        "teams": len(parts),
        "visits": len(problem.tasks) - len(problem.links),
        "tasks": len(problem.tasks),
        "runs": runs,
        "compile_seconds": round(statistics.median(compiles), 2),
        "construct_seconds": round(statistics.median(constructs), 2),
        "slowest_team_seconds": round(statistics.median(slowest), 3),
        "construct_runs": [round(s, 2) for s in constructs],
        "cost": round(cost, 3),
        "left_out": left_out,
    }


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and print one JSON object."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.construction_time")
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.people, args.runs, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
