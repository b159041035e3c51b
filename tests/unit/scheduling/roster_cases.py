"""Tiny named roster problems whose best answers are known by hand (shared by the solver tests).

Locations lie on a line, 10 minutes apart: 0 is the office, 1..n are people's homes, so travel
between ``i`` and ``j`` takes ``10 * |i - j|`` minutes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from careweave.scheduling import Link, Person, Problem, Shift, Task, TravelMatrix, Weights, Worker

SPACING = 10.0


def line(size: int) -> TravelMatrix:
    """Travel on a line of ``size`` locations, ``SPACING`` minutes apart."""
    spots = np.arange(size, dtype=float)
    return TravelMatrix(np.abs(spots[:, None] - spots[None, :]) * SPACING)


def worker(ident: str, *skills: str, **changes: Any) -> Worker:
    """A worker with a 08:00-20:00 shift on day 0 and the given skills (default ``care``)."""
    base = Worker(ident, skills=frozenset(skills or ("care",)), shifts=(Shift(0, 480, 1200),))
    return replace(base, **changes)


def task(ident: str, home: int, earliest: float, width: float = 60, **changes: Any) -> Task:
    """A 30-minute ``care`` visit at ``home`` for person ``p<home>`` on day 0."""
    base = Task(
        ident,
        f"p{home}",
        home,
        0,
        earliest,
        earliest + width,
        30,
        30,
        skills=frozenset({"care"}),
    )
    return replace(base, **changes)


def problem(
    workers: tuple[Worker, ...],
    tasks: tuple[Task, ...],
    *,
    links: tuple[Link, ...] = (),
    people: tuple[Person, ...] = (),
    weights: Weights | None = None,
    size: int = 6,
) -> Problem:
    """A problem on a line of ``size`` locations; people missing from ``people`` are added."""
    known = {p.id for p in people}
    extra = tuple(Person(i) for i in sorted({t.person for t in tasks} - known))
    return Problem(
        workers=workers,
        tasks=tasks,
        travel={"drive": line(size)},
        links=links,
        people=people + extra,
        weights=weights or Weights(),
    )
