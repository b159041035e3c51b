"""The HHCRSP table writer: gaps, references, family summaries and feasibility labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.checker import Verdict
from benchmarks.hhcrsp_cases import Case, Run, discover, select
from benchmarks.hhcrsp_report import report, rows_of
from benchmarks.processes import Answer
from benchmarks.registry import RunOptions

OPTIONS = RunOptions(True, None, 2, 0, "python -m benchmarks --quick", Path("/r"), Path("/r/raw"))
SMALL = Case("Mankowska", 10, Path("InstanzCPLEX_HCSRP_10_1.json"))
NO_BEST = Case("Kummer", 10, Path("HHCRSP_10_3_11_0.4_R_C.json"))


def run(case: Case, solver: str, cost: float | None, *, rules: frozenset[str] = frozenset()) -> Run:
    answer = Answer(1.5, {"routes": []}, None)
    if cost is None:
        return Run(case, solver, Answer(1.5, None, "exit 2: boom"), None)
    problems = tuple(f"{rule}: broken" for rule in sorted(rules))
    verdict = Verdict(feasible=not rules, total_cost=cost, problems=problems, rules=rules)
    return Run(case, solver, answer, verdict)


def runs() -> list[Run]:
    return [
        run(SMALL, "careweave", 202.0),
        run(SMALL, "ortools", 220.0),
        run(SMALL, "pyvrp", 190.0, rules=frozenset({"link"})),
        run(NO_BEST, "careweave", 110.0),
        run(NO_BEST, "ortools", 100.0),
        run(NO_BEST, "pyvrp", None),
    ]


def test_reference_is_best_known_or_best_feasible_of_the_run() -> None:
    rows = {row.case.name: row for row in rows_of(runs(), {SMALL.name: 200.0})}
    assert rows[SMALL.name].reference == 200.0
    assert not rows[SMALL.name].from_run
    assert rows[SMALL.name].gap("careweave") == pytest.approx(1.0)
    assert rows[NO_BEST.name].reference == 100.0
    assert rows[NO_BEST.name].from_run
    assert rows[NO_BEST.name].gap("careweave") == pytest.approx(10.0)


def test_summary_has_gaps_feasibility_target_and_ratios() -> None:
    text = report(OPTIONS, 10.0, runs(), {SMALL.name: 200.0})
    line = next(x for x in text.splitlines() if x.startswith("| Mankowska 10 |"))
    cells = [c.strip() for c in line.strip("|").split("|")]
    # family, n, cw mean, worst, feasible, target, OR mean, worst, feasible, PyVRP mean, worst, ratios
    assert cells == [
        "Mankowska 10",
        "1",
        "1.00",
        "1.00",
        "1/1",
        "no",
        "10.00",
        "10.00",
        "1/1",
        "-5.00",
        "-5.00",
        "0.918",
        "1.063",
    ]


def test_family_without_best_known_is_marked_and_missing_runs_say_why() -> None:
    text = report(OPTIONS, 10.0, runs(), {SMALL.name: 200.0})
    assert "| Kummer 10 * |" in text
    assert "| HHCRSP_10_3_11_0.4_R_C | 100.00 * |" in text
    assert "no (sync only)" in text
    assert "no solution" in text


def test_quick_selection_takes_the_first_of_each_family(tmp_path: Path) -> None:
    for folder, names in {
        "mankowska": [
            "InstanzCPLEX_HCSRP_10_1",
            "InstanzCPLEX_HCSRP_10_10",
            "InstanzCPLEX_HCSRP_10_2",
        ],
        "kummer": ["HHCRSP_25_5_6_0.8_R_C", "HHCRSP_10_3_11_0.4_R_C"],
    }.items():
        (tmp_path / folder).mkdir()
        for name in names:
            (tmp_path / folder / f"{name}.json").write_text("{}")
    cases = discover(tmp_path)
    assert [c.family for c in cases] == ["Mankowska 10"] * 3 + ["Kummer 10", "Kummer 25"]
    chosen = [c.name for c in select(cases, quick=True)]
    assert chosen[:2] == ["InstanzCPLEX_HCSRP_10_1.json", "InstanzCPLEX_HCSRP_10_2.json"]
    assert len(select(cases, quick=False)) == 5
