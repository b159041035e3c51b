"""Blend two repairs of one published roster, day by day and route group by route group.

A repair has two candidates: the published routes with the event's visits fitted in, and what the
search made of them. The search also improves days and routes the event never touched (re-ordering
a route to save a few minutes of travel), and each such change moves visits people were told about.
:func:`blend_days` takes the other candidate's routes for a day, or for a group of routes, that
holds the same visits whenever the whole roster, judged by the independent checker and with every
change priced, comes out cheaper and breaks no rule the first one kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from careweave.scheduling.changes import Change, changes_between
from careweave.scheduling.checker import check
from careweave.scheduling.groups import connected_groups
from careweave.scheduling.problem import Problem
from careweave.scheduling.solution import Roster, Route


@dataclass(frozen=True)
class ChangePrices:
    """What a change costs, in the objective's units before its divisor."""

    moved: float
    """A visit that leaves its published worker."""

    shifted: float
    """A visit that keeps its worker but starts at another time or lasts another length."""


@dataclass(frozen=True)
class Priced:
    """A roster with its checker total, its broken rules, its changes and their price."""

    roster: Roster
    total: float
    broken: frozenset[tuple[str, str]]
    changes: tuple[Change, ...]
    price: float


def priced(problem: Problem, published: Roster, roster: Roster, prices: ChangePrices) -> Priced:
    """Judge ``roster`` with the checker and price its changes from ``published``."""
    report = check(problem, roster)
    changes = changes_between(problem, published, roster)
    moved = sum(
        1 for c in changes if c.old_worker and c.new_worker and c.old_worker != c.new_worker
    )
    shifted = sum(1 for c in changes if c.old_worker is not None and c.old_worker == c.new_worker)
    total = report.figures.weighted_total
    price = total + (moved * prices.moved + shifted * prices.shifted) / problem.weights.divisor
    broken = frozenset((v.rule, v.item) for v in report.violations)
    return Priced(roster, total, broken, changes, price)


def blend_days(
    problem: Problem, published: Roster, base: Priced, other: Roster, prices: ChangePrices
) -> Priced:
    """``base`` with ``other``'s routes wherever that is cheaper with its changes.

    First whole days, then, within a day still different, each group of routes that share visits
    or links (a visit that moved between them, the halves of a double-handed visit). A group is
    taken only when its routes hold the same visits in both rosters (so every visit stays on
    exactly one route) and no rule breaks that ``base`` kept.
    """
    best = base
    for day in sorted({route.day for route in other.routes}):
        best = _try(problem, published, best, day, _on_day(other.routes, day), prices)
        ours, theirs = _on_day(best.roster.routes, day), _on_day(other.routes, day)
        if _stops(ours) != _stops(theirs):
            for group in _groups(problem, ours, theirs):
                taken = [route for route in theirs if (route.worker_id, route.shift) in group]
                best = _try(problem, published, best, day, taken, prices, group)
    return best


def _try(
    problem: Problem,
    published: Roster,
    best: Priced,
    day: int,
    theirs: list[Route],
    prices: ChangePrices,
    group: set[tuple[str, int]] | None = None,
) -> Priced:
    """``best`` with its routes of ``day`` (of ``group`` only, if given) swapped, if that pays."""
    ours = [
        route
        for route in _on_day(best.roster.routes, day)
        if group is None or (route.worker_id, route.shift) in group
    ]
    if _visits(theirs) != _visits(ours) or _stops(theirs) == _stops(ours):
        return best
    swapped = _swapped(problem, best.roster, ours, theirs)
    trial = priced(problem, published, swapped, prices)
    if trial.broken <= best.broken and trial.price < best.price - 1e-9:
        return trial
    return best


def _groups(problem: Problem, ours: list[Route], theirs: list[Route]) -> list[set[tuple[str, int]]]:
    """The day's routes (by worker and shift) joined by a visit they share or a link between them."""
    where = [_where(routes) for routes in (ours, theirs)]
    keys = sorted({key for place in where for key in place.values()})
    pairs = [
        (where[0][task_id], where[1][task_id]) for task_id in where[0].keys() & where[1].keys()
    ]
    pairs += [
        (place[link.first], place[link.second])
        for place in where
        for link in problem.links
        if link.first in place and link.second in place
    ]
    return [set(group) for group in connected_groups(keys, pairs)]


def _where(routes: list[Route]) -> dict[str, tuple[str, int]]:
    return {stop.task_id: (r.worker_id, r.shift) for r in routes for stop in r.stops}


def _on_day(routes: Iterable[Route], day: int) -> list[Route]:
    return [route for route in routes if route.day == day and route.stops]


def _visits(routes: list[Route]) -> set[str]:
    return {stop.task_id for route in routes for stop in route.stops}


def _stops(routes: list[Route]) -> dict[tuple[str, int], tuple[object, ...]]:
    return {(route.worker_id, route.shift): route.stops for route in routes}


def _swapped(problem: Problem, roster: Roster, ours: list[Route], theirs: list[Route]) -> Roster:
    """``roster`` with the routes ``ours`` replaced by ``theirs``, in day and worker order."""
    gone = {(route.worker_id, route.day, route.shift) for route in ours}
    kept = [r for r in roster.routes if (r.worker_id, r.day, r.shift) not in gone]

    def order(route: Route) -> tuple[int, int, str, int]:
        known = problem.has_worker(route.worker_id)
        position = problem.worker_position(route.worker_id) if known else len(problem.workers)
        return route.day, position, route.worker_id, route.shift

    return Roster(tuple(sorted([*kept, *theirs], key=order)), roster.unassigned)
