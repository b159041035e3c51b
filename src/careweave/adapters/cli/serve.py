"""``careweave serve``: run the web app under uvicorn, in one process or several."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from careweave.adapters.cli.errors import fail
from careweave.bootstrap import build_engine, build_web_app, load_settings
from careweave.config import Settings

if TYPE_CHECKING:
    from fastapi import FastAPI

MAX_WORKERS = 64
T = TypeVar("T")


def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to listen on (default: CAREWEAVE_HOST or 127.0.0.1)")
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="Port to listen on (default: CAREWEAVE_PORT or 8000)"),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=MAX_WORKERS,
            help="Worker processes answering requests (about one per CPU core). Sessions, "
            "sign-in limits and alerts are kept in the database, so all workers share them.",
        ),
    ] = 1,
) -> None:
    """Serve the web app and JSON API (uvicorn). Refuses to start on an out-of-date database."""
    import uvicorn

    from careweave.adapters.web.asgi import FACTORY

    settings = load_settings()
    where_host = host or settings.host
    where_port = port or settings.port
    app: FastAPI | str = FACTORY
    if workers == 1:
        app = _opened(lambda: build_web_app(settings))
    else:
        # Each worker process builds its own app (and database pool) from the environment;
        # check the database here first, so a bad one gives one clear message, not one per worker.
        _opened(lambda: _check_database(settings))
    typer.echo(
        f"careweave is listening on http://{where_host}:{where_port}/ "
        f"({workers} worker{'s' if workers > 1 else ''}; Ctrl+C to stop)"
    )
    uvicorn.run(
        app,
        factory=workers > 1,
        workers=workers,
        host=where_host,
        port=where_port,
        server_header=False,
        log_level="info",
    )


def _opened(open_database: Callable[[], T]) -> T:
    """``open_database()``, its database errors turned into one clear message and exit code 2."""
    from sqlalchemy.exc import SQLAlchemyError

    from careweave.adapters.storage.migrate import SchemaOutOfDateError

    try:
        return open_database()
    except SchemaOutOfDateError as exc:
        raise fail(str(exc)) from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise fail(f"cannot open the database: {reason}") from None


def _check_database(settings: Settings) -> None:
    """Raise unless the configured database opens and its schema is current."""
    from careweave.adapters.storage.migrate import ensure_current

    engine = build_engine(settings)
    try:
        ensure_current(engine)
    finally:
        engine.dispose()
