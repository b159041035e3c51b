"""Roster timelines as server-side SVG: one row per worker, a bar per visit, for a day or a week.

Every bar has a text label or a ``<title>``, and its status is shown by a glyph and an outline
pattern as well as its colour. The page puts the same data in a table beside it for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from careweave.adapters.web.render.svg import esc, num, svg_open

LABEL_WIDTH = 150
ROW_HEIGHT = 34
HEADER_HEIGHT = 30
BAR_INSET = 5
MIN_BAR_WIDTH = 3
# Wide enough for a short label like "Mrs Lee" in 12 px text.
MIN_LABELLED_BAR_WIDTH = 44
# Average advance of a 12 px sans-serif character, to shorten labels that would spill out of a bar.
CHAR_WIDTH = 6.6
DEFAULT_AXIS = (6 * 60, 22 * 60)


class BarStatus(StrEnum):
    """What a bar shows about its visit."""

    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    LATE = "late"
    MISSED = "missed"
    UNASSIGNED = "unassigned"


@dataclass(frozen=True, slots=True)
class _BarLook:
    fill: str
    stroke: str
    dash: str
    glyph: str
    text_colour: str


_LOOKS: dict[BarStatus, _BarLook] = {
    BarStatus.ASSIGNED: _BarLook("#cfe3f5", "#0b4f8a", "", "", "#0b2540"),
    BarStatus.IN_PROGRESS: _BarLook("#c9ecd9", "#006644", "6 3", "▶ ", "#0b2e1f"),
    BarStatus.DONE: _BarLook("#e4e4e4", "#555555", "", "✓ ", "#222222"),
    BarStatus.LATE: _BarLook("#ffe1b3", "#8a4b00", "3 2", "! ", "#3d2100"),
    BarStatus.MISSED: _BarLook("#ffd0d0", "#a00000", "1 2", "✕ ", "#4a0000"),
    BarStatus.UNASSIGNED: _BarLook("#ffffff", "#444444", "4 4", "? ", "#222222"),
}

STATUS_WORDS: dict[BarStatus, str] = {
    BarStatus.ASSIGNED: "planned",
    BarStatus.IN_PROGRESS: "in progress",
    BarStatus.DONE: "done",
    BarStatus.LATE: "late",
    BarStatus.MISSED: "missed",
    BarStatus.UNASSIGNED: "not assigned",
}


@dataclass(frozen=True, slots=True)
class TimelineBar:
    """One visit on a row: minutes since midnight, a short label and a longer description."""

    start: int
    end: int
    label: str
    detail: str
    status: BarStatus = BarStatus.ASSIGNED
    day_index: int = 0
    key: str = ""
    href: str = ""


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """A worker's row (``key`` is the worker id; empty for the unassigned row)."""

    label: str
    bars: tuple[TimelineBar, ...]
    key: str = ""


@dataclass(frozen=True, slots=True)
class TimeAxis:
    """Maps minutes of a day to x positions inside one column of the plot."""

    start: int
    end: int
    left: float
    width: float

    def x(self, minute: int, column: int = 0) -> float:
        """The x position of ``minute`` in day column ``column``."""
        return self.left + column * self.width + (minute - self.start) / self.span * self.width

    @property
    def span(self) -> int:
        """Minutes the axis covers."""
        return self.end - self.start


def axis_bounds(
    rows: Sequence[TimelineRow], default: tuple[int, int] = DEFAULT_AXIS
) -> tuple[int, int]:
    """Whole hours from ``default`` widened to include every bar."""
    starts = [b.start for r in rows for b in r.bars] or [default[0]]
    ends = [b.end for r in rows for b in r.bars] or [default[1]]
    low = min(default[0], min(starts) // 60 * 60)
    high = max(default[1], -(-max(ends) // 60) * 60)
    return low, min(high, 24 * 60)


def render_day_timeline(
    rows: Sequence[TimelineRow],
    *,
    title: str,
    desc: str,
    width: int = 960,
    ident: str = "tl-day",
    hour_px: int | None = None,
) -> str:
    """A day timeline: hours across, one row per worker, one bar per visit.

    With ``hour_px`` the picture is as wide as the hours need (so a 30-minute visit is wide enough
    to carry its label) and keeps that width; otherwise it is ``width`` wide, scaled to fit.
    """
    start, end = axis_bounds(rows)
    if hour_px is not None:
        width = LABEL_WIDTH + 10 + (end - start) * hour_px // 60
    axis = TimeAxis(start, end, LABEL_WIDTH, width - LABEL_WIDTH - 10)
    height = HEADER_HEIGHT + ROW_HEIGHT * max(len(rows), 1) + 6
    opening = svg_open(
        width, height, title, desc, ident, interactive=_linked(rows), fit=hour_px is None
    )
    parts = [opening]
    parts.append(_hour_ticks(axis, height, 0))
    parts += _rows(rows, axis, width, labelled=True)
    parts.append("</svg>")
    return "".join(parts)


def render_week_timeline(
    rows: Sequence[TimelineRow],
    day_labels: Sequence[str],
    *,
    title: str,
    desc: str,
    width: int = 1120,
    ident: str = "tl-week",
) -> str:
    """A week timeline: one column per day (each with its own hours), one row per worker."""
    start, end = axis_bounds(rows)
    columns = max(len(day_labels), 1)
    axis = TimeAxis(start, end, LABEL_WIDTH, (width - LABEL_WIDTH - 10) / columns)
    height = HEADER_HEIGHT + ROW_HEIGHT * max(len(rows), 1) + 6
    parts = [svg_open(width, height, title, desc, ident, interactive=_linked(rows))]
    for column, day_label in enumerate(day_labels):
        left = axis.x(start, column)
        parts.append(
            f'<line x1="{num(left)}" y1="0" x2="{num(left)}" y2="{num(height)}" stroke="#999"/>'
            f'<text x="{num(left + 4)}" y="18" font-weight="bold">{esc(day_label)}</text>'
        )
    parts += _rows(rows, axis, width, labelled=False)
    parts.append("</svg>")
    return "".join(parts)


def _linked(rows: Sequence[TimelineRow]) -> bool:
    return any(bar.href for row in rows for bar in row.bars)


def _hour_ticks(axis: TimeAxis, height: float, column: int) -> str:
    ticks = []
    step = 60 if axis.span <= 18 * 60 else 120
    for minute in range(axis.start, axis.end + 1, step):
        x = num(axis.x(minute, column))
        ticks.append(
            f'<line x1="{x}" y1="{HEADER_HEIGHT - 6}" x2="{x}" y2="{num(height)}" stroke="#ddd"/>'
            f'<text x="{x}" y="{HEADER_HEIGHT - 10}" text-anchor="middle" fill="#333">'
            f"{minute // 60:02d}:00</text>"
        )
    return "".join(ticks)


def _rows(rows: Sequence[TimelineRow], axis: TimeAxis, width: int, *, labelled: bool) -> list[str]:
    parts = []
    for index, row in enumerate(rows):
        top = HEADER_HEIGHT + index * ROW_HEIGHT
        shade = "#f6f8fa" if index % 2 else "#ffffff"
        parts.append(
            f'<g class="tl-row" data-worker-id="{esc(row.key)}">'
            f'<rect x="0" y="{top}" width="{width}" height="{ROW_HEIGHT}" fill="{shade}"/>'
            f'<text x="6" y="{top + ROW_HEIGHT / 2 + 4:.0f}" fill="#111">{esc(row.label)}</text>'
        )
        parts += [_bar(bar, axis, top, labelled=labelled) for bar in row.bars]
        parts.append("</g>")
    return parts


def _bar(bar: TimelineBar, axis: TimeAxis, top: int, *, labelled: bool) -> str:
    look = _LOOKS[bar.status]
    x = axis.x(bar.start, bar.day_index)
    bar_width = max(axis.x(bar.end, bar.day_index) - x, MIN_BAR_WIDTH)
    height = ROW_HEIGHT - 2 * BAR_INSET
    dash = f' stroke-dasharray="{look.dash}"' if look.dash else ""
    words = f"{bar.detail} ({STATUS_WORDS[bar.status]})"
    shape = (
        f'<rect x="{num(x)}" y="{top + BAR_INSET}" width="{num(bar_width)}" height="{height}" '
        f'rx="3" fill="{look.fill}" stroke="{look.stroke}" stroke-width="1.5"{dash}/>'
    )
    text = ""
    if labelled and bar_width >= MIN_LABELLED_BAR_WIDTH:
        text = (
            f'<text x="{num(x + 4)}" y="{top + ROW_HEIGHT / 2 + 4:.0f}" fill="{look.text_colour}">'
            f"{esc(fit_label(look.glyph + bar.label, bar_width - 8))}</text>"
        )
    body = (
        f'<g class="tl-bar tl-{bar.status.value}" data-visit-id="{esc(bar.key)}">'
        f"<title>{esc(words)}</title>{shape}{text}</g>"
    )
    if bar.href:
        # The link takes its accessible name from its title (the full words), not an aria-label
        # that would differ from the shortened visible text.
        return f'<a href="{esc(bar.href)}"><title>{esc(words)}</title>{body}</a>'
    return body


def fit_label(label: str, room: float) -> str:
    """``label`` shortened with an ellipsis so it fits in ``room`` pixels of 12 px text."""
    fits = int(room // CHAR_WIDTH)
    if len(label) <= fits:
        return label
    return label[: max(fits - 1, 1)].rstrip() + "…"
