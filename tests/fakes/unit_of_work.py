"""The in-memory unit of work: every fake repository on one transaction of a :class:`FakeDatabase`.

It implements every unit of work protocol the services declare (core, accounts and audit, plans,
visit recording, rostering, family support, telecare, community, commissioning), as the app's
SQL unit of work does, so one fake serves every use case.
:func:`fake_uow_factory` is annotated with the widest of those protocols, which makes
``mypy --strict`` check that the fake satisfies all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from tests.fakes.accounts import (
    FakeApiTokenRepository,
    FakeAuditLog,
    FakeIdempotencyKeyRepository,
    FakeLoginFailureRepository,
    FakeUserRepository,
    FakeWebSessionRepository,
)
from tests.fakes.commissioning import (
    FakeAllocationTableRepository,
    FakeBudgetRepository,
    FakeInvoiceRepository,
    FakeInvoiceRulesRepository,
    FakeLedger,
    FakeTimeBankRepository,
)
from tests.fakes.community import (
    FakeDirectoryLocationRepository,
    FakeDirectoryStore,
    FakeOrganizationRepository,
    FakeServiceRepository,
    FakeSocialReferralRepository,
    FakeTaxonomyRepository,
    FakeTaxonomyTermRepository,
)
from tests.fakes.family_support import (
    FakeArrangementRepository,
    FakeHouseholdRepository,
    FakeReferralRepository,
    FakeSchemeWeightsRepository,
)
from tests.fakes.people import (
    FakeCircleRepository,
    FakeNeedRepository,
    FakePersonRepository,
    FakeStrengthRepository,
)
from tests.fakes.plans import (
    FakeCarePlanRepository,
    FakeConversationRepository,
    FakeEligibilityRepository,
    FakeGasRatingRepository,
    FakeRiskRepository,
)
from tests.fakes.reablement import FakeReablementRepository
from tests.fakes.rostering import FakeCalendarTokenRepository
from tests.fakes.rows import FakeDatabase, Transaction
from tests.fakes.telecare import (
    FakeAbsenceRepository,
    FakeDeadLetterRepository,
    FakeDeviceRepository,
    FakeEventStore,
    FakeRuleRepository,
    FakeSetupRepository,
    FakeTelecareAlertRepository,
)
from tests.fakes.visits import FakeAlertRepository, FakeVisitRecordRepository, FakeVisitRepository
from tests.fakes.workforce import FakeTeamRepository, FakeWorkerRepository

from careweave.services.unit_of_work import AppUnitOfWork
from careweave.services.visits.ports import AlertRepository, VisitRecordRepository


class FakeUnitOfWork:
    """One business transaction over every repository, held in memory.

    Like the SQL unit of work, each ``with`` block is one transaction: :meth:`commit` makes its
    writes visible to every later unit of work, and leaving the block (normally or by an
    exception) discards whatever was not committed. The same object may be opened again after
    its block has ended, but not while it is open.
    """

    people: FakePersonRepository
    circles: FakeCircleRepository
    strengths: FakeStrengthRepository
    needs: FakeNeedRepository
    workers: FakeWorkerRepository
    teams: FakeTeamRepository
    visits: FakeVisitRepository
    users: FakeUserRepository
    web_sessions: FakeWebSessionRepository
    api_tokens: FakeApiTokenRepository
    audit: FakeAuditLog
    idempotency_keys: FakeIdempotencyKeyRepository
    login_failures: FakeLoginFailureRepository
    conversations: FakeConversationRepository
    eligibility: FakeEligibilityRepository
    plans: FakeCarePlanRepository
    ratings: FakeGasRatingRepository
    episodes: FakeReablementRepository
    risks: FakeRiskRepository
    calendar_tokens: FakeCalendarTokenRepository
    households: FakeHouseholdRepository
    referrals: FakeReferralRepository
    arrangements: FakeArrangementRepository
    scheme_weights: FakeSchemeWeightsRepository
    devices: FakeDeviceRepository
    telecare_events: FakeEventStore
    dead_letters: FakeDeadLetterRepository
    telecare_rules: FakeRuleRepository
    telecare_setups: FakeSetupRepository
    absences: FakeAbsenceRepository
    telecare_alerts: FakeTelecareAlertRepository
    taxonomies: FakeTaxonomyRepository
    taxonomy_terms: FakeTaxonomyTermRepository
    organizations: FakeOrganizationRepository
    directory_locations: FakeDirectoryLocationRepository
    directory_services: FakeServiceRepository
    directory: FakeDirectoryStore
    social_referrals: FakeSocialReferralRepository
    budgets: FakeBudgetRepository
    allocation_table: FakeAllocationTableRepository
    ledger: FakeLedger
    time_banks: FakeTimeBankRepository
    invoices: FakeInvoiceRepository
    invoice_rules: FakeInvoiceRulesRepository
    # Declared with the protocols' own types: they are writable attributes there, and mypy
    # requires a writable protocol attribute to have exactly the protocol's type.
    visit_records: VisitRecordRepository
    alerts: AlertRepository

    def __init__(self, database: FakeDatabase) -> None:
        self._database = database
        self._transaction: Transaction | None = None

    def __enter__(self) -> Self:
        if self._transaction is not None:
            raise RuntimeError("the unit of work is already open; use a new one")
        self._transaction = transaction = Transaction(self._database)
        self._open_repositories(transaction)
        return self

    def _open_repositories(self, tx: Transaction) -> None:
        self.people, self.circles = FakePersonRepository(tx), FakeCircleRepository(tx)
        self.strengths, self.needs = FakeStrengthRepository(tx), FakeNeedRepository(tx)
        self.workers, self.teams = FakeWorkerRepository(tx), FakeTeamRepository(tx)
        self.visits = FakeVisitRepository(tx)
        self.users, self.web_sessions = FakeUserRepository(tx), FakeWebSessionRepository(tx)
        self.api_tokens, self.audit = FakeApiTokenRepository(tx), FakeAuditLog(tx)
        self.idempotency_keys = FakeIdempotencyKeyRepository(tx)
        self.login_failures = FakeLoginFailureRepository(tx)
        self.conversations = FakeConversationRepository(tx)
        self.eligibility, self.plans = FakeEligibilityRepository(tx), FakeCarePlanRepository(tx)
        self.ratings, self.episodes = FakeGasRatingRepository(tx), FakeReablementRepository(tx)
        self.risks = FakeRiskRepository(tx)
        self.calendar_tokens = FakeCalendarTokenRepository(tx)
        self.visit_records, self.alerts = FakeVisitRecordRepository(tx), FakeAlertRepository(tx)
        self.households, self.referrals = FakeHouseholdRepository(tx), FakeReferralRepository(tx)
        self.arrangements = FakeArrangementRepository(tx)
        self.scheme_weights = FakeSchemeWeightsRepository(tx)
        self.devices, self.telecare_events = FakeDeviceRepository(tx), FakeEventStore(tx)
        self.dead_letters, self.telecare_rules = (
            FakeDeadLetterRepository(tx),
            FakeRuleRepository(tx),
        )
        self.telecare_setups, self.absences = FakeSetupRepository(tx), FakeAbsenceRepository(tx)
        self.telecare_alerts = FakeTelecareAlertRepository(tx)
        self.taxonomies = FakeTaxonomyRepository(tx)
        self.taxonomy_terms = FakeTaxonomyTermRepository(tx)
        self.organizations = FakeOrganizationRepository(tx)
        self.directory_locations = FakeDirectoryLocationRepository(tx)
        self.directory_services = FakeServiceRepository(tx)
        self.directory = FakeDirectoryStore(tx)
        self.social_referrals = FakeSocialReferralRepository(tx)
        self.budgets = FakeBudgetRepository(tx)
        self.allocation_table = FakeAllocationTableRepository(tx)
        self.ledger = FakeLedger(tx)
        self.time_banks = FakeTimeBankRepository(tx)
        self.invoices = FakeInvoiceRepository(tx)
        self.invoice_rules = FakeInvoiceRulesRepository(tx)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        transaction, self._transaction = self._open(), None
        transaction.close()

    def commit(self) -> None:
        """Make every write of this block visible to later units of work."""
        self._open().commit()

    def rollback(self) -> None:
        """Discard every write since the last commit."""
        self._open().rollback()

    def _open(self) -> Transaction:
        if self._transaction is None:
            raise RuntimeError("the unit of work is used outside its `with` block")
        return self._transaction


def fake_uow_factory(database: FakeDatabase) -> Callable[[], AppUnitOfWork]:
    """Makes a new unit of work on ``database`` each call, as the services' factories do."""
    return lambda: FakeUnitOfWork(database)
