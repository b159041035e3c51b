"""``/api/telecare/alerts``: the responder's queue and answers for machine clients (the console's
twin), and a family member's view of their person's alerts."""

from __future__ import annotations

from fastapi import APIRouter

from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.api.telecare.schemas import AlertPublic, OutcomeIn
from careweave.adapters.web.deps import CurrentActor, Svc
from careweave.domain.accounts.users import Role

router = APIRouter(prefix="/telecare/alerts", tags=["telecare"], responses=ERROR_RESPONSES)


@router.get("", summary="List telecare alerts")
def list_alerts(actor: CurrentActor, services: Svc) -> list[AlertPublic]:
    """For the team: the alerts still being dealt with, most urgent then oldest first. For a
    family member: their person's alerts of the last two weeks, newest first."""
    response = services.telecare_response
    if actor.role is Role.FAMILY_MEMBER:
        lines = response.family_alerts(actor)
    else:
        lines = response.queue(actor)
    return [AlertPublic.of(line.alert) for line in lines]


@router.post("/{alert_id}/acknowledge", summary="Acknowledge a telecare alert")
def acknowledge(alert_id: PathId, actor: CurrentActor, services: Svc) -> AlertPublic:
    """Take the alert on (409 if someone already has)."""
    return AlertPublic.of(services.telecare_response.acknowledge(actor, alert_id))


@router.post("/{alert_id}/outcome", summary="Record what came of a telecare alert")
def record_outcome(
    alert_id: PathId, body: OutcomeIn, actor: CurrentActor, services: Svc
) -> AlertPublic:
    """Say what happened (after acknowledging; it may be changed until the alert is closed)."""
    alert = services.telecare_response.record_outcome(actor, alert_id, body.outcome, body.note)
    return AlertPublic.of(alert)


@router.post("/{alert_id}/close", summary="Close a telecare alert")
def close(alert_id: PathId, actor: CurrentActor, services: Svc) -> AlertPublic:
    """End the alert (409 until it has an outcome)."""
    return AlertPublic.of(services.telecare_response.close(actor, alert_id))
