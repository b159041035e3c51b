"""``/api/reablement``: episodes, weekly reviews, the end and follow-up, the board and figures."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter

from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.api.reablement.schemas import (
    BoardRowPublic,
    EndIn,
    EpisodeIn,
    EpisodePublic,
    FiguresPublic,
    FollowUpIn,
    ReviewIn,
    barthel,
)
from careweave.adapters.web.deps import CurrentActor, Svc
from careweave.domain.reablement.episodes import EndResult
from careweave.domain.values import require_member

router = APIRouter(tags=["reablement"], responses=ERROR_RESPONSES)


@router.post("/people/{person_id}/reablement", status_code=201, summary="Start an episode")
def start(person_id: PathId, body: EpisodeIn, actor: CurrentActor, svc: Svc) -> EpisodePublic:
    """Start a reablement episode (planned to end on day 42 unless a reason says otherwise)."""
    episode = svc.reablement.start(
        actor,
        person_id,
        body.started_on,
        plan_id=body.plan_id,
        goal_ids=body.goal_ids,
        barthel_start=barthel(body.barthel_start),
        planned_end_on=body.planned_end_on,
        extension_reason=body.extension_reason,
    )
    return EpisodePublic.of(episode)


@router.get("/people/{person_id}/reablement", summary="A person's episodes")
def list_episodes(person_id: PathId, actor: CurrentActor, svc: Svc) -> list[EpisodePublic]:
    """The person's reablement episodes."""
    return [EpisodePublic.of(e) for e in svc.reablement.episodes_of(actor, person_id)]


@router.post("/reablement/{episode_id}/reviews", status_code=201, summary="Record a weekly review")
def review(episode_id: PathId, body: ReviewIn, actor: CurrentActor, svc: Svc) -> EpisodePublic:
    """Record the team's weekly review."""
    return EpisodePublic.of(svc.reablement.add_review(actor, episode_id, body.to_domain()))


@router.post("/reablement/{episode_id}/end", summary="End an episode")
def end(episode_id: PathId, body: EndIn, actor: CurrentActor, svc: Svc) -> EpisodePublic:
    """End the episode with its result and the Barthel Index at the end."""
    result = require_member("episode.end_result", body.result, EndResult)
    episode = svc.reablement.end(
        actor,
        episode_id,
        ended_on=body.ended_on,
        result=result,
        barthel_end=barthel(body.barthel_end),
        extension_reason=body.extension_reason,
    )
    return EpisodePublic.of(episode)


@router.post("/reablement/{episode_id}/follow-up", summary="Record the 91-day follow-up")
def follow_up(episode_id: PathId, body: FollowUpIn, actor: CurrentActor, svc: Svc) -> EpisodePublic:
    """Whether the person was still at home 91 days after the episode."""
    return EpisodePublic.of(
        svc.reablement.follow_up(
            actor, episode_id, checked_on=body.checked_on, at_home=body.at_home
        )
    )


@router.get("/reablement/board", summary="The reablement board")
def board(actor: CurrentActor, svc: Svc, day: date | None = None) -> list[BoardRowPublic]:
    """Open episodes you may see, fewest free days left first."""
    return [BoardRowPublic.of(r) for r in svc.reablement.board(actor, day)]


@router.get("/reablement/figures", summary="Reablement report figures")
def figures(actor: CurrentActor, svc: Svc) -> FiguresPublic:
    """Share ending with no ongoing support, median Barthel change, share at home after 91 days."""
    return FiguresPublic.of(svc.reablement.figures(actor))
