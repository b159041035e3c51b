"""The repair suite: one worker off sick for a day in a 60-person team week.

Target (ROSTERING.md): a feasible repaired roster in at most 2 s, and the number of visits that
changed worker. The published roster is careweave's own solution of a generated 60-person team
week (:mod:`benchmarks.generate_provider`); the busiest worker of day 2 goes off sick for the
whole day; :func:`careweave.scheduling.repair.repair` gets 2 s. It runs in its own process
(:mod:`benchmarks.repair_run`); every figure comes from careweave's checker. Without
``careweave.scheduling.repair`` the suite says so plainly rather than printing a number.
"""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

from benchmarks.processes import run_json
from benchmarks.registry import RunOptions
from benchmarks.tables import figure, header, table

TITLE = "Repair benchmark: one worker off sick for a day in a 60-person team week"
REPAIR_MODULE = "careweave.scheduling.repair"
REPAIR_SECONDS = 2.0
QUICK_SECONDS, FULL_SECONDS = 10.0, 60.0

COLUMNS = [
    "people",
    "workers",
    "visits",
    "published feasible",
    "sick worker (day 2)",
    "visits freed",
    "repair s",
    "feasible",
    "changed worker",
    "shifted starts",
    "all changes",
    "unassigned after (before)",
    "target met",
]

NOTES = """\
## Notes
- "published feasible": the checker's verdict on careweave's roster before the event; the
  repair starts from it, so a rule it breaks is usually still broken after the repair.
- "changed worker": visits now done by a different worker than in the published roster;
  "shifted starts": visits kept by their worker at another start (the repair holds every
  visit at its published start where nothing breaks); "all changes" also counts visits newly
  placed or left out.
- "repair s": wall time of `repair(...)` in the measuring process, the stopping limit being 2 s.
- Target met: feasible (checker) and repair within 2 s.
"""


def run(options: RunOptions) -> str:
    """Publish, break and repair the team week; return the suite's markdown."""
    seconds = options.limit(QUICK_SECONDS, FULL_SECONDS)
    text = header(
        TITLE, options, f"{seconds:g} s to publish the roster, {REPAIR_SECONDS:g} s to repair"
    )
    if importlib.util.find_spec(REPAIR_MODULE) is None:
        return text + (
            "\n**Not available**: `careweave.scheduling.repair` does not exist, so nothing was "
            "measured.\n"
        )
    command = [
        sys.executable,
        "-m",
        "benchmarks.repair_run",
        "--seconds",
        f"{seconds:g}",
        "--repair-seconds",
        f"{REPAIR_SECONDS:g}",
        "--seed",
        str(options.seed),
    ]
    answer = run_json(command, options.repo, timeout=seconds * 4 + 300.0)
    print(f"[repair] {answer.error or 'done'}", file=sys.stderr, flush=True)
    if answer.output is None:
        return text + f"\n**Not measured**: the repair run failed: {answer.error}\n\n" + NOTES
    parts = [text, table(COLUMNS, [_row(answer.output)])]
    if answer.output["first_violation"]:
        parts.append(
            f"\nThe checker found {answer.output['violations']} broken rule(s) in the repaired "
            f"roster; the first: {answer.output['first_violation']}\n"
        )
    parts.append(NOTES)
    return "\n".join(parts)


def _row(out: dict[str, Any]) -> list[str]:
    met = out["feasible"] and out["repair_seconds"] <= REPAIR_SECONDS
    return [
        str(out["people"]),
        str(out["workers"]),
        str(out["visits"]),
        "yes" if out["published_feasible"] else "no",
        str(out["sick_worker"]),
        str(out["freed_visits"]),
        figure(out["repair_seconds"], 2),
        "yes" if out["feasible"] else f"no ({out['violations']} broken rules)",
        str(out["changed_worker"]),
        str(out.get("shifted_starts", "-")),
        str(out["changes"]),
        f"{out['unassigned']} ({out['published_unassigned']})",
        "yes" if met else "no",
    ]
