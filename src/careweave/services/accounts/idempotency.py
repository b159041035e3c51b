"""Creating a record at most once per ``Idempotency-Key``: a client that retries after a dropped
connection gets the record made the first time instead of a second copy."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from careweave.domain.errors import ConflictError, DomainValidationError
from careweave.services.accounts.access import Actor
from careweave.services.accounts.ports import IdempotencyRecord
from careweave.services.accounts.unit_of_work import AuditedUnitOfWork

KEY_MAX_LENGTH = 200
KEY_FIELD = "Idempotency-Key"


@dataclass(frozen=True, slots=True)
class Idempotency:
    """The key a client sent and a fingerprint of its request body."""

    key: str
    fingerprint: str

    def __post_init__(self) -> None:
        if not 1 <= len(self.key) <= KEY_MAX_LENGTH or not self.key.isprintable():
            raise DomainValidationError(
                KEY_FIELD, f"must be 1 to {KEY_MAX_LENGTH} printable characters"
            )

    @classmethod
    def of(cls, key: str, payload: Any) -> Idempotency:
        """The idempotency of a request with ``key`` and JSON-able ``payload``."""
        canonical = json.dumps(payload, sort_keys=True, default=str, separators=(",", ":"))
        return cls(key=key, fingerprint=hashlib.sha256(canonical.encode()).hexdigest())


def already_done(
    uow: AuditedUnitOfWork, actor: Actor, idem: Idempotency | None, kind: str
) -> str | None:
    """The id of the record made earlier under ``idem``'s key, or ``None`` if there is none.

    Raises ConflictError when the key was used for a different request or another kind of record.
    """
    if idem is None:
        return None
    found = uow.idempotency_keys.find(actor.user_id, idem.key)
    if found is None:
        return None
    if found.fingerprint != idem.fingerprint or found.record_kind != kind:
        raise ConflictError(
            "this Idempotency-Key was already used for a different request", field=KEY_FIELD
        )
    return found.record_id


def remember(
    uow: AuditedUnitOfWork,
    actor: Actor,
    idem: Idempotency | None,
    kind: str,
    record_id: str,
    *,
    at: datetime,
) -> None:
    """Store that ``idem``'s key made ``record_id`` at ``at`` (in the same transaction as the
    record)."""
    if idem is None:
        return
    uow.idempotency_keys.add(
        IdempotencyRecord(
            user_id=actor.user_id,
            key=idem.key,
            fingerprint=idem.fingerprint,
            record_kind=kind,
            record_id=record_id,
            created_at=at,
        )
    )
