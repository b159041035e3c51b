"""The audit trail: who did what to which personal record, when and from where."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from careweave.domain.values import require_member, require_text


class AuditAction(StrEnum):
    """What was done."""

    READ = "read"
    LIST = "list"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    TOKEN_CREATE = "token_create"
    TOKEN_REVOKE = "token_revoke"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the append-only audit log.

    ``record_kind`` and ``record_id`` name the record touched (``"person"``, ``"visit"``, ...);
    ``team_id`` is the team the record belongs to, so coordinators can read their teams' trail.
    ``seq`` is given by the store (``None`` until written).
    """

    at: datetime
    action: AuditAction
    record_kind: str
    record_id: str
    user_id: str | None = None
    username: str = ""
    role: str = ""
    team_id: str | None = None
    ip: str = ""
    user_agent: str = ""
    detail: str = ""
    seq: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "action", require_member("audit.action", self.action, AuditAction))
        object.__setattr__(
            self, "record_kind", require_text("audit.record_kind", self.record_kind, max_length=40)
        )
        object.__setattr__(
            self,
            "record_id",
            require_text("audit.record_id", self.record_id, max_length=64, allow_empty=True),
        )
        # The user agent is whatever the client sent; keep a bounded prefix rather than refuse.
        object.__setattr__(self, "user_agent", self.user_agent[:300])
        object.__setattr__(self, "ip", self.ip[:64])
        object.__setattr__(self, "detail", self.detail[:500])
