"""The "Your calendar" page, where a care worker or family member makes and stops the secret link
of their calendar feed, and the feed itself, which calendar apps read without signing in.

The link is shown once, on the page that made it: only its digest is stored, so it cannot be
shown again (making a new one stops the old). An unknown or stopped link gets a bare 404, the
same for both, with nothing that says why.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from careweave.adapters.ical.calendar_feed import MEDIA_TYPE, feed_to_ical
from careweave.adapters.web.deps import CurrentActor, Svc, Templates
from careweave.adapters.web.security import origin_of
from careweave.domain.errors import NotFoundError
from careweave.domain.rostering.calendar_feed import DAYS_AHEAD, DAYS_BACK, FeedKind
from careweave.services.rostering.calendar_feeds import FeedLink, NewFeedLink

router = APIRouter(include_in_schema=False)

PAGE = "/calendar"
FEED_ROUTE = "calendar_feed"
# The feed holds personal data: no shared cache may keep it.
FEED_HEADERS = {
    "Cache-Control": "private, no-store",
    "Content-Disposition": 'inline; filename="careweave.ics"',
}


@router.get(PAGE)
def calendar_page(
    request: Request,
    actor: CurrentActor,
    templates: Templates,
    services: Svc,
    stopped: str | None = None,
) -> Response:
    """Whether the signed-in user has a live link, and how to make, use and stop one."""
    link = services.calendar_feeds.link(actor)
    return _page(request, templates, link, None, stopped=stopped is not None)


@router.post(f"{PAGE}/link")
def make_link(
    request: Request, actor: CurrentActor, templates: Templates, services: Svc
) -> Response:
    """Make a new secret link (stopping any old one) and show it, this once."""
    made = services.calendar_feeds.create_link(actor)
    return _page(request, templates, FeedLink(made.kind, made.token), made, stopped=False)


@router.post(f"{PAGE}/stop")
def stop_link(actor: CurrentActor, services: Svc) -> Response:
    """Stop the link: calendar apps that use it get nothing more."""
    services.calendar_feeds.revoke_link(actor)
    return RedirectResponse(f"{PAGE}?stopped=1", status_code=303)


@router.get(f"{PAGE}/feed/{{token}}.ics", name=FEED_ROUTE)
async def calendar_feed(request: Request, token: str, services: Svc) -> Response:
    """The feed behind a secret link, as ``text/calendar`` (no session: calendar apps read it)."""
    try:
        feed = await run_in_threadpool(
            services.calendar_feeds.feed, token, origin_of(request.scope)
        )
    except NotFoundError:
        return Response("Not found\n", status_code=404, media_type="text/plain")
    return Response(feed_to_ical(feed), media_type=MEDIA_TYPE, headers=FEED_HEADERS)


def _page(
    request: Request,
    templates: Templates,
    link: FeedLink,
    made: NewFeedLink | None,
    *,
    stopped: bool,
) -> Response:
    url = str(request.url_for(FEED_ROUTE, token=made.secret)) if made else ""
    context = {
        "is_family": link.kind is FeedKind.FAMILY,
        "token": link.token,
        "feed_url": url,
        "webcal_url": url.replace("https://", "webcal://").replace("http://", "webcal://"),
        "stopped": stopped,
        "days_back": DAYS_BACK,
        "weeks_ahead": DAYS_AHEAD // 7,
    }
    return templates.TemplateResponse(request, "pages/rostering/calendar.html", context)
