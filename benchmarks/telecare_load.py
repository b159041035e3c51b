"""The telecare suite: events per second stored over MQTT and over HTTP, and the time from an
event's sending to its alert being raised.

Real parts run on loopback: the broker from ``scripts/with_mosquitto.py`` (``CAREWEAVE_TEST_MQTT_URL``),
``careweave telecare listen`` and ``careweave serve`` as their own processes, on SQLite and on
PostgreSQL (``CAREWEAVE_TEST_POSTGRES_URL``). Each home has a motion sensor and a pendant. For each
offered rate, motion events are sent for a bounded time (open loop: each at the moment it is due),
one single-event MQTT message each, or over HTTP in batches of :data:`HTTP_BATCH`; one pendant
press a second is sent among them. Measured: how many events a second were stored (from the first
send to the last commit), whether the store kept up, and p50/p99 from sending a press to its alert
being raised (``raised_at`` of the alert, same machine clock). Target (issue 12): 1,000 events/s
with p99 under 1 s.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from benchmarks.databases import POSTGRES_ENV, free_port, throwaway_database
from benchmarks.processes import careweave_command
from benchmarks.registry import RunOptions
from benchmarks.tables import figure, header, table
from careweave.adapters.mqtt.telecare.topics import topic_of
from careweave.adapters.storage.database import make_engine, make_session_factory
from careweave.adapters.storage.migrate import upgrade
from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.domain.people.person import Person
from careweave.domain.telecare.alerts import AlertKind
from careweave.domain.telecare.devices import Device, DeviceKind, token_digest
from careweave.domain.values import Location
from careweave.domain.workforce.workers import Patch, Team

TITLE = "Telecare: events stored per second and time to alert"
MQTT_ENV = "CAREWEAVE_TEST_MQTT_URL"
HOMES = 50
RATES = (200.0, 1000.0)
QUICK_SECONDS, FULL_SECONDS = 5.0, 60.0
HTTP_BATCH = 50
DRAIN_LIMIT_SECONDS = 120.0
STARTUP_SECONDS = 60.0
COLUMNS = [
    "database",
    "way in",
    "offered ev/s",
    "stored ev/s",
    "kept up",
    "press→alert p50 ms",
    "p99 ms",
]


@dataclass
class Phase:
    """One offered rate through one way in: when presses were sent, and the counts."""

    sent: int = 0
    started: float = 0.0
    drained: float = 0.0
    presses: dict[tuple[str, int], datetime] | None = None


def _seed(url: str) -> list[tuple[Device, Device, str, str]]:
    """Migrate and write one team with :data:`HOMES` people, each with a motion sensor and a
    pendant; returns ``(motion, pendant, motion token, pendant token)`` per home."""
    engine = make_engine(url)
    upgrade(engine)
    centre = Location(53.545, -2.632)
    team = Team(name="Bench", patch=Patch(centre, radius_km=3))
    homes = []
    with SqlUnitOfWork(make_session_factory(engine)) as uow:
        uow.teams.add(team)
        for n in range(HOMES):
            person = Person(
                f"Home{n}",
                "Bench",
                datetime(1940, 1, 1).date(),
                f"{n} Bench Road",
                "WN1 1AA",
                centre,
                team_id=team.id,
            )
            uow.people.add(person)
            tokens = (f"motion-{n}-{uuid.uuid4().hex}", f"pendant-{n}-{uuid.uuid4().hex}")
            motion = Device(
                person.id,
                DeviceKind.MOTION,
                "hall",
                datetime(2026, 1, 1).date(),
                token_digest(tokens[0]),
            )
            pendant = Device(
                person.id,
                DeviceKind.PENDANT,
                "worn",
                datetime(2026, 1, 1).date(),
                token_digest(tokens[1]),
            )
            uow.devices.add(motion)
            uow.devices.add(pendant)
            homes.append((motion, pendant, *tokens))
        uow.commit()
    engine.dispose()
    return homes


@contextmanager
def _process(args: list[str], env: dict[str, str], ready: Callable[[str], bool]) -> Iterator[None]:
    """A ``careweave`` command running until the block ends; waits for a ``ready`` output line."""
    process = subprocess.Popen(
        [*careweave_command(), *args],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    seen = threading.Event()

    def watch() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            if ready(line):
                seen.set()

    threading.Thread(target=watch, daemon=True).start()
    try:
        if not seen.wait(STARTUP_SECONDS):
            raise RuntimeError(f"`careweave {' '.join(args)}` did not start")
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


def _counts(url: str) -> Callable[[], int]:
    engine = make_engine(url)
    sessions = make_session_factory(engine)

    def stored() -> int:
        with SqlUnitOfWork(sessions) as uow:
            return uow.telecare_events.count()

    return stored


def _drive(rate: float, seconds: float, send: Callable[[int], None]) -> tuple[int, float]:
    """Call ``send(i)`` at ``rate`` a second for ``seconds`` (open loop); returns (sent, start)."""
    start = time.monotonic()
    total = int(rate * seconds)
    for i in range(total):
        due = start + i / rate
        pause = due - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        send(i)
    return total, start


def _wait_for(stored: Callable[[], int], expected: int) -> float:
    deadline = time.monotonic() + DRAIN_LIMIT_SECONDS
    while time.monotonic() < deadline:
        if stored() >= expected:
            return time.monotonic()
        time.sleep(0.1)
    return float("nan")


def _payload(device: Device, sequence: int, kind: str) -> str:
    at = datetime.now(UTC).isoformat()
    return f'{{"device_id":"{device.id}","sequence":{sequence},"kind":"{kind}","at":"{at}"}}'


class Homes:
    """The seeded homes and the next sequence number of each device."""

    def __init__(self, homes: list[tuple[Device, Device, str, str]]) -> None:
        self.homes = homes
        self._next: dict[str, int] = {}

    def number(self, device: Device) -> int:
        """The device's next sequence number."""
        value = self._next.get(device.id, 0)
        self._next[device.id] = value + 1
        return value


def _mqtt_phase(
    homes: Homes, broker: tuple[str, int], rate: float, seconds: float, stored: Callable[[], int]
) -> Phase:
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"bench-{uuid.uuid4().hex[:8]}")
    client.max_inflight_messages_set(5000)
    client.connect(*broker)
    client.loop_start()
    phase = Phase(presses={})
    before = stored()
    press_every = max(1, int(rate))

    def send(i: int) -> None:
        motion, pendant, _, _ = homes.homes[i % HOMES]
        device, kind = (pendant, "press") if i % press_every == 0 else (motion, "motion")
        number = homes.number(device)
        if kind == "press":
            assert phase.presses is not None
            phase.presses[(device.id, number)] = datetime.now(UTC)
        client.publish(topic_of(device.id), _payload(device, number, kind), qos=1)

    phase.sent, phase.started = _drive(rate, seconds, send)
    phase.drained = _wait_for(stored, before + phase.sent)
    client.disconnect()
    client.loop_stop()
    return phase


def _http_phase(
    homes: Homes, base: str, rate: float, seconds: float, stored: Callable[[], int]
) -> Phase:
    phase = Phase(presses={})
    before = stored()
    requests_per_second = rate / HTTP_BATCH
    press_every = max(1, int(requests_per_second))
    client = httpx.Client(base_url=base, timeout=30)
    pending: list[threading.Thread] = []

    def post(i: int) -> None:
        motion, pendant, token, _ = homes.homes[i % HOMES]
        events = [_payload(motion, homes.number(motion), "motion") for _ in range(HTTP_BATCH - 1)]
        if i % press_every == 0:
            number = homes.number(pendant)
            assert phase.presses is not None
            phase.presses[(pendant.id, number)] = datetime.now(UTC)
            events.append(_payload(pendant, number, "press"))
        else:
            events.append(_payload(motion, homes.number(motion), "motion"))
        body = '{"events":[' + ",".join(events) + "]}"
        worker = threading.Thread(
            target=client.post,
            args=("/api/telecare/events",),
            kwargs={
                "content": body,
                "headers": {"X-Device-Token": token, "content-type": "application/json"},
            },
        )
        worker.start()
        pending.append(worker)

    sent, phase.started = _drive(requests_per_second, seconds, post)
    phase.sent = sent * HTTP_BATCH
    phase.drained = _wait_for(stored, before + phase.sent)
    for worker in pending:
        worker.join(timeout=60)
    client.close()
    return phase


def _latencies_ms(url: str, presses: dict[tuple[str, int], datetime]) -> list[float]:
    """Milliseconds from each press's sending to its alert's ``raised_at``."""
    engine = make_engine(url)
    with SqlUnitOfWork(make_session_factory(engine)) as uow:
        alerts = uow.telecare_alerts.list()
    engine.dispose()
    raised = {a.trigger_key: a.raised_at for a in alerts if a.kind is AlertKind.PENDANT_PRESS}
    found = []
    for (device_id, number), sent in presses.items():
        at = raised.get(f"pendant_press:{device_id}:{number}")
        if at is not None:
            found.append(max(0.0, (at - sent).total_seconds() * 1000))
    return sorted(found)


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    return values[min(len(values) - 1, int(share * len(values)))]


def _row(
    database: str, way: str, rate: float, phase: Phase, latencies: list[float], presses: int
) -> list[str]:
    span = phase.drained - phase.started
    stored_rate = phase.sent / span if span == span and span > 0 else None
    kept_up = stored_rate is not None and stored_rate >= 0.95 * rate
    missing = presses - len(latencies)
    p99 = figure(_percentile(latencies, 0.99), 0) + (f" ({missing} not raised)" if missing else "")
    return [
        database,
        way,
        f"{rate:.0f}",
        figure(stored_rate, 0),
        "yes" if kept_up else "no",
        figure(_percentile(latencies, 0.5), 0),
        p99,
    ]


def _backend(backend: str, seconds: float, broker: tuple[str, int] | None) -> list[list[str]]:
    rows = []
    with (
        tempfile.TemporaryDirectory(prefix="cw-telecare-") as folder,
        throwaway_database(backend, Path(folder), "telecare") as url,
    ):
        homes = Homes(_seed(url))
        stored = _counts(url)
        env = {**os.environ, "CAREWEAVE_DATABASE_URL": url, "CAREWEAVE_DATA_DIR": folder}
        port = free_port()
        with _process(
            ["serve", "--port", str(port)], env, lambda line: "Application startup complete" in line
        ):
            for rate in RATES:
                phase = _http_phase(homes, f"http://127.0.0.1:{port}", rate, seconds, stored)
                rows.append((backend, "HTTP", rate, phase))
        if broker is not None:
            listen = [
                "telecare",
                "listen",
                "--host",
                broker[0],
                "--port",
                str(broker[1]),
                "--client-id",
                f"bench-{uuid.uuid4().hex[:8]}",
                "--tick",
                "3600",
            ]
            with _process(listen, env, lambda line: line.startswith("listening on")):
                for rate in RATES:
                    phase = _mqtt_phase(homes, broker, rate, seconds, stored)
                    rows.append((backend, "MQTT", rate, phase))
        return [
            _row(db, way, rate, p, _latencies_ms(url, p.presses or {}), len(p.presses or {}))
            for db, way, rate, p in rows
        ]


def run(options: RunOptions) -> str:
    """Run the suite on SQLite, and on PostgreSQL and over MQTT when they are there."""
    seconds = options.limit(QUICK_SECONDS, FULL_SECONDS)
    url = os.environ.get(MQTT_ENV, "")
    broker = (urlsplit(url).hostname or "127.0.0.1", urlsplit(url).port or 1883) if url else None
    notes = []
    if broker is None:
        notes.append(f"MQTT: not run ({MQTT_ENV} is not set; use `make bench`)")
    backends = ["sqlite"]
    if os.environ.get(POSTGRES_ENV):
        backends.append("postgresql")
    else:
        notes.append(f"PostgreSQL: not run ({POSTGRES_ENV} is not set; use `make bench`)")
    rows = [row for backend in backends for row in _backend(backend, seconds, broker)]
    extra = [f"{HOMES} homes; {seconds:g} s per offered rate; HTTP batches of {HTTP_BATCH}", *notes]
    return header(TITLE, options, f"{seconds:g} s per rate", extra) + "\n" + table(COLUMNS, rows)
