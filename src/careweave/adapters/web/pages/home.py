"""The home page: where each role starts."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from careweave.adapters.web.deps import CurrentActor, Templates

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(request: Request, actor: CurrentActor, templates: Templates) -> Response:
    """The signed-in user's start page (signed-out visitors are sent to /login)."""
    return templates.TemplateResponse(request, "home.html", {"user": actor})
