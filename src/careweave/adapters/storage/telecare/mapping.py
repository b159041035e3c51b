"""Rows to domain objects and back, for the telecare tables."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import RowMapping

from careweave.adapters.storage.json_columns import aware_utc
from careweave.domain.telecare.alerts import (
    AlertKind,
    AlertStatus,
    ChainStep,
    Escalation,
    EscalationChain,
    Outcome,
    Priority,
    TelecareAlert,
    Tier,
)
from careweave.domain.telecare.devices import Device, DeviceKind
from careweave.domain.telecare.events import Event, EventKind
from careweave.domain.telecare.home import Absence, AwayReason


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC, as written (SQLite keeps its digits, so they must be UTC's)."""
    return moment.astimezone(UTC)


def maybe_utc(moment: datetime | None) -> datetime | None:
    """:func:`utc` that lets ``None`` through."""
    return None if moment is None else utc(moment)


def maybe_aware(moment: datetime | None) -> datetime | None:
    """A stored timestamp with its zone back, or ``None``."""
    return None if moment is None else aware_utc(moment)


def device_row(device: Device) -> dict[str, Any]:
    """The columns of ``device``."""
    return {
        "id": device.id,
        "person_id": device.person_id,
        "kind": device.kind.value,
        "location": device.location,
        "installed_on": device.installed_on,
        "token_hash": device.token_hash,
        "heartbeat_minutes": device.heartbeat_minutes,
        "battery_percent": device.battery_percent,
        "last_heard_at": maybe_utc(device.last_heard_at),
        "battery_low_since": maybe_utc(device.battery_low_since),
        "active": device.active,
    }


def device_from(row: RowMapping) -> Device:
    """The device stored in ``row``."""
    return Device(
        person_id=row["person_id"],
        kind=DeviceKind(row["kind"]),
        location=row["location"],
        installed_on=row["installed_on"],
        token_hash=row["token_hash"],
        heartbeat_minutes=row["heartbeat_minutes"],
        battery_percent=row["battery_percent"],
        last_heard_at=maybe_aware(row["last_heard_at"]),
        battery_low_since=maybe_aware(row["battery_low_since"]),
        active=row["active"],
        id=row["id"],
    )


def event_row(event: Event, person_id: str, received_at: datetime) -> dict[str, Any]:
    """The columns of ``event`` in ``person_id``'s home."""
    local = event.local_at
    return {
        "device_id": event.device_id,
        "sequence": event.sequence,
        "person_id": person_id,
        "kind": event.kind.value,
        "value": event.value,
        "at": utc(event.at),
        "local_day": local.date(),
        "local_hour": local.hour,
        "received_at": utc(received_at),
    }


def event_from(row: RowMapping) -> Event:
    """The event stored in ``row``."""
    return Event(
        device_id=row["device_id"],
        sequence=row["sequence"],
        kind=EventKind(row["kind"]),
        at=aware_utc(row["at"]),
        value=row["value"],
    )


def chain_json(chain: EscalationChain) -> list[dict[str, Any]]:
    """The chain as a JSON list."""
    return [
        {
            "tier": s.tier.value,
            "after_minutes": s.after_minutes,
            "circle_member_id": s.circle_member_id,
        }
        for s in chain.steps
    ]


def chain_from(steps: Sequence[dict[str, Any]]) -> EscalationChain:
    """The chain stored as :func:`chain_json`."""
    return EscalationChain(
        tuple(ChainStep(Tier(s["tier"]), s["after_minutes"], s["circle_member_id"]) for s in steps)
    )


def absence_row(absence: Absence) -> dict[str, Any]:
    """The columns of ``absence``."""
    return {
        "id": absence.id,
        "person_id": absence.person_id,
        "starts_on": absence.starts_on,
        "ends_on": absence.ends_on,
        "reason": absence.reason.value,
        "note": absence.note,
    }


def absence_from(row: RowMapping) -> Absence:
    """The absence stored in ``row``."""
    return Absence(
        person_id=row["person_id"],
        starts_on=row["starts_on"],
        reason=AwayReason(row["reason"]),
        ends_on=row["ends_on"],
        note=row["note"],
        id=row["id"],
    )


def alert_row(alert: TelecareAlert) -> dict[str, Any]:
    """The columns of ``alert`` (its escalation steps live in their own table)."""
    return {
        "id": alert.id,
        "person_id": alert.person_id,
        "team_id": alert.team_id,
        "kind": alert.kind.value,
        "priority": int(alert.priority),
        "trigger_key": alert.trigger_key,
        "raised_at": utc(alert.raised_at),
        "summary": alert.summary,
        "status": alert.status.value,
        "acknowledged_at": maybe_utc(alert.acknowledged_at),
        "acknowledged_by": alert.acknowledged_by,
        "outcome": alert.outcome.value if alert.outcome else None,
        "outcome_note": alert.outcome_note,
        "closed_at": maybe_utc(alert.closed_at),
        "closed_by": alert.closed_by,
    }


def alert_from(row: RowMapping, steps: Sequence[Escalation]) -> TelecareAlert:
    """The alert stored in ``row`` with its escalation ``steps``."""
    return TelecareAlert(
        person_id=row["person_id"],
        team_id=row["team_id"],
        kind=AlertKind(row["kind"]),
        priority=Priority(row["priority"]),
        trigger_key=row["trigger_key"],
        raised_at=aware_utc(row["raised_at"]),
        summary=row["summary"],
        status=AlertStatus(row["status"]),
        escalations=list(steps),
        acknowledged_at=maybe_aware(row["acknowledged_at"]),
        acknowledged_by=row["acknowledged_by"],
        outcome=Outcome(row["outcome"]) if row["outcome"] else None,
        outcome_note=row["outcome_note"],
        closed_at=maybe_aware(row["closed_at"]),
        closed_by=row["closed_by"],
        id=row["id"],
    )


def escalation_row(alert_id: str, step: Escalation) -> dict[str, Any]:
    """The columns of one escalation step of ``alert_id``."""
    return {
        "alert_id": alert_id,
        "level": step.level,
        "tier": step.tier.value,
        "target": step.target[:200],
        "at": utc(step.at),
    }


def escalation_from(row: RowMapping) -> Escalation:
    """The escalation step stored in ``row``."""
    return Escalation(
        level=row["level"], tier=Tier(row["tier"]), target=row["target"], at=aware_utc(row["at"])
    )
