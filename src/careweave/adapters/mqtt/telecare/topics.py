"""Topics and payloads of telecare on MQTT.

A device (or the home hub relaying it) publishes on ``careweave/telecare/<device_id>/events`` with
QoS 1. The payload is JSON: one event, or ``{"events": [...]}`` with up to 1,000 (the format of
``POST /api/telecare/events``; see docs/telecare.md). The broker proves who publishes (each device's
username may publish only under its own topic, in the broker's ACL); careweave checks that every
event is of a device in the same home as the topic's device.
"""

from __future__ import annotations

import json

from careweave.domain.errors import DomainValidationError
from careweave.domain.telecare.events import read_batch
from careweave.services.telecare.ingest import BrokerMessage

PREFIX = "careweave/telecare/"
SUFFIX = "/events"
SUBSCRIPTION = f"{PREFIX}+{SUFFIX}"
MAX_PAYLOAD_BYTES = 1_000_000


def topic_of(device_id: str) -> str:
    """The topic a device publishes its events on."""
    return f"{PREFIX}{device_id}{SUFFIX}"


def message_of(topic: str, payload: bytes) -> BrokerMessage:
    """The broker message of ``payload`` on ``topic``; a payload that cannot be read comes back
    with its ``problem`` set (and no events), never as an exception."""
    text = payload[:MAX_PAYLOAD_BYTES].decode("utf-8", errors="replace")
    device_id = topic.removeprefix(PREFIX).removesuffix(SUFFIX)
    try:
        if not topic.startswith(PREFIX) or not topic.endswith(SUFFIX) or "/" in device_id:
            raise DomainValidationError("topic", f"must be {PREFIX}<device_id>{SUFFIX}")
        if len(payload) > MAX_PAYLOAD_BYTES:
            raise DomainValidationError("body", "is larger than 1 MB")
        try:
            parsed = json.loads(payload)
        except (ValueError, UnicodeDecodeError):
            raise DomainValidationError("body", "is not valid JSON") from None
        events = read_batch(parsed)
    except DomainValidationError as exc:
        return BrokerMessage(device_id, [], topic, text, problem=f"{exc.field}: {exc.message}")
    return BrokerMessage(device_id, events, topic, text)
