"""Markdown for the result tables: the run header, tables and number formats."""

from __future__ import annotations

import datetime as dt
import os
import platform
from collections.abc import Sequence

from benchmarks.registry import RunOptions


def header(title: str, options: RunOptions, limit: str, extra: Sequence[str] = ()) -> str:
    """The heading every result file starts with: what was run, where, when and for how long.

    ``extra`` adds the suite's own lines (each a list item without its dash).
    """
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join(
        [
            f"# {title}",
            "",
            f"- date: {when}",
            f"- machine: {platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}; load average at start {load} "
            "(other work on the machine competes for the CPU)",
            f"- command: `{options.command}`",
            f"- time limit: {limit}; {options.jobs} instance(s) at a time, each in its own "
            f"single-threaded process; seed {options.seed}",
            f"- mode: {'quick (a few instances per family)' if options.quick else 'full'}",
            *(f"- {line}" for line in extra),
            "",
        ]
    )


def table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A markdown table; the first column left-aligned, the others right-aligned."""
    align = [":--" if i == 0 else "--:" for i in range(len(columns))]
    lines = [_row(columns), _row(align)]
    lines.extend(_row(row) for row in rows)
    return "\n".join(lines) + "\n"


def figure(value: float | None, digits: int = 2) -> str:
    """A number with ``digits`` decimals, or a dash when there is none."""
    return "—" if value is None else f"{value:.{digits}f}"


def percent(value: float | None) -> str:
    """A percentage with two decimals (never "-0.00"), or a dash."""
    if value is None:
        return "—"
    return f"{0.0 if abs(value) < 0.005 else value:.2f}"


def gap_percent(cost: float | None, reference: float | None) -> float | None:
    """How far ``cost`` is above ``reference``, in percent (None when either is missing)."""
    if cost is None or reference is None:
        return None
    if reference == 0:
        return 0.0 if cost == 0 else None
    return (cost - reference) / reference * 100.0


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"
