"""``/api/schemes/{team}/households`` and ``/api/households``: carer households, their panel
approval, status and calendar."""

from __future__ import annotations

from fastapi import APIRouter

from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.api.family_support.schemas import (
    ApprovalIn,
    HouseholdIn,
    HouseholdPublic,
    StatusIn,
    UnavailableIn,
)
from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc
from careweave.clock import Clock
from careweave.domain.family_support.households import CarerHousehold

router = APIRouter(tags=["family support"], responses=ERROR_RESPONSES)


def _public(clock: Clock, household: CarerHousehold) -> HouseholdPublic:
    return HouseholdPublic.of(household, clock.today())


@router.post("/schemes/{team_id}/households", status_code=201, summary="Register a household")
def register(
    team_id: PathId, body: HouseholdIn, actor: CurrentActor, svc: Svc, clock: ClockDep
) -> HouseholdPublic:
    """Register a carer household under assessment; the panel approves it later."""
    household = svc.carer_households.register(actor, body.to_domain(team_id))
    return _public(clock, household)


@router.get("/schemes/{team_id}/households", summary="A scheme's households")
def list_households(
    team_id: PathId, actor: CurrentActor, svc: Svc, clock: ClockDep
) -> list[HouseholdPublic]:
    """The scheme's carer households by name, with their checks as of today."""
    return [_public(clock, h) for h in svc.carer_households.list(actor, team_id)]


@router.get("/households/{household_id}", summary="A household")
def get_household(
    household_id: PathId, actor: CurrentActor, svc: Svc, clock: ClockDep
) -> HouseholdPublic:
    """One carer household."""
    return _public(clock, svc.carer_households.get(actor, household_id))


@router.put("/households/{household_id}", summary="Change a household")
def update(
    household_id: PathId, body: HouseholdIn, actor: CurrentActor, svc: Svc, clock: ClockDep
) -> HouseholdPublic:
    """Save its people, checks and offer (the panel's approval and the status stay)."""
    stored = svc.carer_households.get(actor, household_id)
    changed = body.to_domain(stored.scheme_team_id, household_id)
    return _public(clock, svc.carer_households.update(actor, changed))


@router.post("/households/{household_id}/approval", summary="Record the panel's approval")
def approve(
    household_id: PathId, body: ApprovalIn, actor: CurrentActor, svc: Svc, clock: ClockDep
) -> HouseholdPublic:
    """The panel approved the household (the scheme's coordinator records it)."""
    return _public(clock, svc.carer_households.approve(actor, household_id, body.to_domain()))


@router.post("/households/{household_id}/status", summary="Put on hold, back, or left")
def set_status(
    household_id: PathId, body: StatusIn, actor: CurrentActor, svc: Svc, clock: ClockDep
) -> HouseholdPublic:
    """Change the household's status with the scheme (its coordinator)."""
    return _public(clock, svc.carer_households.set_status(actor, household_id, body.status))


@router.post("/households/{household_id}/unavailable", status_code=201, summary="Mark nights away")
def add_unavailable(
    household_id: PathId, body: UnavailableIn, actor: CurrentActor, svc: Svc, clock: ClockDep
) -> HouseholdPublic:
    """Nights the household hosts no one (short breaks are not fitted there)."""
    changed = svc.carer_households.add_unavailability(actor, household_id, body.to_domain())
    return _public(clock, changed)
