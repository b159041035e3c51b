"""Jinja2 templates: every page gets ``actor``, ``csrf_token`` and ``static_url`` without asking,
the ``london`` filter shows an instant as a person in England reads it, and ``minutes`` a count
of minutes in words ("1 minute", "5 minutes")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from starlette.requests import Request

from careweave.adapters.web.navigation import links_for
from careweave.adapters.web.render.visit_status import status_badge
from careweave.clock import in_london
from careweave.domain.accounts.users import ROLE_TITLES
from careweave.domain.values import minutes_words

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"
HTMX_FILE = "vendor/htmx-2.0.11.min.js"


def _auth_context(request: Request) -> dict[str, Any]:
    auth = getattr(request.state, "auth", None)
    return {
        "actor": auth.actor if auth else None,
        "csrf_token": auth.csrf_token if auth else "",
        "role_titles": ROLE_TITLES,
        "htmx_file": HTMX_FILE,
        "nav_links": links_for(auth.actor if auth else None),
    }


def make_templates() -> Jinja2Templates:
    """The template set of the app (autoescaped; undefined variables fail loudly in tests)."""
    templates = Jinja2Templates(directory=TEMPLATES_DIR, context_processors=[_auth_context])
    templates.env.trim_blocks = True
    templates.env.lstrip_blocks = True
    # For _team_macros.html, whose macros are imported without the page's context.
    templates.env.globals["status_badge"] = status_badge
    templates.env.filters["london"] = in_london
    templates.env.filters["minutes"] = minutes_words
    return templates
