"""``careweave db``: create or upgrade the database schema and show where it stands."""

from __future__ import annotations

from typing import Annotated

import typer

from careweave.adapters.cli.database import opened_database
from careweave.adapters.storage import migrate

app = typer.Typer(
    help="The database: create or upgrade its schema, see which migrations it has.",
    no_args_is_help=True,
)

EXIT_OUT_OF_DATE = 1


@app.command()
def upgrade() -> None:
    """Create the schema, or bring it up to date, and list the migrations applied."""
    with opened_database() as (_, engine):
        applied = migrate.upgrade(engine)
    if not applied:
        typer.echo("The database is already up to date; nothing to apply.")
        return
    for revision in applied:
        typer.echo(f"applied {revision.id}: {revision.title}")
    typer.echo(f"The database is up to date ({len(applied)} migration(s) applied).")


@app.command()
def current(
    check: Annotated[
        bool, typer.Option("--check", help="Exit with status 1 when migrations are pending.")
    ] = False,
) -> None:
    """Show the database, the migrations it stands at and any that are pending."""
    with opened_database() as (_, engine), engine.connect() as connection:
        heads = sorted(migrate.database_heads(connection))
        waiting = migrate.pending(connection)
        where = engine.url.render_as_string(hide_password=True)
    typer.echo(f"database: {where}")
    typer.echo(f"at revision: {', '.join(heads) if heads else 'none (no schema yet)'}")
    if not waiting:
        typer.echo("up to date")
        return
    typer.echo(f"{len(waiting)} migration(s) pending; run `careweave db upgrade`:")
    for revision in waiting:
        typer.echo(f"  {revision.id}: {revision.title}")
    if check:
        raise typer.Exit(code=EXIT_OUT_OF_DATE)
