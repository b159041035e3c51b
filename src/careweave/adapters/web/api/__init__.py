"""The JSON API under ``/api``: one router per resource, described by ``/openapi.json``."""

from __future__ import annotations

from fastapi import APIRouter


def api_router() -> APIRouter:
    """Every API router under ``/api``."""
    from careweave.adapters.web.api import (
        accounts,
        alerts,
        people,
        plans,
        reablement,
        rosters,
        teams,
        visits,
        workers,
    )

    router = APIRouter(prefix="/api")
    modules = (teams, workers, people, visits, rosters, alerts, accounts, plans, reablement)
    for module in modules:
        router.include_router(module.router)
    return router
