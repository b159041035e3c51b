"""The careweave web app: the JSON API under ``/api`` and the server-rendered pages.

:func:`create_app` builds the app around the services it is given; nothing happens at import time.
The composition root (:func:`careweave.bootstrap.build_web_app`) calls it with the services on the
real database; tests call it with services on theirs.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from careweave.adapters.web import pages
from careweave.adapters.web.api import api_router
from careweave.adapters.web.api.community.openreferral import openreferral_app
from careweave.adapters.web.errors import install_error_handlers
from careweave.adapters.web.security import AuthMiddleware
from careweave.adapters.web.templating import STATIC_DIR, make_templates
from careweave.bootstrap import Services
from careweave.config import Settings

FAVICON = "/static/favicon.svg"
# Pages load only our own scripts and styles: no CDN, no external fonts or map tiles.
SECURITY_HEADERS = (
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        b"script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        b"frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
)


class SecurityHeadersMiddleware:
    """Add the headers above to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings, services: Services) -> FastAPI:
    """Build the web app.

    Parameters
    ----------
    settings
        The configuration (cookie security, ...).
    services
        Every service, built once by :func:`careweave.bootstrap.build_services`; routes reach
        them through :data:`careweave.adapters.web.deps.Svc`.
    """
    app = FastAPI(
        title="careweave",
        summary="Adult social care at home: people, teams, workers, visits and rosters.",
        version="0.1.0",
        docs_url=None,  # the hosted Swagger UI loads from a CDN; /openapi.json is the contract
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.services = services
    app.state.templates = make_templates()
    install_error_handlers(app)
    app.add_middleware(
        AuthMiddleware, accounts=services.accounts, cookie_secure=settings.cookie_secure
    )
    app.add_middleware(SecurityHeadersMiddleware)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # The public Open Referral API is an app of its own: no login, open CORS, its own OpenAPI.
    app.mount("/openreferral", openreferral_app(services.directory, services.clock))
    app.include_router(api_router())
    for router in pages.routers():
        app.include_router(router)
    health = _health_endpoint(services)
    app.add_api_route("/health", health, methods=["GET"], tags=["health"])
    # HEAD is for load balancers; one route per method keeps each OpenAPI operation id unique.
    app.add_api_route("/health", health, methods=["HEAD"], include_in_schema=False)
    app.add_api_route("/favicon.ico", _favicon, methods=["GET"], include_in_schema=False)
    return app


def _favicon() -> RedirectResponse:
    """Browsers ask for /favicon.ico whatever the page links; point them at the SVG one."""
    return RedirectResponse(FAVICON, status_code=301)


def _health_endpoint(services: Services) -> Callable[[], JSONResponse]:
    def health() -> JSONResponse:
        """Whether the app and its database answer (no sign-in needed)."""
        try:
            with services.uow_factory() as uow:
                uow.teams.count()
        except Exception:  # a health check reports any failure instead of raising it
            return JSONResponse({"status": "unavailable", "database": "unreachable"}, 503)
        return JSONResponse({"status": "ok", "database": "ok"})

    return health
