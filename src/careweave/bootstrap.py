"""The composition root: the one place that builds engines, units of work and services.

Nothing happens at import time; callers (the CLI, the web app, tests) call these functions with a
:class:`~careweave.config.Settings` and get fully wired objects back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from careweave.adapters.storage.database import make_engine, make_session_factory
from careweave.adapters.storage.migrate import ensure_current
from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.config import Settings
from careweave.services.plans.ports import PlansUnitOfWork
from careweave.services.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from fastapi import FastAPI

    from careweave.services.accounts.ports import AccountsUnitOfWork


def load_settings() -> Settings:
    """Read the settings from the environment."""
    return Settings()


def build_engine(settings: Settings) -> Engine:
    """The database engine for ``settings.effective_database_url``."""
    return make_engine(settings.effective_database_url)


def uow_factory(
    settings: Settings, engine: Engine | None = None, *, check_schema: bool = True
) -> Callable[[], UnitOfWork]:
    """A factory of units of work on the configured database.

    Parameters
    ----------
    settings
        Where the database is.
    engine
        An engine to reuse (one is built from ``settings`` otherwise).
    check_schema
        Refuse with :class:`~careweave.adapters.storage.migrate.SchemaOutOfDateError` (whose
        message says to run ``careweave db upgrade``) unless the schema is current.
    """
    engine = engine if engine is not None else build_engine(settings)
    if check_schema:
        ensure_current(engine)
    sessions = make_session_factory(engine)
    return lambda: SqlUnitOfWork(sessions)


def plans_uow_factory(
    settings: Settings, engine: Engine | None = None, *, check_schema: bool = True
) -> Callable[[], PlansUnitOfWork]:
    """Like :func:`uow_factory`, with the plans area's repositories (and accounts and audit)."""
    engine = engine if engine is not None else build_engine(settings)
    if check_schema:
        ensure_current(engine)
    sessions = make_session_factory(engine)
    return lambda: SqlUnitOfWork(sessions)


def build_web_app(settings: Settings) -> FastAPI:
    """The web app on the configured database.

    Raises :class:`~careweave.adapters.storage.migrate.SchemaOutOfDateError` (saying to run
    ``careweave db upgrade``) unless the schema is current.
    """
    from careweave.adapters.web.app import create_app

    return create_app(settings, uow_factory=app_uow_factory(settings))


def app_uow_factory(
    settings: Settings, engine: Engine | None = None, *, check_schema: bool = True
) -> Callable[[], AccountsUnitOfWork]:
    """A factory of units of work carrying every area's repositories (core, accounts and audit,
    visit recording, plans), as the web app and account commands need; arguments as :func:`uow_factory`.
    """
    engine = engine if engine is not None else build_engine(settings)
    if check_schema:
        ensure_current(engine)
    sessions = make_session_factory(engine)
    return lambda: SqlUnitOfWork(sessions)
