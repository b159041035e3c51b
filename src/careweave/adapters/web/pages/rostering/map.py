"""The map of the team's patch with each worker's route of the day, and the continuity and travel
figures of the week beside it. Drawn on the server: no map tiles, so no care data leaves it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.team_common import parse_day
from careweave.adapters.web.render.patch_map import MapPerson, MapRoute, render_patch_map
from careweave.adapters.web.render.svg import series_style
from careweave.clock import wall_time
from careweave.services.rostering.team_week import monday_of

router = APIRouter(include_in_schema=False)


@router.get("/teams/{team_id}/map")
def patch_map(
    request: Request,
    team_id: str,
    actor: CurrentActor,
    templates: Templates,
    services: Svc,
    clock: ClockDep,
    day: str | None = None,
) -> Response:
    """The patch, the people visited this week, and each worker's route on ``day``."""
    now = wall_time(clock)
    chosen = parse_day("day", day, now.date())
    week = services.team_weeks.team_week(actor, team_id, monday_of(chosen), now)
    worker_days = [week.worker_day(worker, chosen) for worker in week.workers]
    routed = [wd for wd in worker_days if wd.lines]
    routes = [
        MapRoute(
            wd.worker.display_name, tuple(ln.person.location for ln in wd.lines), wd.worker.home
        )
        for wd in routed
    ]
    people = {ln.person.id: ln.person for ln in week.lines}
    points = [MapPerson(p.display_name, p.location, p.id) for p in people.values()]
    title = f"{week.team.name}: patch and routes on {chosen:%A %d %B %Y}"
    desc = (
        f"The patch outline, {len(points)} people visited this week as circles, and "
        f"{len(routes)} workers' routes from home through their visits in order."
    )
    svg = render_patch_map(week.team.patch, points, routes, title=title, desc=desc)
    context = {
        "week": week,
        "day": chosen,
        "svg": svg,
        "title": title,
        "routes": [(wd, series_style(i)) for i, wd in enumerate(routed)],
        "travel": [(w, *week.travel_share(w)) for w in week.workers],
        "continuity": week.continuity(),
    }
    return templates.TemplateResponse(request, "pages/rostering/map.html", context)
