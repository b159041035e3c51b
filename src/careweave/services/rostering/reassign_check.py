"""The roster checker's view of one proposed reassignment, in plain words.

The team's week is turned into the optimiser's problem (:mod:`.roster_problem`), the stored roster
is checked as it is and with the proposed change, and only the rules the change *newly* breaks
are reported — a week that already has problems does not make every change look wrong. The
checker's messages name records by id; they are rewritten with names, times and weekdays.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from datetime import date, time, timedelta

from careweave import scheduling as rs
from careweave.domain.people.person import Person
from careweave.domain.visits.visit import Visit
from careweave.domain.workforce.workers import Team, Worker
from careweave.services.rostering.roster_problem import build_week_problem, roster_from_visits
from careweave.services.rostering.team_week import DAYS_IN_WEEK, monday_of

# The domain checks say these in plainer words already.
COVERED_BY_DOMAIN = frozenset({"skills", "exclusion", "window"})
_IDENT = re.compile(r"\b(?:worker |visit )?([0-9a-f]{32})(?:/\d)?\b")
_DAY = re.compile(r"\bday (\d)\b")
# The checker counts minutes after midnight ("starts at 570") and fractional minutes.
_MOMENT = re.compile(r"\b(at|before|after|by|until|ends at) (\d+(?:\.\d+)?)\b(?! min)")
_MINUTES = re.compile(r"\b(\d+\.\d+) min\b")


@dataclasses.dataclass(frozen=True, slots=True)
class TeamWeekRecords:
    """What the checker needs of a team's week."""

    team: Team
    people: Sequence[Person]
    workers: Sequence[Worker]
    visits: Sequence[Visit]


def new_violations(
    records: TeamWeekRecords, visit: Visit, worker_ids: Sequence[str], start: time | None
) -> list[str]:
    """Hard rules the change breaks that the stored roster does not, in plain words."""
    monday = monday_of(visit.day)
    proposed = dataclasses.replace(visit)
    proposed.assign(tuple(worker_ids), start, visit.planned_minutes)
    changed = [proposed if v.id == visit.id else v for v in records.visits]
    try:
        before = _check(records, records.visits, monday)
        after = _check(records, changed, monday)
    except rs.ProblemError as exc:
        return [f"the week cannot be checked: {exc}"]
    seen = {(v.rule, v.item, v.message) for v in before}
    names = _names(records)
    return [
        _plain(f"{v.item} {v.message}", names, monday)
        for v in after
        if (v.rule, v.item, v.message) not in seen and v.rule not in COVERED_BY_DOMAIN
    ]


def _check(
    records: TeamWeekRecords, visits: Sequence[Visit], monday: date
) -> tuple[rs.Violation, ...]:
    week = build_week_problem(records.team, records.people, records.workers, visits, {}, monday)
    return rs.check(week.problem, roster_from_visits(week, records.workers)).violations


def _names(records: TeamWeekRecords) -> dict[str, str]:
    people = {p.id: p.display_name for p in records.people}
    names = {w.id: w.display_name for w in records.workers}
    for v in records.visits:
        begin = v.planned_start or v.window_start
        names[v.id] = f"{people.get(v.person_id, 'someone')}'s {begin:%H:%M} visit"
    return names


def _plain(text: str, names: Mapping[str, str], monday: date) -> str:
    text = _IDENT.sub(lambda m: names.get(m.group(1), "a record"), text)
    text = _MOMENT.sub(lambda m: f"{m.group(1)} {_clock(float(m.group(2)))}", text)
    text = _MINUTES.sub(lambda m: f"{round(float(m.group(1)))} min", text)
    return _DAY.sub(
        lambda m: (monday + timedelta(days=int(m.group(1)) % DAYS_IN_WEEK)).strftime("%A"), text
    )


def _clock(minutes: float) -> str:
    whole = round(minutes)
    return f"{whole // 60 % 24:02d}:{whole % 60:02d}"
