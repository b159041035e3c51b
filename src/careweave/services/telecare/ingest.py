"""Taking events in: from a device over HTTP (proved by its token) or from the broker (the topic
names the device; the broker proved who published), each stored once and committed before it is
acknowledged.

A batch is all or nothing: one bad event (an unknown device, a kind the device cannot send) refuses
the whole batch with an error naming its field, and nothing of it is written. A message that cannot
be read at all goes to the dead-letter table with the reason (:meth:`IngestService.dead_letter`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.accounts.users import NotAuthenticatedError
from careweave.domain.errors import DomainValidationError, NotFoundError
from careweave.domain.telecare.devices import Device, token_digest
from careweave.domain.telecare.events import MAX_BATCH, Event
from careweave.services.telecare.ports import DeadLetter, TelecareUnitOfWork
from careweave.services.telecare.trail import record_system


@dataclass(frozen=True, slots=True)
class Receipt:
    """What became of a batch: how many events were new and how many were repeats."""

    person_id: str
    stored: int
    repeats: int


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
            receipt = self._store(uow, device, events, source="http")
            uow.commit()
        return receipt

    def ingest_from_broker(self, device_id: str, events: Sequence[Event]) -> Receipt:
        """Store ``events`` published on the topic of ``device_id`` (MQTT).

        Raises DomainValidationError naming ``device_id`` for a device careweave does not know.
        """
        with self._uow_factory() as uow:
            device = _known_device(uow, device_id)
            receipt = self._store(uow, device, events, source="mqtt")
            uow.commit()
        return receipt

    def dead_letter(self, source: str, topic: str, payload: str, reason: str) -> None:
        """Keep a message that could not be taken in, with the reason."""
        with self._uow_factory() as uow:
            uow.dead_letters.add(DeadLetter(self._clock.now(), source, topic, payload, reason))
            uow.commit()

    def _store(
        self, uow: TelecareUnitOfWork, sender: Device, events: Sequence[Event], *, source: str
    ) -> Receipt:
        if not events:
            raise DomainValidationError("events", "must hold at least one event")
        if len(events) > MAX_BATCH:
            raise DomainValidationError("events", f"must hold at most {MAX_BATCH} events")
        home = {d.id: d for d in uow.devices.list(person_ids={sender.person_id})}
        for index, event in enumerate(events):
            where = f"events.{index}." if len(events) > 1 else ""
            device = home.get(event.device_id)
            if device is None:
                raise DomainValidationError(f"{where}device_id", "is not a device of this home")
            device.check_sends(event, where=where)
        now = self._clock.now()
        owners = dict.fromkeys(home, sender.person_id)
        stored = uow.telecare_events.add_new(events, owners, now)
        for event in stored:
            home[event.device_id].heard(event)
        for device_id in sorted({e.device_id for e in stored}):
            uow.devices.update(home[device_id])
        record_system(
            uow,
            AuditAction.CREATE,
            "telecare_event",
            sender.id,
            at=now,
            detail=f"{len(stored)} events by {source}, {len(events) - len(stored)} repeats",
        )
        return Receipt(sender.person_id, len(stored), len(events) - len(stored))


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
