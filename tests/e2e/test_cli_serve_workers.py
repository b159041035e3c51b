"""``careweave serve --workers 2``: several processes share the sessions and the sign-in limit,
because both live in the database."""

from __future__ import annotations

import re
import subprocess

import httpx
from tests.e2e.test_cli_serve import CAREWEAVE, _free_port, _wait_for, careweave, environment

__all__ = ["environment"]  # the fixture, used by name below

LIMIT = 3
CONNECTIONS = 12


def _csrf(client: httpx.Client) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
    assert found, "no CSRF token on the login page"
    return found.group(1)


def test_two_workers_share_sessions_and_the_sign_in_limit(environment: dict[str, str]) -> None:
    assert careweave("db", "upgrade", env=environment).returncode == 0
    seeded = careweave(
        "demo",
        "seed",
        "--people",
        "12",
        "--workers",
        "4",
        "--demo-password",
        "trial",
        env=environment,
    )
    assert seeded.returncode == 0, seeded.stderr
    port = _free_port()
    env = {**environment, "CAREWEAVE_LOGIN_ATTEMPTS_PER_MINUTE": str(LIMIT)}
    server = subprocess.Popen(
        [str(CAREWEAVE), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/health")
        with httpx.Client(base_url=base) as client:
            form = {"username": "coordinator", "password": "trial", "csrf_token": _csrf(client)}
            assert client.post("/login", data=form).status_code == 303
            cookies = client.cookies
        # A new connection each time, so the kernel hands the requests to either worker.
        for _ in range(CONNECTIONS):
            with httpx.Client(base_url=base, cookies=cookies) as fresh:
                assert fresh.get("/api/me").json()["username"] == "coordinator"
        answers = []
        for _ in range(LIMIT + 1):
            with httpx.Client(base_url=base) as fresh:
                form = {"username": "worker.a", "password": "wrong", "csrf_token": _csrf(fresh)}
                answers.append(fresh.post("/login", data=form).status_code)
        assert answers[-1] == 429, answers
    finally:
        server.terminate()
        server.wait(timeout=30)
