"""Apply Alembic migrations and check the schema is current, without an ``alembic.ini``.

Each area ships its own migrations in ``migrations/versions`` branching from ``0001_foundation``,
so the schema may have several heads: :func:`upgrade` goes to all of them and
:func:`ensure_current` compares the whole set.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from careweave.adapters.storage.database import make_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
STORAGE_PACKAGE = "careweave.adapters.storage"


# What a migration builds with its database's own DDL, which the metadata cannot describe (an
# SQLite FTS5 table with its shadow tables, a PostgreSQL expression index): schema comparisons
# and autogenerate leave these tables and indexes alone.
UNDESCRIBED_NAME_PREFIXES = ("community_service_search", "ix_community_services_search_text")


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Alembic's ``include_name`` hook: compare everything but :data:`UNDESCRIBED_NAME_PREFIXES`."""
    undescribed = (name or "").startswith(UNDESCRIBED_NAME_PREFIXES)
    return not (type_ in ("table", "index") and undescribed)


class SchemaOutOfDateError(RuntimeError):
    """The database schema does not match this version of careweave."""


@dataclass(frozen=True, slots=True)
class Revision:
    """One migration: its id and the first line of its description."""

    id: str
    title: str


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for careweave's migrations, optionally bound to ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def load_all_tables() -> None:
    """Import every module of the storage package so each area's tables join the metadata."""
    package = importlib.import_module(STORAGE_PACKAGE)
    for module in pkgutil.walk_packages(package.__path__, prefix=f"{STORAGE_PACKAGE}."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def code_heads() -> frozenset[str]:
    """The head revisions this version of careweave expects."""
    return frozenset(_script().get_heads())


def database_heads(connection: Connection) -> frozenset[str]:
    """The revisions the database stands at (empty for a database never migrated)."""
    return frozenset(MigrationContext.configure(connection).get_current_heads())


def _known_heads(connection: Connection) -> frozenset[str]:
    """The database's revisions, refusing any this careweave does not know (a newer one wrote them)."""
    current = database_heads(connection)
    known = {rev.revision for rev in _script().walk_revisions()}
    unknown = sorted(current - known)
    if unknown:
        raise SchemaOutOfDateError(
            f"the database was migrated by a newer careweave (revision {', '.join(unknown)}); "
            "install that version of careweave to use it"
        )
    return current


def pending(connection: Connection) -> list[Revision]:
    """Migrations not yet applied to the database, in the order they would run.

    Raises :class:`SchemaOutOfDateError` when a newer careweave has migrated the database.
    """
    script = _script()
    applied: set[str] = set()
    for head in _known_heads(connection):
        applied.update(rev.revision for rev in script.iterate_revisions(head, "base"))
    ordered = reversed(list(script.walk_revisions()))
    return [_revision(rev) for rev in ordered if rev.revision not in applied]


def _revision(script: Any) -> Revision:
    first_paragraph = str(script.doc or "").strip().split("\n\n")[0]
    return Revision(id=str(script.revision), title=" ".join(first_paragraph.split()))


def upgrade(url_or_engine: str | Engine) -> list[Revision]:
    """Apply every pending migration (to all heads) and return what was applied, in order.

    Raises :class:`SchemaOutOfDateError`, touching nothing, when a newer careweave has migrated
    the database.
    """
    engine = make_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    applied: list[Revision] = []

    def record(*, step: Any, **_: Any) -> None:
        if step.is_upgrade and step.up_revision is not None:
            applied.append(_revision(step.up_revision))

    try:
        with engine.begin() as connection:
            _known_heads(connection)
            config = alembic_config(connection)
            config.attributes["on_version_apply"] = record
            command.upgrade(config, "heads")
    finally:
        if isinstance(url_or_engine, str):
            engine.dispose()
    return applied


def ensure_current(engine: Engine) -> None:
    """Raise :class:`SchemaOutOfDateError` unless the database stands at exactly the code's heads."""
    with engine.connect() as connection:
        current = _known_heads(connection)
    if current == code_heads():
        return
    if not current:
        raise SchemaOutOfDateError(
            "the database has no careweave schema yet; run `careweave db upgrade`"
        )
    raise SchemaOutOfDateError(
        "the database schema is out of date; run `careweave db upgrade` to bring it up to date"
    )
