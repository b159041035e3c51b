"""``python -m benchmarks``: run the selected suites and write ``benchmarks/results/<suite>.md``.

Examples::

    python -m benchmarks --quick --suite hhcrsp --jobs 2
    python -m benchmarks --suite hhcrsp,provider,repair --seconds 60
    python -m benchmarks --suite hhcrsp --jobs 2 --resume   # take up a full run cut short
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from benchmarks.registry import SUITES, RunOptions, parse_suites, resolve
from careweave.scheduling.search.warm import ensure_compiled

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command-line options (see ``--help``)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="Run careweave's benchmark suites."
    )
    parser.add_argument(
        "--suite",
        default=",".join(SUITES),
        help=f"comma-separated suites to run (default all: {', '.join(SUITES)})",
    )
    parser.add_argument(
        "--quick", action="store_true", help="a few instances per family, 10 s each"
    )
    parser.add_argument("--jobs", type=int, default=1, help="instances at once (default 1)")
    parser.add_argument("--seconds", type=float, help="time limit per instance (overrides)")
    parser.add_argument("--seed", type=int, default=0, help="seed for every solver (default 0)")
    parser.add_argument(
        "--resume",
        action="store_true",
        help="reuse the saved runs of an earlier run with the same code, limit and seed",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the suites; 2 when the options are wrong."""
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    try:
        names = parse_suites(args.suite)
        if args.jobs < 1:
            raise ValueError("--jobs: must be at least 1")
        if args.seconds is not None and args.seconds <= 0:
            raise ValueError("--seconds: must be above 0")
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    options = RunOptions(
        quick=args.quick,
        seconds=args.seconds,
        jobs=args.jobs,
        seed=args.seed,
        command=shlex.join(["python", "-m", "benchmarks", *argv]),
        repo=REPO,
        raw_dir=RESULTS / "raw",
        resume=args.resume,
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    # Fill numba's disk cache once, so that no timed solver process compiles the search.
    print(f"compiled roster search ready in {ensure_compiled():.1f} s", file=sys.stderr)
    for name in names:
        markdown = resolve(name)(options)
        target = RESULTS / f"{name}.md"
        target.write_text(markdown)
        print(f"wrote {target.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
