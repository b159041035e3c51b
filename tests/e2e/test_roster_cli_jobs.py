"""``careweave roster solve --jobs N``: a problem with teams solved team by team, checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from careweave.adapters.cli import roster

SHIFT = [{"day": 0, "start": 480, "end": 1020}]


def visit(ident: str, location: int, team: str, **more: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "person": f"p{location}",
        "location": location,
        "window": [540, 600],
        "duration": 30,
        "skills": ["care"],
        "team": team,
        **more,
    }


# North's office is 0 (homes 1, 2), south's is 3 (home 4); only south's worker can use a hoist.
PROBLEM: dict[str, Any] = {
    "format": "careweave-roster-problem",
    "travel": {"drive": {"minutes": [[abs(a - b) * 10 for b in range(5)] for a in range(5)]}},
    "workers": [
        {"id": "nia", "skills": ["care"], "shifts": SHIFT, "team": "north"},
        {
            "id": "sam",
            "skills": ["care", "hoist"],
            "shifts": SHIFT,
            "team": "south",
            "start_location": 3,
            "end_location": 3,
        },
    ],
    "visits": [
        visit("n1", 1, "north"),
        visit("n2", 2, "north", skills=["care", "hoist"], priority=4),
        visit("s1", 4, "south", window=[720, 780]),
    ],
    "people": [{"id": "p1"}, {"id": "p2"}, {"id": "p4"}],
}


def test_solve_with_two_jobs_solves_team_by_team_and_check_agrees(tmp_path: Path) -> None:
    problem = tmp_path / "teams.json"
    problem.write_text(json.dumps(PROBLEM), encoding="utf-8")
    done = CliRunner().invoke(
        roster.app, ["solve", str(problem), "--seconds", "0.5", "--jobs", "2", "--json"]
    )
    assert done.exit_code == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["feasible"] is True
    assert result["unassigned"] == 0
    doers = {s["task"]: r["worker"] for r in result["routes"] for s in r["stops"]}
    assert doers == {"n1": "nia", "n2": "sam", "s1": "sam"}  # sam covers north's hoist visit
    solution = tmp_path / "solution.json"
    solution.write_text(done.stdout, encoding="utf-8")
    checked = CliRunner().invoke(roster.app, ["check", str(problem), str(solution), "--json"])
    assert checked.exit_code == 0, checked.stdout
    assert json.loads(checked.stdout)["weighted_total"] == result["weighted_total"]


def test_jobs_below_one_is_refused() -> None:
    done = CliRunner().invoke(roster.app, ["solve", "x.json", "--jobs", "0"])
    assert done.exit_code == 2
    assert "--jobs" in done.stderr
