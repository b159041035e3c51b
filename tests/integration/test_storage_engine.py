"""The engines and the composition root: SQLite settings, and refusing an out-of-date schema."""

from __future__ import annotations

import pytest
from tests.integration.storage_builders import a_team

from careweave.adapters.storage.database import make_engine
from careweave.adapters.storage.migrate import SchemaOutOfDateError
from careweave.bootstrap import build_engine, build_services
from careweave.config import Settings


def test_sqlite_enforces_foreign_keys_and_uses_wal_with_a_busy_timeout(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'nested' / 'dir' / 'db.sqlite3'}")
    try:
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        engine.dispose()


def test_the_composition_root_refuses_a_database_that_was_never_upgraded(database_url, tmp_path):
    settings = Settings(database_url=database_url, data_dir=tmp_path)
    engine = build_engine(settings)
    try:
        with pytest.raises(SchemaOutOfDateError, match="careweave db upgrade"):
            build_services(settings, engine)
    finally:
        engine.dispose()


def test_the_composition_root_gives_working_units_of_work_on_a_current_schema(settings, engine):
    make_uow = build_services(settings, engine).uow_factory
    team = a_team()
    with make_uow() as uow:
        uow.teams.add(team)
        uow.commit()
    with make_uow() as uow:
        assert uow.teams.get(team.id) == team


def test_the_default_database_is_a_sqlite_file_in_the_data_dir(tmp_path):
    settings = Settings(database_url="", data_dir=tmp_path / "var")
    engine = build_engine(settings)
    try:
        assert engine.dialect.name == "sqlite"
        assert engine.url.database == f"{tmp_path / 'var'}/careweave.sqlite3"
    finally:
        engine.dispose()
