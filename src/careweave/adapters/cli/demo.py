"""``careweave demo``: load a made-up but realistic neighbourhood to try careweave with."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from careweave.adapters.cli.database import opened_services
from careweave.adapters.cli.personas import DemoPassword, ensure_demo_personas
from careweave.demo.data import generate_neighbourhood
from careweave.demo.family_support import generate_scheme, store_scheme
from careweave.demo.places import TOWN_NAME
from careweave.demo.plans import generate_plans, store_plans
from careweave.demo.seed import seed_demo
from careweave.services.unit_of_work import AppUnitOfWork

app = typer.Typer(help="Demo data: a neighbourhood in the Wigan borough.", no_args_is_help=True)


@app.command()
def seed(
    people: Annotated[int, typer.Option(help="How many people draw on care.")] = 60,
    workers: Annotated[int, typer.Option(help="How many care workers.")] = 12,
    # Two teams by default: the demo logins need a team A and a team B (worker.a, worker.b).
    teams: Annotated[int, typer.Option(help="How many neighbourhood teams.")] = 2,
    seed: Annotated[int, typer.Option(help="Same seed, same neighbourhood.")] = 1,
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Do nothing when the database already has people.")
    ] = False,
    demo_password: DemoPassword = None,
) -> None:
    """Generate a demo neighbourhood with this week's visits and write it in one transaction."""
    started = time.perf_counter()
    with opened_services() as services:
        today = services.clock.today()
        neighbourhood = generate_neighbourhood(
            people=people, workers=workers, teams=teams, seed=seed, week_start=today
        )
        plans = generate_plans(neighbourhood, seed=seed, today=today)
        scheme = generate_scheme(neighbourhood, seed=seed)

        def also(uow: AppUnitOfWork) -> None:
            store_plans(uow, plans)
            store_scheme(uow, scheme)

        result = seed_demo(services.uow_factory, neighbourhood, if_empty=if_empty, also=also)
        ensure_demo_personas(services, demo_password)
    elapsed = time.perf_counter() - started
    if not result.seeded:
        typer.echo(
            f"The database already has {result.people_already_there} people; "
            "left it as it is (--if-empty)."
        )
        return
    typer.echo(
        f"Demo neighbourhood in {TOWN_NAME}, week of {neighbourhood.week_start:%A %d %B %Y}:"
    )
    for name, count in {**result.counts, **plans.counts(), **scheme.counts()}.items():
        typer.echo(f"  {name:<20} {count:>7}")
    typer.echo(f"Done in {elapsed:.1f} s.")
