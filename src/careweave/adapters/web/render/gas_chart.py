"""Server-side SVG charts of goal attainment: one goal's GAS levels over time, and the plan's
T-score over time. Plain SVG with a title and description; the page shows the same numbers in a
table, so nothing depends on seeing the picture."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from careweave.adapters.web.render.svg import esc, num, series_style, svg_open

WIDTH, HEIGHT = 480.0, 200.0
LEFT, RIGHT, TOP, BOTTOM = 44.0, 16.0, 12.0, 28.0
GAS_TICKS = (-2, -1, 0, 1, 2)
T_TICKS = (20, 30, 40, 50, 60, 70, 80)


def _x(day: date, first: date, last: date) -> float:
    span = max((last - first).days, 1)
    return LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span


def _y(value: float, low: float, high: float) -> float:
    clamped = min(max(value, low), high)
    return TOP + (HEIGHT - TOP - BOTTOM) * (high - clamped) / (high - low)


def line_chart(
    points: Sequence[tuple[date, float]],
    *,
    ticks: Sequence[float],
    ident: str,
    title: str,
    desc: str,
    reference: float | None = None,
    style_index: int = 0,
) -> str:
    """A line chart of ``points`` (day, value) on a fixed vertical scale from ``ticks``.

    ``reference`` draws a dashed line (the expected level 0, or the T-score of 50).
    """
    low, high = float(min(ticks)), float(max(ticks))
    parts = [svg_open(WIDTH, HEIGHT, title, desc, ident)]
    for tick in ticks:
        y = _y(tick, low, high)
        label = f"{tick:+g}" if low < 0 and tick else f"{tick:g}"
        parts.append(
            f'<line x1="{num(LEFT)}" y1="{num(y)}" x2="{num(WIDTH - RIGHT)}" y2="{num(y)}" stroke="#ddd"/>'
            f'<text x="{num(LEFT - 6)}" y="{num(y + 4)}" text-anchor="end">{esc(label)}</text>'
        )
    if reference is not None:
        y = _y(reference, low, high)
        parts.append(
            f'<line class="reference" x1="{num(LEFT)}" y1="{num(y)}" x2="{num(WIDTH - RIGHT)}" '
            f'y2="{num(y)}" stroke="#555" stroke-dasharray="4 3"/>'
        )
    if points:
        parts.append(_series(points, low, high, style_index))
    else:
        parts.append(
            f'<text x="{num(WIDTH / 2)}" y="{num(HEIGHT / 2)}" text-anchor="middle">No ratings yet</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _series(points: Sequence[tuple[date, float]], low: float, high: float, style_index: int) -> str:
    ordered = sorted(points)
    first, last = ordered[0][0], ordered[-1][0]
    coords = [(_x(d, first, last), _y(v, low, high)) for d, v in ordered]
    style = series_style(style_index)
    path = " ".join(f"{num(x)},{num(y)}" for x, y in coords)
    dots = "".join(
        f'<circle class="point" cx="{num(x)}" cy="{num(y)}" r="4" fill="{style.colour}">'
        f"<title>{esc(d.isoformat())}: {esc(f'{v:g}')}</title></circle>"
        for (x, y), (d, v) in zip(coords, ordered, strict=True)
    )
    base = HEIGHT - BOTTOM + 16
    labels = f'<text x="{num(LEFT)}" y="{num(base)}">{esc(first.strftime("%d %b %Y"))}</text>'
    if last != first:
        labels += f'<text x="{num(WIDTH - RIGHT)}" y="{num(base)}" text-anchor="end">{esc(last.strftime("%d %b %Y"))}</text>'
    return f'<polyline class="series" fill="none" {style.stroke_attrs(2.5)} points="{path}"/>{dots}{labels}'


def goal_chart(
    goal_id: str, description: str, points: Sequence[tuple[date, int]], index: int
) -> str:
    """The GAS levels of one goal over time (−2..+2, the expected level 0 dashed)."""
    return line_chart(
        [(d, float(v)) for d, v in points],
        ticks=GAS_TICKS,
        ident=f"goal-{goal_id}",
        title=f"Goal: {description}",
        desc=f"Goal attainment level from -2 to +2 on {len(points)} day(s); 0 is the expected outcome.",
        reference=0,
        style_index=index,
    )


def t_score_chart(points: Sequence[tuple[date, float]]) -> str:
    """The plan's T-score over time (50 = every goal met as expected, dashed)."""
    latest = f" The latest is {points[-1][1]:.1f}." if points else ""
    return line_chart(
        points,
        ticks=T_TICKS,
        ident="t-score",
        title="The plan's goal attainment T-score over time",
        desc=f"T-score on {len(points)} day(s); 50 means every goal was met as expected.{latest}",
        reference=50,
    )
