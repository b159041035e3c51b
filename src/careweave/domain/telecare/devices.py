"""The devices installed in a person's home, and the technical alerts they raise.

Each device has a secret token it proves itself with; careweave keeps only the token's SHA-256
digest, so a stolen database cannot post events. A device that falls silent for longer than its
heartbeat period allows, or reports a low battery, needs a technician, not a carer: it raises a
*technical* alert (:func:`technical_issues`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.telecare.events import HOME_TIME, Event, EventKind
from careweave.domain.values import new_id, require_member, require_range, require_text

LOW_BATTERY_PERCENT = 20.0
# A heartbeat may be a little late (radio retries); silence is judged after one and a half periods.
SILENCE_FACTOR = 1.5
TOKEN_BYTES = 32


class DeviceKind(StrEnum):
    """What a device is."""

    PENDANT = "pendant"
    FALL_DETECTOR = "fall_detector"
    BED = "bed"
    CHAIR = "chair"
    DOOR = "door"
    MOTION = "motion"
    TEMPERATURE = "temperature"
    SMOKE = "smoke"
    FLOOD = "flood"
    KETTLE = "kettle"
    FRIDGE = "fridge"


DEVICE_LABELS: dict[DeviceKind, str] = {
    DeviceKind.PENDANT: "Pendant alarm",
    DeviceKind.FALL_DETECTOR: "Fall detector",
    DeviceKind.BED: "Bed sensor",
    DeviceKind.CHAIR: "Chair sensor",
    DeviceKind.DOOR: "Door contact",
    DeviceKind.MOTION: "Motion sensor",
    DeviceKind.TEMPERATURE: "Temperature sensor",
    DeviceKind.SMOKE: "Smoke detector",
    DeviceKind.FLOOD: "Flood detector",
    DeviceKind.KETTLE: "Kettle plug",
    DeviceKind.FRIDGE: "Fridge door sensor",
}

# What each kind of device can say (besides its heartbeat).
SENDS: dict[DeviceKind, frozenset[EventKind]] = {
    DeviceKind.PENDANT: frozenset({EventKind.PRESS}),
    DeviceKind.FALL_DETECTOR: frozenset({EventKind.FALL, EventKind.PRESS}),
    DeviceKind.BED: frozenset({EventKind.IN_BED, EventKind.OUT_OF_BED}),
    DeviceKind.CHAIR: frozenset({EventKind.SAT_DOWN, EventKind.STOOD_UP}),
    DeviceKind.DOOR: frozenset({EventKind.DOOR_OPENED, EventKind.DOOR_CLOSED}),
    DeviceKind.MOTION: frozenset({EventKind.MOTION}),
    DeviceKind.TEMPERATURE: frozenset({EventKind.TEMPERATURE}),
    DeviceKind.SMOKE: frozenset({EventKind.SMOKE}),
    DeviceKind.FLOOD: frozenset({EventKind.FLOOD}),
    DeviceKind.KETTLE: frozenset({EventKind.APPLIANCE_USED}),
    DeviceKind.FRIDGE: frozenset({EventKind.APPLIANCE_USED}),
}

# Worn and alarm devices check in daily (their batteries last years so); room sensors hourly.
DAILY = 24 * 60
DEFAULT_HEARTBEAT_MINUTES: dict[DeviceKind, int] = {
    kind: DAILY
    if kind in (DeviceKind.PENDANT, DeviceKind.FALL_DETECTOR, DeviceKind.SMOKE, DeviceKind.FLOOD)
    else 60
    for kind in DeviceKind
}


def new_device_token() -> str:
    """A new random secret for a device (shown once, when the device is registered)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(secret: str) -> str:
    """The SHA-256 digest of a device token, which is all careweave keeps."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Device:
    """A device installed in a person's home.

    Parameters
    ----------
    person_id
        Whose home it is in.
    kind
        What it is.
    location
        Where in the home, in plain words ("front door", "bedroom").
    installed_on
        The day it was fitted.
    token_hash
        The digest of its secret token (:func:`token_digest`).
    heartbeat_minutes
        How often it checks in when nothing happens.
    battery_percent, last_heard_at, battery_low_since
        What careweave last heard from it; kept up to date by :meth:`heard`.
    """

    person_id: str
    kind: DeviceKind
    location: str
    installed_on: date
    token_hash: str
    heartbeat_minutes: int = 60
    battery_percent: float | None = None
    last_heard_at: datetime | None = None
    battery_low_since: datetime | None = None
    active: bool = True
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.kind = require_member("device.kind", self.kind, DeviceKind)
        self.location = require_text("device.location", self.location, max_length=80)
        if not isinstance(self.installed_on, date):
            raise DomainValidationError("device.installed_on", "must be a date")
        require_range("device.heartbeat_minutes", self.heartbeat_minutes, 1, 7 * DAILY)
        if len(self.token_hash) != 64:
            raise DomainValidationError("device.token_hash", "must be a SHA-256 digest")

    @property
    def label(self) -> str:
        """What it is and where, in plain words ("Door contact, front door")."""
        return f"{DEVICE_LABELS[self.kind]}, {self.location}"

    def proves(self, secret: str) -> bool:
        """True when ``secret`` is this device's token (compared in constant time)."""
        return hmac.compare_digest(token_digest(secret), self.token_hash)

    def check_sends(self, event: Event, *, where: str = "") -> None:
        """Raise naming the ``kind`` field unless this kind of device can send ``event``."""
        if event.kind is not EventKind.HEARTBEAT and event.kind not in SENDS[self.kind]:
            raise DomainValidationError(
                f"{where}kind", f"a {self.kind.value} device does not send {event.kind.value!r}"
            )

    def heard(self, event: Event) -> None:
        """Note ``event``: the last time heard from and the battery (an older event changes neither)."""
        if self.last_heard_at is not None and event.at <= self.last_heard_at:
            return
        self.last_heard_at = event.at
        if event.kind is EventKind.HEARTBEAT and event.value is not None:
            self.battery_percent = float(event.value)
            if self.battery_percent >= LOW_BATTERY_PERCENT:
                self.battery_low_since = None
            elif self.battery_low_since is None:
                self.battery_low_since = event.at

    def silent_since(self, now: datetime) -> datetime | None:
        """When it was last heard, if it has been silent too long at ``now``; else ``None``.

        A device never heard from counts from the start of the day it was installed.
        """
        allowed = timedelta(minutes=self.heartbeat_minutes * SILENCE_FACTOR)
        last = self.last_heard_at or datetime.combine(
            self.installed_on, datetime.min.time(), tzinfo=now.tzinfo
        )
        return last if self.active and now - last > allowed else None


class TechnicalIssue(StrEnum):
    """Why a device needs a technician."""

    SILENT = "device_silent"
    LOW_BATTERY = "low_battery"


@dataclass(frozen=True, slots=True)
class DeviceProblem:
    """A technical issue of one device; ``key`` names this spell of it, so it is raised once."""

    device: Device
    issue: TechnicalIssue
    since: datetime

    @property
    def key(self) -> str:
        """The same for every look at the same spell (a new silence or low battery gets a new key)."""
        return f"{self.issue.value}:{self.device.id}:{self.since.isoformat()}"

    @property
    def summary(self) -> str:
        """What is wrong, in plain words."""
        if self.issue is TechnicalIssue.SILENT:
            local = self.since.astimezone(HOME_TIME)
            return f"{self.device.label}: not heard from since {local:%a %d %b %H:%M}"
        return f"{self.device.label}: battery low ({self.device.battery_percent or 0:.0f} %)"


def technical_issues(devices: list[Device], now: datetime) -> list[DeviceProblem]:
    """The technical issues of ``devices`` at ``now``: silence past the heartbeat, low battery."""
    found: list[DeviceProblem] = []
    for device in devices:
        if not device.active:
            continue
        silent = device.silent_since(now)
        if silent is not None:
            found.append(DeviceProblem(device, TechnicalIssue.SILENT, silent))
        if device.battery_low_since is not None:
            found.append(
                DeviceProblem(device, TechnicalIssue.LOW_BATTERY, device.battery_low_since)
            )
    return found
