"""Roster timeline SVG: bars land where their minutes say, and every bar can be read without colour."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from careweave.adapters.web.render.timeline import (
    HEADER_HEIGHT,
    LABEL_WIDTH,
    ROW_HEIGHT,
    BarStatus,
    TimeAxis,
    TimelineBar,
    TimelineRow,
    axis_bounds,
    fit_label,
    render_day_timeline,
    render_week_timeline,
)

NS = {"s": "http://www.w3.org/2000/svg"}


def _bars(svg: str) -> list[ET.Element]:
    return ET.fromstring(svg).findall(".//s:g[@class]", NS)


def _rect_of(svg: str, visit_id: str) -> dict[str, float]:
    root = ET.fromstring(svg)
    group = root.find(f".//s:g[@data-visit-id='{visit_id}']", NS)
    assert group is not None
    rect = group.find("s:rect", NS)
    assert rect is not None
    return {k: float(rect.attrib[k]) for k in ("x", "y", "width", "height")}


ROWS = (
    TimelineRow(
        "Asha Patel",
        (
            TimelineBar(6 * 60, 6 * 60 + 60, "Mrs Lee", "Mrs Lee 06:00-07:00", key="v1"),
            TimelineBar(
                14 * 60, 15 * 60, "Mr Khan", "Mr Khan", BarStatus.LATE, key="v2", href="/v/2"
            ),
        ),
        key="w1",
    ),
    TimelineRow("Ben Ortiz", (TimelineBar(22 * 60 - 15, 22 * 60, "Ann", "Ann", key="v3"),), "w2"),
)


def test_day_bars_are_placed_by_minutes_on_a_6_to_22_axis() -> None:
    svg = render_day_timeline(ROWS, title="Team day", desc="Who visits whom", width=970)
    plot = 970 - LABEL_WIDTH - 10  # 810 px for 16 hours
    first = _rect_of(svg, "v1")
    assert first["x"] == pytest.approx(LABEL_WIDTH)
    assert first["width"] == pytest.approx(plot / 16, abs=0.1)
    second = _rect_of(svg, "v2")
    assert second["x"] == pytest.approx(LABEL_WIDTH + plot * 8 / 16, abs=0.1)
    third = _rect_of(svg, "v3")
    assert third["y"] == pytest.approx(HEADER_HEIGHT + ROW_HEIGHT + 5)
    assert third["x"] + third["width"] == pytest.approx(LABEL_WIDTH + plot, abs=0.2)


def test_axis_widens_to_whole_hours_around_early_and_late_visits() -> None:
    rows = (TimelineRow("W", (TimelineBar(5 * 60 + 30, 23 * 60 + 10, "x", "x"),)),)
    assert axis_bounds(rows) == (5 * 60, 24 * 60)
    assert axis_bounds(()) == (6 * 60, 22 * 60)


def test_day_timeline_is_accessible_svg() -> None:
    svg = render_day_timeline(ROWS, title="Team <day>", desc="Who & when")
    root = ET.fromstring(svg)
    assert root.attrib["role"] == "group"  # it holds links
    plain = ET.fromstring(render_day_timeline((), title="t", desc="d"))
    assert plain.attrib["role"] == "img"
    assert root.find("s:title", NS).text == "Team <day>"  # type: ignore[union-attr]
    assert root.find("s:desc", NS).text == "Who & when"  # type: ignore[union-attr]
    late = root.find(".//s:g[@data-visit-id='v2']", NS)
    assert late is not None
    # status in words and in a glyph, not colour alone
    assert late.find("s:title", NS).text == "Mr Khan (late)"  # type: ignore[union-attr]
    assert late.find("s:text", NS).text.startswith("! ")  # type: ignore[union-attr]
    assert root.find(".//s:a[@href='/v/2']", NS) is not None
    assert "Asha Patel" in svg
    assert 'data-worker-id="w1"' in svg


def test_week_bars_go_in_their_day_column() -> None:
    rows = (
        TimelineRow(
            "W",
            (
                TimelineBar(6 * 60, 7 * 60, "a", "a", day_index=0, key="mon"),
                TimelineBar(6 * 60, 7 * 60, "b", "b", day_index=3, key="thu"),
            ),
        ),
    )
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    svg = render_week_timeline(rows, days, title="Week", desc="d", width=LABEL_WIDTH + 10 + 700)
    assert _rect_of(svg, "mon")["x"] == pytest.approx(LABEL_WIDTH)
    assert _rect_of(svg, "thu")["x"] == pytest.approx(LABEL_WIDTH + 300)
    assert _rect_of(svg, "thu")["width"] == pytest.approx(100 / 16, abs=0.1)
    assert all(day in svg for day in days)


def test_time_axis_maps_minutes_linearly_per_column() -> None:
    axis = TimeAxis(start=360, end=1320, left=100, width=960)
    assert axis.x(360) == 100
    assert axis.x(840) == 580
    assert axis.x(360, column=2) == 100 + 2 * 960


def test_long_labels_are_shortened_to_fit() -> None:
    assert fit_label("Mrs Lee", 100) == "Mrs Lee"
    assert fit_label("Margaret Worthington-Smythe", 66) == "Margaret…"


def test_day_timeline_can_keep_a_readable_width() -> None:
    svg = render_day_timeline(ROWS, title="t", desc="d", hour_px=100)
    root = ET.fromstring(svg)
    assert root.attrib["width"] == str(LABEL_WIDTH + 10 + 16 * 100)
    first = _rect_of(svg, "v1")
    assert first["width"] == pytest.approx(100)
    labels = [t.text for t in root.findall(".//s:g[@data-visit-id='v3']/s:text", NS)]
    assert labels == []  # 15 minutes is 25 px: too narrow for a label; its title still names it
