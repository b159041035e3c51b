"""The server-side GAS charts: accessible SVG, points on the right scale, an empty state."""

from __future__ import annotations

import re
from datetime import date
from xml.etree import ElementTree

from careweave.adapters.web.render.gas_chart import HEIGHT, TOP, goal_chart, t_score_chart

NS = "{http://www.w3.org/2000/svg}"


def test_goal_chart_is_valid_accessible_svg_with_one_point_per_rating() -> None:
    svg = goal_chart(
        "g1",
        "Walk <to> the shop",
        [(date(2026, 1, 1), -2), (date(2026, 1, 15), 0), (date(2026, 2, 1), 2)],
        0,
    )
    root = ElementTree.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{NS}title").text == "Goal: Walk <to> the shop"  # type: ignore[union-attr]
    points = root.findall(f"{NS}circle")
    assert len(points) == 3
    ys = [float(p.get("cy", "0")) for p in points]
    assert ys[0] > ys[1] > ys[2]  # higher levels are drawn higher up
    assert ys[2] == TOP


def test_t_score_chart_marks_50_and_clamps_extremes() -> None:
    svg = t_score_chart([(date(2026, 1, 1), 95.0)])
    root = ElementTree.fromstring(svg)
    assert root.find(f"{NS}line[@class='reference']") is not None
    (point,) = root.findall(f"{NS}circle")
    assert float(point.get("cy", "0")) == TOP
    assert "latest is 95.0" in (root.find(f"{NS}desc").text or "")  # type: ignore[union-attr]


def test_empty_chart_says_so() -> None:
    svg = goal_chart("g1", "x", [], 0)
    assert "No ratings yet" in svg
    assert not re.search(r"<circle", svg)
    assert f'viewBox="0 0 480 {int(HEIGHT)}"' in svg
