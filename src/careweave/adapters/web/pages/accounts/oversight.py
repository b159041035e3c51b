"""Oversight pages: the audit trail (coordinators) and team figures (commissioners)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from careweave.adapters.web.deps import ClockDep, Page, Svc, Templates, require_roles
from careweave.domain.visits.visit import STILL_TO_COME_STATUSES, VisitStatus
from careweave.services.accounts.access import AGGREGATE_READERS, AUDIT_READERS, Actor

router = APIRouter(include_in_schema=False)
FIGURES_DAYS = 28
# The visit columns of the figures table: a heading and the statuses it counts.
VISIT_COLUMNS: tuple[tuple[str, tuple[VisitStatus, ...]], ...] = (
    ("Visits done", (VisitStatus.DONE,)),
    ("Missed", (VisitStatus.MISSED,)),
    ("Cancelled", (VisitStatus.CANCELLED,)),
    ("Still to come", tuple(sorted(STILL_TO_COME_STATUSES))),
)

AuditReader = Annotated[Actor, Depends(require_roles(*AUDIT_READERS))]
FiguresReader = Annotated[Actor, Depends(require_roles(*AGGREGATE_READERS))]


@router.get("/audit")
async def audit_trail(
    request: Request,
    actor: AuditReader,
    services: Svc,
    templates: Templates,
    page: Page,
    record_kind: Annotated[str | None, Query(max_length=40, pattern=r"^[a-z_]*$")] = None,
) -> Response:
    """Who read or changed which record of your teams, newest first."""
    found = await run_in_threadpool(
        services.audit.list_entries,
        actor,
        record_kind=record_kind or None,
        limit=page.limit,
        offset=page.offset,
    )
    context = {
        "entries": found.items,
        "total": found.total,
        "limit": page.limit,
        "offset": page.offset,
        "record_kind": record_kind or "",
    }
    return templates.TemplateResponse(request, "pages/accounts/audit.html", context)


@router.get("/figures")
async def team_figures(
    request: Request, actor: FiguresReader, services: Svc, templates: Templates, clock: ClockDep
) -> Response:
    """People, workers and visits per team over the last four weeks: counts, never names."""
    last = clock.today()
    first = last - timedelta(days=FIGURES_DAYS - 1)

    def gather() -> list[tuple[str, object]]:
        teams = services.teams.list(actor, limit=200, offset=0).items
        return [(t.name, services.teams.figures(actor, t.id, first, last)) for t in teams]

    rows = await run_in_threadpool(gather)
    context = {"rows": rows, "day_from": first, "day_to": last, "visit_columns": VISIT_COLUMNS}
    return templates.TemplateResponse(request, "pages/accounts/figures.html", context)
