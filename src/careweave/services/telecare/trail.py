"""Audit entries for what careweave does by itself (a device posting events, a rule raising an
alert, an alert climbing its chain): no user acted, so the entry names the telecare service."""

from __future__ import annotations

from datetime import datetime

from careweave.domain.accounts.audit import AuditAction, AuditEntry
from careweave.services.accounts.unit_of_work import AuditedUnitOfWork

SYSTEM_NAME = "telecare"
SYSTEM_ROLE = "system"


def record_system(
    uow: AuditedUnitOfWork,
    action: AuditAction,
    record_kind: str,
    record_id: str,
    *,
    at: datetime,
    team_id: str | None = None,
    detail: str = "",
) -> None:
    """Append one entry about something the telecare service did, inside ``uow``'s transaction."""
    uow.audit.append(
        AuditEntry(
            at=at,
            action=action,
            record_kind=record_kind,
            record_id=record_id,
            username=SYSTEM_NAME,
            role=SYSTEM_ROLE,
            team_id=team_id,
            detail=detail,
        )
    )
