"""What the family-support services share: the audit entry of a record, at the clock's time."""

from __future__ import annotations

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.services.accounts import audit
from careweave.services.accounts.access import Actor
from careweave.services.family_support.ports import FamilySupportUnitOfWork

HOUSEHOLD = "carer_household"
REFERRAL = "fs_referral"
ARRANGEMENT = "fs_arrangement"
SCHEME = "fs_scheme"


def audited(
    uow: FamilySupportUnitOfWork,
    clock: Clock,
    actor: Actor,
    action: AuditAction,
    kind: str,
    ident: str,
    team_id: str | None,
    detail: str = "",
) -> None:
    """Append the audit entry of ``actor`` doing ``action`` to a record, in ``uow``; ``team_id``
    is the scheme's team (or the person's), whose coordinator reads the entry."""
    audit.record(uow, actor, action, kind, ident, team_id=team_id, detail=detail, at=clock.now())
