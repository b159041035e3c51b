"""The SQL unit of work extended with the repositories of accounts and the audit trail."""

from __future__ import annotations

from sqlalchemy.orm import Session

from careweave.adapters.storage.accounts.repositories import (
    SqlApiTokenRepository,
    SqlAuditLog,
    SqlIdempotencyKeyRepository,
    SqlLoginFailureRepository,
    SqlUserRepository,
    SqlWebSessionRepository,
)
from careweave.adapters.storage.uow import SqlUnitOfWork


class AccountsSqlUnitOfWork(SqlUnitOfWork):
    """Implements :class:`careweave.services.accounts.ports.AccountsUnitOfWork`.

    It extends :meth:`SqlUnitOfWork.open_repositories` cooperatively (calling ``super()``), so a
    class combining several areas' units of work by multiple inheritance gets all repositories.
    """

    users: SqlUserRepository
    web_sessions: SqlWebSessionRepository
    api_tokens: SqlApiTokenRepository
    audit: SqlAuditLog
    idempotency_keys: SqlIdempotencyKeyRepository
    login_failures: SqlLoginFailureRepository

    def open_repositories(self, session: Session) -> None:
        """Create the core repositories and those of accounts on ``session``."""
        super().open_repositories(session)
        self.users = SqlUserRepository(session)
        self.web_sessions = SqlWebSessionRepository(session)
        self.api_tokens = SqlApiTokenRepository(session)
        self.audit = SqlAuditLog(session)
        self.idempotency_keys = SqlIdempotencyKeyRepository(session)
        self.login_failures = SqlLoginFailureRepository(session)
