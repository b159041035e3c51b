"""The match board: the best match of the waiting list with every factor's reason, each person's
shortlist with a button to start introductions, blocking pairs, and the scheme's weights."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import CurrentActor, Svc, Templates
from careweave.adapters.web.pages.plans.forms import text, whole
from careweave.domain.family_support.factors import FACTOR_TITLES, Factor, Weights
from careweave.domain.family_support.vocab import ARRANGEMENT_TYPE_TITLES
from careweave.services.family_support.access import can_lead_scheme

router = APIRouter(include_in_schema=False)


@router.get("/family-support/{team_id}/board")
def board(
    request: Request, team_id: str, actor: CurrentActor, svc: Svc, templates: Templates
) -> Response:
    """The best whole-list match and each person's shortlist, with the reasons."""
    found = svc.family_matching.board(actor, team_id)
    context = {
        "team_id": team_id,
        "board": found,
        "kinds": ARRANGEMENT_TYPE_TITLES,
        "factor_titles": FACTOR_TITLES,
        "weights": [(f, FACTOR_TITLES[f], found.weights.of(f)) for f in Factor],
        "can_set_weights": can_lead_scheme(actor, team_id),
        "saved": request.query_params.get("saved", ""),
    }
    return templates.TemplateResponse(request, "pages/family_support/board.html", context)


@router.post("/family-support/referrals/{referral_id}/propose")
async def propose(request: Request, referral_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """Start introductions with the chosen household (refused, naming the rule, if one breaks)."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    arrangement = svc.family_matching.propose(
        actor, referral_id, text(form, "household_id"), room=text(form, "room") or None
    )
    return RedirectResponse(
        f"/family-support/arrangements/{arrangement.id}?saved=introduction", status_code=303
    )


@router.post("/family-support/{team_id}/weights")
async def set_weights(request: Request, team_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """Save the scheme's weights (its coordinator)."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    weights = Weights({f: whole(form, f"weight-{f.value}", f"weights.{f.value}") for f in Factor})
    svc.family_matching.set_weights(actor, team_id, weights)
    return RedirectResponse(f"/family-support/{team_id}/board?saved=weights", status_code=303)
