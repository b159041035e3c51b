"""``careweave db`` end to end: the real console script on a database under ``tmp_path``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from careweave.adapters.cli import groups
from careweave.adapters.storage.migrate import code_heads

CAREWEAVE = Path(sys.executable).with_name("careweave")


@pytest.fixture
def environment(tmp_path, monkeypatch):
    """The process environment with careweave's data dir in ``tmp_path`` and no database URL."""
    monkeypatch.chdir(tmp_path)  # no stray .env file is read
    monkeypatch.delenv("CAREWEAVE_DATABASE_URL", raising=False)
    monkeypatch.setenv("CAREWEAVE_DATA_DIR", str(tmp_path / "data"))
    return os.environ.copy()


def careweave(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CAREWEAVE), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_db_upgrade_creates_the_schema_then_reports_nothing_to_do(environment, tmp_path):
    first = careweave("db", "upgrade", env=environment)
    assert first.returncode == 0, first.stderr
    assert "applied 0001_foundation: Foundation" in first.stdout
    assert (tmp_path / "data" / "careweave.sqlite3").is_file()

    again = careweave("db", "upgrade", env=environment)
    assert again.returncode == 0, again.stderr
    assert "already up to date" in again.stdout

    current = careweave("db", "current", "--check", env=environment)
    assert current.returncode == 0, current.stderr
    assert "up to date" in current.stdout
    for head in code_heads():
        assert head in current.stdout


def test_db_current_lists_pending_migrations_and_check_fails(environment):
    result = CliRunner().invoke(_careweave_app(), ["db", "current", "--check"], env=environment)
    assert result.exit_code == 1
    assert "no schema yet" in result.output
    assert "0001_foundation" in result.output
    assert "run `careweave db upgrade`" in result.output


def test_db_upgrade_reports_an_unreachable_database_in_one_line(environment):
    environment["CAREWEAVE_DATABASE_URL"] = "postgresql://nobody@127.0.0.1:1/careweave"
    result = careweave("db", "upgrade", env=environment)
    assert result.returncode == 2
    assert result.stderr.startswith("error: database postgresql")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def _careweave_app() -> typer.Typer:
    """A fresh ``careweave`` app with every group registered, as the console script builds it."""
    fresh = typer.Typer(name="careweave", pretty_exceptions_enable=False)
    groups.register(fresh)
    return fresh
