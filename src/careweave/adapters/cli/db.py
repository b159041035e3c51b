"""``careweave db``: create or upgrade the database schema and show where it stands."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from careweave.adapters.cli.errors import fail
from careweave.adapters.storage import migrate
from careweave.bootstrap import build_engine, load_settings

app = typer.Typer(
    help="The database: create or upgrade its schema, see which migrations it has.",
    no_args_is_help=True,
)

EXIT_OUT_OF_DATE = 1


@contextmanager
def _database() -> Iterator[Engine]:
    """The configured engine; a database that cannot be opened or is too new is reported in one line."""
    engine = build_engine(load_settings())
    where = engine.url.render_as_string(hide_password=True)
    try:
        yield engine
    except migrate.SchemaOutOfDateError as exc:
        raise fail(str(exc)) from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise fail(f"database {where}: {reason}") from None
    finally:
        engine.dispose()


@app.command()
def upgrade() -> None:
    """Create the schema, or bring it up to date, and list the migrations applied."""
    with _database() as engine:
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
    with _database() as engine, engine.connect() as connection:
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
