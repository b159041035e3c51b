"""``careweave demo``: load a made-up but realistic neighbourhood to try careweave with."""

from __future__ import annotations

import time
from typing import Annotated, cast

import typer

from careweave.adapters.cli.personas import DemoPassword, ensure_demo_personas
from careweave.adapters.cli.units import opened_database
from careweave.bootstrap import app_uow_factory
from careweave.demo.data import generate_neighbourhood
from careweave.demo.family_support import generate_scheme, store_scheme
from careweave.demo.places import TOWN_NAME
from careweave.demo.plans import DemoUnitOfWork, generate_plans, store_plans
from careweave.demo.seed import seed_demo
from careweave.services.family_support.ports import FamilySupportUnitOfWork

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
    with opened_database(app_uow_factory) as units:
        neighbourhood = generate_neighbourhood(
            people=people, workers=workers, teams=teams, seed=seed
        )
        plans = generate_plans(neighbourhood, seed=seed)
        scheme = generate_scheme(neighbourhood, seed=seed)

        def also(uow: object) -> None:
            store_plans(cast(DemoUnitOfWork, uow), plans)
            store_scheme(cast(FamilySupportUnitOfWork, uow), scheme)

        result = seed_demo(units, neighbourhood, if_empty=if_empty, also=also)
    ensure_demo_personas(demo_password)
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
