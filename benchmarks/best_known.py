"""Best-known objective values of the public HHCRSP instances, read from the shared tables."""

from __future__ import annotations

from pathlib import Path


def parse_best_known(text: str) -> dict[str, float]:
    """Instance file name to best-known ``total_cost`` from a markdown table.

    The table needs an ``instance`` and a ``total_cost`` column; other rows (the separator, a
    row with a missing figure) are skipped.

    Raises
    ------
    ValueError
        When no header row names both columns.
    """
    rows = [_cells(line) for line in text.splitlines() if line.strip().startswith("|")]
    for position, row in enumerate(rows):
        if "instance" in row and "total_cost" in row:
            name_at, cost_at = row.index("instance"), row.index("total_cost")
            return dict(_values(rows[position + 1 :], name_at, cost_at))
    raise ValueError("best-known table: no header with 'instance' and 'total_cost' columns")


def read_best_known(paths: list[Path]) -> dict[str, float]:
    """Best-known values from every file in ``paths`` that exists."""
    best: dict[str, float] = {}
    for path in paths:
        if path.exists():
            best.update(parse_best_known(path.read_text()))
    return best


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _values(rows: list[list[str]], name_at: int, cost_at: int) -> list[tuple[str, float]]:
    values = []
    for row in rows:
        if len(row) <= max(name_at, cost_at):
            continue
        try:
            values.append((row[name_at], float(row[cost_at])))
        except ValueError:
            continue
    return values
