"""Setting up a person's home: registering and retiring devices, their rules, their escalation
chain and key safe note, and the days they are away. Coordinators change these; the team and the
person's practitioner read them. Every read and write is audited."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import CircleMember, Person
from careweave.domain.telecare.alerts import AlertKind, EscalationChain
from careweave.domain.telecare.devices import (
    DEFAULT_HEARTBEAT_MINUTES,
    Device,
    DeviceKind,
    new_device_token,
    token_digest,
)
from careweave.domain.telecare.home import Absence, AwayReason
from careweave.domain.telecare.ruleset import RuleSet, rule_from_fields
from careweave.domain.telecare.setup import TelecareSetup
from careweave.domain.values import require_member
from careweave.services.accounts.access import Actor
from careweave.services.accounts.audit import AuditTrail
from careweave.services.telecare.access import check_can_configure, check_can_see_telecare
from careweave.services.telecare.unit_of_work import TelecareUnitOfWork


@dataclass(frozen=True, slots=True)
class HomeView:
    """Everything about a person's telecare set-up that the rules page shows."""

    person: Person
    devices: Sequence[Device]
    rules: RuleSet
    setup: TelecareSetup
    absences: Sequence[Absence]
    circle: Sequence[CircleMember]


@dataclass(frozen=True, slots=True)
class NewDevice:
    """A device just registered, and its secret token: shown once, never stored."""

    device: Device
    token: str


class HomeService:
    """Devices, rules, escalation chain and absences of a person's home.

    Parameters
    ----------
    uow_factory
        Makes the unit of work of each call.
    clock
        Says what day it is (a device fitted today) and when things were changed.
    """

    def __init__(self, uow_factory: Callable[[], TelecareUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._trail = AuditTrail(clock)

    def view(self, actor: Actor, person_id: str) -> HomeView:
        """The person's telecare set-up."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_see_telecare(actor, person)
            found = HomeView(
                person=person,
                devices=uow.devices.list(person_ids={person_id}),
                rules=uow.telecare_rules.rules_for(person_id),
                setup=uow.telecare_setups.find(person_id) or TelecareSetup(person_id),
                absences=uow.absences.list_for_person(person_id),
                circle=uow.circles.list_for_person(person_id),
            )
            self._audit(uow, actor, AuditAction.READ, person, "telecare set-up")
            uow.commit()
        return found

    def register_device(
        self,
        actor: Actor,
        person_id: str,
        kind: DeviceKind | str,
        location: str,
        *,
        heartbeat_minutes: int | None = None,
        installed_on: date | None = None,
    ) -> NewDevice:
        """Fit a device in the person's home; the answer holds its token, shown only now."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_configure(actor, person)
            token = new_device_token()
            device_kind = require_member("device.kind", kind, DeviceKind)
            device = Device(
                person_id=person_id,
                kind=device_kind,
                location=location,
                installed_on=installed_on or self._clock.today(),
                token_hash=token_digest(token),
                heartbeat_minutes=heartbeat_minutes or DEFAULT_HEARTBEAT_MINUTES[device_kind],
            )
            uow.devices.add(device)
            if uow.telecare_setups.find(person_id) is None:
                uow.telecare_setups.save(TelecareSetup(person_id))
            self._audit(uow, actor, AuditAction.CREATE, person, f"device {device.id} fitted")
            uow.commit()
        return NewDevice(device, token)

    def retire_device(self, actor: Actor, device_id: str) -> Device:
        """Take a device out of service: its token stops working and it raises nothing more."""
        with self._uow_factory() as uow:
            device = uow.devices.get(device_id)
            person = uow.people.get(device.person_id)
            check_can_configure(actor, person)
            device.active = False
            uow.devices.update(device)
            self._audit(uow, actor, AuditAction.UPDATE, person, f"device {device.id} retired")
            uow.commit()
        return device

    def save_rule(
        self, actor: Actor, person_id: str, kind: AlertKind | str, fields: Mapping[str, object]
    ) -> RuleSet:
        """Change one of the person's rules from ``fields`` (errors name the field)."""
        rule = rule_from_fields(kind, fields)
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_configure(actor, person)
            uow.telecare_rules.save(person_id, rule)
            self._audit(uow, actor, AuditAction.UPDATE, person, f"rule {rule.kind.value}")
            rules = uow.telecare_rules.rules_for(person_id)
            uow.commit()
        return rules

    def save_setup(
        self, actor: Actor, person_id: str, chain: EscalationChain, key_safe_note: str
    ) -> TelecareSetup:
        """Set the person's escalation chain and key safe note."""
        setup = TelecareSetup(person_id, chain, key_safe_note)
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_configure(actor, person)
            circle = {m.id for m in uow.circles.list_for_person(person_id)}
            for step in chain.steps:
                if step.circle_member_id is not None and step.circle_member_id not in circle:
                    raise DomainValidationError(
                        "chain.circle_member_id", "is not in the person's circle of support"
                    )
            uow.telecare_setups.save(setup)
            self._audit(uow, actor, AuditAction.UPDATE, person, "escalation chain")
            uow.commit()
        return setup

    def mark_away(
        self,
        actor: Actor,
        person_id: str,
        starts_on: date,
        reason: AwayReason | str,
        ends_on: date | None = None,
        note: str = "",
    ) -> Absence:
        """Record days the person is away (no activity alerts then)."""
        absence = Absence(
            person_id, starts_on, require_member("away.reason", reason, AwayReason), ends_on, note
        )
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_configure(actor, person)
            uow.absences.add(absence)
            self._audit(uow, actor, AuditAction.UPDATE, person, f"away from {starts_on}")
            uow.commit()
        return absence

    def _audit(
        self, uow: TelecareUnitOfWork, actor: Actor, action: AuditAction, person: Person, what: str
    ) -> None:
        self._trail.record(
            uow,
            actor,
            action,
            "telecare_home",
            person.id,
            team_id=person.team_id,
            detail=what,
        )
