"""The web suite: latency and throughput of the team board and the visit check-in over HTTP.

A real server (``careweave serve``, with one uvicorn worker process and then with two) runs on
loopback against a seeded demo database, on SQLite and on PostgreSQL (``CAREWEAVE_TEST_POSTGRES_URL``,
set by ``scripts/with_postgres.py``). An asyncio load generator sends requests at a fixed rate (open
loop) for a bounded time; each latency is measured from the moment the request was due, so a
server that falls behind is not flattered by the client waiting for it. Target: p99 < 100 ms at
200 requests/s on SQLite.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import socket
import subprocess
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from datetime import time as clock
from pathlib import Path

import httpx

from benchmarks.processes import careweave_command
from benchmarks.registry import RunOptions
from benchmarks.tables import figure, header, table

TITLE = "Web load: team board and visit check-in over HTTP"
# The target rate, and a lower one that shows where the server holds on this machine.
RATES = (50.0, 200.0)
# One worker process, and two (``careweave serve --workers 2``), side by side.
WORKER_COUNTS = (1, 2)
WARM_UP_REQUESTS = 16
QUICK_SECONDS, FULL_SECONDS = 4.0, 15.0
TARGET_P99_MS = 100.0
REQUEST_TIMEOUT = 10.0
STARTUP_SECONDS = 60.0
SETTLED_SECONDS = 0.05
SETTLE_LIMIT_SECONDS = 120.0
PASSWORD = "demo"
POSTGRES_ENV = "CAREWEAVE_TEST_POSTGRES_URL"
COLUMNS = [
    "database",
    "workers",
    "endpoint",
    "rate asked /s",
    "requests",
    "errors",
    "throughput /s",
    "p50 ms",
    "p90 ms",
    "p99 ms",
    "max ms",
    "p99 < 100 ms",
]

NOTES = """\
## Notes
- `careweave serve --workers N` (uvicorn; N = 1, then N = 2 worker processes, each with its own
  database pool) on 127.0.0.1 and the load generator share the machine's cores; the database is
  the demo neighbourhood (`careweave demo seed`: 60 people, 12 workers, 2 teams, a week of visits).
- board: `GET /teams/<team A>/board` as the coordinator. Each request builds the board (today's
  visits, who is where, people needing a review: plan reviews due, late/missed visits and
  medication problems of the week) in one transaction and writes one audit entry; the late/missed
  scan runs at most every 30 s per team in each worker.
- check-in: `POST /visits/<id>/check-in` as worker.b, each request a different visit (made for
  the run in team B, all day long windows) with its own idempotency key: a real write of the visit, the
  visit record, the idempotency key and an audit entry.
- Latency is measured from when each request was due (open loop at a fixed rate), so queueing
  counts; throughput is completed requests over the time from the first due request to the last
  answer. Errors are non-2xx/3xx answers or timeouts (10 s).
"""


@dataclass(frozen=True)
class Phase:
    """What one measured run found."""

    latencies_ms: list[float]
    errors: int
    seconds: float

    def percentile(self, share: float) -> float | None:
        """The latency below which ``share`` of the requests fell (nearest rank)."""
        if not self.latencies_ms:
            return None
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


async def drive(send: Callable[[int], Awaitable[bool]], rate: float, count: int) -> Phase:
    """Call ``send(i)`` for ``i`` in ``range(count)`` at ``rate`` per second (open loop)."""
    loop = asyncio.get_running_loop()
    start = loop.time() + 0.05
    latencies: list[float] = []
    errors = 0

    async def one(index: int) -> None:
        nonlocal errors
        due = start + index / rate
        await asyncio.sleep(max(0.0, due - loop.time()))
        try:
            ok = await send(index)
        except httpx.HTTPError:
            ok = False
        latencies.append((loop.time() - due) * 1000)
        errors += 0 if ok else 1

    await asyncio.gather(*(one(i) for i in range(count)))
    return Phase(latencies, errors, loop.time() - start)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [*careweave_command(), *args], env=env, capture_output=True, text=True, timeout=600
    )
    if done.returncode != 0:
        raise RuntimeError(f"careweave {' '.join(args)} failed: {done.stderr.strip()[-500:]}")


def _prepare(database_url: str, visits: int) -> tuple[str, list[str]]:
    """Team A's id (whose board is measured) and ``visits`` new all-day visits today in team B
    for worker.b to check in to (kept out of team A so they do not swell the measured board)."""
    from careweave.adapters.storage.database import make_engine, make_session_factory
    from careweave.adapters.storage.uow import SqlUnitOfWork
    from careweave.domain.visits.visit import Visit

    engine = make_engine(database_url)
    try:
        with SqlUnitOfWork(make_session_factory(engine)) as uow:
            team_a, team_b = uow.teams.list(limit=2)
            user = uow.users.find_by_username("worker.b")
            if user is None or user.worker_id is None:
                raise RuntimeError("the demo seed made no worker.b")
            people = uow.people.list(team_id=team_b.id)
            made = []
            for index in range(visits):
                visit = Visit(
                    person_id=people[index % len(people)].id,
                    day=date.today(),
                    window_start=clock(0, 0),
                    window_end=clock(23, 59),
                    duration_min=15,
                )
                visit.assign((user.worker_id,), clock(23, 0))
                made.append(visit)
            uow.visits.add_all(made)
            uow.commit()
            return team_a.id, [v.id for v in made]
    finally:
        engine.dispose()


@contextmanager
def _server(env: dict[str, str], workers: int) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [
            *careweave_command(),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError("careweave serve stopped while starting")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise RuntimeError("careweave serve did not start in time")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


async def _login(client: httpx.AsyncClient, username: str) -> str:
    page = await client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    if token is None:
        raise RuntimeError("no CSRF token on the login page")
    form = {"username": username, "password": PASSWORD, "csrf_token": token.group(1), "next": "/"}
    reply = await client.post("/login", data=form)
    if reply.status_code != 303:
        raise RuntimeError(f"{username} could not sign in ({reply.status_code})")
    home = await client.get("/")
    found = re.search(r'name="csrf-token" content="([^"]+)"', home.text)
    if found is None:
        raise RuntimeError("no CSRF token after signing in")
    return found.group(1)


def _client(base: str) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    return httpx.AsyncClient(
        base_url=base, timeout=REQUEST_TIMEOUT, limits=limits, follow_redirects=False
    )


async def _measure(
    base: str, team_id: str, visit_ids: list[str], seconds: float
) -> list[tuple[str, float, Phase]]:
    async with _client(base) as coordinator, _client(base) as worker:
        await _login(coordinator, "coordinator")
        csrf = await _login(worker, "worker.b")
        board_path = f"/teams/{team_id}/board"
        # Warm up every worker (first scan, template cache): concurrent requests open several
        # connections, which the kernel spreads over the worker processes.
        await asyncio.gather(*(coordinator.get(board_path) for _ in range(WARM_UP_REQUESTS)))
        unused = iter(visit_ids)

        async def board(_: int) -> bool:
            return (await coordinator.get(board_path)).status_code == 200

        async def check_in(_: int) -> bool:
            form = {"csrf_token": csrf, "version": "1", "idempotency_key": secrets.token_hex(12)}
            reply = await worker.post(f"/visits/{next(unused)}/check-in", data=form)
            return reply.status_code == 303

        found = []
        for endpoint, send in (("board", board), ("check-in", check_in)):
            for rate in RATES:
                found.append((endpoint, rate, await drive(send, rate, int(rate * seconds))))
                await _settle(coordinator)
        return found


async def _settle(client: httpx.AsyncClient) -> None:
    """Wait until the server has worked off requests the generator gave up on (timeouts)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + SETTLE_LIMIT_SECONDS
    while loop.time() < deadline:
        began = loop.time()
        try:
            await client.get("/health")
        except httpx.TransportError:  # timed out or dropped while the server catches up
            continue
        if loop.time() - began < SETTLED_SECONDS:
            return


@contextmanager
def scratch_database(backend: str, workdir: Path) -> Iterator[str]:
    """The URL of an empty database for one run: a file in ``workdir``, or a PostgreSQL database
    on the server of ``CAREWEAVE_TEST_POSTGRES_URL``, dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{workdir / 'careweave.sqlite3'}"
        return
    from sqlalchemy import text

    from careweave.adapters.storage.database import make_engine

    admin = make_engine(os.environ[POSTGRES_ENV], isolation_level="AUTOCOMMIT")
    name = f"cw_webload_{os.getpid()}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _backend(backend: str, seconds: float) -> list[tuple[int, str, float, Phase]]:
    with (
        tempfile.TemporaryDirectory(prefix="cw-webload-") as folder,
        scratch_database(backend, Path(folder)) as url,
    ):
        env = {
            **os.environ,
            "CAREWEAVE_DATABASE_URL": url,
            "CAREWEAVE_DATA_DIR": folder,
            "CAREWEAVE_DEMO_PASSWORD": PASSWORD,
            # the generator signs in twice; keep the rate limit out of the measurement
            "CAREWEAVE_LOGIN_ATTEMPTS_PER_MINUTE": "1000",
        }
        _run(env, "db", "upgrade")
        _run(env, "demo", "seed")
        per_server = sum(int(rate * seconds) for rate in RATES)
        team_id, visit_ids = _prepare(url, per_server * len(WORKER_COUNTS))
        found = []
        for index, workers in enumerate(WORKER_COUNTS):
            unused = visit_ids[index * per_server : (index + 1) * per_server]
            with _server(env, workers) as base:
                phases = asyncio.run(_measure(base, team_id, unused, seconds))
            found += [(workers, *phase) for phase in phases]
        return found


def _rows(backend: str, phases: list[tuple[int, str, float, Phase]]) -> list[list[str]]:
    rows = []
    for workers, endpoint, rate, phase in phases:
        done = len(phase.latencies_ms)
        p99 = phase.percentile(0.99)
        met = p99 is not None and p99 < TARGET_P99_MS and phase.errors == 0
        rows.append(
            [
                backend,
                str(workers),
                endpoint,
                f"{rate:.0f}",
                str(done),
                str(phase.errors),
                figure(done / phase.seconds if phase.seconds else None, 1),
                figure(phase.percentile(0.5), 1),
                figure(phase.percentile(0.9), 1),
                figure(p99, 1),
                figure(max(phase.latencies_ms, default=None), 1),
                "yes" if met else "no",
            ]
        )
    return rows


def run(options: RunOptions) -> str:
    """Measure both endpoints on SQLite and (when available) PostgreSQL; return the markdown."""
    seconds = options.limit(QUICK_SECONDS, FULL_SECONDS)
    rows: list[list[str]] = []
    notes: list[str] = []
    for backend in ("sqlite", "postgresql"):
        if backend == "postgresql" and not os.environ.get(POSTGRES_ENV):
            notes.append(f"- PostgreSQL: not run ({POSTGRES_ENV} is not set; use `make bench`).")
            continue
        rows += _rows(backend, _backend(backend, seconds))
    rates = " and ".join(f"{rate:.0f}" for rate in RATES)
    workers = " and ".join(str(count) for count in WORKER_COUNTS)
    limit = (
        f"{seconds:g} s per endpoint at each rate ({rates} requests/s), "
        f"with {workers} worker processes"
    )
    parts = [header(TITLE, options, limit), table(COLUMNS, rows), "", NOTES, *notes]
    return "\n".join(parts) + "\n"
