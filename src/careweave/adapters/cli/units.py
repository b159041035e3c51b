"""Open the configured database for a CLI command, reporting any trouble in one line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from careweave.adapters.cli.errors import fail, reported_errors
from careweave.adapters.storage.migrate import SchemaOutOfDateError
from careweave.bootstrap import build_engine, load_settings, uow_factory
from careweave.config import Settings
from careweave.services.unit_of_work import UnitOfWork

U = TypeVar("U")


def units_of_work() -> AbstractContextManager[Callable[[], UnitOfWork]]:
    """The core unit-of-work factory on the configured database (see :func:`opened_database`)."""
    return opened_database(uow_factory)


@contextmanager
def opened_database(
    build: Callable[[Settings, Engine], Callable[[], U]],
) -> Iterator[Callable[[], U]]:
    """A unit-of-work factory on the configured database, for the length of the block.

    ``build`` makes the factory from the settings and the engine, e.g.
    :func:`careweave.bootstrap.uow_factory` or :func:`careweave.bootstrap.app_uow_factory`.

    Domain errors become "error: ..." with exit code 2 (:func:`reported_errors`); a schema that is
    not current or a database that cannot be reached is reported in one line, never a traceback.
    """
    settings = load_settings()
    engine = build_engine(settings)
    where = engine.url.render_as_string(hide_password=True)
    try:
        with reported_errors():
            yield build(load_settings(), engine)
    except SchemaOutOfDateError as exc:
        raise fail(str(exc)) from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise fail(f"database {where}: {reason}") from None
    finally:
        engine.dispose()
