"""The repair suite: one worker off sick for a day in a 60-person team week.

Target (ROSTERING.md): a feasible repaired roster in at most 2 s, and the number of visits that
changed worker. It needs ``careweave.scheduling.repair``; until that module exists the suite
says so plainly rather than printing a number.
"""

from __future__ import annotations

import importlib.util

from benchmarks.registry import RunOptions
from benchmarks.tables import header

TITLE = "Repair benchmark: one worker off sick for a day in a 60-person team week"
REPAIR_MODULE = "careweave.scheduling.repair"


def run(options: RunOptions) -> str:
    """The suite's markdown: results once repair exists, otherwise why there are none."""
    text = header(TITLE, options, "2 s target per repair")
    if importlib.util.find_spec(REPAIR_MODULE) is None:
        return text + (
            "\n**Not available**: `careweave.scheduling.repair` does not exist yet, so nothing "
            "was measured. The suite stays registered and will report the repair time and the "
            "number of visits that changed worker once that module lands.\n"
        )
    return text + (
        "\n**Not available**: `careweave.scheduling.repair` exists but this suite has not been "
        "wired to its interface yet, so nothing was measured.\n"
    )
