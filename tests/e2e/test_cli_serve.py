"""``careweave serve`` and ``careweave demo personas`` end to end: the real console script."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import typer
from typer.testing import CliRunner, Result

from careweave.adapters.cli import groups

CAREWEAVE = Path(sys.executable).with_name("careweave")


@pytest.fixture
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The process environment with careweave's data dir in ``tmp_path`` and no database URL."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CAREWEAVE_DATABASE_URL", raising=False)
    monkeypatch.delenv("CAREWEAVE_DEMO_PASSWORD", raising=False)
    monkeypatch.setenv("CAREWEAVE_DATA_DIR", str(tmp_path / "data"))
    return os.environ.copy()


def careweave(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CAREWEAVE), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_refuses_a_database_without_the_schema(environment: dict[str, str]) -> None:
    result = careweave("serve", "--port", str(_free_port()), env=environment)
    assert result.returncode == 2
    assert "careweave db upgrade" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_seed_makes_the_personas_and_serve_lets_them_in(environment: dict[str, str]) -> None:
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
    assert "Demo logins created: coordinator, worker.a, worker.b" in seeded.stdout
    listed = careweave("demo", "personas", "--demo-password", "trial", env=environment)
    assert listed.returncode == 0, listed.stderr
    assert "password: trial" in listed.stdout
    assert "Not in this database yet" not in listed.stdout
    too_short = careweave("demo", "personas", "--demo-password", "x", env=environment)
    assert too_short.returncode == 2
    assert "demo_password" in too_short.stderr

    port = _free_port()
    server = subprocess.Popen(
        [str(CAREWEAVE), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/health")
        with httpx.Client(base_url=base) as client:
            page = client.get("/login")
            token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
            signed_in = client.post(
                "/login",
                data={"username": "worker.a", "password": "trial", "csrf_token": token},
            )
            assert signed_in.status_code == 303
            assert client.get("/api/me").json()["role"] == "care_worker"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def test_users_are_added_stopped_and_given_tokens_from_the_command_line(
    environment: dict[str, str],
) -> None:
    assert careweave("db", "upgrade", env=environment).returncode == 0

    cli = typer.Typer(name="careweave", pretty_exceptions_enable=False)
    groups.register(cli)

    def run(*args: str, stdin: str = "") -> Result:
        # In-process: starting the console script seven times would dominate the test's time.
        return CliRunner().invoke(cli, ["users", *args], input=stdin, env=environment)

    added = run(
        "create",
        "ada",
        "--role",
        "coordinator",
        "--name",
        "Ada Ash",
        "--team",
        "t1",
        "--password-stdin",
        stdin="a long passphrase\n",
    )
    assert added.exit_code == 0, added.output
    weak = run("create", "bo", "--role", "admin", "--name", "Bo", "--password-stdin", stdin="x\n")
    assert weak.exit_code == 2
    assert "error: username:" in weak.output
    token = run("token", "ada", "--name", "reports")
    assert token.exit_code == 0, token.output
    assert token.stdout.strip().startswith("cw_")
    assert run("stop", "ada").exit_code == 0
    assert "(stopped)" in run("list").stdout
    assert run("stop", "nobody").exit_code == 2
