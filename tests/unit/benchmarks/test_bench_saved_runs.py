"""Saved HHCRSP runs: measured processor time, the key a run is reused under, and the header."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from benchmarks import hhcrsp_suite
from benchmarks.hhcrsp_cases import Case, Run
from benchmarks.hhcrsp_report import report
from benchmarks.processes import Answer, run_json
from benchmarks.registry import RunOptions
from benchmarks.saved_runs import RunKey, record_path, reusable, run_key, save, solver_code

SOLVED = {"routes": [], "total_cost": 1.0}


def options(tmp_path: Path, *, resume: bool) -> RunOptions:
    return RunOptions(False, 60.0, 2, 0, "python -m benchmarks", tmp_path, tmp_path / "raw", resume)


def key(**changes: object) -> RunKey:
    fields: dict[str, object] = {
        "solver": "ortools",
        "instance": "abc",
        "code": "def",
        "seconds": 60.0,
        "seed": 0,
    }
    fields.update(changes)
    return RunKey(**fields)  # type: ignore[arg-type]


def test_run_json_measures_the_processor_time_of_its_own_child(tmp_path: Path) -> None:
    busy = "import json,time\nt=time.process_time()\nwhile time.process_time()-t<0.3: pass\n"
    command = [sys.executable, "-c", busy + "print(json.dumps({'ok': 1}))"]
    answer = run_json(command, tmp_path, timeout=30)
    assert answer.output == {"ok": 1}
    assert answer.cpu_seconds is not None
    assert 0.3 <= answer.cpu_seconds <= answer.wall_seconds + 0.05


def test_run_json_stops_a_child_at_its_timeout(tmp_path: Path) -> None:
    answer = run_json([sys.executable, "-c", "import time; time.sleep(30)"], tmp_path, timeout=0.5)
    assert answer.output is None
    assert answer.error == "no answer within 0.5 s"
    assert answer.wall_seconds < 10


def test_run_json_names_the_last_message_of_a_failed_child(tmp_path: Path) -> None:
    failing = "import sys; print('error: instance: bad', file=sys.stderr); sys.exit(2)"
    answer = run_json([sys.executable, "-c", failing], tmp_path, timeout=30)
    assert answer.error == "exit 2: error: instance: bad"


def test_a_saved_run_is_reused_only_under_the_same_key(tmp_path: Path) -> None:
    save(tmp_path, "a.json", key(), Answer(61.0, SOLVED, None, 60.5))
    saved = reusable(tmp_path, "a.json", key())
    assert saved is not None
    assert saved.answer == Answer(61.0, SOLVED, None, 60.5)
    assert saved.finished.endswith("+00:00")
    assert reusable(tmp_path, "a.json", key(seconds=10.0)) is None
    assert reusable(tmp_path, "a.json", key(code="changed")) is None
    assert reusable(tmp_path, "b.json", key()) is None
    assert not list(tmp_path.rglob("*.part"))


def test_a_run_that_shared_its_core_or_failed_is_not_reused(tmp_path: Path) -> None:
    save(tmp_path, "shared.json", key(), Answer(61.0, SOLVED, None, 50.0))
    save(tmp_path, "failed.json", key(), Answer(61.0, None, "exit 1: boom", 61.0))
    save(tmp_path, "unmeasured.json", key(), Answer(61.0, SOLVED, None))
    assert reusable(tmp_path, "shared.json", key()) is None
    assert reusable(tmp_path, "failed.json", key()) is None
    assert reusable(tmp_path, "unmeasured.json", key()) is None


def test_a_damaged_record_is_not_reused(tmp_path: Path) -> None:
    path = record_path(tmp_path, "ortools", "a.json")
    path.parent.mkdir(parents=True)
    path.write_text('{"key": {"solver": "ortools"}')
    assert reusable(tmp_path, "a.json", key()) is None


def test_the_code_digest_follows_the_solvers_own_sources(tmp_path: Path) -> None:
    engine = tmp_path / "src" / "careweave" / "scheduling"
    engine.mkdir(parents=True)
    (engine / "solve.py").write_text("x = 1\n")
    cli = tmp_path / "src" / "careweave" / "adapters" / "cli"
    cli.mkdir(parents=True)
    (cli / "roster.py").write_text("y = 1\n")
    (tmp_path / "benchmarks" / "baselines").mkdir(parents=True)
    (tmp_path / "benchmarks" / "hhcrsp_data.py").write_text("z = 1\n")
    before = solver_code("careweave", tmp_path), solver_code("ortools", tmp_path)
    (engine / "solve.py").write_text("x = 2\n")
    after = solver_code("careweave", tmp_path), solver_code("ortools", tmp_path)
    assert after[0] != before[0]
    assert after[1] == before[1]


def test_resume_takes_a_saved_run_without_running_the_solver(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    instance = tmp_path / "HHCRSP_10_3_11_0.4_R_C.json"
    instance.write_text("{}")
    (tmp_path / "benchmarks" / "baselines").mkdir(parents=True)
    (tmp_path / "benchmarks" / "hhcrsp_data.py").write_text("z = 1\n")
    case = Case("Kummer", 10, instance)
    answer = Answer(61.0, None, "no answer within 60 s", 61.0)
    saved_key = run_key("ortools", instance, tmp_path, 60.0, 0)
    save(tmp_path / "raw", case.name, saved_key, Answer(61.0, SOLVED, None, 60.9))

    def must_not_run(*_: object, **__: object) -> Answer:
        raise AssertionError("the solver ran although a saved run was there")

    monkeypatch.setattr(hhcrsp_suite, "run_json", must_not_run)
    monkeypatch.setattr(hhcrsp_suite, "check", lambda *_: None)
    reused = hhcrsp_suite.run_one((case, "ortools"), options(tmp_path, resume=True), 60.0)
    assert reused.reused_from is not None
    assert reused.answer.output == SOLVED

    monkeypatch.setattr(hhcrsp_suite, "run_json", lambda *_, **__: answer)
    fresh = hhcrsp_suite.run_one((case, "ortools"), options(tmp_path, resume=False), 60.0)
    assert fresh.reused_from is None
    assert fresh.answer == answer


def test_the_header_says_what_was_reused_and_how_much_of_a_core_each_run_had(
    tmp_path: Path,
) -> None:
    case = Case("Kummer", 10, Path("HHCRSP_10_3_11_0.4_R_C.json"))
    runs = [
        Run(case, "careweave", Answer(60.0, None, "boom", 59.4), None),
        Run(case, "ortools", Answer(60.0, None, "boom", 48.0), None, "2026-11-22T10:00:00+00:00"),
        Run(case, "pyvrp", Answer(60.0, None, "boom", 60.0), None, "2026-11-21T09:00:00+00:00"),
    ]
    text = report(options(tmp_path, resume=True), 60.0, runs, {})
    assert (
        "(`--resume`): 2 of 3, finished 2026-11-21T09:00:00+00:00 to 2026-11-22T10:00:00+00:00"
        in text
    )
    assert "lowest 80%, median 99%; 1 run(s) below 95%" in text
