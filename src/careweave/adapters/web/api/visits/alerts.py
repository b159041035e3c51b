"""``/api/alerts``: late and missed visit alerts. Team members read their teams' alerts, a family
member those about the people they support; only the team's coordinator acknowledges one."""

from __future__ import annotations

from fastapi import APIRouter

from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.api.common_schemas import Page
from careweave.adapters.web.api.visits.schemas import AlertAcknowledge, AlertPublic
from careweave.adapters.web.deps import CurrentActor
from careweave.adapters.web.deps import Page as Paging
from careweave.adapters.web.pages.team_common import RecordingUow, local_now
from careweave.services.visits import alerts

router = APIRouter(prefix="/alerts", tags=["alerts"], responses=ERROR_RESPONSES)


@router.get("", summary="List alerts")
def list_alerts(
    actor: CurrentActor, uow: RecordingUow, page: Paging, open_only: bool = True
) -> Page[AlertPublic]:
    """Alerts you may see, newest first: only those not yet acknowledged unless ``open_only`` is
    false."""
    found = alerts.alert_page(
        uow(), actor, open_only=open_only, limit=page.limit, offset=page.offset
    )
    return Page(
        items=[AlertPublic.of(line) for line in found.items],
        total=found.total,
        limit=found.limit,
        offset=found.offset,
    )


@router.post("/{alert_id}/acknowledge", summary="Acknowledge an alert")
def acknowledge_alert(
    alert_id: PathId, body: AlertAcknowledge, actor: CurrentActor, uow: RecordingUow
) -> AlertPublic:
    """Record that you, the team's coordinator, have seen the alert and what you are doing."""
    return AlertPublic.of(alerts.acknowledge(uow(), actor, alert_id, body.note, local_now()))
