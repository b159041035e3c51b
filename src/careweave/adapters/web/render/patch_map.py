"""A map of a team's patch as server-side SVG: the patch outline, people as points, and each worker's
route of the day as a polyline.

No map tiles: care data stays on the server, so positions are projected locally with an
equirectangular projection around the patch centre (accurate to well under 1 % across a
neighbourhood). Each route has its own colour *and* dash pattern, repeated in the legend.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from careweave.adapters.web.render.svg import esc, num, series_style, svg_open
from careweave.domain.values import EARTH_RADIUS_KM, Location
from careweave.domain.workforce.workers import Patch

LEGEND_WIDTH = 210
LEGEND_ROW = 22
MARGIN = 24


@dataclass(frozen=True, slots=True)
class Projection:
    """Equirectangular projection: kilometres east and north of ``centre``, scaled to pixels."""

    centre: Location
    px_per_km: float
    origin_x: float
    origin_y: float

    def km(self, point: Location) -> tuple[float, float]:
        """Kilometres east and north of the centre."""
        east = (
            EARTH_RADIUS_KM
            * math.radians(point.lon - self.centre.lon)
            * math.cos(math.radians(self.centre.lat))
        )
        north = EARTH_RADIUS_KM * math.radians(point.lat - self.centre.lat)
        return east, north

    def xy(self, point: Location) -> tuple[float, float]:
        """Pixel position of ``point`` (y grows downwards, so north is up)."""
        east, north = self.km(point)
        return self.origin_x + east * self.px_per_km, self.origin_y - north * self.px_per_km

    @classmethod
    def fitting(
        cls, centre: Location, points: Iterable[Location], width: float, height: float
    ) -> Projection:
        """The projection centred on ``centre`` whose scale keeps every point inside the box."""
        probe = cls(centre, 1.0, 0.0, 0.0)
        reach_east = reach_north = 0.1  # km; never divide by zero for a single point
        for point in points:
            east, north = probe.km(point)
            reach_east = max(reach_east, abs(east))
            reach_north = max(reach_north, abs(north))
        scale = min((width / 2 - MARGIN) / reach_east, (height / 2 - MARGIN) / reach_north)
        return cls(centre, scale, width / 2, height / 2)


@dataclass(frozen=True, slots=True)
class MapPerson:
    """A person at home, labelled on the map."""

    label: str
    location: Location
    key: str = ""


@dataclass(frozen=True, slots=True)
class MapRoute:
    """A worker's day: from ``start`` (home) through ``stops`` in visiting order."""

    label: str
    stops: tuple[Location, ...]
    start: Location | None = None

    @property
    def points(self) -> tuple[Location, ...]:
        """Every point of the route in order."""
        return ((self.start,) if self.start else ()) + self.stops


def patch_outline_points(patch: Patch) -> tuple[Location, ...]:
    """Points on the patch boundary (its corners, or the compass points of its circle)."""
    if patch.polygon:
        return patch.polygon
    dlat = math.degrees(patch.radius_km / EARTH_RADIUS_KM)
    dlon = dlat / math.cos(math.radians(patch.centre.lat))
    c = patch.centre
    return (
        Location(c.lat + dlat, c.lon),
        Location(c.lat - dlat, c.lon),
        Location(c.lat, c.lon + dlon),
        Location(c.lat, c.lon - dlon),
    )


def render_patch_map(
    patch: Patch,
    people: Sequence[MapPerson],
    routes: Sequence[MapRoute],
    *,
    title: str,
    desc: str,
    width: int = 760,
    height: int = 520,
    ident: str = "patch-map",
) -> str:
    """The patch map with a legend on the right."""
    map_width = width - LEGEND_WIDTH
    everything = [*patch_outline_points(patch), *(p.location for p in people)]
    everything += [point for route in routes for point in route.points]
    projection = Projection.fitting(patch.centre, everything, map_width, height)
    parts = [
        svg_open(width, height, title, desc, ident),
        f'<rect x="0" y="0" width="{map_width}" height="{height}" fill="#f4f7f2"/>',
        _outline(patch, projection),
        *(_route(route, index, projection) for index, route in enumerate(routes)),
        *(_person(person, projection) for person in people),
        scale_bar(projection, height),
        _legend(routes, map_width),
        "</svg>",
    ]
    return "".join(parts)


def _outline(patch: Patch, projection: Projection) -> str:
    style = 'fill="#e3eedd" stroke="#3b6e2a" stroke-width="2" stroke-dasharray="6 3"'
    if patch.polygon:
        corners = " ".join(_xy(projection, corner) for corner in patch.polygon)
        shape = f'<polygon class="patch" points="{corners}" {style}/>'
    else:
        x, y = projection.xy(patch.centre)
        radius = patch.radius_km * projection.px_per_km
        shape = f'<circle class="patch" cx="{num(x)}" cy="{num(y)}" r="{num(radius)}" {style}/>'
    return f"<g><title>The team's patch</title>{shape}</g>"


def _route(route: MapRoute, index: int, projection: Projection) -> str:
    points = route.points
    if len(points) < 2:
        return ""
    style = series_style(index)
    line = " ".join(_xy(projection, point) for point in points)
    home = ""
    if route.start is not None:
        x, y = projection.xy(route.start)
        home = (
            f'<rect x="{num(x - 5)}" y="{num(y - 5)}" width="10" height="10" '
            f'fill="{style.colour}"><title>{esc(route.label)}: start</title></rect>'
        )
    return (
        f'<g class="route" data-route="{index}"><title>{esc(route.label)}\'s route, '
        f"{len(route.stops)} visit(s)</title>"
        f'<polyline points="{line}" fill="none" {style.stroke_attrs()} '
        f'stroke-linejoin="round" stroke-linecap="round"/>{home}</g>'
    )


def _person(person: MapPerson, projection: Projection) -> str:
    x, y = projection.xy(person.location)
    return (
        f'<g class="person" data-person-id="{esc(person.key)}"><title>{esc(person.label)}</title>'
        f'<circle cx="{num(x)}" cy="{num(y)}" r="5" fill="#ffffff" stroke="#111" stroke-width="2"/>'
        f'<text x="{num(x + 7)}" y="{num(y - 6)}" fill="#111">{esc(person.label)}</text></g>'
    )


def scale_bar(projection: Projection, height: int) -> str:
    """A scale bar of a round length in the bottom left corner."""
    km = _nice_length(120 / projection.px_per_km)
    length = km * projection.px_per_km
    y = height - 12
    label = f"{km:g} km" if km >= 1 else f"{km * 1000:g} m"
    return (
        f'<g class="scale"><line x1="12" y1="{y}" x2="{num(12 + length)}" y2="{y}" '
        f'stroke="#111" stroke-width="2"/><text x="12" y="{y - 5}">{label}</text></g>'
    )


def _nice_length(km: float) -> float:
    """The largest 1, 2 or 5 times a power of ten not above ``km``."""
    power = 10.0 ** math.floor(math.log10(km))
    return max(step * power for step in (1, 2, 5) if step * power <= km)


def _legend(routes: Sequence[MapRoute], left: int) -> str:
    rows = [
        f'<g class="legend"><text x="{left + 10}" y="20" font-weight="bold">Legend</text>',
        f'<circle cx="{left + 24}" cy="{20 + LEGEND_ROW}" r="5" fill="#fff" stroke="#111" '
        f'stroke-width="2"/><text x="{left + 44}" y="{24 + LEGEND_ROW}">person at home</text>',
    ]
    for index, route in enumerate(routes):
        y = 20 + LEGEND_ROW * (index + 2)
        rows.append(
            f'<line x1="{left + 10}" y1="{y}" x2="{left + 38}" y2="{y}" '
            f"{series_style(index).stroke_attrs()}/>"
            f'<text x="{left + 44}" y="{y + 4}">{esc(route.label)}</text>'
        )
    rows.append("</g>")
    return "".join(rows)


def _xy(projection: Projection, point: Location) -> str:
    x, y = projection.xy(point)
    return f"{num(x)},{num(y)}"
