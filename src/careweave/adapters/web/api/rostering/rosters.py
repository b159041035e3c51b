"""``/api/rosters``: a team's day, worker by worker."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter

from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.api.visits.schemas import RosterPublic
from careweave.adapters.web.deps import CurrentActor, Svc

router = APIRouter(prefix="/rosters", tags=["rosters"], responses=ERROR_RESPONSES)


@router.get("/{team_id}/{day}", summary="A team's roster for a day")
def get_roster(team_id: PathId, day: date, actor: CurrentActor, services: Svc) -> RosterPublic:
    """Each worker's visits in planned order, and the visits nobody has yet."""
    return RosterPublic.of(services.visits.roster(actor, team_id, day))
