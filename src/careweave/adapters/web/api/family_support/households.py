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
from careweave.adapters.web.deps import CurrentActor, Svc
from careweave.domain.family_support.households import CarerHousehold

router = APIRouter(tags=["family support"], responses=ERROR_RESPONSES)


def _public(svc: Svc, household: CarerHousehold) -> HouseholdPublic:
    return HouseholdPublic.of(household, svc.family_support.clock.today())


@router.post("/schemes/{team_id}/households", status_code=201, summary="Register a household")
def register(team_id: PathId, body: HouseholdIn, actor: CurrentActor, svc: Svc) -> HouseholdPublic:
    """Register a carer household under assessment; the panel approves it later."""
    household = svc.family_support.households.register(actor, body.to_domain(team_id))
    return _public(svc, household)


@router.get("/schemes/{team_id}/households", summary="A scheme's households")
def list_households(team_id: PathId, actor: CurrentActor, svc: Svc) -> list[HouseholdPublic]:
    """The scheme's carer households by name, with their checks as of today."""
    return [_public(svc, h) for h in svc.family_support.households.list(actor, team_id)]


@router.get("/households/{household_id}", summary="A household")
def get_household(household_id: PathId, actor: CurrentActor, svc: Svc) -> HouseholdPublic:
    """One carer household."""
    return _public(svc, svc.family_support.households.get(actor, household_id))


@router.put("/households/{household_id}", summary="Change a household")
def update(
    household_id: PathId, body: HouseholdIn, actor: CurrentActor, svc: Svc
) -> HouseholdPublic:
    """Save its people, checks and offer (the panel's approval and the status stay)."""
    stored = svc.family_support.households.get(actor, household_id)
    changed = body.to_domain(stored.scheme_team_id, household_id)
    return _public(svc, svc.family_support.households.update(actor, changed))


@router.post("/households/{household_id}/approval", summary="Record the panel's approval")
def approve(
    household_id: PathId, body: ApprovalIn, actor: CurrentActor, svc: Svc
) -> HouseholdPublic:
    """The panel approved the household (the scheme's coordinator records it)."""
    return _public(
        svc, svc.family_support.households.approve(actor, household_id, body.to_domain())
    )


@router.post("/households/{household_id}/status", summary="Put on hold, back, or left")
def set_status(
    household_id: PathId, body: StatusIn, actor: CurrentActor, svc: Svc
) -> HouseholdPublic:
    """Change the household's status with the scheme (its coordinator)."""
    return _public(svc, svc.family_support.households.set_status(actor, household_id, body.status))


@router.post("/households/{household_id}/unavailable", status_code=201, summary="Mark nights away")
def add_unavailable(
    household_id: PathId, body: UnavailableIn, actor: CurrentActor, svc: Svc
) -> HouseholdPublic:
    """Nights the household hosts no one (short breaks are not fitted there)."""
    changed = svc.family_support.households.add_unavailability(
        actor, household_id, body.to_domain()
    )
    return _public(svc, changed)
