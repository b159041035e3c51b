"""The web app as an ASGI server imports it: ``careweave.adapters.web.asgi:create_app_from_env``.

``careweave serve --workers N`` hands this import string to uvicorn, which calls the factory once
in each worker process, so every worker builds its own app, engine and connection pool from the
environment (``CAREWEAVE_*``). Nothing happens at import time. Any other ASGI server can use it
too, e.g. ``uvicorn --factory careweave.adapters.web.asgi:create_app_from_env``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

FACTORY = f"{__name__}:create_app_from_env"


def create_app_from_env() -> FastAPI:
    """The web app on the database the environment's settings name."""
    from careweave.bootstrap import build_web_app, load_settings

    return build_web_app(load_settings())
