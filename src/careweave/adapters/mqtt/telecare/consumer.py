"""The telecare consumer: subscribes to the broker with QoS 1 and acknowledges a message only after
its events (or its dead letter) are committed.

Neither the broker nor the client keeps a message safe for us: the broker keeps it only until it
is acknowledged, and the client acknowledges at once unless told not to. So the client runs with
``manual_ack`` and a persistent session (a fixed client id, ``clean_session=False``): a message
that was delivered but not acknowledged (the consumer was killed, the database was down) is
delivered again when the consumer connects, and the store keeps each event once.

Messages are taken in batches (up to :attr:`ConsumerSettings.batch_size`, or whatever arrived
within :attr:`ConsumerSettings.batch_wait` seconds): one transaction per batch, then one
acknowledgement per message. If the transaction fails, nothing is acknowledged; the consumer
drops the connection and connects again, so the broker delivers the batch again.
After a batch it runs at once the rules of the people with a pendant press, fall, smoke or flood
in it; every :attr:`ConsumerSettings.tick_seconds` it runs the rules and escalation for everyone
(the other rules fire on the clock: "out of bed 30 minutes", "no movement by 10:00").
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from careweave.adapters.mqtt.telecare.topics import SUBSCRIPTION, message_of
from careweave.services.telecare.alerting import AlertingService
from careweave.services.telecare.ingest import IngestService

logger = logging.getLogger("careweave.telecare.mqtt")
QOS = 1


@dataclass(frozen=True, slots=True)
class ConsumerSettings:
    """Where the broker is and how the consumer batches.

    ``client_id`` must stay the same from run to run: the broker keeps the session (and the
    messages not yet acknowledged) under it.
    """

    host: str = "127.0.0.1"
    port: int = 1883
    client_id: str = "careweave-telecare"
    username: str | None = None
    password: str | None = None
    batch_size: int = 500
    batch_wait: float = 0.05
    tick_seconds: float = 15.0
    retry_seconds: float = 2.0


class TelecareConsumer:
    """Stores the events arriving on the broker.

    Parameters
    ----------
    ingest, alerting
        The services it hands messages and ticks to.
    settings
        Broker and batching.
    """

    def __init__(
        self, ingest: IngestService, alerting: AlertingService, settings: ConsumerSettings
    ) -> None:
        self._ingest = ingest
        self._alerting = alerting
        self._settings = settings
        # Each message is tagged with the connection it came on: a packet id means something only
        # within its connection, so a message from an earlier one must never be acknowledged.
        self._inbox: queue.Queue[tuple[int, mqtt.MQTTMessage]] = queue.Queue()
        self._connection = 0
        self._client = self._make_client()

    def run(self, stop: threading.Event, on_ready: Callable[[], None] = lambda: None) -> None:
        """Consume until ``stop`` is set; ``on_ready`` is called once subscribed the first time."""
        subscribed = threading.Event()
        self._client.on_subscribe = lambda *_: subscribed.set()
        self._client.connect_async(self._settings.host, self._settings.port, keepalive=30)
        self._client.loop_start()
        next_tick = time.monotonic()
        try:
            while not stop.is_set():
                if subscribed.is_set():
                    subscribed.clear()
                    on_ready()
                batch = self._next_batch(stop)
                if batch:
                    self._settle(batch)
                if time.monotonic() >= next_tick:
                    self._run_rules(None)
                    next_tick = time.monotonic() + self._settings.tick_seconds
        finally:
            self._client.disconnect()
            self._client.loop_stop()

    def _make_client(self) -> mqtt.Client:
        client = mqtt.Client(
            CallbackAPIVersion.VERSION2,
            client_id=self._settings.client_id,
            clean_session=False,
            manual_ack=True,
        )
        if self._settings.username:
            client.username_pw_set(self._settings.username, self._settings.password)
        client.reconnect_delay_set(min_delay=1, max_delay=30)
        client.on_connect = self._on_connect
        client.on_message = lambda _c, _u, message: self._inbox.put((self._connection, message))
        return client

    def _on_connect(
        self, client: mqtt.Client, _userdata: Any, _flags: Any, reason: Any, _props: Any
    ) -> None:
        if reason.is_failure:
            logger.warning("the broker refused the connection: %s", reason)
            return
        self._connection += 1
        client.subscribe(SUBSCRIPTION, qos=QOS)
        logger.info(
            "connected to %s:%s, subscribed to %s",
            self._settings.host,
            self._settings.port,
            SUBSCRIPTION,
        )

    def _next_batch(self, stop: threading.Event) -> list[tuple[int, mqtt.MQTTMessage]]:
        try:
            first = self._inbox.get(timeout=0.2)
        except queue.Empty:
            return []
        batch = [first]
        deadline = time.monotonic() + self._settings.batch_wait
        while len(batch) < self._settings.batch_size and not stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                break
            try:
                batch.append(self._inbox.get(timeout=left))
            except queue.Empty:
                break
        return batch

    def _settle(self, batch: list[tuple[int, mqtt.MQTTMessage]]) -> None:
        messages = [message_of(m.topic, bytes(m.payload)) for _, m in batch]
        try:
            report = self._ingest.ingest_from_broker(messages)
        except Exception:  # the database failed: nothing is acknowledged, so nothing is lost
            logger.exception("storing %d messages failed; they will be delivered again", len(batch))
            self._start_again()
            return
        for connection, message in batch:
            # One from an earlier connection is delivered again on this one; its repeat is
            # stored once, and acknowledged then.
            if connection == self._connection:
                self._client.ack(message.mid, message.qos)
        self._run_rules(report.urgent_person_ids)

    def _run_rules(self, person_ids: list[str] | None) -> None:
        if person_ids == []:
            return
        try:
            self._alerting.run(person_ids)
        except Exception:  # the events are stored; the next tick raises what this one missed
            logger.exception("running the rules failed")

    def _start_again(self) -> None:
        """Drop the connection (and the messages received on it) so the broker delivers again."""
        self._client.disconnect()
        self._client.loop_stop()
        while not self._inbox.empty():
            self._inbox.get_nowait()
        time.sleep(self._settings.retry_seconds)
        self._client.connect_async(self._settings.host, self._settings.port, keepalive=30)
        self._client.loop_start()
