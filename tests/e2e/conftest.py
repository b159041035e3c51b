"""Browser test fixtures: one careweave server on a seeded SQLite database, and headless Chromium.

The server is the real thing: ``careweave db upgrade``, ``careweave demo seed`` and
``careweave serve`` in subprocesses on a free loopback port. Browser tests share it, so they are
grouped (``xdist_group("browser")``) onto one xdist worker and must not depend on each other's
writes. Chromium is Debian's (/usr/bin/chromium); no browser is ever downloaded.

axe-core comes from the npm registry, pinned and installed by the Makefile into
``tests/e2e/axe``; :func:`axe_violations` injects it into a page and returns serious and critical
violations.
"""

from __future__ import annotations

import dataclasses
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import time as clock
from pathlib import Path
from typing import Any

import httpx
import pytest

E2E_DIR = Path(__file__).resolve().parent
SCREENSHOTS = E2E_DIR / "screenshots"
AXE_FILE = E2E_DIR / "axe" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEMO_PASSWORD = "demo"
PHONE = {"width": 360, "height": 740}
# Importing the app (the optimiser's numba kernel among it) takes about 5 s on a quiet 2-core
# machine and over 30 s when the suite's own workers and Chromium load it; only a server that has
# not answered by this limit is a failure.
STARTUP_SECONDS = 120


@dataclass(frozen=True)
class LiveSite:
    """The running server and what the tests need to know about its data."""

    base_url: str
    team_a: str
    team_b: str
    recordable_visit: str
    person_location: tuple[float, float]
    # A second visit of worker.a today, for a test that records it without touching the first.
    spare_visit: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


CAREWEAVE = str(Path(sys.executable).parent / "careweave")


def _careweave(env: dict[str, str], *args: str) -> None:
    command = [CAREWEAVE, *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"careweave {' '.join(args)} failed:\n{done.stdout}{done.stderr}"


def _visit_for_worker_a(database_url: str) -> tuple[str, str, str, tuple[float, float], str]:
    """Team ids, and an all-day visit today for worker.a that the phone test records, to a
    person of team A with goals in an agreed plan (so progress can be noted against one); and a
    spare all-day visit to the same person for another recording test."""
    from careweave.adapters.storage.database import make_engine, make_session_factory
    from careweave.adapters.storage.uow import SqlUnitOfWork
    from careweave.clock import SystemClock
    from careweave.domain.values import new_id
    from careweave.domain.visits.visit import Visit
    from careweave.services.plans.progress_goals import read_current_goals

    engine = make_engine(database_url)
    try:
        with SqlUnitOfWork(make_session_factory(engine)) as uow:
            team_a, team_b = uow.teams.list(limit=2)
            worker_user = uow.users.find_by_username("worker.a")
            assert worker_user is not None
            assert worker_user.worker_id is not None
            person = next(
                p
                for p in uow.people.list(team_id=team_a.id)
                if read_current_goals(uow.plans, p.id).goals
            )
            visit = Visit(
                person_id=person.id,
                day=SystemClock().today(),
                window_start=clock(0, 0),
                window_end=clock(23, 59),
                duration_min=30,
                tasks=("Make breakfast", "Help with a shower"),
            )
            visit.assign((worker_user.worker_id,), clock(23, 0))
            spare = dataclasses.replace(visit, id=new_id(), tasks=("Make lunch",))
            uow.visits.add_all([visit, spare])
            uow.commit()
            location = (person.location.lat, person.location.lon)
            return team_a.id, team_b.id, visit.id, location, spare.id
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def live_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    """A seeded careweave server on 127.0.0.1 for the whole browser session."""
    data = tmp_path_factory.mktemp("e2e-site")
    database_url = f"sqlite:///{data / 'careweave.sqlite3'}"
    port = _free_port()
    env = {
        **os.environ,
        "CAREWEAVE_DATABASE_URL": database_url,
        "CAREWEAVE_DATA_DIR": str(data),
        "CAREWEAVE_DEMO_PASSWORD": DEMO_PASSWORD,
    }
    _careweave(env, "db", "upgrade")
    _careweave(env, "demo", "seed", "--people", "40", "--workers", "8")
    team_a, team_b, visit_id, location, spare_id = _visit_for_worker_a(database_url)
    server = subprocess.Popen(
        [CAREWEAVE, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base_url, server)
        yield LiveSite(base_url, team_a, team_b, visit_id, location, spare_id)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def _wait_until_up(base_url: str, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(
                f"the server stopped:\n{server.stderr.read() if server.stderr else ''}"
            )
        try:
            if httpx.get(f"{base_url}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)  # polling a starting server, not a test sleep
    raise RuntimeError("the server did not start in time")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_page(browser: Any, site: LiveSite, username: str, **context_options: Any) -> Any:
    """A page in a fresh context, signed in as ``username``. CSP is bypassed only so that axe-core
    can be injected; the app's own pages never need it."""
    context = browser.new_context(base_url=site.base_url, bypass_csp=True, **context_options)
    page = context.new_page()
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)
    return page


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical accessibility violations axe-core finds on the page."""
    if not AXE_FILE.exists():
        pytest.fail(f"axe-core is missing at {AXE_FILE}; run `make test` (it installs it)")
    page.add_script_tag(path=str(AXE_FILE))
    found: list[dict[str, Any]] = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(" "))
            }));
        }"""
    )
    return [v for v in found if v["impact"] in ("serious", "critical")]


def screenshot(page: Any, name: str) -> None:
    """Save a full-page screenshot to tests/e2e/screenshots/``name``.png."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
