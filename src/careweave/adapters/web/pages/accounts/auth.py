"""Signing in and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from careweave.adapters.web.deps import AuthInfo, SettingsDep, Svc, Templates
from careweave.adapters.web.security import (
    PRE_SESSION_COOKIE,
    SESSION_COOKIE,
    cookie_header,
    origin_of,
)
from careweave.domain.accounts.users import NotAuthenticatedError, RateLimitedError

router = APIRouter(include_in_schema=False)
HOME = "/"


def safe_next(target: str | None) -> str:
    """``target`` if it is a path on this site, else the home page (no open redirects)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return HOME
    return target


@router.get("/login")
def login_page(
    request: Request, templates: Templates, auth: AuthInfo, next: str | None = None
) -> Response:
    """The sign-in form (or straight on, for someone already signed in)."""
    if auth.actor is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return templates.TemplateResponse(
        request,
        "pages/accounts/login.html",
        {"next": safe_next(next), "error": None, "username": ""},
    )


@router.post("/login")
async def login(
    request: Request,
    templates: Templates,
    services: Svc,
    settings: SettingsDep,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = HOME,
) -> Response:
    """Check the password; on success set the session cookie and go on to ``next``."""
    try:
        signed_in = await run_in_threadpool(
            services.accounts.login, username, password, origin_of(request.scope)
        )
    except (NotAuthenticatedError, RateLimitedError) as exc:
        status = 429 if isinstance(exc, RateLimitedError) else 401
        context = {"next": safe_next(next), "error": str(exc), "username": username}
        return templates.TemplateResponse(
            request, "pages/accounts/login.html", context, status_code=status
        )
    response = RedirectResponse(safe_next(next), status_code=303)
    response.headers.append(
        "set-cookie",
        cookie_header(SESSION_COOKIE, signed_in.secret, secure=settings.cookie_secure),
    )
    response.delete_cookie(PRE_SESSION_COOKIE, path="/")
    return response


@router.post("/logout")
async def logout(request: Request, services: Svc, auth: AuthInfo) -> Response:
    """End the session and go back to the sign-in page."""
    if auth.session_secret:
        await run_in_threadpool(
            services.accounts.logout, auth.session_secret, origin_of(request.scope)
        )
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
