"""``/api/people``: the people who draw on care, and who is coming to them when."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from careweave.adapters.web.api.common import ERROR_RESPONSES, IdempotencyKey, PathId, idempotency
from careweave.adapters.web.api.common_schemas import ID_PATTERN, Page
from careweave.adapters.web.api.people.schemas import (
    PersonCreate,
    PersonPublic,
    PersonUpdate,
    UpcomingVisitPublic,
)
from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc
from careweave.adapters.web.deps import Page as Paging
from careweave.domain.people.person import CareModel
from careweave.services.people.people import MAX_UPCOMING_DAYS

router = APIRouter(prefix="/people", tags=["people"], responses=ERROR_RESPONSES)


@router.get("", summary="List people")
def list_people(
    actor: CurrentActor,
    services: Svc,
    page: Paging,
    team_id: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
    care_model: CareModel | None = None,
    name: Annotated[str | None, Query(max_length=80, pattern=r"^[^\x00-\x1f]*$")] = None,
) -> Page[PersonPublic]:
    """People you may see (your teams', your caseload, or your relative), by family name."""
    found = services.people.list(
        actor,
        team_id=team_id,
        care_model=care_model,
        name_contains=name or None,
        limit=page.limit,
        offset=page.offset,
    )
    return Page(
        items=[PersonPublic.of(p) for p in found.items],
        total=found.total,
        limit=found.limit,
        offset=found.offset,
    )


@router.post("", status_code=201, summary="Add a person")
def create_person(
    body: PersonCreate, actor: CurrentActor, services: Svc, key: IdempotencyKey = None
) -> PersonPublic:
    """Add a person to one of your teams (coordinators)."""
    person = services.people.create(actor, body.to_domain(), idempotency(key, body))
    return PersonPublic.of(person)


@router.get("/{person_id}", summary="Read a person's record")
def get_person(person_id: PathId, actor: CurrentActor, services: Svc) -> PersonPublic:
    """One person's record (audited)."""
    return PersonPublic.of(services.people.get(actor, person_id))


@router.patch("/{person_id}", summary="Change a person's record")
def update_person(
    person_id: PathId, body: PersonUpdate, actor: CurrentActor, services: Svc
) -> PersonPublic:
    """Change a person's record (their coordinator or practitioner)."""
    return PersonPublic.of(services.people.update(actor, person_id, body.changes()))


@router.delete("/{person_id}", status_code=204, response_class=Response, summary="Remove a person")
def delete_person(person_id: PathId, actor: CurrentActor, services: Svc) -> Response:
    """Remove a person with no visits (their team's coordinator)."""
    services.people.delete(actor, person_id)
    return Response(status_code=204)


@router.get("/{person_id}/upcoming-visits", summary="Who is coming, and when")
def upcoming_visits(
    person_id: PathId,
    actor: CurrentActor,
    services: Svc,
    clock: ClockDep,
    days: Annotated[int, Query(ge=1, le=MAX_UPCOMING_DAYS)] = 14,
) -> list[UpcomingVisitPublic]:
    """The person's coming visits with only the workers' first names (family, team)."""
    visits = services.people.upcoming_visits(actor, person_id, today=clock.today(), days=days)
    return [UpcomingVisitPublic.of(v) for v in visits]
