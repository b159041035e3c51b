"""What the accounts use cases read and write in one transaction, and what every capability's
unit of work carries of accounts."""

from __future__ import annotations

from typing import Protocol

from careweave.services.accounts.ports import (
    ApiTokenRepository,
    AuditLog,
    IdempotencyKeyRepository,
    LoginFailureRepository,
    UserRepository,
    WebSessionRepository,
)
from careweave.services.transaction import Transaction


class AuditedUnitOfWork(Transaction, Protocol):
    """A transaction with the audit log and the idempotency keys, which every capability's unit
    of work extends: a record, the audit entry about it and the key of the request that made it
    are written together or not at all."""

    # Read-only properties, so an implementation may hold more specific repository classes.
    @property
    def audit(self) -> AuditLog:
        """The append-only audit log."""
        ...

    @property
    def idempotency_keys(self) -> IdempotencyKeyRepository:
        """The keys of create requests already carried out."""
        ...


class AccountsUnitOfWork(AuditedUnitOfWork, Protocol):
    """Users, their web sessions and API tokens, and failed sign-ins."""

    @property
    def users(self) -> UserRepository:
        """The users."""
        ...

    @property
    def web_sessions(self) -> WebSessionRepository:
        """The web sessions."""
        ...

    @property
    def api_tokens(self) -> ApiTokenRepository:
        """The API tokens."""
        ...

    @property
    def login_failures(self) -> LoginFailureRepository:
        """The failed sign-ins."""
        ...
