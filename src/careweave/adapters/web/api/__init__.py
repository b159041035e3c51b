"""The JSON API under ``/api``: one router per resource, described by ``/openapi.json``."""

from __future__ import annotations

from fastapi import APIRouter


def api_router() -> APIRouter:
    """Every API router under ``/api``."""
    from careweave.adapters.web.api.accounts import accounts
    from careweave.adapters.web.api.commissioning import budgets as cm_budgets
    from careweave.adapters.web.api.commissioning import invoices as cm_invoices
    from careweave.adapters.web.api.commissioning import ledger as cm_ledger
    from careweave.adapters.web.api.commissioning import time_banks as cm_time_banks
    from careweave.adapters.web.api.community import referrals
    from careweave.adapters.web.api.family_support import arrangements as fs_arrangements
    from careweave.adapters.web.api.family_support import households as fs_households
    from careweave.adapters.web.api.family_support import matching as fs_matching
    from careweave.adapters.web.api.family_support import referrals as fs_referrals
    from careweave.adapters.web.api.people import people
    from careweave.adapters.web.api.plans import plans
    from careweave.adapters.web.api.reablement import reablement
    from careweave.adapters.web.api.rostering import rosters
    from careweave.adapters.web.api.telecare import alerts as telecare_alerts
    from careweave.adapters.web.api.telecare import events as telecare_events
    from careweave.adapters.web.api.visits import alerts, visits
    from careweave.adapters.web.api.workforce import teams, workers

    router = APIRouter(prefix="/api")
    modules = (
        teams,
        workers,
        people,
        visits,
        rosters,
        alerts,
        accounts,
        plans,
        reablement,
        referrals,
        fs_households,
        fs_referrals,
        fs_matching,
        fs_arrangements,
        telecare_events,
        telecare_alerts,
        cm_budgets,
        cm_ledger,
        cm_time_banks,
        cm_invoices,
    )
    for module in modules:
        router.include_router(module.router)
    return router
