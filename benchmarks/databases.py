"""Throwaway databases and free ports for the suites that run careweave as a real server."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POSTGRES_ENV = "CAREWEAVE_TEST_POSTGRES_URL"


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def throwaway_database(backend: str, workdir: Path, tag: str) -> Iterator[str]:
    """The URL of an empty database for the block: a SQLite file in ``workdir``, or a PostgreSQL
    database on the server of ``CAREWEAVE_TEST_POSTGRES_URL``, dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{workdir / 'careweave.sqlite3'}"
        return
    from sqlalchemy import text

    from careweave.adapters.storage.database import make_engine

    admin = make_engine(os.environ[POSTGRES_ENV], isolation_level="AUTOCOMMIT")
    name = f"cw_{tag}_{os.getpid()}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
