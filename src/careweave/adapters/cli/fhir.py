"""``careweave fhir``: export a person's record as a FHIR R4 Bundle, and import one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from careweave.adapters.cli.actor import COMMAND_LINE
from careweave.adapters.cli.database import opened_services
from careweave.adapters.cli.errors import fail
from careweave.adapters.fhir.bundle import from_bundle, to_bundle

app = typer.Typer(help="FHIR R4 export and import of a person's record.", no_args_is_help=True)


@app.command("export")
def export_person(
    person: Annotated[str, typer.Option("--person", help="Id of the person to export.")],
    output: Annotated[
        Path | None, typer.Option(help="Write to this file instead of printing.")
    ] = None,
) -> None:
    """Print a FHIR Bundle (collection) with the person's Patient, RelatedPerson, CareTeam,
    CarePlan, Goal, Observation, EpisodeOfCare and RiskAssessment resources, every one validated."""
    with opened_services() as services:
        bundle = to_bundle(services.fhir.export_record(COMMAND_LINE, person))
    text = json.dumps(bundle, indent=2, ensure_ascii=False)
    if output is None:
        typer.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")
        typer.echo(f"Wrote {len(bundle['entry'])} resources to {output}.")


@app.command("import")
def import_bundle(
    file: Annotated[Path, typer.Argument(help="A FHIR Bundle written by `careweave fhir export`.")],
) -> None:
    """Validate every resource of the bundle and store the person's record, all or nothing."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise fail(f"file: cannot read {file}: {exc.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise fail(f"file: {file} is not JSON ({exc})") from None
    with opened_services() as services:
        record = from_bundle(data)
        person_id = services.fhir.import_record(COMMAND_LINE, record)
    versions = len(record.plans)
    typer.echo(
        f"Imported {record.person.display_name} ({person_id}): {len(record.circle)} in the circle, "
        f"{versions} plan version(s), {len(record.ratings)} GAS rating(s), {len(record.episodes)} reablement episode(s)."
    )
