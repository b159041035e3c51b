"""Patch map SVG: the projection puts known points where they belong; routes are told apart."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest

from careweave.adapters.web.render.patch_map import (
    LEGEND_WIDTH,
    MapPerson,
    MapRoute,
    Projection,
    patch_outline_points,
    render_patch_map,
)
from careweave.adapters.web.render.svg import SERIES_STYLES
from careweave.domain.values import EARTH_RADIUS_KM, Location
from careweave.domain.workforce.workers import Patch

NS = {"s": "http://www.w3.org/2000/svg"}
CENTRE = Location(52.0, -1.0)
KM_PER_DEG_LAT = EARTH_RADIUS_KM * math.pi / 180


def test_projection_is_equirectangular_around_the_centre() -> None:
    projection = Projection(CENTRE, px_per_km=10, origin_x=100, origin_y=100)
    assert projection.xy(CENTRE) == (100, 100)
    north = Location(52.0 + 1 / KM_PER_DEG_LAT, -1.0)  # 1 km north
    x, y = projection.xy(north)
    assert x == pytest.approx(100)
    assert y == pytest.approx(90)
    east = Location(52.0, -1.0 + 1 / (KM_PER_DEG_LAT * math.cos(math.radians(52))))  # 1 km east
    x, y = projection.xy(east)
    assert x == pytest.approx(110)
    assert y == pytest.approx(100)


def test_projection_agrees_with_haversine_across_a_neighbourhood() -> None:
    projection = Projection(CENTRE, 1, 0, 0)
    a, b = Location(52.01, -1.02), Location(51.99, -0.98)
    (ax, ay), (bx, by) = projection.xy(a), projection.xy(b)
    assert math.hypot(bx - ax, by - ay) == pytest.approx(a.distance_km(b), rel=0.005)


def test_fitting_keeps_every_point_inside_the_margin() -> None:
    points = [Location(52.02, -1.0), Location(51.99, -1.05)]
    projection = Projection.fitting(CENTRE, points, 400, 300)
    for point in points:
        x, y = projection.xy(point)
        assert 24 - 1e-6 <= x <= 376 + 1e-6
        assert 24 - 1e-6 <= y <= 276 + 1e-6
    # the point farthest east-west (3.4 km west) touches the margin: the map uses the room it has
    assert projection.xy(points[1])[0] == pytest.approx(24)


def test_circular_patch_outline_has_its_radius() -> None:
    patch = Patch(centre=CENTRE, radius_km=2.0)
    north, south, east, west = patch_outline_points(patch)
    for point in (north, south, east, west):
        assert CENTRE.distance_km(point) == pytest.approx(2.0, rel=1e-3)
    svg = render_patch_map(patch, [], [], title="t", desc="d", width=LEGEND_WIDTH + 400, height=400)
    circle = ET.fromstring(svg).find(".//s:circle[@class='patch']", NS)
    assert circle is not None
    assert float(circle.attrib["cx"]) == 200
    assert float(circle.attrib["r"]) == pytest.approx(200 - 24, abs=0.2)


def test_map_draws_people_routes_and_legend_with_distinct_dashes() -> None:
    patch = Patch(
        centre=CENTRE,
        polygon=(Location(52.01, -1.01), Location(52.01, -0.99), Location(51.99, -1.0)),
    )
    people = [MapPerson("Mrs Lee", Location(52.005, -1.0), "p1")]
    routes = [
        MapRoute("Asha", (Location(52.005, -1.0), Location(52.0, -1.005)), Location(52.0, -1.0)),
        MapRoute("Ben", (Location(51.995, -1.0),), Location(52.001, -0.995)),
    ]
    svg = render_patch_map(patch, people, routes, title="Patch", desc="Routes")
    root = ET.fromstring(svg)
    assert root.find("s:title", NS).text == "Patch"  # type: ignore[union-attr]
    assert root.find(".//s:polygon[@class='patch']", NS) is not None
    polylines = root.findall(".//s:polyline", NS)
    assert len(polylines) == 2
    assert len(polylines[0].attrib["points"].split()) == 3  # home + two stops
    assert "stroke-dasharray" not in polylines[0].attrib
    assert polylines[1].attrib["stroke-dasharray"] == SERIES_STYLES[1].dash
    assert polylines[0].attrib["stroke"] != polylines[1].attrib["stroke"]
    legend = root.find(".//s:g[@class='legend']", NS)
    assert legend is not None
    texts = [t.text for t in legend.findall("s:text", NS)]
    assert texts == ["Legend", "person at home", "Asha", "Ben"]
    assert root.find(".//s:g[@data-person-id='p1']/s:text", NS).text == "Mrs Lee"  # type: ignore[union-attr]


def test_every_series_style_is_unique() -> None:
    assert len({(s.colour, s.dash) for s in SERIES_STYLES}) == len(SERIES_STYLES)
    assert len({s.dash for s in SERIES_STYLES}) == len(SERIES_STYLES)
