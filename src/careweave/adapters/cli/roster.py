"""``careweave roster``: solve a roster problem file, or check a roster against one.

Both commands read either careweave's JSON problem format or a public HHCRSP instance. Every
figure they print is computed by the independent checker from the routes alone. Exit codes:
``check`` 0 when the roster is feasible, 1 when it breaks a hard rule, 2 on bad input;
``solve`` 0 when it produced a roster (``feasible`` tells whether it meets every hard rule),
2 on bad input.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from careweave.adapters.cli.errors import fail
from careweave.scheduling import (
    TOLERANCE,
    CheckReport,
    Problem,
    ProblemError,
    ProblemFormat,
    Roster,
    check,
    load_problem,
    read_roster,
    roster_to_json,
)
from careweave.scheduling.decompose import solve_by_team
from careweave.scheduling.explain import Explanation, explain
from careweave.scheduling.solve import solve
from careweave.scheduling.stop import MaxRuntime

app = typer.Typer(
    help="The roster optimiser: solve a problem file, or check a roster against it.",
    no_args_is_help=True,
)

EXIT_INFEASIBLE = 1
HEADLINE = ("total_cost", "distance", "total_tardiness", "max_tardiness", "unassigned")
DETAIL = (
    "travel_minutes",
    "paid_minutes",
    "travel_share",
    "late_visits",
    "overtime_minutes",
    "imbalance_minutes",
    "median_distinct_workers",
    "continuity_excess",
    "non_regular_visits",
    "preference_misses",
    "cross_team_visits",
    "weighted_total",
)

ProblemFile = Annotated[
    Path, typer.Argument(help="Problem file: careweave JSON or an HHCRSP instance.")
]
AsJson = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of text.")]


def _load(path: Path) -> tuple[Problem, ProblemFormat]:
    try:
        return load_problem(path)
    except ProblemError as exc:
        raise fail(str(exc)) from None


def _summary(
    file: Path, problem: Problem, form: ProblemFormat, roster: Roster, report: CheckReport
) -> dict[str, Any]:
    figures = report.figures.as_dict()
    # HHCRSP's published objective is total_cost; a careweave problem's is its weighted total.
    if form is ProblemFormat.CAREWEAVE:
        figures["total_cost"] = report.figures.weighted_total
    return {
        "problem": problem.name or file.name,
        "format": form.value,
        "feasible": report.feasible,
        **figures,
        **roster_to_json(problem, roster, hhcrsp=form is ProblemFormat.HHCRSP),
        "violations": report.as_dict()["violations"],
    }


def _print_text(summary: dict[str, Any], *, routes: bool) -> None:
    verdict = "feasible" if summary["feasible"] else "INFEASIBLE"
    typer.echo(f"{summary['problem']} ({summary['format']}): {verdict}")
    for name in HEADLINE + DETAIL:
        value = summary[name]
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        typer.echo(f"  {name.replace('_', ' '):<24} {shown}")
    if routes:
        for route in summary["routes"]:
            typer.echo("  " + _route_line(route))
    if summary["unassigned_visits"]:
        typer.echo(f"  unassigned: {', '.join(summary['unassigned_visits'])}")
    violations = summary["violations"]
    if violations:
        typer.echo(f"{len(violations)} broken rule(s):")
        for v in violations:
            typer.echo(f"  {v['item']}: {v['message']} [{v['rule']}]")


def _route_line(route: dict[str, Any]) -> str:
    if "caregiver" in route:
        stops = [f"{v['patient']}/{v['service']}@{v['start']:g}" for v in route["visits"]]
        return f"{route['caregiver']}: {' '.join(stops)}"
    stops = [f"{s['task']}@{s['start']:g}" for s in route["stops"]]
    shift = f" shift {route['shift']}" if route.get("shift") else ""
    return f"{route['worker']} day {route['day']}{shift}: {' '.join(stops)}"


def _emit(summary: dict[str, Any], *, as_json: bool, routes: bool) -> None:
    if as_json:
        typer.echo(json.dumps(summary))
    else:
        _print_text(summary, routes=routes)


@app.command("check")
def check_command(
    file: ProblemFile,
    solution: Annotated[
        Path,
        typer.Argument(help="Roster JSON: a list of routes, or an object with routes."),
    ],
    as_json: AsJson = False,
    tolerance: Annotated[
        float,
        typer.Option(
            "--tolerance", min=0.0, help="Minutes a time may miss a limit by (rounded rosters)."
        ),
    ] = TOLERANCE,
) -> None:
    """Recompute every figure of a roster from its routes and list the rules it breaks."""
    problem, form = _load(file)
    try:
        roster = read_roster(solution, problem)
    except ProblemError as exc:
        raise fail(f"{solution}: {exc}") from None
    report = check(problem, roster, tolerance=tolerance)
    _emit(_summary(file, problem, form, roster, report), as_json=as_json, routes=False)
    if not report.feasible:
        raise typer.Exit(code=EXIT_INFEASIBLE)


@app.command("solve")
def solve_command(
    file: ProblemFile,
    seconds: Annotated[
        float, typer.Option("--seconds", min=0.001, help="Time limit of the search in seconds.")
    ] = 10.0,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the random search.")] = 0,
    as_json: AsJson = False,
    explained: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Say why each visit went to its worker, why late ones are late and what kept "
            "left-out ones out.",
        ),
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            min=1,
            help="Processes to search with; with 2 or more, a problem whose workers and visits "
            "all have a team is solved team by team.",
        ),
    ] = 1,
) -> None:
    """Find a roster for a problem file and print its objective, its parts and its routes."""
    problem, form = _load(file)
    if jobs > 1:
        result = solve_by_team(problem, MaxRuntime(seconds), seed=seed, jobs=jobs)
    else:
        result = solve(problem, MaxRuntime(seconds), seed=seed)
    report = check(problem, result.roster)
    summary = _summary(file, problem, form, result.roster, report)
    summary["seconds"] = result.seconds
    summary["first_feasible_seconds"] = result.first_feasible_seconds
    summary["seed"] = seed
    if explained:
        summary["explanations"] = _explanations(explain(problem, result.roster))
    _emit(summary, as_json=as_json, routes=True)
    if explained and not as_json:
        _print_explanations(summary["explanations"])


def _explanations(found: Explanation) -> dict[str, Any]:
    return {
        "assignments": [
            {"visit": a.task_id, "worker": a.worker_id, "reasons": list(a.reasons)}
            for a in found.assignments
        ],
        "late": dict(found.late),
        "unassigned": dict(found.unassigned),
    }


def _print_explanations(found: dict[str, Any]) -> None:
    typer.echo("why:")
    for item in found["assignments"]:
        typer.echo(f"  {item['visit']} -> {item['worker']}: {'; '.join(item['reasons'])}")
    for visit, why in found["late"].items():
        typer.echo(f"  {visit} is late: {why}")
    for visit, why in found["unassigned"].items():
        typer.echo(f"  {visit} is left out: {why}")
