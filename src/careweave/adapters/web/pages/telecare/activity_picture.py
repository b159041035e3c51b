"""The day-by-hour picture of a person's last weeks, drawn as SVG on the server: one row per day,
one column per hour. A cell's colour is the room where most happened (Okabe-Ito, each room also
named in the cell's tooltip and the legend), its strength how much happened; hours in bed are
hatched. The page beside it has the same days as a table, so nothing depends on seeing colour."""

from __future__ import annotations

from careweave.adapters.web.render.svg import esc, num, series_style, svg_open
from careweave.domain.telecare.activity import ActivityGrid, HourCell
from careweave.domain.telecare.home import HOURS

CELL_W, CELL_H = 22.0, 16.0
LEFT, TOP, GAP = 84.0, 22.0, 1.0
LEGEND_ROW = 20.0
EMPTY = "#f2f2f2"
MAX_ROOMS = 7
ASLEEP_PATTERN = (
    '<defs><pattern id="asleep" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#1f2a44"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#9fb3d9" stroke-width="2"/></pattern></defs>'
)


def activity_svg(grid: ActivityGrid, person_name: str, ident: str = "activity") -> str:
    """The picture of ``grid`` for ``person_name``."""
    colours = {room: series_style(i).colour for i, room in enumerate(grid.rooms[:MAX_ROOMS])}
    legend_rows = 1 + (len(colours) + 2) // 4
    width = LEFT + HOURS * CELL_W + 8
    height = TOP + len(grid.days) * CELL_H + 12 + legend_rows * LEGEND_ROW
    title = f"{person_name}: activity by hour, last {len(grid.days)} days"
    desc = (
        "One row per day, oldest at the top; one column per hour. Coloured cells show the room "
        "with most activity, stronger for more; hatched cells are hours in bed."
    )
    parts = [svg_open(width, height, title, desc, ident), ASLEEP_PATTERN]
    for hour in range(0, HOURS, 3):
        x = LEFT + hour * CELL_W
        parts.append(f'<text x="{num(x)}" y="{num(TOP - 8)}">{hour:02d}:00</text>')
    for row, day in enumerate(grid.days):
        y = TOP + row * CELL_H
        label = day.strftime("%a %d %b")
        parts.append(
            f'<text x="{num(LEFT - 6)}" y="{num(y + CELL_H - 4)}" text-anchor="end">{label}</text>'
        )
        parts.extend(_cell(grid.cell(day, h), grid.busiest, colours, y) for h in range(HOURS))
    parts.append(_legend(colours, TOP + len(grid.days) * CELL_H + 12))
    parts.append("</svg>")
    return "".join(parts)


def _cell(cell: HourCell, busiest: int, colours: dict[str, str], y: float) -> str:
    x = LEFT + cell.hour * CELL_W
    if cell.asleep:
        fill, what = 'fill="url(#asleep)"', "in bed"
    elif cell.activity:
        strength = 0.3 + 0.7 * cell.activity / busiest
        colour = colours.get(cell.room, "#777777")
        fill = f'fill="{colour}" fill-opacity="{strength:.2f}"'
        what = f"{cell.activity} events, most in the {cell.room}"
    else:
        fill, what = f'fill="{EMPTY}"', "nothing"
    tip = f"{cell.day:%a %d %b} {cell.hour:02d}:00: {what}"
    return (
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(CELL_W - GAP)}" height="{num(CELL_H - GAP)}" '
        f"{fill}><title>{esc(tip)}</title></rect>"
    )


def _legend(colours: dict[str, str], top: float) -> str:
    items = [(f'fill="{c}"', room) for room, c in colours.items()]
    items += [('fill="url(#asleep)"', "in bed"), (f'fill="{EMPTY}" stroke="#999"', "nothing")]
    parts = []
    for i, (fill, label) in enumerate(items):
        x = LEFT + (i % 4) * 140
        y = top + (i // 4) * LEGEND_ROW
        parts.append(
            f'<rect x="{num(x)}" y="{num(y)}" width="14" height="14" {fill}/>'
            f'<text x="{num(x + 20)}" y="{num(y + 12)}">{esc(label)}</text>'
        )
    return "".join(parts)
