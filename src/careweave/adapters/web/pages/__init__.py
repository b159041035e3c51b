"""Server-rendered pages. Each module has one ``router``; add yours to :func:`routers`."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    """Every page router, in the order they are matched."""
    from careweave.adapters.web.pages import (
        alerts,
        assessments,
        auth,
        board,
        home,
        map,
        oversight,
        people,
        plans,
        reablement,
        roster,
        visits,
    )

    return [auth.router, home.router, board.router, roster.router, map.router, visits.router,
            alerts.router, people.router, plans.router, reablement.router, assessments.router,
            oversight.router]  # fmt: skip
