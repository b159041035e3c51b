"""In-memory users, web sessions, API tokens, the audit log, idempotency keys and failed sign-ins."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from tests.fakes.repository import FakeRepository
from tests.fakes.rows import Rows, Transaction, page

from careweave.domain.accounts.audit import AuditEntry
from careweave.domain.accounts.users import ApiToken, Role, User, WebSession
from careweave.domain.errors import ConflictError
from careweave.services.accounts.ports import IdempotencyRecord


class FakeUserRepository(FakeRepository[User]):
    """Users by username; usernames are unique."""

    table = "users"
    kind = "user"

    def find_by_username(self, username: str) -> User | None:
        """The user called ``username``, or ``None``."""
        wanted = username.strip().lower()
        return next((u for u in self._rows.all() if u.username == wanted), None)

    def add(self, item: User) -> None:
        """Store a new user; :class:`ConflictError` naming ``username`` when it is taken."""
        if self.find_by_username(item.username) is not None:
            raise ConflictError(f"the username {item.username!r} is taken", "username")
        super().add(item)

    def list(
        self, *, role: Role | None = None, limit: int | None = None, offset: int = 0
    ) -> list[User]:
        """Users with ``role`` (any when ``None``), by username."""
        found = [u for u in self._rows.all() if role is None or u.role == role]
        return page(sorted(found, key=lambda u: u.username), limit, offset)


class FakeWebSessionRepository(FakeRepository[WebSession]):
    """Signed-in browsers by the digest of their cookie."""

    table = "web_sessions"
    kind = "web session"

    def find(self, session_id: str) -> WebSession | None:
        """The session with ``session_id``, or ``None``."""
        return self._rows.get(session_id)

    def touch(self, session_id: str, last_seen_at: datetime, expires_at: datetime) -> None:
        """Record activity and push the expiry back (nothing when there is no such session)."""
        found = self._rows.get(session_id)
        if found is not None:
            moved = dataclasses.replace(found, last_seen_at=last_seen_at, expires_at=expires_at)
            self._rows.put(session_id, moved)

    def remove(self, session_id: str) -> None:
        """End one session (nothing when there is no such session)."""
        self._rows.delete(session_id)

    def remove_expired(self, now: datetime) -> int:
        """End every session that expired before ``now``; return how many."""
        expired = [s.id for s in self._rows.all() if s.expires_at < now]
        for session_id in expired:
            self._rows.delete(session_id)
        return len(expired)


class FakeApiTokenRepository(FakeRepository[ApiToken]):
    """Bearer tokens of machine clients."""

    table = "api_tokens"
    kind = "API token"

    def find_by_hash(self, token_hash: str) -> ApiToken | None:
        """The token with ``token_hash``, or ``None``."""
        return next((t for t in self._rows.all() if t.token_hash == token_hash), None)

    def list_for_user(self, user_id: str) -> list[ApiToken]:
        """The user's tokens, newest first."""
        found = sorted((t for t in self._rows.all() if t.user_id == user_id), key=lambda t: t.id)
        return sorted(found, key=lambda t: t.created_at, reverse=True)

    def mark_used(self, token_id: str, at: datetime) -> None:
        """Record that the token was used at ``at``."""
        self._change(token_id, lambda token: dataclasses.replace(token, last_used_at=at))

    def revoke(self, token_id: str, at: datetime) -> None:
        """Stop the token from working from ``at`` on."""
        self._change(token_id, lambda token: dataclasses.replace(token, revoked_at=at))

    def _change(self, token_id: str, change: Callable[[ApiToken], ApiToken]) -> None:
        found = self._rows.get(token_id)
        if found is not None:
            self._rows.put(token_id, change(found))


class FakeAuditLog:
    """The append-only audit log: no method changes or removes an entry."""

    def __init__(self, transaction: Transaction) -> None:
        self._transaction = transaction
        self._rows: Rows[int, AuditEntry] = transaction.rows("audit_log")

    def append(self, entry: AuditEntry) -> None:
        """Add one entry, numbered by the store's sequence."""
        seq = self._transaction.next_number()
        self._rows.put(seq, dataclasses.replace(entry, seq=seq))

    def list(
        self,
        *,
        team_ids: Collection[str] | None = None,
        user_id: str | None = None,
        record_kind: str | None = None,
        record_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[AuditEntry]:
        """Entries matching every filter, newest first (see the port)."""
        found = self._filtered(team_ids, user_id, record_kind, record_id)
        return page(sorted(found, key=lambda e: e.seq or 0, reverse=True), limit, offset)

    def count(
        self,
        *,
        team_ids: Collection[str] | None = None,
        user_id: str | None = None,
        record_kind: str | None = None,
        record_id: str | None = None,
    ) -> int:
        """How many entries :meth:`list` would return without pagination."""
        return len(self._filtered(team_ids, user_id, record_kind, record_id))

    def _filtered(
        self,
        team_ids: Collection[str] | None,
        user_id: str | None,
        record_kind: str | None,
        record_id: str | None,
    ) -> Sequence[AuditEntry]:
        def whose(e: AuditEntry) -> bool:
            in_teams = team_ids is not None and e.team_id in team_ids
            by_user = user_id is not None and e.user_id == user_id
            # Given both, an entry of those teams or by that user (a coordinator's own actions).
            return (team_ids is None and user_id is None) or in_teams or by_user

        return [
            e
            for e in self._rows.all()
            if whose(e)
            and (record_kind is None or e.record_kind == record_kind)
            and (record_id is None or e.record_id == record_id)
        ]


class FakeIdempotencyKeyRepository:
    """Keys of create requests already carried out, by user and key."""

    def __init__(self, transaction: Transaction) -> None:
        self._rows: Rows[tuple[str, str], IdempotencyRecord] = transaction.rows("idempotency_keys")

    def find(self, user_id: str, key: str) -> IdempotencyRecord | None:
        """The record under ``(user_id, key)``, or ``None``."""
        return self._rows.get((user_id, key))

    def add(self, record: IdempotencyRecord) -> None:
        """Store ``record``; :class:`ConflictError` when the key is already used."""
        if self._rows.exists((record.user_id, record.key)):
            raise ConflictError(
                "another request with this Idempotency-Key is being carried out; retry",
                field="Idempotency-Key",
            )
        self._rows.put((record.user_id, record.key), record)


@dataclass(frozen=True, slots=True)
class LoginFailure:
    """One failed sign-in."""

    username: str
    ip: str
    at: datetime


class FakeLoginFailureRepository:
    """Failed sign-ins, for rate limiting."""

    def __init__(self, transaction: Transaction) -> None:
        self._transaction = transaction
        self._rows: Rows[int, LoginFailure] = transaction.rows("login_failures")

    def add(self, username: str, ip: str, at: datetime) -> None:
        """Record one failure."""
        self._rows.put(self._transaction.next_number(), LoginFailure(username, ip, at))

    def count_since(self, username: str, ip: str, since: datetime) -> int:
        """Failures for ``username`` from ``ip`` at or after ``since``."""
        return sum(f.at >= since for f in self._rows.all() if (f.username, f.ip) == (username, ip))

    def clear(self, username: str, ip: str) -> None:
        """Forget the failures of ``username`` from ``ip``."""
        self._rows.delete_where(lambda f: (f.username, f.ip) == (username, ip))

    def prune(self, before: datetime) -> None:
        """Forget every failure older than ``before``."""
        self._rows.delete_where(lambda f: f.at < before)
