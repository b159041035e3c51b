"""SQL storage of users, web sessions, API tokens, the audit log, idempotency keys and failed
sign-ins (the ports of :mod:`careweave.services.accounts.ports`)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, delete, func, insert, or_, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from careweave.adapters.storage.accounts import tables as t
from careweave.adapters.storage.repository import affected_rows, paginate
from careweave.domain.accounts.audit import AuditEntry
from careweave.domain.accounts.users import ApiToken, Role, User, WebSession
from careweave.domain.errors import ConflictError, NotFoundError
from careweave.services.accounts.ports import IdempotencyRecord


def as_utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC datetime (SQLite hands back naive ones)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def maybe_utc(moment: datetime | None) -> datetime | None:
    """:func:`as_utc` that lets ``None`` through."""
    return None if moment is None else as_utc(moment)


class SqlUserRepository:
    """Users in ``users``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: str) -> User:
        """The user with ``user_id``."""
        row = self.session.execute(select(t.users).where(t.users.c.id == user_id)).mappings()
        found = row.first()
        if found is None:
            raise NotFoundError("user", user_id)
        return _user(found)

    def find_by_username(self, username: str) -> User | None:
        """The user called ``username``, or ``None``."""
        statement = select(t.users).where(t.users.c.username == username.strip().lower())
        found = self.session.execute(statement).mappings().first()
        return None if found is None else _user(found)

    def add(self, user: User) -> None:
        """Store a new user."""
        try:
            with self.session.begin_nested():
                self.session.execute(insert(t.users).values(**_user_row(user)))
        except IntegrityError as exc:
            raise ConflictError(f"the username {user.username!r} is taken", "username") from exc

    def update(self, user: User) -> None:
        """Save the changed ``user``."""
        result = self.session.execute(
            update(t.users).where(t.users.c.id == user.id).values(**_user_row(user))
        )
        if affected_rows(result) == 0:
            raise NotFoundError("user", user.id)

    def list(
        self, *, role: Role | None = None, limit: int | None = None, offset: int = 0
    ) -> list[User]:
        """Users with ``role`` (any when ``None``), by username."""
        statement = select(t.users).order_by(t.users.c.username)
        if role is not None:
            statement = statement.where(t.users.c.role == role.value)
        rows = self.session.execute(paginate(statement, limit, offset)).mappings().all()
        return [_user(row) for row in rows]


def _user_row(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role.value,
        "password_hash": user.password_hash,
        "team_ids": sorted(user.team_ids),
        "person_ids": sorted(user.person_ids),
        "assigned_person_ids": sorted(user.assigned_person_ids),
        "worker_id": user.worker_id,
        "active": user.active,
        # add_user stamps it with the clock's time; a user without one is refused (NOT NULL).
        "created_at": user.created_at,
    }


def _user(row: RowMapping) -> User:
    return User(
        id=row["id"],
        username=row["username"],
        display_name=row["display_name"],
        role=Role(row["role"]),
        password_hash=row["password_hash"],
        team_ids=frozenset(row["team_ids"]),
        person_ids=frozenset(row["person_ids"]),
        assigned_person_ids=frozenset(row["assigned_person_ids"]),
        worker_id=row["worker_id"],
        active=row["active"],
        created_at=as_utc(row["created_at"]),
    )


class SqlWebSessionRepository:
    """Web sessions in ``web_sessions``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, web_session: WebSession) -> None:
        """Store a new session."""
        self.session.execute(
            insert(t.web_sessions).values(
                id=web_session.id,
                user_id=web_session.user_id,
                csrf_token=web_session.csrf_token,
                created_at=web_session.created_at,
                last_seen_at=web_session.last_seen_at,
                expires_at=web_session.expires_at,
                ip=web_session.ip,
                user_agent=web_session.user_agent,
            )
        )

    def find(self, session_id: str) -> WebSession | None:
        """The session with ``session_id``, or ``None``."""
        statement = select(t.web_sessions).where(t.web_sessions.c.id == session_id)
        row = self.session.execute(statement).mappings().first()
        if row is None:
            return None
        return WebSession(
            id=row["id"],
            user_id=row["user_id"],
            csrf_token=row["csrf_token"],
            created_at=as_utc(row["created_at"]),
            last_seen_at=as_utc(row["last_seen_at"]),
            expires_at=as_utc(row["expires_at"]),
            ip=row["ip"],
            user_agent=row["user_agent"],
        )

    def touch(self, session_id: str, last_seen_at: datetime, expires_at: datetime) -> None:
        """Record activity and push the expiry back."""
        self.session.execute(
            update(t.web_sessions)
            .where(t.web_sessions.c.id == session_id)
            .values(last_seen_at=last_seen_at, expires_at=expires_at)
        )

    def remove(self, session_id: str) -> None:
        """End one session."""
        self.session.execute(delete(t.web_sessions).where(t.web_sessions.c.id == session_id))

    def remove_expired(self, now: datetime) -> int:
        """End every session that expired before ``now``."""
        result = self.session.execute(
            delete(t.web_sessions).where(t.web_sessions.c.expires_at < now)
        )
        return affected_rows(result)


class SqlApiTokenRepository:
    """API tokens in ``api_tokens``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, token: ApiToken) -> None:
        """Store a new token."""
        self.session.execute(
            insert(t.api_tokens).values(
                id=token.id,
                user_id=token.user_id,
                name=token.name,
                token_hash=token.token_hash,
                created_at=token.created_at,
                last_used_at=token.last_used_at,
                revoked_at=token.revoked_at,
            )
        )

    def find_by_hash(self, token_hash: str) -> ApiToken | None:
        """The token with ``token_hash``, or ``None``."""
        statement = select(t.api_tokens).where(t.api_tokens.c.token_hash == token_hash)
        row = self.session.execute(statement).mappings().first()
        return None if row is None else _token(row)

    def list_for_user(self, user_id: str) -> list[ApiToken]:
        """The user's tokens, newest first."""
        statement = (
            select(t.api_tokens)
            .where(t.api_tokens.c.user_id == user_id)
            .order_by(t.api_tokens.c.created_at.desc(), t.api_tokens.c.id)
        )
        return [_token(row) for row in self.session.execute(statement).mappings().all()]

    def mark_used(self, token_id: str, at: datetime) -> None:
        """Record that the token was used at ``at``."""
        self.session.execute(
            update(t.api_tokens).where(t.api_tokens.c.id == token_id).values(last_used_at=at)
        )

    def revoke(self, token_id: str, at: datetime) -> None:
        """Stop the token from working from ``at`` on."""
        self.session.execute(
            update(t.api_tokens).where(t.api_tokens.c.id == token_id).values(revoked_at=at)
        )


def _token(row: RowMapping) -> ApiToken:
    return ApiToken(
        id=row["id"],
        user_id=row["user_id"],
        name=row["name"],
        token_hash=row["token_hash"],
        created_at=as_utc(row["created_at"]),
        last_used_at=maybe_utc(row["last_used_at"]),
        revoked_at=maybe_utc(row["revoked_at"]),
    )


class SqlAuditLog:
    """The append-only ``audit_log``: no method changes or removes an entry."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def append(self, entry: AuditEntry) -> None:
        """Add one entry."""
        self.session.execute(
            insert(t.audit_log).values(
                at=entry.at,
                user_id=entry.user_id,
                username=entry.username,
                role=entry.role,
                action=entry.action.value,
                record_kind=entry.record_kind,
                record_id=entry.record_id,
                team_id=entry.team_id,
                ip=entry.ip,
                user_agent=entry.user_agent,
                detail=entry.detail,
            )
        )

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
        """Entries matching every filter, newest first."""
        statement = self._filtered(team_ids, user_id, record_kind, record_id).order_by(
            t.audit_log.c.seq.desc()
        )
        rows = self.session.execute(paginate(statement, limit, offset)).mappings().all()
        return [_entry(row) for row in rows]

    def count(
        self,
        *,
        team_ids: Collection[str] | None = None,
        user_id: str | None = None,
        record_kind: str | None = None,
        record_id: str | None = None,
    ) -> int:
        """How many entries :meth:`list` would return without pagination."""
        statement = self._filtered(team_ids, user_id, record_kind, record_id)
        counted = select(func.count()).select_from(statement.subquery())
        return int(self.session.execute(counted).scalar_one())

    @staticmethod
    def _filtered(
        team_ids: Collection[str] | None,
        user_id: str | None,
        record_kind: str | None,
        record_id: str | None,
    ) -> Select[Any]:
        columns = t.audit_log.c
        statement = select(t.audit_log)
        if team_ids is not None and user_id is not None:
            statement = statement.where(
                or_(columns.team_id.in_(sorted(team_ids)), columns.user_id == user_id)
            )
        elif team_ids is not None:
            statement = statement.where(columns.team_id.in_(sorted(team_ids)))
        elif user_id is not None:
            statement = statement.where(columns.user_id == user_id)
        if record_kind is not None:
            statement = statement.where(columns.record_kind == record_kind)
        if record_id is not None:
            statement = statement.where(columns.record_id == record_id)
        return statement


def _entry(row: RowMapping) -> AuditEntry:
    return AuditEntry(
        seq=row["seq"],
        at=as_utc(row["at"]),
        action=row["action"],
        record_kind=row["record_kind"],
        record_id=row["record_id"],
        user_id=row["user_id"],
        username=row["username"],
        role=row["role"],
        team_id=row["team_id"],
        ip=row["ip"],
        user_agent=row["user_agent"],
        detail=row["detail"],
    )


class SqlIdempotencyKeyRepository:
    """Keys of create requests already carried out, in ``idempotency_keys``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def find(self, user_id: str, key: str) -> IdempotencyRecord | None:
        """The record under ``(user_id, key)``, or ``None``."""
        columns = t.idempotency_keys.c
        statement = select(t.idempotency_keys).where(columns.user_id == user_id, columns.key == key)
        row = self.session.execute(statement).mappings().first()
        if row is None:
            return None
        return IdempotencyRecord(
            user_id=row["user_id"],
            key=row["key"],
            fingerprint=row["fingerprint"],
            record_kind=row["record_kind"],
            record_id=row["record_id"],
            created_at=as_utc(row["created_at"]),
        )

    def add(self, record: IdempotencyRecord) -> None:
        """Store ``record``; ConflictError when the key is already used."""
        try:
            with self.session.begin_nested():
                self.session.execute(
                    insert(t.idempotency_keys).values(
                        user_id=record.user_id,
                        key=record.key,
                        fingerprint=record.fingerprint,
                        record_kind=record.record_kind,
                        record_id=record.record_id,
                        created_at=record.created_at,
                    )
                )
        except IntegrityError as exc:
            # Two requests with one key raced; the other one won. A retry will find its record.
            raise ConflictError(
                "another request with this Idempotency-Key is being carried out; retry",
                field="Idempotency-Key",
            ) from exc


class SqlLoginFailureRepository:
    """Failed sign-ins in ``login_failures``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, username: str, ip: str, at: datetime) -> None:
        """Record one failure."""
        self.session.execute(insert(t.login_failures).values(username=username, ip=ip, at=at))

    def count_since(self, username: str, ip: str, since: datetime) -> int:
        """Failures for ``username`` from ``ip`` at or after ``since``."""
        columns = t.login_failures.c
        statement = select(func.count()).where(
            columns.username == username, columns.ip == ip, columns.at >= since
        )
        return int(self.session.execute(statement).scalar_one())

    def clear(self, username: str, ip: str) -> None:
        """Forget the failures of ``username`` from ``ip``."""
        columns = t.login_failures.c
        self.session.execute(
            delete(t.login_failures).where(columns.username == username, columns.ip == ip)
        )

    def prune(self, before: datetime) -> None:
        """Forget every failure older than ``before``."""
        self.session.execute(delete(t.login_failures).where(t.login_failures.c.at < before))
