"""Who is asking, and is the request genuinely theirs.

* **Sessions**: the cookie ``careweave_session`` holds a random secret; the server keeps only its
  digest, with the user and a CSRF token. The cookie is HTTP-only, SameSite=Lax, and Secure when
  ``Settings.cookie_secure`` is set.
* **CSRF**: every unsafe request (POST, PUT, PATCH, DELETE) made with the session cookie must carry
  the session's CSRF token, either as the form field ``csrf_token`` or in the header
  ``X-CSRF-Token`` (HTMX sends it from ``hx-headers`` on ``<body>``). Before sign-in, the login
  form is protected the same way with a token in the cookie ``careweave_csrf`` (double submit).
* **API tokens**: machine clients send ``Authorization: Bearer <token>``; no cookie, no CSRF.

:class:`AuthMiddleware` resolves this once per request and leaves an :class:`Auth` in
``request.state.auth``; the dependencies in :mod:`.deps` read it.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Literal

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from careweave.adapters.web.errors import API_PREFIX, JSON_PATHS, error_response
from careweave.services.accounts.access import Actor, Origin
from careweave.services.accounts.accounts import AccountService

SESSION_COOKIE = "careweave_session"
PRE_SESSION_COOKIE = "careweave_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
MAX_FORM_BYTES = 5 * 1024 * 1024
STATIC_PREFIX = "/static/"


@dataclass(frozen=True, slots=True)
class Auth:
    """What the middleware found: the actor (if any), how they proved it, and the CSRF token to
    put in forms (the session's, or the pre-session one on the login page)."""

    actor: Actor | None
    via: Literal["session", "token", "none"]
    csrf_token: str
    session_secret: str | None = None


def origin_of(scope: Scope) -> Origin:
    """Where the request came from (client address and user agent)."""
    request = Request(scope)
    client = request.client.host if request.client else ""
    return Origin(ip=client, user_agent=request.headers.get("user-agent", "")[:300])


def cookie_header(name: str, value: str, *, secure: bool, max_age: int | None = None) -> str:
    """A ``Set-Cookie`` value: HTTP-only, SameSite=Lax, path /, Secure when asked."""
    cookie: SimpleCookie = SimpleCookie()
    cookie[name] = value
    morsel = cookie[name]
    morsel["httponly"] = True
    morsel["samesite"] = "Lax"
    morsel["path"] = "/"
    if secure:
        morsel["secure"] = True
    if max_age is not None:
        morsel["max-age"] = max_age
    return morsel.OutputString()


class AuthMiddleware:
    """Resolve the session or API token and check CSRF on unsafe requests (pure ASGI, so the
    request body can be read for the form field and handed on unchanged)."""

    def __init__(self, app: ASGIApp, *, accounts: AccountService, cookie_secure: bool) -> None:
        self.app = app
        self.accounts = accounts
        self.cookie_secure = cookie_secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(STATIC_PREFIX):
            # Static files are public and need no database look-up for the session.
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        auth, new_pre_session = await self._resolve(request)
        scope.setdefault("state", {})["auth"] = auth
        if request.method not in SAFE_METHODS and auth.via != "token":
            receive, accepted = await self._check_csrf(request, receive, auth)
            if not accepted:
                response = error_response(
                    request,
                    403,
                    "csrf_failed",
                    "this form has expired or did not come from careweave; reload the page "
                    "and try again",
                    field=CSRF_FIELD,
                )
                await response(scope, receive, send)
                return
        if new_pre_session and not request.url.path.startswith(JSON_PATHS):
            # Only pages need the pre-session token (for the login form); API clients get none.
            send = self._setting_cookie(send, auth.csrf_token)
        await self.app(scope, receive, send)

    async def _resolve(self, request: Request) -> tuple[Auth, bool]:
        origin = origin_of(request.scope)
        authorization = request.headers.get("authorization", "")
        scheme, _, credentials = authorization.partition(" ")
        if scheme.lower() == "bearer" and credentials.strip():
            actor = await run_in_threadpool(self.accounts.token_actor, credentials.strip(), origin)
            return Auth(actor=actor, via="token" if actor else "none", csrf_token=""), False
        secret = request.cookies.get(SESSION_COOKIE)
        if secret:
            view = await run_in_threadpool(self.accounts.session, secret, origin)
            if view is not None:
                return Auth(view.actor, "session", view.csrf_token, session_secret=secret), False
        pre_session = request.cookies.get(PRE_SESSION_COOKIE, "")
        if len(pre_session) >= 32:
            return Auth(actor=None, via="none", csrf_token=pre_session), False
        return Auth(actor=None, via="none", csrf_token=secrets.token_urlsafe(32)), True

    async def _check_csrf(
        self, request: Request, receive: Receive, auth: Auth
    ) -> tuple[Receive, bool]:
        """Return a receive that replays the body, and whether the CSRF token matched."""
        if auth.via == "none" and request.url.path.startswith(API_PREFIX):
            # No credentials at all: the API answers 401, there is nothing to forge.
            return receive, True
        sent = request.headers.get(CSRF_HEADER, "")
        content_type = request.headers.get("content-type", "")
        if not sent and content_type.startswith(FORM_TYPES):
            body = await _read_body(receive)
            original = receive
            receive = _replay(body, then=original)
            form = await Request(request.scope, _replay(body, then=original)).form(
                max_part_size=MAX_FORM_BYTES
            )
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else ""
            await form.close()
        expected = auth.csrf_token
        accepted = bool(sent) and bool(expected) and hmac.compare_digest(sent, expected)
        return receive, accepted

    def _setting_cookie(self, send: Send, token: str) -> Send:
        value = cookie_header(PRE_SESSION_COOKIE, token, secure=self.cookie_secure)

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", value)
            await send(message)

        return send_with_cookie


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            break
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, *, then: Receive) -> Receive:
    """A receive that hands out ``body`` once, then waits on ``then`` (for the disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await then()

    return receive
