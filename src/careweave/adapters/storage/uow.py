"""The SQL unit of work: one session, one transaction, every capability's repositories on it."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session, sessionmaker

from careweave.adapters.storage.accounts.repositories import (
    SqlApiTokenRepository,
    SqlAuditLog,
    SqlIdempotencyKeyRepository,
    SqlLoginFailureRepository,
    SqlUserRepository,
    SqlWebSessionRepository,
)
from careweave.adapters.storage.commissioning.invoices import (
    SqlInvoiceRepository,
    SqlInvoiceRulesRepository,
)
from careweave.adapters.storage.commissioning.ledger import SqlLedger
from careweave.adapters.storage.commissioning.repositories import (
    SqlAllocationTableRepository,
    SqlBudgetRepository,
    SqlTimeBankRepository,
)
from careweave.adapters.storage.community.referral_repository import SqlSocialReferralRepository
from careweave.adapters.storage.community.repositories import (
    SqlDirectoryLocationRepository,
    SqlDirectoryStore,
    SqlOrganizationRepository,
    SqlTaxonomyRepository,
    SqlTaxonomyTermRepository,
)
from careweave.adapters.storage.community.service_repository import SqlServiceRepository
from careweave.adapters.storage.family_support.repositories import (
    SqlArrangementRepository,
    SqlHouseholdRepository,
    SqlReferralRepository,
    SqlSchemeWeightsRepository,
)
from careweave.adapters.storage.people.repositories import (
    SqlCircleRepository,
    SqlNeedRepository,
    SqlPersonRepository,
    SqlStrengthRepository,
)
from careweave.adapters.storage.plans.repositories import (
    SqlCarePlanRepository,
    SqlConversationRepository,
    SqlEligibilityRepository,
    SqlGasRatingRepository,
    SqlRiskRepository,
)
from careweave.adapters.storage.reablement.repositories import SqlReablementRepository
from careweave.adapters.storage.rostering.repositories import SqlCalendarTokenRepository
from careweave.adapters.storage.telecare.alert_repository import SqlTelecareAlertRepository
from careweave.adapters.storage.telecare.repositories import (
    SqlAbsenceRepository,
    SqlDeadLetterRepository,
    SqlDeviceRepository,
    SqlEventStore,
    SqlRuleRepository,
    SqlSetupRepository,
)
from careweave.adapters.storage.visits.recording_repositories import (
    SqlAlertRepository,
    SqlVisitRecordRepository,
)
from careweave.adapters.storage.visits.repositories import SqlVisitRepository
from careweave.adapters.storage.workforce.repositories import SqlTeamRepository, SqlWorkerRepository


class SqlUnitOfWork:
    """Implements :class:`careweave.services.unit_of_work.AppUnitOfWork` on a SQLAlchemy session.

    Each ``with`` block opens a fresh session with every capability's repositories on it; leaving
    the block rolls back whatever was not committed and closes the session. A new capability adds
    its repositories to :meth:`_open_repositories` (and its protocol to ``AppUnitOfWork``).

    Parameters
    ----------
    session_factory
        Makes the session of each block (see
        :func:`careweave.adapters.storage.database.make_session_factory`).
    """

    # accounts
    users: SqlUserRepository
    web_sessions: SqlWebSessionRepository
    api_tokens: SqlApiTokenRepository
    audit: SqlAuditLog
    idempotency_keys: SqlIdempotencyKeyRepository
    login_failures: SqlLoginFailureRepository
    # people
    people: SqlPersonRepository
    circles: SqlCircleRepository
    strengths: SqlStrengthRepository
    needs: SqlNeedRepository
    # workforce
    teams: SqlTeamRepository
    workers: SqlWorkerRepository
    # visits
    visits: SqlVisitRepository
    visit_records: SqlVisitRecordRepository
    alerts: SqlAlertRepository
    # plans
    conversations: SqlConversationRepository
    eligibility: SqlEligibilityRepository
    plans: SqlCarePlanRepository
    ratings: SqlGasRatingRepository
    risks: SqlRiskRepository
    # reablement
    episodes: SqlReablementRepository
    # rostering
    calendar_tokens: SqlCalendarTokenRepository
    # family_support
    households: SqlHouseholdRepository
    referrals: SqlReferralRepository
    arrangements: SqlArrangementRepository
    scheme_weights: SqlSchemeWeightsRepository
    # telecare
    devices: SqlDeviceRepository
    telecare_events: SqlEventStore
    dead_letters: SqlDeadLetterRepository
    telecare_rules: SqlRuleRepository
    telecare_setups: SqlSetupRepository
    absences: SqlAbsenceRepository
    telecare_alerts: SqlTelecareAlertRepository
    # community
    taxonomies: SqlTaxonomyRepository
    taxonomy_terms: SqlTaxonomyTermRepository
    organizations: SqlOrganizationRepository
    directory_locations: SqlDirectoryLocationRepository
    directory_services: SqlServiceRepository
    directory: SqlDirectoryStore
    social_referrals: SqlSocialReferralRepository
    # commissioning
    budgets: SqlBudgetRepository
    allocation_table: SqlAllocationTableRepository
    ledger: SqlLedger
    time_banks: SqlTimeBankRepository
    invoices: SqlInvoiceRepository
    invoice_rules: SqlInvoiceRulesRepository

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory
        self._session: Session | None = None

    def _open_session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its `with` block")
        return self._session

    def __enter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError("the unit of work is already open; use a new one")
        self._session = self._session_factory()
        self._open_repositories(self._session)
        return self

    def _open_repositories(self, session: Session) -> None:
        self.users = SqlUserRepository(session)
        self.web_sessions = SqlWebSessionRepository(session)
        self.api_tokens = SqlApiTokenRepository(session)
        self.audit = SqlAuditLog(session)
        self.idempotency_keys = SqlIdempotencyKeyRepository(session)
        self.login_failures = SqlLoginFailureRepository(session)
        self.people = SqlPersonRepository(session)
        self.circles = SqlCircleRepository(session)
        self.strengths = SqlStrengthRepository(session)
        self.needs = SqlNeedRepository(session)
        self.teams = SqlTeamRepository(session)
        self.workers = SqlWorkerRepository(session)
        self.visits = SqlVisitRepository(session)
        self.visit_records = SqlVisitRecordRepository(session)
        self.alerts = SqlAlertRepository(session)
        self.conversations = SqlConversationRepository(session)
        self.eligibility = SqlEligibilityRepository(session)
        self.plans = SqlCarePlanRepository(session)
        self.ratings = SqlGasRatingRepository(session)
        self.risks = SqlRiskRepository(session)
        self.episodes = SqlReablementRepository(session)
        self.calendar_tokens = SqlCalendarTokenRepository(session)
        self.households = SqlHouseholdRepository(session)
        self.referrals = SqlReferralRepository(session)
        self.arrangements = SqlArrangementRepository(session)
        self.scheme_weights = SqlSchemeWeightsRepository(session)
        self.devices = SqlDeviceRepository(session)
        self.telecare_events = SqlEventStore(session)
        self.dead_letters = SqlDeadLetterRepository(session)
        self.telecare_rules = SqlRuleRepository(session)
        self.telecare_setups = SqlSetupRepository(session)
        self.absences = SqlAbsenceRepository(session)
        self.telecare_alerts = SqlTelecareAlertRepository(session)
        self.taxonomies = SqlTaxonomyRepository(session)
        self.taxonomy_terms = SqlTaxonomyTermRepository(session)
        self.organizations = SqlOrganizationRepository(session)
        self.directory_locations = SqlDirectoryLocationRepository(session)
        self.directory_services = SqlServiceRepository(session)
        self.directory = SqlDirectoryStore(session)
        self.social_referrals = SqlSocialReferralRepository(session)
        self.budgets = SqlBudgetRepository(session)
        self.allocation_table = SqlAllocationTableRepository(session)
        self.ledger = SqlLedger(session)
        self.time_banks = SqlTimeBankRepository(session)
        self.invoices = SqlInvoiceRepository(session)
        self.invoice_rules = SqlInvoiceRulesRepository(session)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session, self._session = self._open_session(), None
        try:
            session.rollback()
        finally:
            session.close()

    def commit(self) -> None:
        """Make every write of this block permanent."""
        self._open_session().commit()

    def rollback(self) -> None:
        """Discard every write since the last commit."""
        self._open_session().rollback()
