"""Migrations: from empty to the heads, matching the tables, and refusing an out-of-date schema."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from careweave.adapters.storage import migrate
from careweave.adapters.storage.database import make_engine
from careweave.adapters.storage.schema import metadata

CORE_TABLES = {
    "teams",
    "people",
    "circle_members",
    "strengths",
    "needs",
    "workers",
    "visits",
    "visit_assignments",
}


@pytest.fixture
def empty_engine(database_url):
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def test_upgrade_from_empty_applies_every_migration_once(empty_engine):
    applied = migrate.upgrade(empty_engine)

    assert applied[0].id == "0001_foundation"
    assert {rev.id for rev in applied} >= {"0001_foundation"}
    assert len({rev.id for rev in applied}) == len(applied)
    assert set(inspect(empty_engine).get_table_names()) >= CORE_TABLES
    assert migrate.upgrade(empty_engine) == []
    migrate.ensure_current(empty_engine)


def test_upgrade_by_url_reaches_every_head(database_url):
    migrate.upgrade(database_url)

    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            assert migrate.database_heads(connection) == migrate.code_heads()
            assert migrate.pending(connection) == []
    finally:
        engine.dispose()


def test_the_migrated_schema_matches_the_table_definitions(engine):
    migrate.load_all_tables()
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": migrate.include_name}
        )
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_downgrade_to_base_removes_every_table(engine):
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "base")
    assert not CORE_TABLES & set(inspect(engine).get_table_names())


def test_a_database_never_migrated_is_refused_with_the_command_to_run(empty_engine):
    with pytest.raises(migrate.SchemaOutOfDateError, match="run `careweave db upgrade`"):
        migrate.ensure_current(empty_engine)


def test_a_database_behind_the_code_is_refused_with_the_command_to_run(empty_engine):
    with empty_engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "0001_foundation")
    # Other areas' migrations branch from the foundation, so it alone is behind the code.
    assert migrate.code_heads() != {"0001_foundation"}

    with pytest.raises(migrate.SchemaOutOfDateError, match="run `careweave db upgrade`"):
        migrate.ensure_current(empty_engine)
    with empty_engine.connect() as connection:
        assert "0001_foundation" not in {rev.id for rev in migrate.pending(connection)}
        assert migrate.pending(connection)


def test_a_database_ahead_of_the_code_is_refused(engine):
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM alembic_version"))
        connection.execute(text("INSERT INTO alembic_version VALUES ('zz_from_the_future')"))

    with pytest.raises(migrate.SchemaOutOfDateError, match="newer careweave"):
        migrate.ensure_current(engine)
    with pytest.raises(migrate.SchemaOutOfDateError, match="newer careweave"):
        migrate.upgrade(engine)
    with engine.connect() as connection:
        assert migrate.database_heads(connection) == {"zz_from_the_future"}
        with pytest.raises(migrate.SchemaOutOfDateError, match="newer careweave"):
            migrate.pending(connection)
