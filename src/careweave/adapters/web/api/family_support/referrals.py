"""``/api/people/{person}/shared-lives-referrals`` and ``/api/referrals``: the waiting list."""

from __future__ import annotations

from fastapi import APIRouter

from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.api.family_support.referral_schemas import (
    CloseIn,
    ReferralIn,
    ReferralPublic,
)
from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc

router = APIRouter(tags=["family support"], responses=ERROR_RESPONSES)


@router.post("/people/{person_id}/shared-lives-referrals", status_code=201, summary="Refer someone")
def refer(
    person_id: PathId, body: ReferralIn, actor: CurrentActor, svc: Svc, clock: ClockDep
) -> ReferralPublic:
    """Put the person on a scheme's waiting list (their practitioner or team coordinator)."""
    today = clock.today()
    referral = svc.family_referrals.refer(actor, body.to_domain(person_id, today))
    row = svc.family_referrals.get(actor, referral.id)
    return ReferralPublic.of(row.referral, row.person.display_name)


@router.get("/schemes/{team_id}/referrals", summary="A scheme's waiting list")
def waiting_list(
    team_id: PathId, actor: CurrentActor, svc: Svc, everyone: bool = False
) -> list[ReferralPublic]:
    """Referrals waiting or in introductions, oldest first (``everyone``: matched and closed too)."""
    rows = svc.family_referrals.waiting_list(actor, team_id, open_only=not everyone)
    return [ReferralPublic.of(r.referral, r.person.display_name) for r in rows]


@router.get("/referrals/{referral_id}", summary="A referral")
def get_referral(referral_id: PathId, actor: CurrentActor, svc: Svc) -> ReferralPublic:
    """One referral."""
    row = svc.family_referrals.get(actor, referral_id)
    return ReferralPublic.of(row.referral, row.person.display_name)


@router.post("/referrals/{referral_id}/close", summary="Close without a match")
def close(referral_id: PathId, body: CloseIn, actor: CurrentActor, svc: Svc) -> ReferralPublic:
    """Close the referral with the reason."""
    svc.family_referrals.close(actor, referral_id, body.reason)
    row = svc.family_referrals.get(actor, referral_id)
    return ReferralPublic.of(row.referral, row.person.display_name)
