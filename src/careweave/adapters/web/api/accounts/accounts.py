"""``/api/me``, ``/api/tokens`` and ``/api/audit``: who you are, your API tokens, the audit trail."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from careweave.adapters.web.api.accounts.schemas import (
    AuditEntryPublic,
    TokenCreate,
    TokenCreated,
    TokenPublic,
)
from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.api.common_schemas import ID_PATTERN, Page
from careweave.adapters.web.deps import CurrentActor, Svc
from careweave.adapters.web.deps import Page as Paging
from careweave.domain.accounts.users import Role

router = APIRouter(tags=["accounts"], responses=ERROR_RESPONSES)


class MePublic(BaseModel):
    """The signed-in user."""

    user_id: str
    username: str
    display_name: str
    role: Role
    team_ids: list[str]


@router.get("/me", summary="Who am I")
def me(actor: CurrentActor) -> MePublic:
    """The signed-in user and their teams."""
    return MePublic(
        user_id=actor.user_id,
        username=actor.username,
        display_name=actor.display_name,
        role=actor.role,
        team_ids=sorted(actor.team_ids),
    )


@router.get("/tokens", summary="List my API tokens")
def list_tokens(actor: CurrentActor, services: Svc) -> list[TokenPublic]:
    """Your tokens, newest first (never their secrets)."""
    return [TokenPublic.of(t) for t in services.accounts.list_api_tokens(actor)]


@router.post("/tokens", status_code=201, summary="Make an API token")
def create_token(body: TokenCreate, actor: CurrentActor, services: Svc) -> TokenCreated:
    """A new token acting as you; ``token`` is shown only in this answer."""
    token, secret = services.accounts.create_api_token(actor, body.name)
    return TokenCreated(**TokenPublic.of(token).model_dump(), token=secret)


@router.delete(
    "/tokens/{token_id}", status_code=204, response_class=Response, summary="Revoke an API token"
)
def revoke_token(token_id: PathId, actor: CurrentActor, services: Svc) -> Response:
    """Stop one of your tokens from working."""
    services.accounts.revoke_api_token(actor, token_id)
    return Response(status_code=204)


@router.get("/audit", summary="Read the audit trail")
def list_audit(
    actor: CurrentActor,
    services: Svc,
    page: Paging,
    record_kind: Annotated[str | None, Query(max_length=40, pattern=r"^[a-z_]+$")] = None,
    record_id: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
) -> Page[AuditEntryPublic]:
    """Entries about your teams' records and your own actions (coordinators), newest first."""
    found = services.audit.list_entries(
        actor, record_kind=record_kind, record_id=record_id, limit=page.limit, offset=page.offset
    )
    return Page(
        items=[AuditEntryPublic.of(e) for e in found.items],
        total=found.total,
        limit=page.limit,
        offset=page.offset,
    )
