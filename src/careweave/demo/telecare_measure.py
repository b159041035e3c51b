"""How well the rules notice the planted incidents of simulated homes: each home is watched as the
service watches it (every 15 minutes, the last 36 hours of events, the learned rule at its two
looks a day), and every alert is matched to the incidents expected to raise it.

* **precision** of a rule: the share of its alerts that fell within an incident it was expected to
  notice (the rest are false alarms, on ordinary days, quiet days and holidays);
* **recall**: the share of the incidents it was expected to notice that it did notice, within the
  incident's time.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from careweave.demo.telecare_homes import SimHome
from careweave.domain.telecare.alerts import ALERT_TITLES, AlertKind
from careweave.domain.telecare.events import HOME_TIME
from careweave.domain.telecare.home import ActivityHistory, HomeEvents
from careweave.domain.telecare.ruleset import LOOKBACK, RULE_CLASSES, evaluate

STEP = timedelta(minutes=15)
# The learned rule judges at 00:00 and 12:00 (see pattern.py); it needs four weeks of history only then.
LOOK_HOURS = (0, 12)


@dataclass(frozen=True, slots=True)
class Raised:
    """An alert the rules raised in a simulated home."""

    home: str
    kind: AlertKind
    at: datetime


def watch(homes: Sequence[SimHome], start: datetime, end: datetime) -> list[Raised]:
    """Every alert each home's rules raise from ``start`` to ``end``, looking every 15 minutes."""
    found: list[Raised] = []
    for home in homes:
        times = [e.at for e in home.events]
        history = ActivityHistory.of(home.events)
        raised: set[str] = set()
        for now in _moments(start, end):
            first, last = bisect_left(times, now - LOOKBACK), bisect_right(times, now)
            local = now.astimezone(HOME_TIME)
            looking = local.hour in LOOK_HOURS and local.minute < STEP.seconds // 60
            view = HomeEvents(
                home.person_id,
                tuple(home.events[first:last]),
                home.devices,
                tuple(home.absences),
                history if looking else None,
            )
            for trigger in evaluate(home.rules, view, now, raised):
                raised.add(trigger.key)
                found.append(Raised(home.person_id, trigger.kind, trigger.at))
    return found


def _moments(start: datetime, end: datetime) -> list[datetime]:
    """Every :data:`STEP` from ``start``, and ``end`` itself (so nothing just before it is missed)."""
    found = []
    now = start
    while now < end:
        found.append(now)
        now += STEP
    return [*found, end]


@dataclass(frozen=True, slots=True)
class Score:
    """One rule's results."""

    kind: AlertKind
    alerts: int
    true_alerts: int
    incidents: int
    caught: int

    @property
    def precision(self) -> float | None:
        """True alerts over all its alerts (``None`` without alerts)."""
        return self.true_alerts / self.alerts if self.alerts else None

    @property
    def recall(self) -> float | None:
        """Incidents caught over incidents expected (``None`` without incidents)."""
        return self.caught / self.incidents if self.incidents else None


def score(homes: Sequence[SimHome], raised: Sequence[Raised]) -> list[Score]:
    """Each rule's precision and recall on the planted incidents of ``homes``."""
    incidents = [i for home in homes for i in home.incidents]
    scores = []
    for kind in RULE_CLASSES:
        mine = [r for r in raised if r.kind is kind]
        expected = [i for i in incidents if kind in i.expected]
        true = [
            r for r in mine if any(i.home == r.home and i.start <= r.at <= i.end for i in expected)
        ]
        caught = [
            i for i in expected if any(r.home == i.home and i.start <= r.at <= i.end for r in mine)
        ]
        scores.append(Score(kind, len(mine), len(true), len(expected), len(caught)))
    return scores


def table(scores: Sequence[Score], person_weeks: float) -> str:
    """The scores as a Markdown table, with each rule's alerts per person per week."""
    lines = [
        "| rule | alerts | true | precision | incidents | caught | recall | alerts per person-week |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in scores:
        lines.append(
            f"| {ALERT_TITLES[s.kind]} | {s.alerts} | {s.true_alerts} | {_share(s.precision)} | "
            f"{s.incidents} | {s.caught} | {_share(s.recall)} | {s.alerts / person_weeks:.2f} |"
        )
    return "\n".join(lines)


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"
