"""Taking events in: from a device over HTTP (proved by its token) or from the broker (the topic
names the device; the broker proved who published), each stored once and committed before it is
acknowledged.

Over HTTP a batch is all or nothing: one bad event (an unknown device, a kind the device cannot
send) refuses the whole batch with an error naming its field, and nothing of it is written. From the
broker, each message is one such batch: a bad one goes to the dead-letter table with the reason, in
the same transaction as the good ones beside it, so the consumer can acknowledge them all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.accounts.users import NotAuthenticatedError
from careweave.domain.errors import DomainValidationError, NotFoundError
from careweave.domain.telecare.devices import Device, token_digest
from careweave.domain.telecare.events import AT_ONCE_KINDS, MAX_BATCH, Event
from careweave.services.telecare.ports import DeadLetter
from careweave.services.telecare.trail import record_system
from careweave.services.telecare.unit_of_work import TelecareUnitOfWork


@dataclass(frozen=True, slots=True)
class BrokerMessage:
    """One message from the broker: the device its topic names, its events, and the raw payload
    (kept if it becomes a dead letter). ``problem`` says why it could not be read
    (``"field: what is wrong"``); its events are then empty."""

    device_id: str
    events: Sequence[Event]
    topic: str
    payload: str
    problem: str = ""


@dataclass(frozen=True, slots=True)
class BrokerReport:
    """What became of a batch of broker messages; ``urgent_person_ids`` are the people with a new
    event whose rule fires at once (their rules should run now)."""

    stored: int
    repeats: int
    dead_letters: int
    urgent_person_ids: list[str]


@dataclass(frozen=True, slots=True)
class Receipt:
    """What became of a batch: how many events were new and how many were repeats, and whether a
    new one is of a kind whose rule fires at once (the person's rules should run now)."""

    person_id: str
    stored: int
    repeats: int
    urgent: bool = False


class IngestService:
    """Stores device events durably, once each.

    Parameters
    ----------
    uow_factory
        Makes the unit of work of each call (one transaction per call).
    clock
        Says when an event was received.
    """

    def __init__(self, uow_factory: Callable[[], TelecareUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    def ingest_with_token(self, token: str, events: Sequence[Event]) -> Receipt:
        """Store ``events`` sent by the device whose secret is ``token`` (HTTP).

        The events may be of any device of the same home: a home hub relays its sensors' events
        under its own token. Raises NotAuthenticatedError for an unknown or retired token.
        """
        with self._uow_factory() as uow:
            device = uow.devices.find_by_token(token_digest(token)) if token else None
            if device is None or not device.active:
                raise NotAuthenticatedError("send a valid device token (X-Device-Token)")
            home = _home_of(uow, device)
            _check_events(home, events)
            owners = dict.fromkeys(home, device.person_id)
            stored = _save(uow, events, owners, home, self._clock.now(), "http")
            uow.commit()
        urgent = any(e.kind in AT_ONCE_KINDS for e in stored)
        return Receipt(device.person_id, len(stored), len(events) - len(stored), urgent)

    def ingest_from_broker(self, messages: Sequence[BrokerMessage]) -> BrokerReport:
        """Store the events of ``messages`` from the broker in one transaction.

        A message that could not be read, names a device careweave does not know, or carries an
        event its home cannot send is kept as a dead letter with the reason instead; the others
        are stored (repeats once). When this returns, every message is settled and may be
        acknowledged; if it raises, none is, and the broker will deliver them again.
        """
        now = self._clock.now()
        with self._uow_factory() as uow:
            accepted: list[Event] = []
            owners: dict[str, str] = {}
            homes: dict[str, Device] = {}
            dead = 0
            known: dict[str, dict[str, Device]] = {}
            for message in messages:
                try:
                    home = _checked_home(uow, message, known)
                except DomainValidationError as exc:
                    reason = f"{exc.field}: {exc.message}"
                    letter = DeadLetter(now, "mqtt", message.topic, message.payload, reason)
                    uow.dead_letters.add(letter)
                    dead += 1
                    continue
                accepted.extend(message.events)
                homes.update(home)
                owners.update({d.id: d.person_id for d in home.values()})
            stored = _save(uow, accepted, owners, homes, now, "mqtt") if accepted else []
            uow.commit()
        urgent = sorted({owners[e.device_id] for e in stored if e.kind in AT_ONCE_KINDS})
        return BrokerReport(len(stored), len(accepted) - len(stored), dead, urgent)

    def dead_letter(self, source: str, topic: str, payload: str, reason: str) -> None:
        """Keep a message that could not be taken in, with the reason."""
        with self._uow_factory() as uow:
            uow.dead_letters.add(DeadLetter(self._clock.now(), source, topic, payload, reason))
            uow.commit()


def _check_events(home: dict[str, Device], events: Sequence[Event]) -> None:
    """Raise naming the field unless every one of 1 to 1,000 events is of a device of ``home``
    that can send it."""
    if not events:
        raise DomainValidationError("events", "must hold at least one event")
    if len(events) > MAX_BATCH:
        raise DomainValidationError("events", f"must hold at most {MAX_BATCH} events")
    for index, event in enumerate(events):
        where = f"events.{index}." if len(events) > 1 else ""
        device = home.get(event.device_id)
        if device is None:
            raise DomainValidationError(f"{where}device_id", "is not a device of this home")
        device.check_sends(event, where=where)


def _home_of(uow: TelecareUnitOfWork, device: Device) -> dict[str, Device]:
    return {d.id: d for d in uow.devices.list(person_ids={device.person_id})}


def _checked_home(
    uow: TelecareUnitOfWork, message: BrokerMessage, known: dict[str, dict[str, Device]]
) -> dict[str, Device]:
    """The home of the message's device, its events checked; ``known`` keeps the homes already
    read in this batch (by each of their devices), so a busy home is read once."""
    if message.problem:
        field, _, text = message.problem.partition(": ")
        raise DomainValidationError(field, text)
    home = known.get(message.device_id)
    if home is None:
        home = _home_of(uow, _known_device(uow, message.device_id))
        known.update(dict.fromkeys(home, home))
    _check_events(home, message.events)
    return home


def _save(
    uow: TelecareUnitOfWork,
    events: Sequence[Event],
    owners: dict[str, str],
    devices: dict[str, Device],
    now: datetime,
    source: str,
) -> list[Event]:
    """Store the new ``events``, note what their devices said, and audit it; return the new ones."""
    stored = uow.telecare_events.add_new(events, owners, now)
    for event in stored:
        devices[event.device_id].heard(event)
    for device_id in sorted({e.device_id for e in stored}):
        uow.devices.update(devices[device_id])
    record_system(
        uow,
        AuditAction.CREATE,
        "telecare_event",
        ",".join(sorted({owners[e.device_id] for e in events}))[:64],
        at=now,
        detail=f"{len(stored)} events by {source}, {len(events) - len(stored)} repeats",
    )
    return stored


def _known_device(uow: TelecareUnitOfWork, device_id: str) -> Device:
    try:
        device = uow.devices.get(device_id)
    except NotFoundError:
        raise DomainValidationError(
            "device_id", f"{device_id[:64]!r} is not a known device"
        ) from None
    if not device.active:
        raise DomainValidationError("device_id", "the device has been retired")
    return device
