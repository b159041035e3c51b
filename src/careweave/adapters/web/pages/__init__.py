"""Server-rendered pages. Each module has one ``router``; add yours to :func:`routers`."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    """Every page router, in the order they are matched."""
    from careweave.adapters.web.pages import home
    from careweave.adapters.web.pages.accounts import auth, oversight
    from careweave.adapters.web.pages.commissioning import budgets as cm_budgets
    from careweave.adapters.web.pages.commissioning import hours as cm_hours
    from careweave.adapters.web.pages.commissioning import invoices as cm_invoices
    from careweave.adapters.web.pages.community import curation, referrals, search
    from careweave.adapters.web.pages.family_support import arrangements as fs_arrangements
    from careweave.adapters.web.pages.family_support import board as fs_board
    from careweave.adapters.web.pages.family_support import scheme as fs_scheme
    from careweave.adapters.web.pages.people import people
    from careweave.adapters.web.pages.plans import assessments, plans
    from careweave.adapters.web.pages.reablement import reablement
    from careweave.adapters.web.pages.rostering import calendar, map, roster
    from careweave.adapters.web.pages.telecare import console, figures, homes
    from careweave.adapters.web.pages.visits import alerts, board, visits

    return [
        auth.router,
        home.router,
        board.router,
        roster.router,
        map.router,
        calendar.router,
        visits.router,
        alerts.router,
        people.router,
        plans.router,
        reablement.router,
        assessments.router,
        oversight.router,
        console.router,
        homes.router,
        figures.router,
        search.router,
        curation.router,
        referrals.router,
        # The board's and arrangements' fixed paths come before the scheme's /{team_id} pages.
        fs_board.router,
        fs_arrangements.router,
        fs_scheme.router,
        cm_budgets.router,
        cm_hours.router,
        cm_invoices.router,
    ]
