"""``POST /api/telecare/events``: devices send their events, one or a batch of up to 1,000.

A device proves itself with its token in the ``X-Device-Token`` header (not a user's session or
API token). The answer comes only after the events are committed, so a device that gets a 2xx may
forget them; one that gets anything else (or nothing) sends them again, and repeats are stored once.
When a new event is a pendant press, a fall, smoke or flood, the person's rules run at once, so
the emergency is raised within the request; if that fails, the events are safe and the next run
raises it. The other rules fire on the clock, in the periodic run (``careweave telecare listen``
runs it, or ``careweave telecare tick`` from cron, or the console while it is open).
"""

from __future__ import annotations

import json
import logging
from typing import Annotated

from fastapi import APIRouter, HTTPException, Request, Security
from fastapi.security import APIKeyHeader
from starlette.concurrency import run_in_threadpool

from careweave.adapters.web.api.common import ERROR_RESPONSES
from careweave.adapters.web.api.telecare.schemas import EVENTS_BODY, ReceiptPublic
from careweave.adapters.web.deps import Svc
from careweave.domain.accounts.users import NotAuthenticatedError
from careweave.domain.errors import DomainValidationError
from careweave.domain.telecare.events import read_batch

logger = logging.getLogger("careweave.telecare")

# A full batch of 1,000 events is about 150 kB; anything much larger is not a batch of events.
MAX_BODY_BYTES = 1_000_000

device_token = APIKeyHeader(
    name="X-Device-Token",
    auto_error=False,
    scheme_name="DeviceToken",
    description="The secret token the device was given when it was registered",
)

router = APIRouter(prefix="/telecare", tags=["telecare"], responses=ERROR_RESPONSES)


@router.post(
    "/events",
    summary="Send device events",
    openapi_extra={"requestBody": EVENTS_BODY},
    responses={413: {"description": "The body is larger than 1 MB"}},
)
async def post_events(
    request: Request, services: Svc, token: Annotated[str | None, Security(device_token)] = None
) -> ReceiptPublic:
    """Store one event or a batch of up to 1,000 and say how many were new; each event's
    ``(device_id, sequence)`` is stored once however often it is sent."""
    if not token:
        # Nobody to store anything for: say so before reading what was sent.
        raise NotAuthenticatedError("send the device's token in the X-Device-Token header")
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        raise HTTPException(413, "the body is larger than 1 MB; send smaller batches")
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise DomainValidationError("body", "is not valid JSON") from None
    events = read_batch(payload)
    receipt = await run_in_threadpool(services.telecare_ingest.ingest_with_token, token, events)
    if receipt.urgent:
        try:
            await run_in_threadpool(services.telecare_alerting.run, {receipt.person_id})
        except Exception:  # the events are committed; the periodic run raises what this missed
            logger.exception("evaluating the rules after an ingest failed")
    return ReceiptPublic(stored=receipt.stored, repeats=receipt.repeats)
