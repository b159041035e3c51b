"""Small helpers shared by the SVG renderers: escaping, number formatting and the series styles."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


def esc(text: str) -> str:
    """``text`` escaped for an SVG attribute or text node."""
    return escape(text, quote=True)


def num(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing ``.0`` (smaller, stable output)."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


@dataclass(frozen=True, slots=True)
class SeriesStyle:
    """How one series (a worker's route, a kind of bar) is drawn: colour plus a dash pattern, so
    colour is never the only way to tell two apart."""

    colour: str
    dash: str

    def stroke_attrs(self, width: float = 3) -> str:
        """The SVG stroke attributes of this style."""
        dash = f' stroke-dasharray="{self.dash}"' if self.dash else ""
        return f'stroke="{self.colour}" stroke-width="{num(width)}"{dash}'


# Okabe-Ito colours (safe for the common colour-vision deficiencies), each with its own dash.
SERIES_STYLES: tuple[SeriesStyle, ...] = (
    SeriesStyle("#0072B2", ""),
    SeriesStyle("#D55E00", "8 4"),
    SeriesStyle("#009E73", "2 3"),
    SeriesStyle("#CC79A7", "10 3 2 3"),
    SeriesStyle("#E69F00", "4 4"),
    SeriesStyle("#56B4E9", "12 6"),
    SeriesStyle("#000000", "1 4"),
    SeriesStyle("#F0E442", "6 2 1 2"),
)


def series_style(index: int) -> SeriesStyle:
    """The style of the ``index``-th series (styles repeat after :data:`SERIES_STYLES` runs out)."""
    return SERIES_STYLES[index % len(SERIES_STYLES)]


def svg_open(
    width: float,
    height: float,
    title: str,
    desc: str,
    ident: str,
    *,
    interactive: bool = False,
    fit: bool = True,
) -> str:
    """The opening ``<svg>`` tag with its accessible title and description.

    A picture is ``role="img"``; one holding links is a ``group``, because an image's content is
    hidden from assistive technology and its links would be unreachable. ``fit`` scales the
    picture to its container; otherwise it keeps its own pixel width (the page scrolls it).
    """
    role = "group" if interactive else "img"
    shown = "100%" if fit else num(width)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}" '
        f'width="{shown}" role="{role}" aria-labelledby="{ident}-title {ident}-desc" '
        f'font-family="system-ui, sans-serif" font-size="12">'
        f'<title id="{ident}-title">{esc(title)}</title><desc id="{ident}-desc">{esc(desc)}</desc>'
    )
