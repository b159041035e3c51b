"""Figures of a telecare service: how fast alerts are answered against the TEC Services
Association's targets, how many alerts each person has a week, and how many were false alarms,
by rule. Counts only, never a person."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from careweave.domain.telecare.alerts import ALERT_TITLES, AlertKind, Outcome, TelecareAlert

# TEC Services Association quality standard: alarm calls answered within 60 s (97.5 %) and within
# 180 s (99 %). careweave's "answered" is acknowledged in the console.
TARGETS = ((60, 0.975), (180, 0.99))


@dataclass(frozen=True, slots=True)
class ResponseShare:
    """The share of alerts acknowledged within ``seconds``, against the ``target`` share."""

    seconds: int
    target: float
    within: int
    counted: int

    @property
    def share(self) -> float | None:
        """Acknowledged in time over alerts counted (``None`` with none)."""
        return self.within / self.counted if self.counted else None

    @property
    def met(self) -> bool:
        """True when the target is met (with at least one alert counted)."""
        return self.share is not None and self.share >= self.target


@dataclass(frozen=True, slots=True)
class RuleFigures:
    """One kind of alert: how many, how many a person a week, and the share of false alarms."""

    kind: AlertKind
    alerts: int
    per_person_week: float
    with_outcome: int
    false_alarms: int

    @property
    def title(self) -> str:
        """The kind in plain words."""
        return ALERT_TITLES[self.kind]

    @property
    def false_share(self) -> float | None:
        """False alarms over alerts with an outcome (``None`` with none)."""
        return self.false_alarms / self.with_outcome if self.with_outcome else None


def response_shares(alerts: Sequence[TelecareAlert], now: datetime) -> list[ResponseShare]:
    """The response-time shares of the care alerts (technical alerts wait for a technician).

    An alert still open counts once it has waited longer than the target's time: it was not
    answered in time. One that is younger is not counted yet.
    """
    care = [a for a in alerts if not a.is_technical]
    shares = []
    for seconds, target in TARGETS:
        limit = timedelta(seconds=seconds)
        counted = [a for a in care if a.acknowledged_at is not None or now - a.raised_at > limit]
        within = [
            a for a in counted if a.response_seconds is not None and a.response_seconds <= seconds
        ]
        shares.append(ResponseShare(seconds, target, len(within), len(counted)))
    return shares


def rule_figures(alerts: Sequence[TelecareAlert], people: int, weeks: float) -> list[RuleFigures]:
    """Per kind of alert raised: counts, alerts per person per week, false alarms."""
    found = []
    for kind in AlertKind:
        mine = [a for a in alerts if a.kind is kind]
        if not mine:
            continue
        decided = [a for a in mine if a.outcome is not None]
        false = [a for a in decided if a.outcome is Outcome.FALSE_ALARM]
        rate = len(mine) / (people * weeks) if people and weeks else 0.0
        found.append(RuleFigures(kind, len(mine), rate, len(decided), len(false)))
    return found
