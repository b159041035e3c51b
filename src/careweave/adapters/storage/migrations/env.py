"""Alembic environment of careweave, configured by :mod:`careweave.adapters.storage.migrate`.

Runs on the connection handed over in ``config.attributes["connection"]`` (or an engine built
from ``sqlalchemy.url``), against the metadata of every storage module.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from careweave.adapters.storage.database import make_engine
from careweave.adapters.storage.migrate import include_name, load_all_tables
from careweave.adapters.storage.schema import metadata

config = context.config
load_all_tables()


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
        on_version_apply=config.attributes.get("on_version_apply"),
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    _run_offline()
elif (shared := config.attributes.get("connection")) is not None:
    _run(shared)
else:
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as own_connection:
        _run(own_connection)
        own_connection.commit()
    engine.dispose()
