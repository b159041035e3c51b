"""Run a command with a throwaway PostgreSQL server, then remove the server and its files.

Used by ``make test``: ``python scripts/with_postgres.py -- pytest ...``. The cluster lives in a
temporary directory, listens on a free loopback port, trusts local connections, and is stopped and
deleted however the command ends. The URL is given to the command as ``CAREWEAVE_TEST_POSTGRES_URL``.
PostgreSQL refuses to run as root, so when we are root the server runs as the ``postgres`` user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

DATABASE = "careweave_test"


def _find_bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)
    if candidates:
        return str(candidates[0])
    sys.exit(
        f"error: {name} not found; install the Debian 'postgresql' package (make test does this)"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres_user() -> tuple[Callable[[], None] | None, str]:
    if os.geteuid() != 0:
        return None, pwd.getpwuid(os.geteuid()).pw_name
    entry = pwd.getpwnam("postgres")

    def drop() -> None:
        os.setgid(entry.pw_gid)
        os.setuid(entry.pw_uid)

    return drop, "postgres"


def main(argv: list[str]) -> int:
    if "--" not in argv:
        sys.exit("usage: with_postgres.py -- COMMAND [ARGS...]")
    command = argv[argv.index("--") + 1 :]
    demote, user = _as_postgres_user()
    root = Path(tempfile.mkdtemp(prefix="careweave-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if demote is not None:
        entry = pwd.getpwnam(user)
        for path in (root, sockets):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    port = _free_port()
    quiet = {"stdout": subprocess.DEVNULL, "preexec_fn": demote, "check": True}
    try:
        subprocess.run(
            [
                _find_bin("initdb"),
                "-D",
                str(data),
                "-U",
                user,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            **quiet,  # type: ignore[arg-type]
        )
        subprocess.run(
            [
                _find_bin("pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(root / "server.log"),
                "-w",
                "-o",
                f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start",
            ],
            **quiet,  # type: ignore[arg-type]
        )
        subprocess.run(
            [_find_bin("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", user, DATABASE],
            **quiet,  # type: ignore[arg-type]
        )
        url = f"postgresql+psycopg://{user}@127.0.0.1:{port}/{DATABASE}"
        print(f"throwaway PostgreSQL on port {port} ({root})", flush=True)
        env = {**os.environ, "CAREWEAVE_TEST_POSTGRES_URL": url}
        return subprocess.run(command, env=env, check=False).returncode
    finally:
        subprocess.run(
            [_find_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=demote,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
