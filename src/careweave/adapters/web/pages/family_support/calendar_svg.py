"""The short-breaks calendar of a household as SVG: one row per room, one column per night, each
night booked, not hosting, or free. Patterns as well as colours tell them apart."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from careweave.adapters.web.render.svg import esc, num, svg_open
from careweave.domain.family_support.arrangements import Arrangement
from careweave.domain.family_support.households import CarerHousehold

CELL = 20
LABEL = 90
TOP = 34
BOOKED = "#0072B2"
AWAY = "#999999"


def _night_state(
    household: CarerHousehold, arrangements: Sequence[Arrangement], room: str, night: date
) -> str:
    if any(a.room == room and a.holds_night(night) for a in arrangements):
        return "booked"
    if not household.available_on([night]):
        return "away"
    return "free"


def _cell(x: float, y: float, state: str, title: str) -> str:
    fill = {"booked": BOOKED, "away": "url(#away)", "free": "#ffffff"}[state]
    return (
        f'<rect x="{num(x)}" y="{num(y)}" width="{CELL - 2}" height="{CELL - 2}" fill="{fill}" '
        f'stroke="#555" stroke-width="0.5"><title>{esc(title)}</title></rect>'
    )


def calendar_svg(
    household: CarerHousehold, arrangements: Sequence[Arrangement], first: date, nights: int
) -> str:
    """The household's rooms over ``nights`` nights from ``first``."""
    rooms = [r.name for r in household.offer.rooms]
    width = LABEL + nights * CELL + 10
    height = TOP + max(1, len(rooms)) * CELL + 40
    counts = {"booked": 0, "away": 0, "free": 0}
    parts = [
        '<defs><pattern id="away" width="4" height="4" patternUnits="userSpaceOnUse">'
        f'<path d="M0,4 L4,0" stroke="{AWAY}" stroke-width="1.5"/></pattern></defs>'
    ]
    for i in range(nights):
        night = first + timedelta(days=i)
        if night.weekday() == 0 or i == 0:
            parts.append(f'<text x="{num(LABEL + i * CELL)}" y="{TOP - 8}">{night:%d %b}</text>')
    for row, room in enumerate(rooms):
        y = TOP + row * CELL
        parts.append(f'<text x="0" y="{num(y + CELL - 4)}">{esc(room[:16])}</text>')
        for i in range(nights):
            night = first + timedelta(days=i)
            state = _night_state(household, arrangements, room, night)
            counts[state] += 1
            parts.append(
                _cell(LABEL + i * CELL, y, state, f"{room}, night of {night:%a %d %b}: {state}")
            )
    legend_y = TOP + max(1, len(rooms)) * CELL + 14
    for offset, state, label in (
        (0, "booked", "booked"),
        (90, "away", "not hosting"),
        (200, "free", "free"),
    ):
        parts.append(_cell(LABEL + offset, legend_y, state, label))
        parts.append(
            f'<text x="{num(LABEL + offset + CELL + 4)}" y="{num(legend_y + CELL - 3)}">{label}</text>'
        )
    desc = (
        f"{len(rooms)} rooms over {nights} nights from {first:%d %B %Y}: "
        f"{counts['booked']} room-nights booked, {counts['away']} not hosting, {counts['free']} free."
    )
    title = f"Short-breaks calendar of {household.name}"
    return svg_open(width, height, title, desc, "calendar") + "".join(parts) + "</svg>"
