"""``careweave roster check`` and ``careweave roster solve`` run as a user would run them."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careweave.adapters.cli import roster

CAREWEAVE = str(Path(sys.executable).with_name("careweave"))

# Office 0, p1 at 1, p2 at 2. p2 needs two caregivers at once (a double-handed visit).
INSTANCE: dict[str, Any] = {
    "patients": [
        {
            "id": "p1",
            "time_window": [0, 100],
            "required_caregivers": [{"service": "s1", "duration": 10}],
        },
        {
            "id": "p2",
            "time_window": [50, 120],
            "required_caregivers": [
                {"service": "s1", "duration": 10},
                {"service": "s2", "duration": 10},
            ],
            "synchronization": {"type": "simultaneous"},
        },
    ],
    "services": [{"id": "s1", "default_duration": 10}, {"id": "s2", "default_duration": 10}],
    "caregivers": [{"id": "c1", "abilities": ["s1"]}, {"id": "c2", "abilities": ["s1", "s2"]}],
    "central_offices": [{"id": "d", "location": [0, 0]}],
    "distances": [[0, 10, 20], [10, 0, 5], [20, 5, 0]],
}


def routes(p2_start: float) -> list[dict[str, Any]]:
    return [
        {
            "caregiver": "c1",
            "visits": [
                {"patient": "p1", "service": "s1", "start": 10},
                {"patient": "p2", "service": "s1", "start": p2_start},
            ],
        },
        {"caregiver": "c2", "visits": [{"patient": "p2", "service": "s2", "start": p2_start}]},
    ]


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str) -> Done:
    """Run ``careweave roster ARGS`` in this process (fast); see the last test for the real script."""
    result = CliRunner().invoke(roster.app, list(args))
    return Done(result.exit_code, result.stdout, result.stderr)


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``careweave`` console script, as a user would."""
    return subprocess.run(
        [CAREWEAVE, "roster", *args], capture_output=True, text=True, timeout=120, check=False
    )


def write(tmp_path: Path, name: str, data: Any) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_check_prints_the_figures_of_a_feasible_roster(tmp_path: Path) -> None:
    instance = write(tmp_path, "mini.json", INSTANCE)
    done = run("check", instance, write(tmp_path, "sol.json", routes(50)), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    # c1: 0->1 10, 1->2 5, 2->0 20 = 35; c2: 0->2 20, 2->0 20 = 40. All on time.
    assert report["feasible"] is True
    assert report["distance"] == 75
    assert report["total_cost"] == 25
    assert report["violations"] == []
    text = run("check", instance, write(tmp_path, "sol.json", routes(50)))
    assert text.returncode == 0
    assert "(hhcrsp): feasible" in text.stdout
    assert "total cost" in text.stdout


def test_check_counts_tardiness(tmp_path: Path) -> None:
    done = run(
        "check",
        write(tmp_path, "mini.json", INSTANCE),
        write(tmp_path, "sol.json", {"routes": routes(130)}),
        "--json",
    )
    report = json.loads(done.stdout)
    # Both halves of p2 start 10 after its latest start 120: total 20, max 10.
    assert (report["total_tardiness"], report["max_tardiness"]) == (20, 10)
    assert report["total_cost"] == pytest.approx((75 + 20 + 10) / 3)


def test_check_tolerates_rounded_times_when_asked(tmp_path: Path) -> None:
    instance = write(tmp_path, "mini.json", INSTANCE)
    rounded = routes(50)
    rounded[0]["visits"][0]["start"] = 9.9995  # c1 cannot reach p1 before 10
    assert run("check", instance, write(tmp_path, "sol.json", rounded)).returncode == 1
    assert (
        run("check", instance, str(tmp_path / "sol.json"), "--tolerance", "0.001").returncode == 0
    )


def test_check_exits_1_and_names_the_broken_rule(tmp_path: Path) -> None:
    broken = routes(50)
    broken[1]["visits"][0]["start"] = 60
    done = run("check", write(tmp_path, "mini.json", INSTANCE), write(tmp_path, "sol.json", broken))
    assert done.returncode == 1
    assert "INFEASIBLE" in done.stdout
    assert (
        "link p2/s1 -> p2/s2: p2/s2 starts 10 min after p2/s1; must be 0 to 0 [link]" in done.stdout
    )


@pytest.mark.parametrize(
    ("problem", "solution", "expected"),
    [
        ("absent", [], "absent.json: no such file"),
        (
            {**INSTANCE, "patients": [{**INSTANCE["patients"][0], "time_window": [100, 0]}]},
            [],
            "patient p1: window ends (0) before it starts (100)",
        ),
        ({**INSTANCE, "distances": [[0, 1], [1, 0]]}, [], "distances: needs 3 rows"),
        (
            INSTANCE,
            [{"caregiver": "c1", "visits": [{"patient": "p9", "service": "s1", "start": 1}]}],
            "route of c1: patient p9 does not need service s1",
        ),
        (INSTANCE, "{not json", "sol.json: is not valid JSON"),
        ({"hello": 1}, [], "is neither a careweave problem"),
    ],
)
def test_bad_input_exits_2_naming_the_item(
    tmp_path: Path, problem: Any, solution: Any, expected: str
) -> None:
    problem_path = (
        str(tmp_path / "absent.json") if problem == "absent" else write(tmp_path, "p.json", problem)
    )
    if isinstance(solution, str):
        solution_path = str(tmp_path / "sol.json")
        Path(solution_path).write_text(solution, encoding="utf-8")
    else:
        solution_path = write(tmp_path, "sol.json", solution)
    done = run("check", problem_path, solution_path)
    assert done.returncode == 2
    assert expected in done.stderr
    assert done.stderr.startswith("error: ")
    assert "Traceback" not in done.stderr + done.stdout


def test_check_reads_the_careweave_format(tmp_path: Path) -> None:
    problem = {
        "format": "careweave-roster-problem",
        "travel": {"drive": {"minutes": [[0, 10], [10, 0]]}},
        "workers": [
            {"id": "amy", "skills": ["care"], "shifts": [{"day": 0, "start": 480, "end": 1020}]}
        ],
        "visits": [
            {
                "id": "v1",
                "person": "ann",
                "location": 1,
                "window": [540, 600],
                "duration": 30,
                "skills": ["care"],
            }
        ],
        "people": [{"id": "ann"}],
        "weights": {"travel": 1, "imbalance": 0},
    }
    solution = {"routes": [{"worker": "amy", "day": 0, "stops": [{"task": "v1", "start": 540}]}]}
    done = run(
        "check", write(tmp_path, "p.json", problem), write(tmp_path, "s.json", solution), "--json"
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["format"] == "careweave"
    assert report["problem"] == "p.json"
    assert report["travel_minutes"] == 20
    assert report["total_cost"] == report["weighted_total"] == 20  # 20 min of travel at 1 each


def test_solve_prints_json_that_check_agrees_with(tmp_path: Path) -> None:
    instance = write(tmp_path, "mini.json", INSTANCE)
    done = run("solve", instance, "--seconds", "0.5", "--seed", "3", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    for key in (
        "total_cost",
        "distance",
        "total_tardiness",
        "max_tardiness",
        "unassigned",
        "feasible",
        "seconds",
        "routes",
    ):
        assert key in result
    assert result["feasible"] is True
    assert result["unassigned"] == 0
    assert {r["caregiver"] for r in result["routes"]} <= {"c1", "c2"}
    # The printed JSON is itself a roster file: checking it gives the same figures.
    checked = run("check", instance, write(tmp_path, "sol.json", result), "--json")
    assert checked.returncode == 0, checked.stdout
    assert json.loads(checked.stdout)["total_cost"] == result["total_cost"]
    # The best roster here: c1 does p1 then p2/s1, c2 does p2/s2 (75), or c2 does both s1s.
    assert result["total_cost"] <= 25


def test_solve_explains_each_assignment_when_asked(tmp_path: Path) -> None:
    instance = write(tmp_path, "mini.json", INSTANCE)
    done = run("solve", instance, "--seconds", "0.5", "--json", "--explain")
    assert done.returncode == 0, done.stderr
    explained = json.loads(done.stdout)["explanations"]
    by_visit = {a["visit"]: a for a in explained["assignments"]}
    # Only c2 can do the s2 half of p2: the reasons say it has the skill and nobody else could.
    assert by_visit["p2/s2"]["worker"] == "c2"
    reasons = "; ".join(by_visit["p2/s2"]["reasons"])
    assert "has the skills it needs (s2)" in reasons
    assert "0 other worker(s) could have done it" in reasons
    assert set(by_visit) == {"p1/s1", "p2/s1", "p2/s2"}
    assert explained["unassigned"] == {}
    text = run("solve", instance, "--seconds", "0.5", "--explain")
    assert "p2/s2 -> c2: has the skills it needs (s2)" in text.stdout


def test_the_installed_script_reports_bad_input_without_a_traceback(tmp_path: Path) -> None:
    done = run_script("check", str(tmp_path / "absent.json"), str(tmp_path / "sol.json"))
    assert done.returncode == 2
    assert done.stderr.strip() == f"error: {tmp_path / 'absent.json'}: no such file"


# Amy works a split shift on day 0 (07:00-11:00 and 17:00-22:00): one visit in each half.
SPLIT_PROBLEM: dict[str, Any] = {
    "format": "careweave-roster-problem",
    "travel": {"drive": {"minutes": [[0, 10, 15], [10, 0, 5], [15, 5, 0]]}},
    "workers": [
        {
            "id": "amy",
            "skills": ["care"],
            "shifts": [
                {"day": 0, "start": 1020, "end": 1320},
                {"day": 0, "start": 420, "end": 660},
            ],
            "max_day_minutes": 300,
        }
    ],
    "visits": [
        {"id": "breakfast", "person": "ann", "location": 1, "window": [480, 510], "duration": 30},
        {"id": "tea", "person": "bob", "location": 2, "window": [1080, 1110], "duration": 30},
    ],
    "people": [{"id": "ann"}, {"id": "bob"}],
}


def test_a_split_shift_is_solved_as_two_routes_that_check_accepts(tmp_path: Path) -> None:
    problem = write(tmp_path, "split.json", SPLIT_PROBLEM)
    done = run("solve", problem, "--seconds", "0.3", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["feasible"] is True
    assert sorted(
        (r.get("shift", 0), [s["task"] for s in r["stops"]]) for r in result["routes"]
    ) == [
        (0, ["breakfast"]),
        (1, ["tea"]),
    ]
    assert result["paid_minutes"] == 50 + 60  # 10+30+10 and 15+30+15; home in between: unpaid
    checked = run("check", problem, write(tmp_path, "sol.json", result), "--json")
    assert checked.returncode == 0, checked.stdout
    assert json.loads(checked.stdout)["weighted_total"] == result["weighted_total"]
    text = run("solve", problem, "--seconds", "0.3")
    assert "amy day 0 shift 1: tea@1080" in text.stdout


def test_check_names_a_route_in_the_wrong_half_of_a_split_shift(tmp_path: Path) -> None:
    problem = write(tmp_path, "split.json", SPLIT_PROBLEM)
    one_route = {
        "routes": [
            {
                "worker": "amy",
                "day": 0,
                "stops": [{"task": "breakfast", "start": 480}, {"task": "tea", "start": 1080}],
            }
        ]
    }
    done = run("check", problem, write(tmp_path, "sol.json", one_route))
    assert done.returncode == 1
    assert (
        "tea: starts at 1080 and ends at 1110 on day 0, outside the shift of worker amy's route, "
        "which starts at 420 and ends at 660 [shift]" in done.stdout
    )
