"""The rules page's forms: each rule's settings as labelled inputs, and the escalation chain read
back from its form. Field names are the rules' own, so an error names the field the person sees."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import CircleMember
from careweave.domain.telecare.alerts import PRIORITY_LABELS, ChainStep, EscalationChain, Tier
from careweave.domain.telecare.rules import Rule
from careweave.domain.telecare.ruleset import rule_fields

LABELS = {
    "enabled": "On",
    "priority": "Priority",
    "since": "Watch from",
    "by": "Alert if nothing by",
    "night_start": "Night starts",
    "night_end": "Night ends",
    "minutes": "Minutes",
    "open_minutes": "Minutes before 'left open'",
    "quiet_minutes": "Minutes of quiet after closing",
    "below_celsius": "Below (°C)",
    "k_level": "Alert on amount beyond (robust z)",
    "k_shape": "Alert on timing beyond (robust z)",
    "baseline_days": "Days to learn from",
    "min_days": "Fewest days needed",
}


@dataclass(frozen=True, slots=True)
class Setting:
    """One input of a rule's form: its name, label, input type and current value."""

    name: str
    label: str
    kind: str
    value: str
    checked: bool = False
    step: str = "1"
    choices: tuple[tuple[str, str, bool], ...] = ()


def settings_of(rule: Rule) -> list[Setting]:
    """The inputs of ``rule``'s form, in the rule's own order."""
    found = []
    for name, value in rule_fields(rule).items():
        label = LABELS.get(name, name)
        if isinstance(value, bool):
            found.append(Setting(name, label, "checkbox", "true", checked=value))
        elif name == "priority":
            choices = tuple(
                (str(int(p)), text, int(p) == value) for p, text in PRIORITY_LABELS.items()
            )
            found.append(Setting(name, label, "select", str(value), choices=choices))
        elif isinstance(value, str):
            found.append(Setting(name, label, "time", value))
        else:
            step = "0.5" if isinstance(value, float) else "1"
            found.append(Setting(name, label, "number", f"{value:g}", step=step))
    return found


def rule_form(form: Mapping[str, str]) -> dict[str, object]:
    """The settings a rule's form sent (an unticked box is not sent: the rule is off)."""
    fields: dict[str, object] = {k: v for k, v in form.items() if k != "csrf_token"}
    fields["enabled"] = "enabled" in form
    return fields


@dataclass(frozen=True, slots=True)
class ChainForm:
    """The chain's form values: minutes for each step, and the circle member named (or '')."""

    worker_minutes: int
    coordinator_minutes: int
    circle_minutes: int
    circle_member_id: str


def chain_form_of(chain: EscalationChain) -> ChainForm:
    """The form values of ``chain`` (the defaults for a step it lacks)."""
    minutes = {s.tier: s.after_minutes for s in chain.steps}
    member = next((s.circle_member_id for s in chain.steps if s.circle_member_id), "")
    return ChainForm(
        worker_minutes=minutes.get(Tier.WORKER_ON_SHIFT, 5),
        coordinator_minutes=minutes.get(Tier.COORDINATOR, 10),
        circle_minutes=minutes.get(Tier.CIRCLE_MEMBER, 15),
        circle_member_id=member or "",
    )


def chain_from_form(form: Mapping[str, str], circle: Sequence[CircleMember]) -> EscalationChain:
    """The chain the form describes: responder, worker, coordinator, then the circle member if one
    is chosen; errors name the field."""
    steps = [
        ChainStep(Tier.RESPONDER, 0),
        ChainStep(Tier.WORKER_ON_SHIFT, _minutes(form, "worker_minutes")),
        ChainStep(Tier.COORDINATOR, _minutes(form, "coordinator_minutes")),
    ]
    member = form.get("circle_member_id", "")
    if member:
        if member not in {m.id for m in circle}:
            raise DomainValidationError(
                "circle_member_id", "choose someone in the circle of support"
            )
        steps.append(ChainStep(Tier.CIRCLE_MEMBER, _minutes(form, "circle_minutes"), member))
    return EscalationChain(tuple(steps))


def _minutes(form: Mapping[str, str], name: str) -> int:
    text = form.get(name, "").strip()
    try:
        value = int(text)
    except ValueError:
        raise DomainValidationError(name, "must be a whole number of minutes") from None
    if not 0 <= value <= 24 * 60:
        raise DomainValidationError(name, "must be from 0 to 1440 minutes")
    return value
