"""``/api/alerts``: late and missed visit alerts. Team members read their teams' alerts, a family
member those about the people they support; only the team's coordinator acknowledges one."""

from __future__ import annotations

from fastapi import APIRouter

from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.api.common_schemas import Page
from careweave.adapters.web.api.visits.schemas import AlertAcknowledge, AlertPublic
from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc
from careweave.adapters.web.deps import Page as Paging
from careweave.clock import wall_time

router = APIRouter(prefix="/alerts", tags=["alerts"], responses=ERROR_RESPONSES)


@router.get("", summary="List alerts")
def list_alerts(
    actor: CurrentActor, services: Svc, page: Paging, open_only: bool = True
) -> Page[AlertPublic]:
    """Alerts you may see, newest first: only those not yet acknowledged unless ``open_only`` is
    false."""
    found = services.alerts.alert_page(
        actor, open_only=open_only, limit=page.limit, offset=page.offset
    )
    return Page(
        items=[AlertPublic.of(line) for line in found.items],
        total=found.total,
        limit=found.limit,
        offset=found.offset,
    )


@router.post("/{alert_id}/acknowledge", summary="Acknowledge an alert")
def acknowledge_alert(
    alert_id: PathId, body: AlertAcknowledge, actor: CurrentActor, services: Svc, clock: ClockDep
) -> AlertPublic:
    """Record that you, the team's coordinator, have seen the alert and what you are doing."""
    line = services.alerts.acknowledge(actor, alert_id, body.note, wall_time(clock))
    return AlertPublic.of(line)
