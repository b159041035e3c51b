"""Simulated homes with telecare: daily routines with noise, weekends, illness and holidays, and
planted incidents whose detection the rules are measured on (:mod:`.telecare_measure`).

Assumptions (see docs/telecare.md, "A simulated home"):

- A person wakes about 07:30 and goes to bed about 22:30 (each ±30 min by person, ±20 min by day;
  45 min later at weekends), gets up 0–3 times a night for the toilet (5–15 minutes), moves about
  the home at 3–8 sensor events an hour while up, uses the kettle on waking and up to four times
  later, and goes out on about half the days for one to three hours.
- The heating keeps 19–21 °C by day and about 17.5 °C at night, 17 °C while away (a reading every
  30 minutes).
- Rules are the defaults fitted to the person's usual day (:func:`rules_for`), as whoever sets up
  the sensors would from what the person says of their days.
- About one day in twenty is a quieter day (60 % of the activity, up an hour later): ordinary
  illness, not an incident; holidays (a week away, recorded as an absence) are ordinary too.
- Planted incidents, each with the rules expected to notice it: a fall at night (out of bed and
  not back; the fall detector where fitted), a fall by day (detector only), a night wander (out of
  the front door at night, back within the hour), a cold home (the heating fails for 16 hours),
  an unwell morning (in bed until nearly noon), a slow decline (three weeks of fading activity and
  later mornings), and a pendant press.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from careweave.domain.telecare.alerts import AlertKind
from careweave.domain.telecare.devices import Device, DeviceKind, token_digest
from careweave.domain.telecare.events import HOME_TIME, Event, EventKind
from careweave.domain.telecare.home import Absence, AwayReason
from careweave.domain.telecare.rules import ApplianceNotUsed, NoMovement, OutOfBed
from careweave.domain.telecare.ruleset import RuleSet

ROOMS = ("hall", "kitchen", "living room")
MOTION_PER_HOUR = (3.0, 8.0)
QUIET_DAY_SHARE = 0.05
HISTORY_DAYS = 30


@dataclass(frozen=True, slots=True)
class Incident:
    """Something planted in a home: when, and which rules should notice it in that time."""

    home: str
    kind: str
    start: datetime
    end: datetime
    expected: frozenset[AlertKind]


@dataclass
class SimHome:
    """One simulated home: its devices, events, absences and planted incidents."""

    person_id: str
    devices: dict[str, Device]
    rules: RuleSet = field(default_factory=RuleSet.default)
    events: list[Event] = field(default_factory=list)
    absences: list[Absence] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    _numbers: dict[str, int] = field(default_factory=dict)

    def device(self, kind: DeviceKind, location: str = "") -> str:
        """The id of the home's device of ``kind`` (in ``location`` when there are several)."""
        for device in self.devices.values():
            if device.kind is kind and (not location or device.location == location):
                return device.id
        raise KeyError(kind)

    def has(self, kind: DeviceKind) -> bool:
        """True when the home has a device of ``kind``."""
        return any(d.kind is kind for d in self.devices.values())

    def emit(
        self,
        kind: DeviceKind,
        event: EventKind,
        at: datetime,
        value: float | None = None,
        location: str = "",
    ) -> None:
        """The device of ``kind`` reports ``event`` at ``at``, with its next sequence number."""
        device_id = self.device(kind, location)
        number = self._numbers.get(device_id, 0)
        self._numbers[device_id] = number + 1
        self.events.append(Event(device_id, number, event, at, value))

    def plant(self, kind: str, start: datetime, end: datetime, *expected: AlertKind) -> None:
        """Record an incident and the rules expected to notice it."""
        self.incidents.append(Incident(self.person_id, kind, start, end, frozenset(expected)))


@dataclass(frozen=True, slots=True)
class Routine:
    """A person's usual day."""

    wake: float  # hours after midnight
    bed: float
    activity: float  # sensor events an hour while up


def local(day: date, hours: float) -> datetime:
    """``hours`` after the local midnight starting ``day`` (past 24 runs into the next day)."""
    return datetime.combine(day, time(0), tzinfo=HOME_TIME) + timedelta(hours=hours)


def rules_for(routine: Routine) -> RuleSet:
    """The defaults, fitted to the person's usual day as the person setting up the sensors would
    from what they say of their days: an early riser's night ends 45 minutes before their usual
    waking; a late riser's "no movement" and kettle times move to 2½ and 3½ hours after it."""
    rules = RuleSet.default()
    usual_rise = routine.wake - 0.75
    if usual_rise < 7.0:
        rules = rules.with_rule(OutOfBed(night_end=_quarter_hour(usual_rise)))
    if routine.wake + 2.5 > 10.0:
        rules = rules.with_rule(NoMovement(by=_quarter_hour(routine.wake + 2.5)))
        rules = rules.with_rule(ApplianceNotUsed(by=_quarter_hour(routine.wake + 3.5)))
    return rules


def _quarter_hour(hours: float) -> time:
    quarters = int(hours * 4)
    return time(quarters // 4, 15 * (quarters % 4))


def fit_devices(person_id: str, rng: random.Random, installed: date) -> dict[str, Device]:
    """A typical telecare package: pendant, bed, motion in three rooms, front door, kettle,
    temperature, smoke; a fall detector in about half the homes."""
    kinds = [
        (DeviceKind.PENDANT, "worn"),
        (DeviceKind.BED, "bedroom"),
        *((DeviceKind.MOTION, room) for room in ROOMS),
        (DeviceKind.DOOR, "front door"),
        (DeviceKind.KETTLE, "kitchen"),
        (DeviceKind.TEMPERATURE, "living room"),
        (DeviceKind.SMOKE, "hall"),
    ]
    if rng.random() < 0.5:
        kinds.append((DeviceKind.FALL_DETECTOR, "worn"))
    devices = {}
    for n, (kind, place) in enumerate(kinds):
        ident = f"{person_id[:20]}-{kind.value[:6]}-{n}"
        devices[ident] = Device(person_id, kind, place, installed, token_digest(ident), id=ident)
    return devices


def simulate_homes(
    person_ids: Sequence[str], days: int, seed: int, last_day: date, until: datetime | None = None
) -> list[SimHome]:
    """One simulated home per person, ``days`` days ending with ``last_day`` (cut at ``until``:
    nothing after it has happened yet)."""
    rng = random.Random(seed)
    first = last_day - timedelta(days=days - 1)
    homes: list[SimHome] = []
    for person_id in person_ids:
        home = SimHome(person_id, fit_devices(person_id, rng, first - timedelta(days=1)))
        routine = Routine(
            wake=7.5 + rng.gauss(0, 0.5),
            bed=22.5 + rng.gauss(0, 0.5),
            activity=rng.uniform(*MOTION_PER_HOUR),
        )
        home.rules = rules_for(routine)
        plan = _plan_incidents(rng, first, days)
        for offset in range(days):
            _live_day(home, rng, routine, first + timedelta(days=offset), plan)
        _heartbeats(home, rng, last_day)
        if until is not None:
            home.events = [e for e in home.events if e.at <= until]
            home.incidents = [i for i in home.incidents if i.start <= until]
            if not homes:  # someone needs help right now, so the console has something to show
                pressed = until - timedelta(minutes=10)
                home.emit(DeviceKind.PENDANT, EventKind.PRESS, pressed)
                home.plant("pendant press", pressed, until, AlertKind.PENDANT_PRESS)
        home.events.sort(key=lambda e: e.at)
        homes.append(home)
    return homes


@dataclass
class Plan:
    """Which day gets which planted incident (``decline`` is the first day of a slow decline)."""

    on: dict[date, str] = field(default_factory=dict)
    away: tuple[date, date] | None = None
    decline: date | None = None


INCIDENTS = (
    "fall at night",
    "fall by day",
    "night wander",
    "cold home",
    "unwell morning",
    "pendant press",
)


def _plan_incidents(rng: random.Random, first: date, days: int) -> Plan:
    plan = Plan()
    free = [first + timedelta(days=n) for n in range(HISTORY_DAYS, days - 1)]
    rng.shuffle(free)
    for kind in INCIDENTS:
        if free and rng.random() < 0.6:
            plan.on[free.pop()] = kind
    if days > HISTORY_DAYS + 24 and rng.random() < 0.25:
        plan.decline = first + timedelta(days=days - 21)
        plan.on = {d: k for d, k in plan.on.items() if d < plan.decline}
    if rng.random() < 0.3:
        start = first + timedelta(days=rng.randint(3, max(4, days - 10)))
        plan.away = (start, start + timedelta(days=6))
        plan.on = {d: k for d, k in plan.on.items() if not start <= d <= plan.away[1]}
    return plan


def _live_day(home: SimHome, rng: random.Random, routine: Routine, day: date, plan: Plan) -> None:
    if plan.away and plan.away[0] <= day <= plan.away[1]:
        if day == plan.away[0]:
            absence = Absence(home.person_id, day, AwayReason.HOLIDAY, plan.away[1])
            home.absences.append(absence)
        _temperatures(home, rng, day, day_c=17.0, night_c=17.0)  # heating set back, not off
        return
    incident = plan.on.get(day, "")
    wake, bed, scale = _day_shape(home, rng, routine, day, plan, incident)
    _night(home, rng, day, wake, incident)
    _daytime(home, rng, routine, day, (wake, bed), scale, incident)
    home.emit(DeviceKind.BED, EventKind.IN_BED, local(day, bed))
    cold_from = 16.0 if incident == "cold home" else None
    _temperatures(home, rng, day, day_c=20.0, night_c=17.5, cold_from=cold_from)
    if cold_from is not None:
        home.plant("cold home", local(day, cold_from), local(day, 24), AlertKind.LOW_TEMPERATURE)


def _day_shape(
    home: SimHome, rng: random.Random, routine: Routine, day: date, plan: Plan, incident: str
) -> tuple[float, float, float]:
    """When the person gets up and goes to bed, and how active they are (1 is usual)."""
    scale, late = 1.0, 0.0
    if plan.decline and day >= plan.decline:
        fade = (day - plan.decline).days / 21
        scale, late = 1.0 - 0.65 * fade, 2.0 * fade
        if day == plan.decline:
            start, end = local(day + timedelta(days=7), 0), local(day + timedelta(days=21), 1)
            home.plant("slow decline", start, end, AlertKind.UNUSUAL_DAY)
    elif rng.random() < QUIET_DAY_SHARE:
        scale, late = 0.6, 1.0
    weekend = 0.75 if day.weekday() >= 5 else 0.0
    wake = routine.wake + weekend + late + rng.gauss(0, 0.33)
    bed = routine.bed + rng.gauss(0, 0.33)
    if incident == "unwell morning":
        expected = (AlertKind.NO_MOVEMENT, AlertKind.APPLIANCE_NOT_USED, AlertKind.UNUSUAL_DAY)
        home.plant("unwell morning", local(day, 4), local(day, 25), *expected)
        wake, scale = 11.75, scale * 0.6
    if incident == "fall at night":
        wake, scale = 8.55, scale * 0.6  # found by the morning carer at 08:30
    return wake, bed, scale


def _night(home: SimHome, rng: random.Random, day: date, wake: float, incident: str) -> None:
    """From midnight to waking: toilet trips, or the planted night incident."""
    # On a night with an incident the person makes no other trip; an unwell person stays in bed
    # from 04:00 (the planted "no movement" morning).
    last_trip = 3.5 if incident == "unwell morning" else max(1.5, wake - 0.75)
    trips = sorted(rng.uniform(1.0, last_trip) for _ in range(_poisson(rng, 0.8)))
    if incident == "night wander":
        trips = []
    if incident == "fall at night":
        _fall_at_night(home, rng, day)
        return  # the carer who finds the person at 08:30 helps them up: no getting out of bed
    if incident == "night wander":
        _night_wander(home, rng, day)
    for at in trips:
        home.emit(DeviceKind.BED, EventKind.OUT_OF_BED, local(day, at))
        home.emit(DeviceKind.MOTION, EventKind.MOTION, local(day, at + 0.02), location="hall")
        home.emit(DeviceKind.BED, EventKind.IN_BED, local(day, at + rng.uniform(5, 15) / 60))
    home.emit(DeviceKind.BED, EventKind.OUT_OF_BED, local(day, wake))


def _fall_at_night(home: SimHome, rng: random.Random, day: date) -> None:
    """Up at night, falls on the way, found by the morning carer at 08:30."""
    at = rng.uniform(2.0, 4.0)
    home.emit(DeviceKind.BED, EventKind.OUT_OF_BED, local(day, at))
    home.emit(DeviceKind.MOTION, EventKind.MOTION, local(day, at + 0.02), location="hall")
    expected = [AlertKind.OUT_OF_BED]
    if home.has(DeviceKind.FALL_DETECTOR):
        home.emit(DeviceKind.FALL_DETECTOR, EventKind.FALL, local(day, at + 0.05))
        expected.append(AlertKind.FALL)
    home.emit(DeviceKind.DOOR, EventKind.DOOR_OPENED, local(day, 8.5))
    home.emit(DeviceKind.DOOR, EventKind.DOOR_CLOSED, local(day, 8.52))
    home.plant("fall at night", local(day, at), local(day, 9), *expected)


def _night_wander(home: SimHome, rng: random.Random, day: date) -> None:
    """Up at night and out of the front door for 50 minutes, then back to bed."""
    at = rng.uniform(2.0, 3.5)
    home.emit(DeviceKind.BED, EventKind.OUT_OF_BED, local(day, at))
    home.emit(DeviceKind.MOTION, EventKind.MOTION, local(day, at + 0.03), location="hall")
    for opened in (at + 0.05, at + 0.9):
        home.emit(DeviceKind.DOOR, EventKind.DOOR_OPENED, local(day, opened))
        home.emit(DeviceKind.DOOR, EventKind.DOOR_CLOSED, local(day, opened + 0.02))
    home.emit(DeviceKind.MOTION, EventKind.MOTION, local(day, at + 0.95), location="hall")
    home.emit(DeviceKind.BED, EventKind.IN_BED, local(day, at + 1.0))
    home.plant(
        "night wander",
        local(day, at),
        local(day, at + 1.5),
        AlertKind.DOOR_AT_NIGHT,
        AlertKind.OUT_OF_BED,
    )


def _daytime(
    home: SimHome,
    rng: random.Random,
    routine: Routine,
    day: date,
    hours: tuple[float, float],
    scale: float,
    incident: str,
) -> None:
    """From waking to bed: moving about, the kettle, an outing, and the day's incident."""
    wake, bed = hours
    out = _outing(home, rng, day, wake, bed)
    down = (0.0, 0.0)
    if incident == "fall by day" and home.has(DeviceKind.FALL_DETECTOR):
        down = (15.0, 18.0)
        home.emit(DeviceKind.FALL_DETECTOR, EventKind.FALL, local(day, 15.0))
        home.plant("fall by day", local(day, 15), local(day, 18), AlertKind.FALL)
    if incident == "pendant press":
        at = rng.uniform(wake + 1, bed - 1)
        home.emit(DeviceKind.PENDANT, EventKind.PRESS, local(day, at))
        home.plant("pendant press", local(day, at), local(day, at + 1), AlertKind.PENDANT_PRESS)
    hour = wake
    while hour < bed:
        if not (out[0] <= hour < out[1] or down[0] <= hour < down[1]):
            room = rng.choice(ROOMS)
            home.emit(DeviceKind.MOTION, EventKind.MOTION, local(day, hour), location=room)
        hour += rng.expovariate(routine.activity * scale)
    _kettle(home, rng, day, wake, scale, busy=(out, down))


def _kettle(
    home: SimHome,
    rng: random.Random,
    day: date,
    wake: float,
    scale: float,
    busy: tuple[tuple[float, float], ...],
) -> None:
    """The kettle soon after waking (nearly always) and at the usual times (often)."""
    for usual in (wake + 0.25, 10.5, 13.0, 16.0, 19.5):
        chance = (0.95 if usual == wake + 0.25 else 0.7) * min(1.0, scale + 0.2)
        free = all(not start <= usual < end for start, end in busy)
        if usual >= wake and free and rng.random() < chance:
            at = local(day, usual + rng.gauss(0, 0.2))
            home.emit(DeviceKind.KETTLE, EventKind.APPLIANCE_USED, at)


def _outing(
    home: SimHome, rng: random.Random, day: date, wake: float, bed: float
) -> tuple[float, float]:
    """Half the days the person goes out for one to three hours; returns when (or an empty span)."""
    if rng.random() >= 0.5 or bed - wake < 6:
        return (0.0, 0.0)
    leave = rng.uniform(wake + 2, bed - 4)
    back = leave + rng.uniform(1, 3)
    for at in (leave, back):
        home.emit(DeviceKind.DOOR, EventKind.DOOR_OPENED, local(day, at))
        home.emit(DeviceKind.DOOR, EventKind.DOOR_CLOSED, local(day, at + 0.01))
    return (leave, back)


def _temperatures(
    home: SimHome,
    rng: random.Random,
    day: date,
    *,
    day_c: float,
    night_c: float,
    cold_from: float | None = None,
) -> None:
    """A reading every 30 minutes; from ``cold_from`` o'clock the heating has failed."""
    for half in range(48):
        hour = half / 2
        warm = day_c if 7 <= hour < 23 else night_c
        if cold_from is not None and hour >= cold_from:
            warm = 13.0
        home.emit(
            DeviceKind.TEMPERATURE,
            EventKind.TEMPERATURE,
            local(day, hour),
            round(warm + rng.gauss(0, 0.4), 1),
        )


def _heartbeats(home: SimHome, rng: random.Random, day: date) -> None:
    """The heartbeats of ``day`` and the day before, with battery levels (one home in ten has a battery running low),
    so the demo's devices are heard from and not all silent."""
    low = rng.random() < 0.1
    for device in home.devices.values():
        battery = 15.0 if low and device.kind is DeviceKind.PENDANT else rng.uniform(40, 100)
        every = device.heartbeat_minutes / 60
        beat = rng.uniform(-24, every - 24)
        while beat < 24:
            home.emit(
                device.kind, EventKind.HEARTBEAT, local(day, beat), round(battery), device.location
            )
            beat += every


def _poisson(rng: random.Random, mean: float) -> int:
    count, total = 0, rng.expovariate(1.0)
    while total < mean:
        count += 1
        total += rng.expovariate(1.0)
    return count
