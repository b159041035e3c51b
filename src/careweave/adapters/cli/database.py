"""Open the configured database for a command, and report any trouble with it in one line.

Every command that touches the database runs inside :func:`opened_database` (the ``db`` commands,
which need the bare engine) or :func:`opened_services` (every other command, which gets its
services from the composition root). Either way, bad input is "error: <field>: <what is wrong>",
a schema that is not current says to run ``careweave db upgrade``, and a database that cannot be
reached is "error: database <url>: <reason>": one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from careweave.adapters.cli.errors import fail, reported_errors
from careweave.adapters.storage.migrate import SchemaOutOfDateError
from careweave.bootstrap import Services, build_engine, build_services, load_settings
from careweave.config import Settings


@contextmanager
def opened_database() -> Iterator[tuple[Settings, Engine]]:
    """The settings and an engine on the configured database, for the length of the block."""
    settings = load_settings()
    engine = build_engine(settings)
    where = engine.url.render_as_string(hide_password=True)
    try:
        with reported_errors():
            yield settings, engine
    except SchemaOutOfDateError as exc:
        raise fail(str(exc)) from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise fail(f"database {where}: {reason}") from None
    finally:
        engine.dispose()


@contextmanager
def opened_services() -> Iterator[Services]:
    """Every service on the configured database (whose schema must be current), for the length
    of the block."""
    with opened_database() as (settings, engine):
        yield build_services(settings, engine)
