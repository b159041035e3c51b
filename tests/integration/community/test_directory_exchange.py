"""The whole directory out and in on SQLite and PostgreSQL: an export validates against the UK
profile's schemas and imports unchanged; a file with any problem writes nothing; the command
line names every problem."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.community_directory import SmallDirectory
from tests.hsds_uk import needs_hsds_uk, problems, schema_validator
from typer.testing import CliRunner

from careweave.adapters.cli import community
from careweave.adapters.hsds.document import directory_document
from careweave.adapters.hsds.read import read_directory
from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.clock import SystemClock
from careweave.domain.accounts.users import Role
from careweave.domain.community.whole_directory import DirectoryRefusedError
from careweave.domain.errors import PermissionDeniedError
from careweave.services.accounts.access import Actor
from careweave.services.community.exchange import DirectoryExchange

Uow = Callable[[], SqlUnitOfWork]
COORDINATOR = Actor(user_id="u-cora", username="cora", display_name="Cora", role=Role.COORDINATOR)
WORKER = Actor(user_id="u-bob", username="bob", display_name="Bob", role=Role.CARE_WORKER)


def exchange(uow: Uow) -> DirectoryExchange:
    return DirectoryExchange(uow, SystemClock())


@needs_hsds_uk
def test_an_export_validates_against_the_profiles_schemas(
    uow_factory: Uow, directory: SmallDirectory
) -> None:
    document = directory_document(exchange(uow_factory).export(COORDINATOR))
    assert problems(schema_validator("compiled/service_package.json"), document["services"]) == []
    for name, schema in (
        ("taxonomies", "taxonomy.json"),
        ("taxonomy_terms", "taxonomy_term.json"),
        ("organizations", "compiled/organization.json"),
        ("locations", "location.json"),
    ):
        for record in document[name]:
            assert problems(schema_validator(schema), record) == [], name


def test_an_export_imports_unchanged(uow_factory: Uow, directory: SmallDirectory) -> None:
    before = directory_document(exchange(uow_factory).export(COORDINATOR))
    read, found = read_directory(json.loads(json.dumps(before)))
    assert found == []

    counts = exchange(uow_factory).replace(COORDINATOR, read)

    assert (counts.services, counts.terms, counts.locations) == (4, 4, 4)
    assert directory_document(exchange(uow_factory).export(COORDINATOR)) == before


def test_a_directory_with_a_problem_writes_nothing(
    uow_factory: Uow, directory: SmallDirectory
) -> None:
    before = directory_document(exchange(uow_factory).export(COORDINATOR))
    whole = exchange(uow_factory).export(COORDINATOR)
    without_a_place = dataclasses.replace(whole, locations=whole.locations[1:])

    with pytest.raises(DirectoryRefusedError) as refused:
        exchange(uow_factory).replace(COORDINATOR, without_a_place)

    assert any("location_id: no location" in str(p) for p in refused.value.problems)
    assert directory_document(exchange(uow_factory).export(COORDINATOR)) == before


def test_only_a_coordinator_replaces_the_directory(
    uow_factory: Uow, directory: SmallDirectory
) -> None:
    whole = exchange(uow_factory).export(WORKER)
    with pytest.raises(PermissionDeniedError):
        exchange(uow_factory).replace(WORKER, whole)


def test_the_command_line_round_trip_and_its_named_problems(
    database_url: str, engine: object, directory: SmallDirectory, tmp_path: Path
) -> None:
    run = CliRunner()
    env = {"CAREWEAVE_DATABASE_URL": database_url, "CAREWEAVE_DATA_DIR": str(tmp_path)}
    out = tmp_path / "directory.json"
    exported = run.invoke(community.app, ["export", "--out", str(out)], env=env)
    assert exported.exit_code == 0, exported.output
    imported = run.invoke(community.app, ["import", str(out)], env=env)
    assert imported.exit_code == 0, imported.output
    assert "4 services" in imported.output

    broken = json.loads(out.read_text(encoding="utf-8"))
    broken["services"][2]["schedules"][0]["opens_at"] = "half past two"
    out.write_text(json.dumps(broken), encoding="utf-8")
    refused = run.invoke(community.app, ["import", str(out)], env=env)
    assert refused.exit_code == 2
    assert "nothing was imported" in refused.output
    assert (
        "services[2].schedules[0].opens_at: 'half past two' is not a time of day" in refused.output
    )


def test_the_demo_directory_seeds_once(database_url: str, engine: object, tmp_path: Path) -> None:
    run = CliRunner()
    env = {"CAREWEAVE_DATABASE_URL": database_url, "CAREWEAVE_DATA_DIR": str(tmp_path)}
    seeded = run.invoke(community.app, ["demo", "--services", "40"], env=env)
    assert seeded.exit_code == 0, seeded.output
    assert "40 services" in seeded.output
    again = run.invoke(community.app, ["demo", "--if-empty"], env=env)
    assert "already has 40 services" in again.output
