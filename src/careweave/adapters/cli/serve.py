"""``careweave serve``: run the web app under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from careweave.adapters.cli.errors import fail
from careweave.bootstrap import build_web_app, load_settings


def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to listen on (default: CAREWEAVE_HOST or 127.0.0.1)")
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="Port to listen on (default: CAREWEAVE_PORT or 8000)"),
    ] = None,
) -> None:
    """Serve the web app and JSON API (uvicorn). Refuses to start on an out-of-date database."""
    import uvicorn
    from sqlalchemy.exc import SQLAlchemyError

    from careweave.adapters.storage.migrate import SchemaOutOfDateError

    settings = load_settings()
    try:
        app = build_web_app(settings)
    except SchemaOutOfDateError as exc:
        raise fail(str(exc)) from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise fail(f"cannot open the database: {reason}") from None
    where_host = host or settings.host
    where_port = port or settings.port
    typer.echo(f"careweave is listening on http://{where_host}:{where_port}/ (Ctrl+C to stop)")
    uvicorn.run(
        app,
        host=where_host,
        port=where_port,
        server_header=False,
        log_level="info",
    )
