"""Storage models of accounts and the audit trail: users, web sessions, API tokens, the audit log,
idempotency keys and failed logins. They live on the shared :data:`~.tables.metadata`.

Secrets are never stored in clear: session ids and API tokens are kept as SHA-256 digests, passwords
as argon2 hashes. The audit log has an integer sequence so its order is the order of writing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.schema import ID_LENGTH, Base, id_column, table_of

DIGEST_LENGTH = 64
# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity column.
SEQUENCE_TYPE = BigInteger().with_variant(Integer, "sqlite")


def timestamp() -> Mapped[dt.datetime]:
    """A UTC timestamp column."""
    return mapped_column(DateTime(timezone=True))


class UserRow(Base):
    """Someone who signs in; what they may see follows from ``role`` and the id lists."""

    __tablename__ = "users"

    id: Mapped[str] = id_column()
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    team_ids: Mapped[list[Any]] = mapped_column(JSON)
    person_ids: Mapped[list[Any]] = mapped_column(JSON)
    assigned_person_ids: Mapped[list[Any]] = mapped_column(JSON)
    worker_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    active: Mapped[bool]
    created_at: Mapped[dt.datetime] = timestamp()


class WebSessionRow(Base):
    """A signed-in browser. ``id`` is the SHA-256 of the random value in the cookie."""

    __tablename__ = "web_sessions"

    id: Mapped[str] = mapped_column(String(DIGEST_LENGTH), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = timestamp()
    last_seen_at: Mapped[dt.datetime] = timestamp()
    expires_at: Mapped[dt.datetime] = timestamp()
    ip: Mapped[str] = mapped_column(String(64))
    user_agent: Mapped[str] = mapped_column(String(300))


class ApiTokenRow(Base):
    """A bearer token for a machine client; only its SHA-256 digest is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[str] = id_column()
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(DIGEST_LENGTH), unique=True)
    created_at: Mapped[dt.datetime] = timestamp()
    last_used_at: Mapped[dt.datetime | None] = timestamp()
    revoked_at: Mapped[dt.datetime | None] = timestamp()


class AuditRow(Base):
    """One line of the append-only audit log (PostgreSQL refuses UPDATE and DELETE on it)."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(SEQUENCE_TYPE, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = timestamp()
    user_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    username: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(20))
    record_kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64))
    team_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    ip: Mapped[str] = mapped_column(String(64))
    user_agent: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str] = mapped_column(String(500))

    __table_args__ = (
        Index("ix_audit_log_record_kind_record_id", "record_kind", "record_id"),
        Index("ix_audit_log_team_id_seq", "team_id", "seq"),
        Index("ix_audit_log_user_id_seq", "user_id", "seq"),
    )


class IdempotencyKeyRow(Base):
    """A create request already carried out, so a retry with the same key returns the same record."""

    __tablename__ = "idempotency_keys"

    user_id: Mapped[str] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(DIGEST_LENGTH))
    record_kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = timestamp()


class LoginFailureRow(Base):
    """A failed sign-in, counted per username and address to slow down password guessing."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(SEQUENCE_TYPE, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(200))
    ip: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = timestamp()

    __table_args__ = (Index("ix_login_failures_username_ip_at", "username", "ip", "at"),)


users = table_of(UserRow)
web_sessions = table_of(WebSessionRow)
api_tokens = table_of(ApiTokenRow)
audit_log = table_of(AuditRow)
idempotency_keys = table_of(IdempotencyKeyRow)
login_failures = table_of(LoginFailureRow)
