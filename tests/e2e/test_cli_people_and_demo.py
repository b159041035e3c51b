"""``careweave demo seed``, ``export people`` and ``import people`` run as a user runs them."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from click.testing import Result
from typer.testing import CliRunner

from careweave.adapters.cli import db, demo, people

CAREWEAVE = str(Path(sys.executable).with_name("careweave"))


def _app() -> typer.Typer:
    """The command groups under test, as ``careweave`` registers them."""
    app = typer.Typer()
    app.add_typer(db.app, name="db")
    app.add_typer(demo.app, name="demo")
    app.add_typer(people.import_app, name="import")
    app.add_typer(people.export_app, name="export")
    return app


class Cli:
    """Runs careweave commands in this process on a database of its own (fast); the console
    script itself is run once below, to show the groups are registered and errors are plain."""

    def __init__(self, data_dir: Path) -> None:
        self.env = {"CAREWEAVE_DATA_DIR": str(data_dir), "CAREWEAVE_DATABASE_URL": ""}
        self.app = _app()

    def __call__(self, *args: str) -> Result:
        return CliRunner().invoke(self.app, list(args), env=self.env)


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    run = Cli(tmp_path / "data")
    assert run("db", "upgrade").exit_code == 0
    seeded = run("demo", "seed", "--people", "20", "--workers", "4", "--teams", "2")
    assert seeded.exit_code == 0, seeded.stderr
    assert "people" in seeded.stdout
    assert "Done in" in seeded.stdout
    return run


def _export(cli: Cli) -> str:
    done = cli("export", "people")
    assert done.exit_code == 0, done.stderr
    return done.stdout


def test_seeding_again_is_refused_unless_asked_to_skip(cli: Cli) -> None:
    again = cli("demo", "seed", "--people", "5", "--workers", "2", "--teams", "2")
    assert again.exit_code == 2
    assert "already holds 20 people" in again.stderr
    assert "Traceback" not in again.stderr
    skipped = cli("demo", "seed", "--if-empty")
    assert skipped.exit_code == 0
    assert "left it as it is" in skipped.stdout


def test_a_bad_csv_is_refused_naming_row_and_column_and_changes_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    before = _export(cli)
    rows = list(csv.DictReader(io.StringIO(before)))
    new = {**rows[0], "given_name": "Agnes", "nhs_number": "", "date_of_birth": "1941-02-30"}
    good = {**rows[1], "given_name": "Walter", "nhs_number": ""}
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([good, new])

    done = cli("import", "people", str(path))

    assert done.exit_code == 2
    assert "row 3, column date_of_birth: '1941-02-30' is not a real date" in done.stderr
    assert "nothing was imported" in done.stderr
    assert "Traceback" not in done.stderr
    assert _export(cli) == before


def test_export_then_import_of_new_people_adds_them(cli: Cli, tmp_path: Path) -> None:
    exported = tmp_path / "people.csv"
    done = cli("export", "people", "--out", str(exported))
    assert done.exit_code == 0
    assert "Exported 20 people" in done.stderr
    again = cli("import", "people", str(exported))
    assert again.exit_code == 2
    assert "row 2, column nhs_number: someone with NHS number" in again.stderr

    with exported.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    newcomers = [
        {**row, "given_name": f"New{i}", "nhs_number": ""} for i, row in enumerate(rows[:2])
    ]
    with exported.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(newcomers)

    added = cli("import", "people", str(exported))
    assert added.exit_code == 0, added.stderr
    assert "Imported 2 people" in added.stdout
    after = list(csv.DictReader(io.StringIO(_export(cli))))
    assert len(after) == 22
    assert {"New0", "New1"} <= {row["given_name"] for row in after}


def test_a_missing_file_is_named(cli: Cli, tmp_path: Path) -> None:
    done = cli("import", "people", str(tmp_path / "nowhere.csv"))
    assert done.exit_code == 2
    assert "nowhere.csv: no such file" in done.stderr


def test_the_console_script_reports_a_bad_file_in_plain_words(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        "given_name,family_name,date_of_birth,address,postcode,lat,lon\n"
        'Joan,Rigby,1939-05-06,"3 Mill Lane, Leigh",WN7 1XY,53.49,north\n'
    )
    env = {**os.environ, **cli.env}
    done = subprocess.run(
        [CAREWEAVE, "import", "people", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "row 2, column lon: 'north' is not a number" in done.stderr
    assert "Traceback" not in done.stderr
