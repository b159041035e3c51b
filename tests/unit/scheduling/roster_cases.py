"""Tiny named roster problems whose best answers are known by hand (shared by the solver tests).

Locations lie on a line, 10 minutes apart: 0 is the office, 1..n are people's homes, so travel
between ``i`` and ``j`` takes ``10 * |i - j|`` minutes.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import numpy as np
from hypothesis import reject
from hypothesis import strategies as st

from careweave.scheduling import (
    BreakRule,
    Link,
    Person,
    Problem,
    ProblemError,
    Shift,
    Task,
    TravelMatrix,
    Weights,
    Worker,
)

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


@st.composite
def small_problems(draw: st.DrawFn) -> Problem:
    days = draw(st.integers(1, 2))
    workers = tuple(
        worker(
            f"w{i}",
            *draw(st.sampled_from([("care",), ("care", "hoist")])),
            shifts=tuple(
                Shift(d, draw(st.sampled_from([420, 480])), draw(st.sampled_from([780, 1200])))
                for d in range(days)
            ),
            start_location=draw(st.integers(0, 5)),
            break_rule=draw(st.sampled_from([None, BreakRule(120, 20)])),
            max_day_minutes=draw(st.sampled_from([math.inf, 240])),
        )
        for i in range(draw(st.integers(1, 3)))
    )
    tasks = tuple(
        task(
            f"t{i}",
            draw(st.integers(1, 5)),
            draw(st.integers(420, 1000)),
            width=draw(st.sampled_from([0, 30, 120])),
            day=draw(st.integers(0, days - 1)),
            priority=draw(st.sampled_from([1, 2, 3, 4])),
            skills=frozenset(draw(st.sampled_from([("care",), ("care", "hoist")]))),
        )
        for i in range(draw(st.integers(1, 8)))
    )
    links = []
    for first, second in zip(tasks[::2], tasks[1::2], strict=False):
        if first.day == second.day and draw(st.booleans()):
            double = draw(st.booleans())
            gap = (0.0, 0.0) if double else (30.0, 90.0)
            links.append(Link(first.id, second.id, *gap, distinct_workers=double))
    try:
        return problem(workers, tasks, links=tuple(links))
    except ProblemError:
        reject()
        raise  # pragma: no cover - reject() does not return
