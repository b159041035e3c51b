"""Ports of the accounts capability: users, sessions, tokens, the audit trail, idempotency keys
and failed sign-ins in storage (their unit of work is :mod:`.unit_of_work`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from careweave.domain.accounts.audit import AuditEntry
from careweave.domain.accounts.users import ApiToken, Role, User, WebSession


class UserRepository(Protocol):
    """Users, ordered by username."""

    def get(self, user_id: str) -> User:
        """The user with ``user_id`` (NotFoundError if none)."""
        ...

    def find_by_username(self, username: str) -> User | None:
        """The user called ``username``, or ``None``."""
        ...

    def add(self, user: User) -> None:
        """Store a new user (usernames are unique: ConflictError if taken)."""
        ...

    def update(self, user: User) -> None:
        """Save the changed ``user``."""
        ...

    def list(
        self, *, role: Role | None = None, limit: int | None = None, offset: int = 0
    ) -> Sequence[User]:
        """Users with ``role`` (any when ``None``)."""
        ...


class WebSessionRepository(Protocol):
    """Signed-in browsers, looked up by the digest of their cookie."""

    def add(self, session: WebSession) -> None:
        """Store a new session."""
        ...

    def find(self, session_id: str) -> WebSession | None:
        """The session with ``session_id`` (a digest), or ``None``."""
        ...

    def touch(self, session_id: str, last_seen_at: datetime, expires_at: datetime) -> None:
        """Record activity and push the expiry back."""
        ...

    def remove(self, session_id: str) -> None:
        """End one session."""
        ...

    def remove_expired(self, now: datetime) -> int:
        """End every session that expired before ``now``; return how many."""
        ...


class ApiTokenRepository(Protocol):
    """Bearer tokens of machine clients."""

    def add(self, token: ApiToken) -> None:
        """Store a new token."""
        ...

    def find_by_hash(self, token_hash: str) -> ApiToken | None:
        """The token whose secret has ``token_hash``, or ``None``."""
        ...

    def list_for_user(self, user_id: str) -> Sequence[ApiToken]:
        """The user's tokens, newest first."""
        ...

    def mark_used(self, token_id: str, at: datetime) -> None:
        """Record that the token was used at ``at``."""
        ...

    def revoke(self, token_id: str, at: datetime) -> None:
        """Stop the token from working from ``at`` on."""
        ...


class AuditLog(Protocol):
    """The append-only audit log: there is deliberately no update or delete."""

    def append(self, entry: AuditEntry) -> None:
        """Add one entry."""
        ...

    def list(
        self,
        *,
        team_ids: Collection[str] | None = None,
        user_id: str | None = None,
        record_kind: str | None = None,
        record_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Sequence[AuditEntry]:
        """Entries matching every filter, newest first. ``team_ids`` also keeps entries by
        ``user_id`` when both are given (a coordinator's teams plus their own actions)."""
        ...

    def count(
        self,
        *,
        team_ids: Collection[str] | None = None,
        user_id: str | None = None,
        record_kind: str | None = None,
        record_id: str | None = None,
    ) -> int:
        """How many entries :meth:`list` would return without pagination."""
        ...


@dataclass(frozen=True, slots=True)
class IdempotencyRecord:
    """A create request already carried out under ``key`` by ``user_id``."""

    user_id: str
    key: str
    fingerprint: str
    record_kind: str
    record_id: str
    created_at: datetime


class IdempotencyKeyRepository(Protocol):
    """Keys of create requests already carried out."""

    def find(self, user_id: str, key: str) -> IdempotencyRecord | None:
        """The record stored under ``(user_id, key)``, or ``None``."""
        ...

    def add(self, record: IdempotencyRecord) -> None:
        """Store ``record`` (ConflictError if the key is already used)."""
        ...


class LoginFailureRepository(Protocol):
    """Failed sign-ins, for rate limiting."""

    def add(self, username: str, ip: str, at: datetime) -> None:
        """Record one failure."""
        ...

    def count_since(self, username: str, ip: str, since: datetime) -> int:
        """Failures for ``username`` from ``ip`` at or after ``since``."""
        ...

    def clear(self, username: str, ip: str) -> None:
        """Forget the failures of ``username`` from ``ip`` (after a successful sign-in)."""
        ...

    def prune(self, before: datetime) -> None:
        """Forget every failure older than ``before`` (it no longer counts)."""
        ...
