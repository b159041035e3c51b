"""What the API routers share: path and header parameters, documented error answers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Header, Path
from pydantic import BaseModel

from careweave.adapters.web.api.common_schemas import ID_PATTERN
from careweave.services.accounts.idempotency import KEY_MAX_LENGTH, Idempotency


class ErrorDetail(BaseModel):
    """What went wrong: a stable ``code``, a plain ``message`` and the ``field`` at fault."""

    code: str
    message: str
    field: str | None


class ErrorBody(BaseModel):
    """Every error answer of the API."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (401, "Not signed in and no valid API token"),
        (403, "Not allowed (or the CSRF token is missing for a browser session)"),
        (404, "Not found, or not visible to you"),
        (409, "Conflict: a duplicate, or the record changed since you read it"),
        (422, "Invalid input; `field` names what to fix"),
    )
}

PathId = Annotated[str, Path(pattern=ID_PATTERN, description="A record id")]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=KEY_MAX_LENGTH,
        description="Send the same key when retrying a create: the record is made only once.",
    ),
]


def idempotency(key: str | None, body: BaseModel) -> Idempotency | None:
    """The idempotency of a create request (``None`` without a key)."""
    return None if key is None else Idempotency.of(key, body.model_dump(mode="json"))
