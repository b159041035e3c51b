"""The telecare services together, built once by whoever composes the app (web, CLI, consumer)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from careweave.clock import Clock
from careweave.services.telecare.activity import ActivityService
from careweave.services.telecare.alerting import AlertingService
from careweave.services.telecare.figures import FiguresService
from careweave.services.telecare.homes import HomeService
from careweave.services.telecare.ingest import IngestService
from careweave.services.telecare.ports import TelecareUnitOfWork
from careweave.services.telecare.response import ResponseService


@dataclass(frozen=True, slots=True)
class TelecareServices:
    """Every telecare use case, on one unit-of-work factory and one clock (pages read it too)."""

    ingest: IngestService
    alerting: AlertingService
    response: ResponseService
    homes: HomeService
    activity: ActivityService
    figures: FiguresService
    clock: Clock

    @classmethod
    def build(cls, uow_factory: Callable[[], TelecareUnitOfWork], clock: Clock) -> TelecareServices:
        """Build each service once on ``uow_factory`` and ``clock``."""
        return cls(
            ingest=IngestService(uow_factory, clock),
            alerting=AlertingService(uow_factory, clock),
            response=ResponseService(uow_factory, clock),
            homes=HomeService(uow_factory, clock),
            activity=ActivityService(uow_factory, clock),
            figures=FiguresService(uow_factory, clock),
            clock=clock,
        )
