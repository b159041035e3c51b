"""The SQL unit of work extended with the telecare repositories."""

from __future__ import annotations

from sqlalchemy.orm import Session

from careweave.adapters.storage.accounts.uow import AccountsSqlUnitOfWork
from careweave.adapters.storage.telecare.alert_repository import SqlTelecareAlertRepository
from careweave.adapters.storage.telecare.repositories import (
    SqlAbsenceRepository,
    SqlDeadLetterRepository,
    SqlDeviceRepository,
    SqlEventStore,
    SqlRuleRepository,
    SqlSetupRepository,
)


class TelecareSqlUnitOfWork(AccountsSqlUnitOfWork):
    """Implements :class:`careweave.services.telecare.ports.TelecareUnitOfWork` (cooperative:
    combine it with other areas' units of work by multiple inheritance)."""

    devices: SqlDeviceRepository
    telecare_events: SqlEventStore
    dead_letters: SqlDeadLetterRepository
    telecare_rules: SqlRuleRepository
    telecare_setups: SqlSetupRepository
    absences: SqlAbsenceRepository
    telecare_alerts: SqlTelecareAlertRepository

    def open_repositories(self, session: Session) -> None:
        """Open the core, accounts and telecare repositories on ``session``."""
        super().open_repositories(session)
        self.devices = SqlDeviceRepository(session)
        self.telecare_events = SqlEventStore(session)
        self.dead_letters = SqlDeadLetterRepository(session)
        self.telecare_rules = SqlRuleRepository(session)
        self.telecare_setups = SqlSetupRepository(session)
        self.absences = SqlAbsenceRepository(session)
        self.telecare_alerts = SqlTelecareAlertRepository(session)
