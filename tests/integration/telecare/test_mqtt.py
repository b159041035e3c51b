"""Events over MQTT through a real Mosquitto broker: each stored exactly once, also when the
consumer is killed mid-stream and started again; bad payloads become dead letters and never stop
the consumer.

The broker is the one ``scripts/with_mosquitto.py`` started (``CAREWEAVE_TEST_MQTT_URL``), or a
throwaway one started here the same way when the machine has Mosquitto; without it these tests are
skipped (and fail under CI, like the PostgreSQL ones).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion
from sqlalchemy import func, select
from tests.integration.storage_builders import a_person, a_team

from careweave.adapters.mqtt.telecare.consumer import ConsumerSettings, TelecareConsumer
from careweave.adapters.mqtt.telecare.topics import topic_of
from careweave.adapters.storage.telecare.tables import dead_letters
from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.bootstrap import Services
from careweave.clock import FixedClock
from careweave.domain.telecare.devices import Device, DeviceKind, token_digest

MQTT_URL_ENV = "CAREWEAVE_TEST_MQTT_URL"
SRC = Path(__file__).resolve().parents[3] / "src"
START = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
SETTLE_SECONDS = 60

Uow = Callable[[], SqlUnitOfWork]

# Every test here subscribes to the one shared broker's telecare topics, so a consumer would also
# take the random payloads or events another test publishes at the same time (and count them as its
# own dead letters): the module's tests run one after another on one xdist worker.
pytestmark = pytest.mark.xdist_group("mqtt-broker")


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """``(host, port)`` of a running broker."""
    url = os.environ.get(MQTT_URL_ENV, "")
    if url:
        parts = urlsplit(url)
        yield parts.hostname or "127.0.0.1", parts.port or 1883
        return
    from scripts import with_mosquitto

    if not os.environ.get("CI") and not _has_mosquitto():
        pytest.skip(f"{MQTT_URL_ENV} is not set and mosquitto is not installed")
    root = tmp_path_factory.mktemp("mosquitto")
    port = with_mosquitto._free_port()
    process = with_mosquitto.start_broker(with_mosquitto.write_config(root, port), port)
    yield "127.0.0.1", port
    with_mosquitto.stop_broker(process)


def _has_mosquitto() -> bool:
    return any(Path(p).exists() for p in ("/usr/sbin/mosquitto", "/usr/bin/mosquitto"))


@pytest.fixture
def sensor(uow_factory: Uow) -> Device:
    """A motion sensor in a person's home (no alert rule fires on its events alone at night)."""
    team = a_team()
    person = a_person(team)
    device = Device(
        person.id,
        DeviceKind.MOTION,
        "hall",
        START.date() - timedelta(days=2),
        token_digest(uuid.uuid4().hex),
    )
    with uow_factory() as uow:
        uow.teams.add(team)
        uow.people.add(person)
        uow.devices.add(device)
        uow.commit()
    return device


def _event(device: Device, sequence: int) -> bytes:
    at = START + timedelta(seconds=sequence)
    return json.dumps(
        {"device_id": device.id, "sequence": sequence, "kind": "motion", "at": at.isoformat()}
    ).encode()


class Publisher:
    """A device's QoS 1 publisher; :meth:`send` returns once the broker holds the message."""

    def __init__(self, host: str, port: int) -> None:
        self.client = mqtt.Client(
            CallbackAPIVersion.VERSION2, client_id=f"device-{uuid.uuid4().hex[:8]}"
        )
        self.client.connect(host, port)
        self.client.loop_start()

    def send(self, topic: str, payload: bytes) -> None:
        self.client.publish(topic, payload, qos=1).wait_for_publish(timeout=10)

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


def _forget_session(host: str, port: int, client_id: str) -> None:
    """End the broker's session of ``client_id``, so the shared broker stops queueing for it."""
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=client_id, clean_session=True)
    client.connect(host, port)
    client.disconnect()


def _counts(uow_factory: Uow, device: Device, topic: str | None = None) -> tuple[int, int]:
    """The device's stored events, and the dead letters (only those sent on ``topic`` if given)."""
    with uow_factory() as uow:
        events = uow.telecare_events.count(device_id=device.id)
        if topic is None:
            return events, uow.dead_letters.count()
        letters = (
            select(func.count()).select_from(dead_letters).where(dead_letters.c.topic == topic)
        )
        return events, int(uow._open_session().execute(letters).scalar_one())


def _wait_for(
    uow_factory: Uow, device: Device, events: int, letters: int, topic: str | None = None
) -> tuple[int, int]:
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        found = _counts(uow_factory, device, topic)
        if found == (events, letters):
            return found
        time.sleep(0.2)
    return _counts(uow_factory, device, topic)


class ConsumerProcess:
    """``careweave telecare listen`` in its own process, on the test database."""

    def __init__(self, database_url: str, host: str, port: int, client_id: str) -> None:
        env = {**os.environ, "CAREWEAVE_DATABASE_URL": database_url, "PYTHONPATH": str(SRC)}
        command = [
            sys.executable,
            "-c",
            "from careweave.adapters.cli.main import main; main()",
            "telecare",
            "listen",
            "--host",
            host,
            "--port",
            str(port),
            "--client-id",
            client_id,
            "--tick",
            "3600",
        ]
        self.process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
        ready = threading.Event()
        threading.Thread(target=self._watch, args=(ready,), daemon=True).start()
        assert ready.wait(30), "the consumer did not subscribe within 30 s"

    def _watch(self, ready: threading.Event) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            if line.startswith("listening on"):
                ready.set()

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> int:
        self.process.terminate()
        return self.process.wait(timeout=20)


def test_each_event_is_stored_exactly_once_across_a_killed_consumer(
    broker: tuple[str, int], uow_factory: Uow, database_url: str, sensor: Device
) -> None:
    host, port = broker
    client_id = f"careweave-test-{uuid.uuid4().hex[:8]}"
    topic = topic_of(sensor.id)
    consumer = ConsumerProcess(database_url, host, port, client_id)
    publisher = Publisher(host, port)
    try:
        for sequence in range(100):
            publisher.send(topic, _event(sensor, sequence))
        for sequence in range(10):  # a device that never heard the acknowledgement sends again
            publisher.send(topic, _event(sensor, sequence))
        for bad in (b"not json", b'{"sequence": 1}', b"[]"):
            publisher.send(topic, bad)
        # Counted on this stream's topic: the consumer subscribes to every device's topic on the
        # shared broker, and another test's messages (devices this database does not know) become
        # dead letters here too, as they should.
        assert _wait_for(uow_factory, sensor, 100, 3, topic) == (100, 3)

        sending = threading.Thread(
            target=lambda: [publisher.send(topic, _event(sensor, n)) for n in range(100, 400)]
        )
        sending.start()
        while _counts(uow_factory, sensor)[0] < 150:  # kill it in the middle of the stream
            time.sleep(0.01)
        consumer.kill()
        sending.join(timeout=60)
        consumer = ConsumerProcess(database_url, host, port, client_id)
        assert _wait_for(uow_factory, sensor, 400, 3, topic) == (400, 3)
        with uow_factory() as uow:
            stored = uow.telecare_events.list_for_person(
                sensor.person_id, START, START + timedelta(hours=1)
            )
        assert sorted(e.sequence for e in stored) == list(range(400))
    finally:
        publisher.close()
        assert consumer.stop() == 0
        _forget_session(host, port, client_id)


def test_random_payloads_become_dead_letters_and_never_stop_the_consumer(
    broker: tuple[str, int],
    uow_factory: Uow,
    services: Services,
    clock: FixedClock,
    sensor: Device,
) -> None:
    host, port = broker
    clock.set(START + timedelta(hours=1))  # the events' hour has just passed, as in real life
    settings = ConsumerSettings(
        host=host, port=port, client_id=f"careweave-test-{uuid.uuid4().hex[:8]}", tick_seconds=3600
    )
    consumer = TelecareConsumer(services.telecare_ingest, services.telecare_alerting, settings)
    stop, ready = threading.Event(), threading.Event()
    running = threading.Thread(target=consumer.run, args=(stop, ready.set))
    running.start()
    assert ready.wait(30)
    rng = random.Random(12)
    publisher = Publisher(host, port)
    try:
        for _ in range(100):
            publisher.send(topic_of(sensor.id), rng.randbytes(rng.randint(0, 200)))
        shapes = [
            {},
            {"events": []},
            {"events": [{}] * 2},
            {"device_id": 7},
            {"events": "x"},
            None,
            3.5,
        ]
        for shape in shapes:
            publisher.send(topic_of(sensor.id), json.dumps(shape).encode())
        publisher.send(topic_of("someone-else"), _event(sensor, 1))
        publisher.send(topic_of(sensor.id), _event(sensor, 1))
        assert _wait_for(uow_factory, sensor, 1, 100 + len(shapes) + 1) == (
            1,
            100 + len(shapes) + 1,
        )
        assert running.is_alive()
    finally:
        publisher.close()
        stop.set()
        running.join(timeout=10)
        _forget_session(host, port, settings.client_id)
