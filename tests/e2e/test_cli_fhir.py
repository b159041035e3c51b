"""``careweave fhir`` end to end: export a demo person from one database, import the bundle into
another, empty one, and export it again unchanged; bad files are refused in one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CAREWEAVE = Path(sys.executable).with_name("careweave")


def careweave(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CAREWEAVE_DATA_DIR": str(data_dir)}
    env.pop("CAREWEAVE_DATABASE_URL", None)
    return subprocess.run(
        [str(CAREWEAVE), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def two_databases(tmp_path: Path) -> tuple[Path, Path]:
    """A seeded demo database and an empty migrated one."""
    first, second = tmp_path / "first", tmp_path / "second"
    for where in (first, second):
        assert careweave("db", "upgrade", data_dir=where).returncode == 0
    seeded = careweave("demo", "seed", "--people", "12", "--workers", "4", data_dir=first)
    assert seeded.returncode == 0, seeded.stderr
    return first, second


def person_with_episode(bundle_dir: Path) -> str:
    from careweave.adapters.storage.database import make_engine, make_session_factory
    from careweave.adapters.storage.uow import SqlUnitOfWork

    engine = make_engine(f"sqlite:///{bundle_dir / 'careweave.sqlite3'}")
    try:
        with SqlUnitOfWork(make_session_factory(engine)) as uow:
            episodes = uow.episodes.list()
            return episodes[-1].person_id
    finally:
        engine.dispose()


def test_export_import_into_an_empty_database_unchanged_and_bad_files_refused(
    two_databases: tuple[Path, Path], tmp_path: Path
) -> None:
    first, second = two_databases
    check_bad_files_are_refused_naming_the_field(second, tmp_path)
    person_id = person_with_episode(first)
    exported = careweave("fhir", "export", "--person", person_id, data_dir=first)
    assert exported.returncode == 0, exported.stderr
    bundle = json.loads(exported.stdout)
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert kinds >= {
        "Patient",
        "RelatedPerson",
        "CareTeam",
        "CarePlan",
        "Goal",
        "Observation",
        "EpisodeOfCare",
    }
    path = tmp_path / "bundle.json"
    path.write_text(exported.stdout, encoding="utf-8")

    imported = careweave("fhir", "import", str(path), data_dir=second)
    assert imported.returncode == 0, imported.stderr
    assert person_id in imported.stdout
    again = careweave("fhir", "export", "--person", person_id, data_dir=second)
    assert json.loads(again.stdout) == bundle

    twice = careweave("fhir", "import", str(path), data_dir=second)
    assert twice.returncode == 2
    assert twice.stderr.startswith("error:")
    assert "already in this database" in twice.stderr


def check_bad_files_are_refused_naming_the_field(empty: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Patient", "id": "bad_id"}}]}'
    )
    reply = careweave("fhir", "import", str(bad), data_dir=empty)
    assert reply.returncode == 2
    assert reply.stderr.startswith("error: bundle.entry[0].id:")
    assert "Traceback" not in reply.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    reply = careweave("fhir", "import", str(broken), data_dir=empty)
    assert reply.returncode == 2
    assert "is not JSON" in reply.stderr
    missing = careweave("fhir", "export", "--person", "nobody", data_dir=empty)
    assert missing.returncode == 2
    assert "not found" in missing.stderr
