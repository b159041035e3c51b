"""FastAPI dependencies as ``Annotated`` aliases, so routes read like their signatures.

==================  =======================================================================
alias               what the route gets
==================  =======================================================================
``CurrentActor``    the signed-in :class:`~careweave.services.accounts.access.Actor`; without one the
                    API answers 401 and a page redirects to ``/login?next=...``
``OptionalActor``   the actor or ``None`` (pages that also work signed out)
``AuthInfo``        the :class:`~careweave.adapters.web.security.Auth` (actor, CSRF token, ...)
``Svc``             every service: the :class:`~careweave.bootstrap.Services` the composition
                    root built (``services.people``, ``services.plans``, ...)
``ClockDep``        the one :class:`~careweave.clock.Clock` (what "today" and "now" are)
``SettingsDep``     the :class:`~careweave.config.Settings`
``Templates``       the :class:`~fastapi.templating.Jinja2Templates`
``Page``            ``limit`` and ``offset`` query parameters, checked
==================  =======================================================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.templating import Jinja2Templates

from careweave.adapters.web.security import Auth
from careweave.bootstrap import Services
from careweave.clock import Clock
from careweave.config import Settings
from careweave.domain.accounts.users import NotAuthenticatedError, Role
from careweave.services.accounts.access import Actor, require_role

MAX_PAGE = 200
DEFAULT_PAGE = 50

# Declared so /openapi.json shows the bearer scheme; the middleware does the real checking.
_bearer = HTTPBearer(auto_error=False, description="An API token from POST /api/tokens")


def get_auth(request: Request) -> Auth:
    """The authentication the middleware resolved for this request."""
    auth = getattr(request.state, "auth", None)
    return auth if isinstance(auth, Auth) else Auth(actor=None, via="none", csrf_token="")


def get_optional_actor(request: Request) -> Actor | None:
    """The signed-in actor, or ``None``."""
    return get_auth(request).actor


def get_actor(
    request: Request,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)] = None,
) -> Actor:
    """The signed-in actor; raises NotAuthenticatedError (401, or redirect for pages)."""
    actor = get_auth(request).actor
    if actor is None:
        raise NotAuthenticatedError("sign in, or send an API token (Authorization: Bearer ...)")
    return actor


def get_services(request: Request) -> Services:
    """The services of the app."""
    services: Services = request.app.state.services
    return services


def get_clock(request: Request) -> Clock:
    """The app's clock (the one its services use)."""
    return get_services(request).clock


def get_settings(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


def get_templates(request: Request) -> Jinja2Templates:
    """The app's templates."""
    templates: Jinja2Templates = request.app.state.templates
    return templates


@dataclass(frozen=True, slots=True)
class Pagination:
    """One page of a listing."""

    limit: int
    offset: int


def get_pagination(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page")] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip")] = 0,
) -> Pagination:
    """``limit`` (1..200, default 50) and ``offset`` (from 0)."""
    return Pagination(limit=limit, offset=offset)


def require_roles(*roles: Role) -> Callable[[Actor], Actor]:
    """A dependency that lets only ``roles`` (and admins) through, else 403.

    Use for whole pages: ``actor: Annotated[Actor, Depends(require_roles(Role.COORDINATOR))]``.
    The services check again; this only gives the page a clean 403 early.
    """

    def dependency(actor: CurrentActor) -> Actor:
        require_role(actor, *roles)
        return actor

    return dependency


AuthInfo = Annotated[Auth, Depends(get_auth)]
CurrentActor = Annotated[Actor, Depends(get_actor)]
OptionalActor = Annotated[Actor | None, Depends(get_optional_actor)]
Svc = Annotated[Services, Depends(get_services)]
ClockDep = Annotated[Clock, Depends(get_clock)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
Templates = Annotated[Jinja2Templates, Depends(get_templates)]
Page = Annotated[Pagination, Depends(get_pagination)]
