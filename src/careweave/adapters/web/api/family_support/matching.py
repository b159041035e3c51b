"""``/api/schemes/{team}/match-board``, the scheme's weights, and proposing a match."""

from __future__ import annotations

from fastapi import APIRouter

from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.api.family_support.match_schemas import (
    ArrangementPublic,
    BoardPublic,
    ProposalIn,
    WeightsSchema,
)
from careweave.adapters.web.deps import CurrentActor, Svc

router = APIRouter(tags=["family support"], responses=ERROR_RESPONSES)


@router.get("/schemes/{team_id}/match-board", summary="The best match of the waiting list")
def board(team_id: PathId, actor: CurrentActor, svc: Svc) -> BoardPublic:
    """The assignment with the largest total compatibility, each person's shortlist with every
    factor's reason, short breaks fitted into calendars, and any blocking pair."""
    return BoardPublic.of(svc.family_matching.board(actor, team_id))


@router.get("/schemes/{team_id}/weights", summary="The scheme's weights")
def get_weights(team_id: PathId, actor: CurrentActor, svc: Svc) -> WeightsSchema:
    """Each compatibility factor's weight."""
    return WeightsSchema.of(svc.family_matching.weights(actor, team_id))


@router.put("/schemes/{team_id}/weights", summary="Set the scheme's weights")
def set_weights(
    team_id: PathId, body: WeightsSchema, actor: CurrentActor, svc: Svc
) -> WeightsSchema:
    """Set the weights (the scheme's coordinator)."""
    return WeightsSchema.of(svc.family_matching.set_weights(actor, team_id, body.to_domain()))


@router.post("/referrals/{referral_id}/proposals", status_code=201, summary="Propose a match")
def propose(
    referral_id: PathId, body: ProposalIn, actor: CurrentActor, svc: Svc
) -> ArrangementPublic:
    """Start introductions; a pair that breaks a hard rule is refused with the rule named."""
    arrangement = svc.family_matching.propose(
        actor,
        referral_id,
        body.household_id,
        room=body.room,
        rate_pence=body.rate_pence,
        weekdays=frozenset(body.weekdays),
    )
    return ArrangementPublic.of(arrangement)
