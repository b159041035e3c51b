"""The plans area's services for routes and pages, built once per app on its unit-of-work factory.

The composition root gives the app units of work that carry the plans repositories
(:class:`careweave.adapters.storage.uow.SqlUnitOfWork`); this module wraps that factory in
the plans services and caches them on the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, cast

from fastapi import Depends, Request

from careweave.adapters.web.deps import get_services
from careweave.services.accounts.access import Actor
from careweave.services.people.fhir_exchange import FhirExchangeService
from careweave.services.people.person_page import PersonPage, read_person_page
from careweave.services.plans.eligibility import AssessmentService
from careweave.services.plans.plans import PlanService
from careweave.services.plans.ports import PlansUnitOfWork
from careweave.services.reablement.reablement import ReablementService
from careweave.services.visits.recording_ports import RecordingPlansUnitOfWork


@dataclass(frozen=True, slots=True)
class PlanServices:
    """The use cases of people's plans and outcomes."""

    uow_factory: Callable[[], PlansUnitOfWork]
    plans: PlanService
    assessments: AssessmentService
    reablement: ReablementService
    fhir: FhirExchangeService

    def person_page(self, actor: Actor, person_id: str) -> PersonPage:
        """Everything the person page shows (one audited read)."""
        return read_person_page(self.uow_factory, actor, person_id)

    @classmethod
    def build(cls, uow_factory: Callable[[], PlansUnitOfWork]) -> PlanServices:
        """Wire every plans service on ``uow_factory``."""
        return cls(
            uow_factory=uow_factory,
            plans=PlanService(uow_factory),
            assessments=AssessmentService(uow_factory),
            reablement=ReablementService(uow_factory),
            fhir=FhirExchangeService(uow_factory),
        )


def get_plan_services(request: Request) -> PlanServices:
    """The plans services of this app (built on first use)."""
    cached = getattr(request.app.state, "plan_services", None)
    if isinstance(cached, PlanServices):
        return cached
    factory = cast(Callable[[], PlansUnitOfWork], get_services(request).uow_factory)
    built = PlanServices.build(factory)
    request.app.state.plan_services = built
    return built


PlanSvc = Annotated[PlanServices, Depends(get_plan_services)]


def recording_plans_uow_factory(request: Request) -> Callable[[], RecordingPlansUnitOfWork]:
    """The app's unit-of-work factory as the recording and plans areas together need it (visit
    progress notes against plan goals); the composition root builds it with every area's
    repositories (:class:`careweave.adapters.storage.uow.SqlUnitOfWork`)."""
    return cast(Callable[[], RecordingPlansUnitOfWork], get_services(request).uow_factory)


RecordingPlansUow = Annotated[
    Callable[[], RecordingPlansUnitOfWork], Depends(recording_plans_uow_factory)
]
