"""What makes the Open Referral API public and safe to be public: the CORS header on every
answer (the UK profile's compliance rules ask for ``Access-Control-Allow-Origin: *``) and a
throttle per client, as those rules allow, so that no one caller can starve the others."""

from __future__ import annotations

import json
import math

from limits import RateLimitItem, RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from careweave.clock import Clock

# Generous for an aggregator paging through the whole directory, small enough that one caller
# cannot take the server from everyone else.
DEFAULT_REQUESTS_PER_MINUTE = 1200
CORS_HEADERS = (
    (b"access-control-allow-origin", b"*"),
    (b"access-control-allow-methods", b"GET, HEAD, OPTIONS"),
    (b"access-control-allow-headers", b"*"),
    (b"access-control-max-age", b"86400"),
)


class OpenAccessMiddleware:
    """Add the CORS headers to every answer and answer a browser's preflight itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS":
            await send(
                {"type": "http.response.start", "status": 204, "headers": list(CORS_HEADERS)}
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["access-control-allow-origin"] = "*"
            await send(message)

        await self.app(scope, receive, send_with_cors)


class ThrottleMiddleware:
    """Answer 429 with ``Retry-After`` to a client past ``requests_per_minute`` in a moving
    window (counted per client address, in this process's memory, by the ``limits`` library)."""

    def __init__(
        self, app: ASGIApp, *, clock: Clock, requests_per_minute: int = DEFAULT_REQUESTS_PER_MINUTE
    ) -> None:
        self.app = app
        self.clock = clock
        self.limit: RateLimitItem = RateLimitItemPerMinute(requests_per_minute)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        who = client[0] if client else "unknown"
        if self.limiter.hit(self.limit, "openreferral", who):
            await self.app(scope, receive, send)
            return
        reset = self.limiter.get_window_stats(self.limit, "openreferral", who).reset_time
        retry_after = max(1, math.ceil(reset - self.clock.now().timestamp()))
        body = json.dumps(
            {
                "error": {
                    "code": "rate_limited",
                    "message": f"too many requests; try again in {retry_after} s",
                    "field": None,
                }
            }
        ).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"retry-after", str(retry_after).encode()),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 429, "headers": headers})
        await send({"type": "http.response.body", "body": body})
