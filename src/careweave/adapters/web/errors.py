"""One way to answer every error: ``{"error": {"code", "message", "field"}}`` for the JSON API and a
friendly page for people in a browser. No traceback ever reaches a user.

================================  ======  =============================================
error                             status  code
================================  ======  =============================================
DomainValidationError             422     ``validation_error`` (names the field)
request validation (FastAPI)      422     ``validation_error`` (names the field)
NotFoundError                     404     ``not_found``
PermissionDeniedError             403     ``permission_denied``
ConflictError                     409     ``conflict``
NotAuthenticatedError             401     ``not_authenticated`` (pages: redirect to /login)
RateLimitedError                  429     ``rate_limited``
HTTPException (unknown route ...) as is   ``not_found``, ``method_not_allowed``, ...
anything else                     500     ``internal_error`` (logged with its traceback)
================================  ======  =============================================
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from careweave.domain.accounts.users import NotAuthenticatedError, RateLimitedError
from careweave.domain.errors import (
    ConflictError,
    DomainValidationError,
    NotFoundError,
    PermissionDeniedError,
)

logger = logging.getLogger("careweave.web")

API_PREFIX = "/api"
JSON_PATHS = (API_PREFIX, "/health", "/openapi.json", "/openreferral")

HTTP_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
}
TITLES = {
    401: "Please sign in",
    403: "Not allowed",
    404: "Not found",
    409: "Someone else changed this",
    422: "Please check what you entered",
    429: "Too many tries",
    500: "Something went wrong",
}
RECORD_PREFIXES = frozenset({"person", "visit", "worker", "team", "user", "circle_member"})
NOT_FOUND_MESSAGE = "not found, or you do not have access to it"


def wants_json(request: Request) -> bool:
    """True for API clients (``/api``, ``/health``, ``/openreferral``), false for people using
    pages. An app with no templates (the Open Referral API, run alone) can only answer JSON."""
    has_pages = hasattr(request.app.state, "templates")
    return request.url.path.startswith(JSON_PATHS) or not has_pages


def is_htmx(request: Request) -> bool:
    """True when HTMX made the request (it then swaps a fragment, not a whole page)."""
    return request.headers.get("hx-request") == "true"


def error_response(
    request: Request,
    status: int,
    code: str,
    message: str,
    field: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The error as JSON for the API, or as a page (or an HTMX fragment) for a browser."""
    if wants_json(request):
        body = {"error": {"code": code, "message": message, "field": field}}
        return JSONResponse(body, status_code=status, headers=headers)
    templates = request.app.state.templates
    template = "error_fragment.html" if is_htmx(request) else "error.html"
    context = {
        "status": status,
        "title": TITLES.get(status, "Something went wrong"),
        "message": message,
        "field": field,
    }
    return templates.TemplateResponse(  # type: ignore[no-any-return]
        request, template, context, status_code=status, headers=headers
    )


def field_of(location: Sequence[Any]) -> str:
    """The field a FastAPI validation error points at (``("body", "visit", "day")`` -> ``visit.day``)."""
    parts = [str(part) for part in location if not isinstance(part, int)]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie", "form"):
        parts = parts[1:]
    return ".".join(parts) or "body"


def _request_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {"loc": ("body",), "msg": "is not valid"}
    field = field_of(first.get("loc", ("body",)))
    message = str(first.get("msg", "is not valid"))
    if first.get("type") == "json_invalid":
        field, message = "body", "is not valid JSON"
    more = len(errors) - 1
    if more > 0:
        message = f"{message} (and {more} more problem{'s' if more > 1 else ''})"
    return error_response(request, 422, "validation_error", f"{field}: {message}", field)


def _domain_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainValidationError)
    head, _, rest = exc.field.partition(".")
    # The domain says "person.postcode"; the API's body field is "postcode".
    field = rest if rest and head in RECORD_PREFIXES else exc.field
    return error_response(request, 422, "validation_error", f"{exc.field}: {exc.message}", field)


def _not_found(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotFoundError)
    # Say the same whether the record is missing or hidden, so outsiders learn nothing.
    return error_response(request, 404, "not_found", f"{exc.kind} {NOT_FOUND_MESSAGE}")


def _permission_denied(request: Request, exc: Exception) -> Response:
    message = str(exc) or "you are not allowed to do this"
    return error_response(request, 403, "permission_denied", message)


def _conflict(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ConflictError)
    return error_response(request, 409, "conflict", exc.message, exc.field)


def _rate_limited(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RateLimitedError)
    headers = {"Retry-After": str(exc.retry_after)}
    return error_response(request, 429, "rate_limited", exc.message, headers=headers)


def _not_authenticated(request: Request, exc: Exception) -> Response:
    if wants_json(request):
        message = str(exc) or "sign in or send an API token (Authorization: Bearer ...)"
        headers = {"WWW-Authenticate": "Bearer"}
        return error_response(request, 401, "not_authenticated", message, headers=headers)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    login = f"/login?next={quote(target, safe='')}"
    if is_htmx(request):
        return Response(status_code=401, headers={"HX-Redirect": login})
    return RedirectResponse(login, status_code=303)


def _http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = HTTP_CODES.get(status, "error")
    message = NOT_FOUND_MESSAGE if status == 404 else str(exc.detail)
    return error_response(request, status, code, message, headers=exc.headers)


def _unexpected(request: Request, exc: Exception) -> Response:
    logger.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(
        request,
        500,
        "internal_error",
        "something went wrong on our side; it has been logged. Please try again.",
    )


def install_error_handlers(app: FastAPI) -> None:
    """Register every handler on ``app``."""
    app.add_exception_handler(RequestValidationError, _request_validation)
    app.add_exception_handler(DomainValidationError, _domain_validation)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(PermissionDeniedError, _permission_denied)
    app.add_exception_handler(ConflictError, _conflict)
    app.add_exception_handler(RateLimitedError, _rate_limited)
    app.add_exception_handler(NotAuthenticatedError, _not_authenticated)
    app.add_exception_handler(StarletteHTTPException, _http_exception)
    app.add_exception_handler(Exception, _unexpected)
