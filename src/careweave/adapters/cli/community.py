"""``careweave directory import FILE.json`` and ``careweave directory export [--out FILE]``: the
whole community directory as HSDS 3.0 JSON (UK profile), see docs/community.md.

An import replaces the whole directory, all or nothing: a file with any problem writes nothing
and every problem is listed by record and field.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from careweave.adapters.cli.actor import COMMAND_LINE
from careweave.adapters.cli.database import opened_services
from careweave.adapters.cli.errors import EXIT_BAD_INPUT, fail
from careweave.adapters.hsds.document import directory_document
from careweave.adapters.hsds.read import read_directory
from careweave.demo.community import demo_directory
from careweave.domain.community.whole_directory import DirectoryRefusedError, Problem
from careweave.services.community.directory import DirectoryFilter

SHOWN_PROBLEMS = 50

app = typer.Typer(help="The community directory as HSDS 3.0 JSON.", no_args_is_help=True)


@app.command("import")
def import_directory_command(
    file: Annotated[
        Path, typer.Argument(help="HSDS 3.0 JSON: careweave's export or a list of services.")
    ],
) -> None:
    """Replace the whole directory with the one in FILE: all of it, or nothing if any record has
    a problem."""
    try:
        document = json.loads(file.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise fail(f"{file}: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise fail(f"{file}: not JSON ({exc})") from None
    directory, problems = read_directory(document)
    if problems:
        _report(file, problems)
    with opened_services() as svc:
        try:
            counts = svc.directory_exchange.replace(COMMAND_LINE, directory)
        except DirectoryRefusedError as exc:
            _report(file, list(exc.problems))
    typer.echo(f"Imported {counts} from {file}.")


def _report(file: Path, problems: list[Problem]) -> None:
    typer.echo(f"error: {file}: nothing was imported; {len(problems)} problem(s) to fix:", err=True)
    for problem in problems[:SHOWN_PROBLEMS]:
        typer.echo(f"  {problem}", err=True)
    if len(problems) > SHOWN_PROBLEMS:
        typer.echo(f"  … and {len(problems) - SHOWN_PROBLEMS} more", err=True)
    raise typer.Exit(code=EXIT_BAD_INPUT)


@app.command("export")
def export_directory_command(
    out: Annotated[
        Path | None, typer.Option("--out", help="Write to this file instead of the screen.")
    ] = None,
) -> None:
    """Write the whole directory as HSDS 3.0 JSON, in the form `careweave directory import` reads."""
    with opened_services() as svc:
        directory = svc.directory_exchange.export(COMMAND_LINE)
    text = json.dumps(directory_document(directory), ensure_ascii=False, indent=1)
    if out is None:
        sys.stdout.write(text + "\n")
        return
    partial = out.with_name(out.name + ".part")
    try:
        # A half-written file never takes the real name: the finished one is renamed into place.
        partial.write_text(text + "\n", encoding="utf-8")
        os.replace(partial, out)
    except OSError as exc:
        raise fail(f"{out}: {exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)
    typer.echo(f"Exported {len(directory.services)} services to {out}.", err=True)


@app.command("demo")
def demo_directory_command(
    services: Annotated[int, typer.Option(min=1, max=50_000, help="How many services.")] = 300,
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Do nothing when the directory has services.")
    ] = False,
) -> None:
    """Replace the directory with the demo neighbourhood's (made-up) community services."""
    with opened_services() as svc:
        held = svc.directory.services(DirectoryFilter(), limit=1, offset=0)
        if if_empty and held.total:
            typer.echo(f"The directory already has {held.total} services; left as it is.")
            return
        counts = svc.directory_exchange.replace(COMMAND_LINE, demo_directory(services))
    typer.echo(f"Seeded the demo directory: {counts}.")
