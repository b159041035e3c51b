"""``careweave roster plan``: plan a team's week from the database and store the roster."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from careweave.adapters.cli.actor import COMMAND_LINE
from careweave.adapters.cli.database import opened_services
from careweave.services.rostering.roster_problem import week_of
from careweave.services.rostering.rostering import PlanOutcome


def plan(
    team: Annotated[str, typer.Option("--team", help="The team's name or id.")],
    week: Annotated[str, typer.Option("--week", help="The ISO week, e.g. 2026-W48.")],
    seconds: Annotated[
        float, typer.Option("--seconds", min=0.1, help="How long the optimiser may search.")
    ] = 30.0,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the search.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Plan a team's week with the roster optimiser and store who does which visit when."""
    with opened_services() as services:
        outcome = services.rostering.plan_team_week(
            COMMAND_LINE, team, week_of(week), seconds=seconds, seed=seed
        )
    if as_json:
        typer.echo(json.dumps(_as_dict(outcome), indent=2))
    else:
        typer.echo(_summary(outcome))


def _as_dict(outcome: PlanOutcome) -> dict[str, object]:
    return {
        "team": outcome.team_name,
        "week_start": outcome.week_start.isoformat(),
        "visits": outcome.visits,
        "assigned": outcome.assigned,
        "unassigned": dict(outcome.unassigned),
        "feasible": outcome.report.feasible,
        "violations": [str(v) for v in outcome.report.violations],
        "figures": outcome.report.figures.as_dict(),
        "seconds": round(outcome.seconds, 2),
    }


def _summary(outcome: PlanOutcome) -> str:
    figures = outcome.report.figures
    lines = [
        f"{outcome.team_name}: {outcome.assigned} of {outcome.visits} visits assigned "
        f"in {outcome.seconds:.1f} s",
        f"  feasible: {'yes' if outcome.report.feasible else 'no'}",
        f"  travel: {figures.travel_minutes:.0f} min ({figures.travel_share:.1%} of paid time)",
        f"  continuity: median {figures.median_distinct_workers:g} different workers per person",
        f"  late visits: {figures.late_visits}, total lateness {figures.total_tardiness:.0f} min",
    ]
    lines += [f"  not assigned: visit {vid}: {why}" for vid, why in outcome.unassigned.items()]
    lines += [f"  broken rule: {v}" for v in outcome.report.violations]
    return "\n".join(lines)
