"""Where every command group is added to the ``careweave`` app (one line per group)."""

from __future__ import annotations

import typer

from careweave.adapters.cli import (
    community,
    db,
    demo,
    demo_telecare,
    fhir,
    people,
    personas,
    roster,
    roster_plan,
    serve,
    telecare,
    users,
)


def register(app: typer.Typer) -> None:
    """Add each area's command group to ``app``."""
    app.add_typer(db.app, name="db")
    app.add_typer(roster.app, name="roster")
    roster.app.command("plan")(roster_plan.plan)
    app.add_typer(demo.app, name="demo")
    app.command("serve")(serve.serve)
    demo.app.command("personas")(personas.personas)
    demo.app.command("telecare")(demo_telecare.telecare)
    app.add_typer(people.import_app, name="import")
    app.add_typer(people.export_app, name="export")
    app.add_typer(community.app, name="directory")
    app.add_typer(fhir.app, name="fhir")
    app.add_typer(users.app, name="users")
    app.add_typer(telecare.app, name="telecare")
