"""``/api/workers``: the care workers of the teams."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from careweave.adapters.web.api.common import ERROR_RESPONSES, IdempotencyKey, PathId, idempotency
from careweave.adapters.web.api.common_schemas import ID_PATTERN, Page
from careweave.adapters.web.api.workforce.schemas import WorkerCreate, WorkerPublic, WorkerUpdate
from careweave.adapters.web.deps import CurrentActor, Svc
from careweave.adapters.web.deps import Page as Paging
from careweave.domain.workforce.workers import Skill

router = APIRouter(prefix="/workers", tags=["workers"], responses=ERROR_RESPONSES)


@router.get("", summary="List workers")
def list_workers(
    actor: CurrentActor,
    services: Svc,
    page: Paging,
    team_id: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
    active: bool | None = None,
    skill: Skill | None = None,
) -> Page[WorkerPublic]:
    """Workers of your teams, by family name."""
    found = services.workers.list(
        actor, team_id=team_id, active=active, skill=skill, limit=page.limit, offset=page.offset
    )
    return Page(
        items=[WorkerPublic.of(w) for w in found.items],
        total=found.total,
        limit=found.limit,
        offset=found.offset,
    )


@router.post("", status_code=201, summary="Add a worker")
def create_worker(
    body: WorkerCreate, actor: CurrentActor, services: Svc, key: IdempotencyKey = None
) -> WorkerPublic:
    """Add a worker to a team you coordinate."""
    worker = services.workers.create(actor, body.to_domain(), idempotency(key, body))
    return WorkerPublic.of(worker)


@router.get("/{worker_id}", summary="Read a worker")
def get_worker(worker_id: PathId, actor: CurrentActor, services: Svc) -> WorkerPublic:
    """One worker (their colleagues and coordinator)."""
    return WorkerPublic.of(services.workers.get(actor, worker_id))


@router.patch("/{worker_id}", summary="Change a worker")
def update_worker(
    worker_id: PathId, body: WorkerUpdate, actor: CurrentActor, services: Svc
) -> WorkerPublic:
    """Change a worker (their coordinator)."""
    return WorkerPublic.of(services.workers.update(actor, worker_id, body.changes()))


@router.delete("/{worker_id}", status_code=204, response_class=Response, summary="Remove a worker")
def delete_worker(worker_id: PathId, actor: CurrentActor, services: Svc) -> Response:
    """Remove a worker with no visits (deactivate instead when they have some)."""
    services.workers.delete(actor, worker_id)
    return Response(status_code=204)
