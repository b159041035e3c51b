"""Schemas of API tokens and audit entries."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from careweave.adapters.web.api.common_schemas import Name, Schema
from careweave.domain.accounts.audit import AuditAction, AuditEntry
from careweave.domain.accounts.users import ApiToken


class TokenCreate(Schema):
    """A new API token for the signed-in user."""

    name: Name


class TokenPublic(BaseModel):
    """An API token without its secret."""

    id: str
    name: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def of(cls, token: ApiToken) -> TokenPublic:
        """The schema of a domain token."""
        return cls(
            id=token.id,
            name=token.name,
            created_at=token.created_at,
            last_used_at=token.last_used_at,
            revoked_at=token.revoked_at,
        )


class TokenCreated(TokenPublic):
    """A token just made: ``token`` is shown this once and never again."""

    token: str


class AuditEntryPublic(BaseModel):
    """One line of the audit trail."""

    seq: int | None
    at: datetime
    action: AuditAction
    record_kind: str
    record_id: str
    user_id: str | None
    username: str
    role: str
    team_id: str | None
    ip: str
    user_agent: str
    detail: str

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditEntryPublic:
        """The schema of a domain audit entry."""
        return cls(
            seq=entry.seq,
            at=entry.at,
            action=entry.action,
            record_kind=entry.record_kind,
            record_id=entry.record_id,
            user_id=entry.user_id,
            username=entry.username,
            role=entry.role,
            team_id=entry.team_id,
            ip=entry.ip,
            user_agent=entry.user_agent,
            detail=entry.detail,
        )
