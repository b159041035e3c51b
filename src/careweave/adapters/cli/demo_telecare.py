"""``careweave demo telecare``: simulated homes with planted incidents, how well the rules notice
them, and (when the database has people) telecare for the first of them."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Annotated

import typer

from careweave.adapters.cli.database import opened_services
from careweave.clock import SystemClock
from careweave.demo.telecare_homes import SimHome, local, simulate_homes
from careweave.demo.telecare_measure import score, table, watch
from careweave.demo.telecare_store import store_homes
from careweave.domain.telecare.events import HOME_TIME


def telecare(
    people: Annotated[int, typer.Option(min=1, max=500, help="How many homes to simulate.")] = 12,
    days: Annotated[
        int, typer.Option(min=35, max=365, help="How many days, ending yesterday.")
    ] = 60,
    seed: Annotated[int, typer.Option(help="Same seed, same homes.")] = 1,
    store: Annotated[
        bool, typer.Option(help="Give the first people of the database these homes.")
    ] = True,
) -> None:
    """Simulate homes (routines, weekends, illness, holidays, planted falls, night wanders, cold
    homes, unwell mornings, slow declines), print each rule's precision and recall, and store them."""
    started = time.perf_counter()
    clock = SystemClock()
    now = clock.now()
    ids = _people_without_telecare(people) if store else []
    names = ids + [f"simulated-{n:03d}" for n in range(people - len(ids))]
    homes = simulate_homes(names, days, seed, clock.today(), until=now)
    _measure(homes, days, now)
    if ids:
        _store([h for h in homes if h.person_id in set(ids)], clock)
    elif store:
        typer.echo("No people without telecare in the database: nothing stored.")
    typer.echo(f"Done in {time.perf_counter() - started:.1f} s.")


def _store(homes: list[SimHome], clock: SystemClock) -> None:
    """Write ``homes`` and raise the alerts due now."""
    with opened_services() as services:
        with services.uow_factory() as uow:
            written = store_homes(uow, homes, clock.now())
            uow.commit()
        report = services.telecare_alerting.run([h.person_id for h in homes])
    typer.echo(
        f"Stored {len(homes)} homes ({written} events); {len(report.raised)} alerts raised now."
    )


def _people_without_telecare(wanted: int) -> list[str]:
    """The ids of the first ``wanted`` people (by name) who have no devices yet."""
    with opened_services() as services, services.uow_factory() as uow:
        fitted = {d.person_id for d in uow.devices.list(active_only=False)}
        return [p.id for p in uow.people.list() if p.id not in fitted][:wanted]


def _measure(homes: list[SimHome], days: int, now: datetime) -> None:
    """Watch the homes from their second day (the rules need a day of events) and print the table."""
    start = local(now.astimezone(HOME_TIME).date() - timedelta(days=days - 2), 0)
    raised = watch(homes, start, now)
    person_weeks = len(homes) * (days - 1) / 7
    incidents = sum(len(h.incidents) for h in homes)
    typer.echo(f"{len(homes)} homes, {days} days, {incidents} planted incidents:")
    typer.echo(table(score(homes, raised), person_weeks))
