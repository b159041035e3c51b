"""``careweave serve``: run the web app under uvicorn, in one process or several."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from careweave.adapters.cli.database import opened_database
from careweave.adapters.storage.migrate import ensure_current
from careweave.bootstrap import build_web_app

if TYPE_CHECKING:
    from fastapi import FastAPI

MAX_WORKERS = 64


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

    # Check the database first, so a bad one gives one clear message (not one per worker).
    with opened_database() as (settings, engine):
        ensure_current(engine)
    where_host = host or settings.host
    where_port = port or settings.port
    # Each worker process builds its own app (and database pool) from the environment.
    app: FastAPI | str = build_web_app(settings) if workers == 1 else FACTORY
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
