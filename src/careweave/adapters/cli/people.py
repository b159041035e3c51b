"""``careweave import people FILE.csv`` and ``careweave export people [--out FILE]``.

``import`` is a Python keyword, so the Typer objects are ``import_app`` and ``export_app``.
The CSV format is described in docs/people-csv.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from careweave.adapters.cli.database import opened_services
from careweave.adapters.cli.errors import EXIT_BAD_INPUT, fail
from careweave.services.people.people_csv_format import PeopleCsvError

import_app = typer.Typer(help="Import records from CSV files.", no_args_is_help=True)
export_app = typer.Typer(help="Export records as CSV files.", no_args_is_help=True)

SHOWN_PROBLEMS = 50


@import_app.command("people")
def import_people_command(
    file: Annotated[Path, typer.Argument(help="CSV file of people (see docs/people-csv.md).")],
) -> None:
    """Add the people in FILE: all of them, or none if any row has a problem."""
    if not file.is_file():
        raise fail(f"{file}: no such file")
    try:
        # utf-8-sig also reads the byte-order mark spreadsheets put at the start of "CSV UTF-8".
        with file.open(encoding="utf-8-sig", newline="") as handle, opened_services() as services:
            try:
                added = services.people_csv.import_people(handle)
            except PeopleCsvError as exc:
                _report(file, exc)
                raise typer.Exit(code=EXIT_BAD_INPUT) from None
    except OSError as exc:
        raise fail(f"{file}: {exc.strerror or exc}") from None
    typer.echo(f"Imported {added} people from {file}.")


def _report(file: Path, error: PeopleCsvError) -> None:
    count = len(error.problems)
    typer.echo(f"error: {file}: nothing was imported; {count} problem(s) to fix:", err=True)
    for problem in error.problems[:SHOWN_PROBLEMS]:
        typer.echo(f"  {problem}", err=True)
    if count > SHOWN_PROBLEMS:
        typer.echo(f"  … and {count - SHOWN_PROBLEMS} more", err=True)


@export_app.command("people")
def export_people_command(
    out: Annotated[
        Path | None, typer.Option("--out", help="Write to this file instead of the screen.")
    ] = None,
) -> None:
    """Write every person as CSV in the format `careweave import people` reads."""
    if out is None:
        with opened_services() as services:
            services.people_csv.export_people(sys.stdout)
        return
    partial = out.with_name(out.name + ".part")
    try:
        # The byte-order mark lets spreadsheets recognise UTF-8; a half-written file never
        # takes the real name, because the finished file is renamed into place.
        with (
            partial.open("w", encoding="utf-8-sig", newline="") as handle,
            opened_services() as services,
        ):
            written = services.people_csv.export_people(handle)
        os.replace(partial, out)
    except OSError as exc:
        raise fail(f"{out}: {exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)
    typer.echo(f"Exported {written} people to {out}.", err=True)
