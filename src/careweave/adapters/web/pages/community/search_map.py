"""The search results on a map drawn on the server, as the patch map is: the person's home, how
far they can get, and each result numbered as in the list. No map tiles, so no address leaves
careweave."""

from __future__ import annotations

import math
from collections.abc import Sequence

from careweave.adapters.web.render.patch_map import Projection, scale_bar
from careweave.adapters.web.render.svg import esc, num, svg_open
from careweave.domain.community.matching import Match
from careweave.domain.values import EARTH_RADIUS_KM, Location

LEGEND_WIDTH = 190
PIN = "#0072B2"


def render_search_map(
    matches: Sequence[Match],
    home: Location | None,
    reach_km: float | None,
    *,
    width: int = 760,
    height: int = 480,
) -> str:
    """The map of the results that have a place (numbered from 1 in list order)."""
    placed = [(n, m) for n, m in enumerate(matches, start=1) if m.location.point is not None]
    points = [m.location.point for _, m in placed if m.location.point is not None]
    centre = home or (points[0] if points else None)
    if centre is None:
        return ""
    map_width = width - LEGEND_WIDTH
    reach_points = _reach_points(centre, reach_km) if home and reach_km else []
    projection = Projection.fitting(centre, [*points, *reach_points], map_width, height)
    title = "Where the results are" + (", around the person's home" if home else "")
    desc = (
        f"{len(placed)} results with a place, numbered as in the list"
        + (f"; the dashed circle is {reach_km:g} km from home" if home and reach_km else "")
        + "."
    )
    parts = [
        svg_open(width, height, title, desc, "search-map"),
        f'<rect x="0" y="0" width="{map_width}" height="{height}" fill="#f4f7f2"/>',
        _reach(centre, reach_km, projection) if home and reach_km else "",
        _home(home, projection) if home else "",
        *(_pin(n, m, projection) for n, m in reversed(placed)),
        scale_bar(projection, height),
        _legend(map_width, bool(home)),
        "</svg>",
    ]
    return "".join(parts)


def _reach_points(centre: Location, km: float) -> list[Location]:
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    dlon = dlat / max(math.cos(math.radians(centre.lat)), 0.01)
    return [
        Location(centre.lat + dlat, centre.lon),
        Location(centre.lat - dlat, centre.lon),
        Location(centre.lat, centre.lon + dlon),
        Location(centre.lat, centre.lon - dlon),
    ]


def _reach(centre: Location, km: float | None, projection: Projection) -> str:
    x, y = projection.xy(centre)
    radius = (km or 0) * projection.px_per_km
    return (
        f'<g class="reach"><title>Within {km:g} km of home</title><circle cx="{num(x)}" '
        f'cy="{num(y)}" r="{num(radius)}" fill="#e3eedd" stroke="#3b6e2a" stroke-width="2" '
        'stroke-dasharray="6 3"/></g>'
    )


def _home(home: Location, projection: Projection) -> str:
    x, y = projection.xy(home)
    return (
        f'<g class="home"><title>Home</title><rect x="{num(x - 7)}" y="{num(y - 7)}" width="14" '
        f'height="14" fill="#111"/></g>'
    )


def _pin(number: int, found: Match, projection: Projection) -> str:
    assert found.location.point is not None
    x, y = projection.xy(found.location.point)
    label = f"{number}. {found.service.name}, {found.location.name}"
    return (
        f'<g class="result" data-number="{number}"><title>{esc(label)}</title>'
        f'<circle cx="{num(x)}" cy="{num(y)}" r="10" fill="{PIN}" stroke="#fff" stroke-width="2"/>'
        f'<text x="{num(x)}" y="{num(y + 4)}" fill="#fff" text-anchor="middle" '
        f'font-weight="bold">{number}</text></g>'
    )


def _legend(left: int, with_home: bool) -> str:
    rows = [
        f'<g class="legend"><text x="{left + 10}" y="20" font-weight="bold">Legend</text>',
        f'<circle cx="{left + 24}" cy="42" r="10" fill="{PIN}"/>'
        f'<text x="{left + 24}" y="46" fill="#fff" text-anchor="middle">1</text>'
        f'<text x="{left + 42}" y="46">result, as numbered</text>',
    ]
    if with_home:
        rows.append(
            f'<rect x="{left + 17}" y="61" width="14" height="14" fill="#111"/>'
            f'<text x="{left + 42}" y="72">home</text>'
            f'<line x1="{left + 10}" y1="92" x2="{left + 38}" y2="92" stroke="#3b6e2a" '
            'stroke-width="2" stroke-dasharray="6 3"/>'
            f'<text x="{left + 42}" y="96">how far they can get</text>'
        )
    rows.append("</g>")
    return "".join(rows)
