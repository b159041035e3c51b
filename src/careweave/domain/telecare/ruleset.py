"""A person's rules, and the one evaluation that turns their home's events into new triggers.

:func:`evaluate` is where three decisions live, once for every rule:

* **nothing twice**: the caller passes the keys already raised (the explicit state); a trigger
  whose key is among them is dropped, so evaluating the same events again fires nothing;
* **fresh only**: a trigger older than :data:`FRESH` is dropped. The caller hands in at least
  :data:`LOOKBACK` of events, which is :data:`FRESH` plus the longest span a rule needs, so every
  fresh occasion is seen whole and an occasion cut by the window's edge is never fresh;
* **away**: while the person is away (holiday, hospital) no activity rule fires; the pendant,
  falls, smoke, flood and cold still do.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from careweave.domain.errors import DomainValidationError
from careweave.domain.telecare.alerts import ACTIVITY_ALERT_KINDS, AlertKind, Priority
from careweave.domain.telecare.home import HomeEvents, Trigger
from careweave.domain.telecare.pattern import UnusualDay
from careweave.domain.telecare.rules import (
    MAX_SPAN,
    ApplianceNotUsed,
    DoorAtNight,
    FallDetected,
    FloodDetected,
    LowTemperature,
    NoMovement,
    OutOfBed,
    PendantPress,
    Rule,
    SmokeDetected,
)
from careweave.domain.values import require_member

FRESH = timedelta(hours=24)
LOOKBACK = FRESH + MAX_SPAN

RULE_CLASSES: dict[AlertKind, type[Rule]] = {
    cls.kind: cls
    for cls in (
        PendantPress,
        FallDetected,
        SmokeDetected,
        FloodDetected,
        NoMovement,
        OutOfBed,
        DoorAtNight,
        ApplianceNotUsed,
        LowTemperature,
        UnusualDay,
    )
}
FieldValue = str | int | float | bool


@dataclass(frozen=True, slots=True)
class RuleSet:
    """One rule of each kind for a person (the defaults for any kind not set)."""

    rules: Mapping[AlertKind, Rule]

    def __post_init__(self) -> None:
        full = {kind: self.rules.get(kind) or cls() for kind, cls in RULE_CLASSES.items()}
        object.__setattr__(self, "rules", full)

    @classmethod
    def default(cls) -> RuleSet:
        """Every rule on, with the defaults of :mod:`.rules`."""
        return cls({})

    def __getitem__(self, kind: AlertKind) -> Rule:
        return self.rules[kind]

    def with_rule(self, rule: Rule) -> RuleSet:
        """This set with ``rule`` replacing the one of its kind."""
        return RuleSet({**self.rules, rule.kind: rule})

    def ordered(self) -> list[Rule]:
        """The rules in the order of :data:`RULE_CLASSES` (most urgent kinds first)."""
        return [self.rules[kind] for kind in RULE_CLASSES]


def evaluate(
    rules: RuleSet, home: HomeEvents, now: datetime, raised: Collection[str]
) -> list[Trigger]:
    """The triggers of ``home`` at ``now`` not raised before, oldest first.

    Parameters
    ----------
    rules
        The person's rules (disabled ones are skipped).
    home
        The home's events of at least the last :data:`LOOKBACK`, its devices and absences.
    now
        The moment of evaluation.
    raised
        The keys of the triggers already raised for this person (at least the last :data:`FRESH`).
    """
    found: dict[str, Trigger] = {}
    for rule in rules.ordered():
        if not rule.enabled:
            continue
        for trigger in rule.triggers(home, now):
            if trigger.key in raised or trigger.key in found:
                continue
            if not now - FRESH <= trigger.at <= now:
                continue
            if trigger.kind in ACTIVITY_ALERT_KINDS and home.is_away(trigger.at):
                continue
            found[trigger.key] = trigger
    return sorted(found.values(), key=lambda t: (t.at, t.priority, t.key))


def rule_fields(rule: Rule) -> dict[str, FieldValue]:
    """The rule's settings as plain values (times as ``"HH:MM"``, the priority as a number)."""
    values: dict[str, FieldValue] = {}
    for spec in dataclasses.fields(rule):
        value = getattr(rule, spec.name)
        if isinstance(value, time):
            values[spec.name] = value.strftime("%H:%M")
        elif isinstance(value, Priority):
            values[spec.name] = int(value)
        else:
            values[spec.name] = value
    return values


def rule_from_fields(kind: AlertKind | str, fields: Mapping[str, object]) -> Rule:
    """The rule of ``kind`` with ``fields`` changed from its defaults, or an error naming the field.

    Values may be text (as a form sends them) or already typed (as stored JSON holds them).
    """
    kind = require_member("rule", kind, AlertKind)
    if kind not in RULE_CLASSES:
        raise DomainValidationError("rule", f"{kind.value!r} is not a rule you can set")
    cls = RULE_CLASSES[kind]
    defaults = {spec.name: getattr(cls(), spec.name) for spec in dataclasses.fields(cls)}
    unknown = sorted(set(fields) - set(defaults))
    if unknown:
        raise DomainValidationError(unknown[0], f"is not a setting of the {kind.value} rule")
    typed: dict[str, Any] = {
        name: _typed(name, value, defaults[name]) for name, value in fields.items()
    }
    return cls(**typed)


def _typed(name: str, value: object, default: object) -> object:
    if not isinstance(value, str):
        return value
    text = value.strip()
    try:
        if isinstance(default, bool):
            return text.lower() in ("true", "on", "1", "yes")
        if isinstance(default, time):
            return time.fromisoformat(text)
        if isinstance(default, int):
            return int(text)
        if isinstance(default, float):
            return float(text)
    except ValueError:
        raise DomainValidationError(name, f"{text[:20]!r} is not a valid value") from None
    return text
