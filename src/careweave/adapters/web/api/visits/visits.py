"""``/api/visits``: visits to people at home. A change carries the version it was based on."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from careweave.adapters.web.api.common import ERROR_RESPONSES, IdempotencyKey, PathId, idempotency
from careweave.adapters.web.api.common_schemas import ID_PATTERN, Page
from careweave.adapters.web.api.visits.schemas import VisitCreate, VisitPublic, VisitUpdate
from careweave.adapters.web.deps import CurrentActor, Svc
from careweave.adapters.web.deps import Page as Paging
from careweave.domain.visits.visit import VisitStatus
from careweave.services.visits.visits import VisitFilter

router = APIRouter(prefix="/visits", tags=["visits"], responses=ERROR_RESPONSES)
OptionalId = Annotated[str | None, Query(pattern=ID_PATTERN)]


@router.get("", summary="List visits")
def list_visits(
    actor: CurrentActor,
    services: Svc,
    page: Paging,
    team_id: OptionalId = None,
    person_id: OptionalId = None,
    worker_id: OptionalId = None,
    day_from: date | None = None,
    day_to: date | None = None,
    status: Annotated[list[VisitStatus] | None, Query(max_length=6)] = None,
) -> Page[VisitPublic]:
    """Visits to people of your teams, by day and window."""
    where = VisitFilter(
        team_id=team_id,
        person_id=person_id,
        worker_id=worker_id,
        day_from=day_from,
        day_to=day_to,
        status=frozenset(status) if status else None,
    )
    found = services.visits.list(actor, where, limit=page.limit, offset=page.offset)
    return Page(
        items=[VisitPublic.of(v) for v in found.items],
        total=found.total,
        limit=found.limit,
        offset=found.offset,
    )


@router.post("", status_code=201, summary="Plan a visit")
def create_visit(
    body: VisitCreate, actor: CurrentActor, services: Svc, key: IdempotencyKey = None
) -> VisitPublic:
    """Plan a visit to a person of a team you coordinate."""
    return VisitPublic.of(services.visits.create(actor, body.to_domain(), idempotency(key, body)))


@router.get("/{visit_id}", summary="Read a visit")
def get_visit(visit_id: PathId, actor: CurrentActor, services: Svc) -> VisitPublic:
    """One visit, with its ``version`` (send it back when you change the visit)."""
    return VisitPublic.of(services.visits.get(actor, visit_id))


@router.patch("/{visit_id}", summary="Change a visit")
def update_visit(
    visit_id: PathId, body: VisitUpdate, actor: CurrentActor, services: Svc
) -> VisitPublic:
    """Change status or assignment. A stale ``version`` answers 409 and writes nothing."""
    return VisitPublic.of(services.visits.update(actor, visit_id, body.version, body.changes()))


@router.delete("/{visit_id}", status_code=204, response_class=Response, summary="Remove a visit")
def delete_visit(visit_id: PathId, actor: CurrentActor, services: Svc) -> Response:
    """Remove a visit (coordinators; cancelling keeps the history and is usually better)."""
    services.visits.delete(actor, visit_id)
    return Response(status_code=204)
