"""The composition root: the one place that builds the engine, the units of work, the clock and
every service.

Nothing happens at import time. The web app (:func:`build_web_app`), the command line and the tests
call :func:`build_services` with the :class:`~careweave.config.Settings` and an engine, and get one
frozen :class:`Services` back: each service built once, on one unit-of-work factory and one clock
(:func:`wire_services` builds the same on any unit-of-work factory).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from sqlalchemy import Engine

from careweave.adapters.storage.database import make_engine, make_session_factory
from careweave.adapters.storage.migrate import ensure_current
from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.clock import Clock, SystemClock
from careweave.config import Settings
from careweave.services.accounts.accounts import AccountService
from careweave.services.accounts.audit import AuditService
from careweave.services.commissioning.budgets import BudgetService
from careweave.services.commissioning.invoices import InvoiceService
from careweave.services.commissioning.ledger import LedgerService
from careweave.services.commissioning.time_banks import TimeBankService
from careweave.services.community.curation import DirectoryCuration
from careweave.services.community.directory import DirectoryReader
from careweave.services.community.exchange import DirectoryExchange
from careweave.services.community.search import LinkWorkerSearch
from careweave.services.community.social_prescribing import SocialPrescribingService
from careweave.services.family_support.arrangements import ArrangementService
from careweave.services.family_support.households import HouseholdService
from careweave.services.family_support.matching import MatchService
from careweave.services.family_support.referrals import ReferralService
from careweave.services.people.fhir_exchange import FhirExchangeService
from careweave.services.people.people import PeopleService
from careweave.services.people.people_csv import PeopleCsvService
from careweave.services.people.person_page import PersonPageService
from careweave.services.plans.eligibility import AssessmentService
from careweave.services.plans.plans import PlanService
from careweave.services.plans.progress_goals import ProgressNoteService
from careweave.services.reablement.reablement import ReablementService
from careweave.services.rostering.calendar_feeds import CalendarFeedService
from careweave.services.rostering.reassign import ReassignService
from careweave.services.rostering.rostering import RosteringService
from careweave.services.rostering.team_week import TeamWeekService
from careweave.services.telecare.activity import ActivityService
from careweave.services.telecare.alerting import AlertingService
from careweave.services.telecare.figures import FiguresService
from careweave.services.telecare.homes import HomeService
from careweave.services.telecare.ingest import IngestService
from careweave.services.telecare.response import ResponseService
from careweave.services.unit_of_work import AppUnitOfWork
from careweave.services.visits.alerts import AlertService
from careweave.services.visits.briefing import VisitBriefingService
from careweave.services.visits.recording import RecordingService
from careweave.services.visits.team_day import TeamDayService
from careweave.services.visits.visits import VisitService
from careweave.services.workforce.teams import TeamService
from careweave.services.workforce.workers import WorkerService

if TYPE_CHECKING:
    from fastapi import FastAPI


@dataclass(frozen=True, slots=True)
class Services:
    """Every use case of careweave, built once by :func:`build_services`.

    The web app's routes reach it through ``careweave.adapters.web.deps.Svc``; the command line
    opens it for the length of a command. ``uow_factory`` is for what is not a use case of one
    capability: the health check, and the demo, which writes every capability's records at once.
    """

    clock: Clock
    uow_factory: Callable[[], AppUnitOfWork]
    # accounts
    accounts: AccountService
    audit: AuditService
    # people
    people: PeopleService
    person_pages: PersonPageService
    people_csv: PeopleCsvService
    fhir: FhirExchangeService
    # workforce
    teams: TeamService
    workers: WorkerService
    # visits
    visits: VisitService
    team_days: TeamDayService
    visit_briefings: VisitBriefingService
    recording: RecordingService
    alerts: AlertService
    # plans
    plans: PlanService
    assessments: AssessmentService
    progress_notes: ProgressNoteService
    # reablement
    reablement: ReablementService
    # rostering
    team_weeks: TeamWeekService
    reassignments: ReassignService
    rostering: RosteringService
    calendar_feeds: CalendarFeedService
    # family_support (prefixed: other capabilities have referrals and matching of their own)
    carer_households: HouseholdService
    family_referrals: ReferralService
    family_matching: MatchService
    family_arrangements: ArrangementService
    # telecare (prefixed: visits has alerts and workforce has figures of their own)
    telecare_ingest: IngestService
    telecare_alerting: AlertingService
    telecare_response: ResponseService
    telecare_homes: HomeService
    telecare_activity: ActivityService
    telecare_figures: FiguresService
    # community
    directory: DirectoryReader
    directory_exchange: DirectoryExchange
    directory_search: LinkWorkerSearch
    directory_curation: DirectoryCuration
    social_prescribing: SocialPrescribingService
    # commissioning
    budgets: BudgetService
    ledger: LedgerService
    time_banks: TimeBankService
    invoices: InvoiceService


def load_settings() -> Settings:
    """Read the settings from the environment."""
    return Settings()


def build_engine(settings: Settings) -> Engine:
    """The database engine for ``settings.effective_database_url``."""
    return make_engine(settings.effective_database_url)


def build_services(
    settings: Settings,
    engine: Engine,
    *,
    clock: Clock | None = None,
    password_hasher: PasswordHasher | None = None,
) -> Services:
    """Every service on the database of ``engine`` (see :func:`wire_services` for the rest).

    Raises
    ------
    careweave.adapters.storage.migrate.SchemaOutOfDateError
        The schema is not current; its message says to run ``careweave db upgrade``.
    """
    ensure_current(engine)
    sessions = make_session_factory(engine)

    def uow_factory() -> AppUnitOfWork:
        return SqlUnitOfWork(sessions)

    return wire_services(settings, uow_factory, clock=clock, password_hasher=password_hasher)


def wire_services(
    settings: Settings,
    uow_factory: Callable[[], AppUnitOfWork],
    *,
    clock: Clock | None = None,
    password_hasher: PasswordHasher | None = None,
) -> Services:
    """Every service on ``uow_factory``, each built once.

    Parameters
    ----------
    settings
        The configuration (the sign-in rate limit).
    uow_factory
        Makes the unit of work of each use case (SQL ones from :func:`build_services`; nothing
        is opened here).
    clock
        The one clock of every service (the system's unless given: tests and the demo may fix it
        with :class:`~careweave.clock.FixedClock`).
    password_hasher
        The argon2 hasher for passwords (default parameters unless given; tests pass a cheap one,
        and passwords hashed with other parameters are re-hashed on sign-in).
    """
    time = clock or SystemClock()
    return Services(
        clock=time,
        uow_factory=uow_factory,
        accounts=AccountService(
            uow_factory,
            time,
            login_attempts_per_minute=settings.login_attempts_per_minute,
            hasher=password_hasher,
        ),
        audit=AuditService(uow_factory, time),
        people=PeopleService(uow_factory, time),
        person_pages=PersonPageService(uow_factory, time),
        people_csv=PeopleCsvService(uow_factory, time),
        fhir=FhirExchangeService(uow_factory, time),
        teams=TeamService(uow_factory, time),
        workers=WorkerService(uow_factory, time),
        visits=VisitService(uow_factory, time),
        team_days=TeamDayService(uow_factory, time),
        visit_briefings=VisitBriefingService(uow_factory, time),
        recording=RecordingService(uow_factory, time),
        alerts=AlertService(uow_factory, time),
        plans=PlanService(uow_factory, time),
        assessments=AssessmentService(uow_factory, time),
        progress_notes=ProgressNoteService(uow_factory, time),
        reablement=ReablementService(uow_factory, time),
        team_weeks=TeamWeekService(uow_factory, time),
        reassignments=ReassignService(uow_factory, time),
        rostering=RosteringService(uow_factory, time),
        calendar_feeds=CalendarFeedService(uow_factory, time),
        carer_households=HouseholdService(uow_factory, time),
        family_referrals=ReferralService(uow_factory, time),
        family_matching=MatchService(uow_factory, time),
        family_arrangements=ArrangementService(uow_factory, time),
        telecare_ingest=IngestService(uow_factory, time),
        telecare_alerting=AlertingService(uow_factory, time),
        telecare_response=ResponseService(uow_factory, time),
        telecare_homes=HomeService(uow_factory, time),
        telecare_activity=ActivityService(uow_factory, time),
        telecare_figures=FiguresService(uow_factory, time),
        directory=DirectoryReader(uow_factory, time),
        directory_exchange=DirectoryExchange(uow_factory, time),
        directory_search=LinkWorkerSearch(uow_factory, time),
        directory_curation=DirectoryCuration(uow_factory, time),
        social_prescribing=SocialPrescribingService(uow_factory, time),
        budgets=BudgetService(uow_factory, time),
        ledger=LedgerService(uow_factory, time),
        time_banks=TimeBankService(uow_factory, time),
        invoices=InvoiceService(uow_factory, time),
    )


def build_web_app(settings: Settings) -> FastAPI:
    """The web app on the configured database, with the system clock.

    Raises :class:`~careweave.adapters.storage.migrate.SchemaOutOfDateError` (saying to run
    ``careweave db upgrade``) unless the schema is current.
    """
    from careweave.adapters.web.app import create_app

    return create_app(settings, build_services(settings, build_engine(settings)))
