"""Run a command with a throwaway Mosquitto broker, then stop it and remove its files.

Used by ``make test`` and ``make bench`` like ``scripts/with_postgres.py``:
``python scripts/with_mosquitto.py -- pytest ...``. The broker listens on a free loopback port,
allows anonymous clients (it is reachable from this machine only), keeps sessions and queued
messages on disk in a temporary directory (so a restarted broker still holds what it had not
delivered), and is stopped and deleted however the command ends. Its address is given to the
command as ``CAREWEAVE_TEST_MQTT_URL`` (``mqtt://127.0.0.1:PORT``); the directory, for a test that
restarts the broker, as ``CAREWEAVE_TEST_MQTT_DIR``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CONFIG = """\
listener {port} 127.0.0.1
allow_anonymous true
persistence true
persistence_location {root}/
autosave_interval 1
user {user}
max_inflight_messages 1000
max_queued_messages 2000000
log_dest file {root}/broker.log
"""


def find_mosquitto() -> str:
    """The broker's executable, or exit saying which Debian package to install."""
    found = shutil.which("mosquitto") or next(
        (str(p) for p in (Path("/usr/sbin/mosquitto"),) if p.exists()), None
    )
    if not found:
        sys.exit(
            "error: mosquitto not found; install the Debian 'mosquitto' package (make test does this)"
        )
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_config(root: Path, port: int) -> Path:
    """A broker configuration in ``root`` listening on ``port``."""
    config = root / "mosquitto.conf"
    user = pwd.getpwuid(os.geteuid()).pw_name
    config.write_text(CONFIG.format(port=port, root=root, user=user), encoding="utf-8")
    return config


def start_broker(config: Path, port: int) -> subprocess.Popen[bytes]:
    """Start the broker on ``config`` and wait until it accepts connections on ``port``."""
    broker = subprocess.Popen(
        [find_mosquitto(), "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return broker
        except OSError:
            if broker.poll() is not None:
                sys.exit(f"error: mosquitto stopped at once; see {config.parent / 'broker.log'}")
            time.sleep(0.05)
    broker.kill()
    sys.exit("error: mosquitto did not start within 10 s")


def stop_broker(broker: subprocess.Popen[bytes]) -> None:
    """Stop the broker (it saves its sessions and queues as it goes)."""
    broker.terminate()
    try:
        broker.wait(timeout=10)
    except subprocess.TimeoutExpired:
        broker.kill()
        broker.wait()


def main(argv: list[str]) -> int:
    if "--" not in argv:
        sys.exit("usage: with_mosquitto.py -- COMMAND [ARGS...]")
    command = argv[argv.index("--") + 1 :]
    root = Path(tempfile.mkdtemp(prefix="careweave-mqtt-"))
    port = _free_port()
    broker = start_broker(write_config(root, port), port)
    try:
        print(f"throwaway Mosquitto on port {port} ({root})", flush=True)
        env = {
            **os.environ,
            "CAREWEAVE_TEST_MQTT_URL": f"mqtt://127.0.0.1:{port}",
            "CAREWEAVE_TEST_MQTT_DIR": str(root),
        }
        return subprocess.run(command, env=env, check=False).returncode
    finally:
        stop_broker(broker)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
