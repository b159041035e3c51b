"""Best-known parsing, suite selection and the markdown helpers."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.best_known import parse_best_known
from benchmarks.registry import SUITES, RunOptions, parse_suites, resolve
from benchmarks.tables import gap_percent, header, percent, table

BEST = """\
| instance                      |   distance_traveled |   total_cost | solution |
|:------------------------------|--------------------:|-------------:|:---------|
| InstanzCPLEX_HCSRP_10_1.json  |             654.596 |      218.199 | sol-1.json |
| HHCRSP_25_5_22_1.0_C_C.json   |                 612 |      820.333 | sol-2.json |
| broken.json                   |                   1 |          n/a | sol-3.json |
"""


def options(**changes: object) -> RunOptions:
    base: dict[str, object] = {
        "quick": True,
        "seconds": None,
        "jobs": 2,
        "seed": 0,
        "command": "python -m benchmarks --quick",
        "repo": Path("/repo"),
        "raw_dir": Path("/repo/benchmarks/results/raw"),
    }
    base.update(changes)
    return RunOptions(**base)  # type: ignore[arg-type]


def test_best_known_reads_total_cost_by_instance_and_skips_bad_rows() -> None:
    assert parse_best_known(BEST) == {
        "InstanzCPLEX_HCSRP_10_1.json": 218.199,
        "HHCRSP_25_5_22_1.0_C_C.json": 820.333,
    }


def test_best_known_without_columns_says_which() -> None:
    with pytest.raises(ValueError, match="total_cost"):
        parse_best_known("| a | b |\n|---|---|\n| 1 | 2 |\n")


def test_gap_is_percent_above_reference() -> None:
    assert gap_percent(101.0, 100.0) == pytest.approx(1.0)
    assert gap_percent(None, 100.0) is None
    assert gap_percent(5.0, None) is None


def test_table_aligns_first_column_left_and_escapes_bars() -> None:
    text = table(["instance", "cost"], [["a|b", "1.00"]])
    assert text.splitlines() == ["| instance | cost |", "| :-- | --: |", "| a/b | 1.00 |"]


def test_header_names_command_limit_and_cores() -> None:
    text = header("Title", options(), "10 s per instance")
    assert "`python -m benchmarks --quick`" in text
    assert "10 s per instance" in text
    assert "cores" in text


def test_suites_parse_in_order_once_and_reject_unknown_names() -> None:
    assert parse_suites("repair, hhcrsp,repair") == ["repair", "hhcrsp"]
    with pytest.raises(ValueError, match="unknown suite 'nope'"):
        parse_suites("hhcrsp,nope")
    with pytest.raises(ValueError, match="at least one"):
        parse_suites(" , ")


def test_every_registered_suite_resolves_to_a_function() -> None:
    for name in SUITES:
        assert callable(resolve(name))


def test_limit_prefers_the_override_then_the_mode() -> None:
    assert options().limit(10, 60) == 10
    assert options(quick=False).limit(10, 60) == 60
    assert options(seconds=3.0).limit(10, 60) == 3.0


def test_percent_never_prints_minus_zero() -> None:
    assert percent(-0.000001) == "0.00"
    assert percent(-1.234) == "-1.23"
    assert percent(None) == "—"
